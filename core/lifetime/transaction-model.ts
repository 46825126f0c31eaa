import { parseOptions } from '../util/parse-options.js';
import { betaGeometricObjective } from './beta-geometric-kernel.js';
import { checkRepeatData, type RepeatPurchaseData } from './build-summary.js';
import { fitOptionsSchema, maximizeLikelihood, type FitOptions, type ParameterFit } from './fit-model.js';
import { LifetimeModelError } from './lifetime-error.js';
import { uniqueRows, type UniqueRows } from './unique-rows.js';

export type TransactionModelName = 'bg-nbd' | 'mbg-nbd';
export const TRANSACTION_PARAMETERS = ['r', 'alpha', 'a', 'b'] as const;
export type TransactionParameter = (typeof TRANSACTION_PARAMETERS)[number];

/** r, α: gamma heterogeneity of the purchase rate λ; a, b: beta heterogeneity of the dropout probability p. */
export type TransactionParams = Readonly<Record<TransactionParameter, number>>;

/** A fitted BG/NBD or MBG/NBD model. */
export interface FittedTransactionModel extends ParameterFit<TransactionParameter> {
  readonly model: TransactionModelName;
}

/** The per-customer quantities both transaction models provide, with their parameters. */
export interface TransactionModel {
  readonly name: TransactionModelName;
  /** P(alive at T | x, t_x, T). */
  pAlive(params: TransactionParams, x: number, tx: number, T: number): number;
  /** E[Y(t) | x, t_x, T]: expected purchases in the next t periods (= P(alive) × expectedPurchasesIfAlive). */
  conditionalExpectedPurchases(params: TransactionParams, t: number, x: number, tx: number, T: number): number;
  /** E[Y(t) | alive at T, x, T]: does not depend on t_x, so customers sharing (x, T) share it. */
  expectedPurchasesIfAlive(params: TransactionParams, t: number, x: number, T: number): number;
  /** expectedPurchasesIfAlive at several ascending times at once, into `out` (one shared series). */
  expectedPurchasesIfAliveCurve(
    params: TransactionParams,
    times: Float64Array,
    x: number,
    T: number,
    out: Float64Array,
  ): void;
  /** E[X(t)]: expected purchases in (0, t] of a customer who just made a first purchase. */
  expectedPurchases(params: TransactionParams, t: number): number;
  /** P(X(t) = n) for such a new customer. */
  probabilityOfPurchases(params: TransactionParams, t: number, n: number): number;
}

/**
 * Validates the data, collapses identical rows, and fits one of the
 * beta-geometric models by maximum likelihood on log-parameters.
 * @throws OptionsError; LifetimeModelError (see repeatRows).
 * @example fitTransactionModel(summary, 'mbg-nbd', {}).params
 */
export function fitTransactionModel(
  data: RepeatPurchaseData,
  model: TransactionModelName,
  optionsInput: FitOptions,
): FittedTransactionModel {
  const options = parseOptions(fitOptionsSchema, optionsInput);
  const rows = repeatRows(data);
  const objective = betaGeometricObjective(rows, model === 'mbg-nbd');
  const fit = maximizeLikelihood(
    objective,
    TRANSACTION_PARAMETERS,
    startingValues(rows),
    rows.totalWeight,
    rows.count,
    options,
  );
  return { model, ...fit };
}

/**
 * The checks every transaction-model fit shares, then the unique rows.
 * @throws LifetimeModelError `invalid-summary`, `no-customers`, `too-few-customers`, `no-repeat-buyers`, `identical-customers`.
 * @example repeatRows(cdnowSummary).count // 1,016 unique (x, t_x, T) rows for 2,357 customers
 */
export function repeatRows(data: RepeatPurchaseData): UniqueRows {
  const n = data.frequency.length;
  if (n === 0) throw new LifetimeModelError('no-customers', { key: 'error.lifetime.no-customers' });
  if (n === 1) throw new LifetimeModelError('too-few-customers', { key: 'error.lifetime.one-customer' }, [0]);
  checkRepeatData(data);
  let repeaters = 0;
  for (let i = 0; i < n; i++) if (data.frequency[i]! > 0) repeaters++;
  if (repeaters === 0) {
    throw new LifetimeModelError('no-repeat-buyers', { key: 'error.lifetime.no-repeat-buyers', params: { count: n } });
  }
  const rows = uniqueRows([data.frequency, data.recency, data.age]);
  if (rows.count === 1)
    throw new LifetimeModelError('identical-customers', {
      key: 'error.lifetime.identical-customers',
      params: { count: n },
    });
  return rows;
}

/** r = 1, a = b = 1 and α = mean T / mean x, so the start is in the data's time unit. */
function startingValues(rows: UniqueRows): TransactionParams {
  const [xs, , ts] = rows.columns as [Float64Array, Float64Array, Float64Array];
  let sumX = 0,
    sumT = 0;
  for (let u = 0; u < rows.count; u++) {
    sumX += rows.weight[u]! * xs[u]!;
    sumT += rows.weight[u]! * ts[u]!;
  }
  const alpha = sumT / Math.max(sumX, 0.1 * rows.totalWeight);
  return { r: 1, alpha: alpha > 0 ? alpha : 1, a: 1, b: 1 };
}
