import type { RepeatPurchaseData } from './build-summary.js';
import {
  aMinusOneOf,
  hypergeometricExpectation,
  hypergeometricExpectations,
  probabilityOfCount,
} from './expected-purchases.js';
import type { FitOptions } from './fit-model.js';
import {
  fitTransactionModel,
  type FittedTransactionModel,
  type TransactionModel,
  type TransactionParams,
} from './transaction-model.js';

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007; lifetimes'
 * ModifiedBetaGeoFitter): like BG/NBD, but a customer may also drop out right
 * after the first purchase, so one-time buyers are not automatically alive.
 * @throws OptionsError; LifetimeModelError `invalid-summary`, `no-customers`, `too-few-customers`, `no-repeat-buyers`, `identical-customers`.
 * @example fitMbgNbd(cdnowSummary).params // ≈ { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }
 */
export function fitMbgNbd(data: RepeatPurchaseData, options: FitOptions = {}): FittedTransactionModel {
  return fitTransactionModel(data, 'mbg-nbd', options);
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)), for every x.
 * @example mbgNbdPAlive({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 0, 0, 38.86) < 0.5
 */
export function mbgNbdPAlive(params: TransactionParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + x) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[Y(t) | x, t_x, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] · P(alive).
 * @example mbgNbdConditionalExpectedPurchases({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 39, 2, 30.43, 38.86) > 0
 */
export function mbgNbdConditionalExpectedPurchases(
  params: TransactionParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  return mbgNbdExpectedPurchasesIfAlive(params, t, x, T) * mbgNbdPAlive(params, x, tx, T);
}

/**
 * E[Y(t) | alive at T, x, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))].
 * @example mbgNbdExpectedPurchasesIfAlive({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 39, 2, 38.86) > 0
 */
export function mbgNbdExpectedPurchasesIfAlive(params: TransactionParams, t: number, x: number, T: number): number {
  const { r, alpha, b } = params;
  const am1 = aMinusOneOf(params.a);
  const c = am1 + 1 + b + x;
  return hypergeometricExpectation(c, r + x, b + x + 1, c, am1, t, alpha + T);
}

/**
 * mbgNbdExpectedPurchasesIfAlive at several ascending times, into `out` (shared series coefficients).
 * @example mbgNbdExpectedPurchasesIfAliveCurve(params, Float64Array.of(4.345, 8.69), 2, 38.86, out) // out = [E(1 month), E(2 months)]
 */
export function mbgNbdExpectedPurchasesIfAliveCurve(
  params: TransactionParams,
  times: Float64Array,
  x: number,
  T: number,
  out: Float64Array,
): void {
  const { r, alpha, b } = params;
  const am1 = aMinusOneOf(params.a);
  const c = am1 + 1 + b + x;
  hypergeometricExpectations(c, r + x, b + x + 1, c, am1, times, alpha + T, out);
}

/**
 * E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))].
 * @example mbgNbdExpectedPurchases({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 39) > 0
 */
export function mbgNbdExpectedPurchases(params: TransactionParams, t: number): number {
  const { r, alpha, b } = params;
  const am1 = aMinusOneOf(params.a);
  return hypergeometricExpectation(b, r, b + 1, am1 + 1 + b, am1, t, alpha);
}

/**
 * P(X(t) = n): B(a, b+n+1)/B(a,b)·NB(n) + B(a+1, b+n)/B(a,b)·P(NB ≥ n), the
 * BG/NBD formula with a dropout chance at time 0 as well.
 * @example mbgNbdProbabilityOfPurchases({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 39, 0) > 0.5
 */
export function mbgNbdProbabilityOfPurchases(params: TransactionParams, t: number, n: number): number {
  return probabilityOfCount(params.r, params.alpha, params.a, params.b, t, n, 1);
}

/** The MBG/NBD model's per-customer quantities. */
export const MBG_NBD: TransactionModel = {
  name: 'mbg-nbd',
  pAlive: mbgNbdPAlive,
  conditionalExpectedPurchases: mbgNbdConditionalExpectedPurchases,
  expectedPurchasesIfAlive: mbgNbdExpectedPurchasesIfAlive,
  expectedPurchasesIfAliveCurve: mbgNbdExpectedPurchasesIfAliveCurve,
  expectedPurchases: mbgNbdExpectedPurchases,
  probabilityOfPurchases: mbgNbdProbabilityOfPurchases,
};
