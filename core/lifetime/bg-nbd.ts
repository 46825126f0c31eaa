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
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers
 * the easy way") by maximum likelihood on log(r, α, a, b).
 * @throws OptionsError; LifetimeModelError `invalid-summary`, `no-customers`, `too-few-customers`, `no-repeat-buyers`, `identical-customers`.
 * @example fitBgNbd(cdnowSummary).params // ≈ { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
 */
export function fitBgNbd(data: RepeatPurchaseData, options: FitOptions = {}): FittedTransactionModel {
  return fitTransactionModel(data, 'bg-nbd', options);
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
 * (FHL 2005 / Fader, Hardie & Lee 2008 note); a customer without repeat
 * purchases is alive by the model's assumption (dropout follows purchases).
 * @example bgNbdPAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86) // ≈ 0.727
 */
export function bgNbdPAlive(params: TransactionParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[Y(t) | x, t_x, T] (FHL 2005 eq. 10):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive).
 * @example bgNbdConditionalExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86) // ≈ 1.226
 */
export function bgNbdConditionalExpectedPurchases(
  params: TransactionParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  return bgNbdExpectedPurchasesIfAlive(params, t, x, T) * bgNbdPAlive(params, x, tx, T);
}

/**
 * E[Y(t) | alive at T, x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]:
 * the posterior λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x) of a customer still alive.
 * @example bgNbdExpectedPurchasesIfAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 38.86) // ≈ 1.687
 */
export function bgNbdExpectedPurchasesIfAlive(params: TransactionParams, t: number, x: number, T: number): number {
  const { r, alpha, b } = params;
  const am1 = aMinusOneOf(params.a);
  const c = am1 + b + x;
  return hypergeometricExpectation(c, r + x, b + x, c, am1, t, alpha + T);
}

/**
 * bgNbdExpectedPurchasesIfAlive at several ascending times, into `out` (shared series coefficients).
 * @example bgNbdExpectedPurchasesIfAliveCurve(params, Float64Array.of(4.345, 8.69), 2, 38.86, out) // out = [E(1 month), E(2 months)]
 */
export function bgNbdExpectedPurchasesIfAliveCurve(
  params: TransactionParams,
  times: Float64Array,
  x: number,
  T: number,
  out: Float64Array,
): void {
  const { r, alpha, b } = params;
  const am1 = aMinusOneOf(params.a);
  const c = am1 + b + x;
  hypergeometricExpectations(c, r + x, b + x, c, am1, times, alpha + T, out);
}

/**
 * E[X(t)] for a customer who just made the first purchase (FHL 2005 eq. 9):
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 * @example bgNbdExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 78) // ≈ 1.858
 */
export function bgNbdExpectedPurchases(params: TransactionParams, t: number): number {
  const { r, alpha, b } = params;
  const am1 = aMinusOneOf(params.a);
  const c = am1 + b;
  return hypergeometricExpectation(c, r, b, c, am1, t, alpha);
}

/**
 * P(X(t) = n) (FHL 2005 eq. 8); sums to 1 over n.
 * @example bgNbdProbabilityOfPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 0) // ≈ 0.58
 */
export function bgNbdProbabilityOfPurchases(params: TransactionParams, t: number, n: number): number {
  return probabilityOfCount(params.r, params.alpha, params.a, params.b, t, n, 0);
}

/** The BG/NBD model's per-customer quantities, for code that handles both models. */
export const BG_NBD: TransactionModel = {
  name: 'bg-nbd',
  pAlive: bgNbdPAlive,
  conditionalExpectedPurchases: bgNbdConditionalExpectedPurchases,
  expectedPurchasesIfAlive: bgNbdExpectedPurchasesIfAlive,
  expectedPurchasesIfAliveCurve: bgNbdExpectedPurchasesIfAliveCurve,
  expectedPurchases: bgNbdExpectedPurchases,
  probabilityOfPurchases: bgNbdProbabilityOfPurchases,
};
