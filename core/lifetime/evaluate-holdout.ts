import { z } from 'zod';
import { label, LOCALES, type Locale } from '../i18n/labels.js';
import { parseOptions } from '../util/parse-options.js';
import type { LifetimeSummary, TimeUnit } from './build-summary.js';
import { LifetimeModelError } from './lifetime-error.js';
import { TRANSACTION_MODELS } from './models.js';
import type { FittedTransactionModel, TransactionModelName } from './transaction-model.js';
import { uniqueRows } from './unique-rows.js';
import { rankAuc } from '../ml/rank-auc.js';

// rankAuc moved to core/ml (the booster's back-tests use it too); re-exported so old imports keep working.
export { rankAuc };

/** Options of `evaluateHoldout`; every default lives here. */
export const holdoutOptionsSchema = z
  .object({
    /** Calibration frequencies 0 … maxBucket − 1 get a bucket each; maxBucket and above share "maxBucket+". */
    maxBucket: z.number().int().min(1).max(100).default(7),
  })
  .strict();

export type HoldoutOptions = z.input<typeof holdoutOptionsSchema>;

/** Customers with the same calibration frequency (or maxBucket and more). */
export interface HoldoutBucket {
  /** '0', '1', …, '7+'. */
  readonly label: string;
  readonly customers: number;
  /** Mean holdout purchases per customer: observed and E[Y(holdout) | x, t_x, T]. */
  readonly actualMean: number;
  readonly predictedMean: number;
  readonly actualTotal: number;
  readonly predictedTotal: number;
}

/** Calibration vs holdout accuracy of a fitted transaction model. */
export interface HoldoutEvaluation {
  readonly model: TransactionModelName;
  readonly unit: TimeUnit;
  /** Holdout length in units. */
  readonly holdoutLength: number;
  readonly buckets: readonly HoldoutBucket[];
  readonly totals: { readonly customers: number; readonly actual: number; readonly predicted: number };
  /** Mean absolute error per customer of the holdout purchase count. */
  readonly mae: number;
  /**
   * Area under the ROC curve of P(alive) for "bought again in the holdout"
   * (Mann–Whitney: the chance a buyer outranks a non-buyer, ties counting ½);
   * NaN when everyone or no one bought again.
   */
  readonly auc: number;
  /** Customers with at least one holdout purchase. */
  readonly holdoutBuyers: number;
  /** Per customer: the model's expected holdout purchases and P(alive) at the calibration end. */
  readonly predicted: Float64Array;
  readonly pAlive: Float64Array;
}

/**
 * Compares a model's conditional expectations over the holdout with what
 * customers actually bought: by calibration-frequency bucket (the classic
 * FHL 2005 Figure 3 table), in total, per customer (MAE), and as a ranking
 * (AUC of P(alive)).
 * @throws OptionsError; LifetimeModelError `no-holdout` when the summary has no holdout column.
 * @example evaluateHoldout(cdnowSummary, fitBgNbd(cdnowSummary)).totals // { customers: 2357, actual: 1882, predicted: ≈1653 }
 */
export function evaluateHoldout(
  summary: LifetimeSummary,
  fitted: FittedTransactionModel,
  optionsInput: HoldoutOptions = {},
): HoldoutEvaluation {
  const options = parseOptions(holdoutOptionsSchema, optionsInput);
  const holdout = summary.holdoutFrequency;
  const length = summary.holdoutLength;
  if (!holdout || length === undefined)
    throw new LifetimeModelError('no-holdout', { key: 'error.lifetime.no-holdout' });
  const model = TRANSACTION_MODELS[fitted.model];
  const n = summary.count;
  const rows = uniqueRows([summary.frequency, summary.recency, summary.age]);
  const [xs, txs, ts] = rows.columns as [Float64Array, Float64Array, Float64Array];
  const rowPredicted = new Float64Array(rows.count),
    rowPAlive = new Float64Array(rows.count);
  for (let u = 0; u < rows.count; u++) {
    rowPredicted[u] = model.conditionalExpectedPurchases(fitted.params, length, xs[u]!, txs[u]!, ts[u]!);
    rowPAlive[u] = model.pAlive(fitted.params, xs[u]!, txs[u]!, ts[u]!);
  }
  const k = options.maxBucket + 1;
  const count = new Float64Array(k),
    actual = new Float64Array(k),
    predictedSum = new Float64Array(k);
  const predicted = new Float64Array(n),
    pAlive = new Float64Array(n);
  let absError = 0,
    buyers = 0;
  for (let i = 0; i < n; i++) {
    const u = rows.rowOf[i]!;
    predicted[i] = rowPredicted[u]!;
    pAlive[i] = rowPAlive[u]!;
    const b = Math.min(summary.frequency[i]!, options.maxBucket);
    count[b]!++;
    actual[b]! += holdout[i]!;
    predictedSum[b]! += predicted[i]!;
    absError += Math.abs(holdout[i]! - predicted[i]!);
    if (holdout[i]! > 0) buyers++;
  }
  const buckets: HoldoutBucket[] = [];
  for (let b = 0; b < k; b++) {
    buckets.push({
      label: b === options.maxBucket ? `${b}+` : String(b),
      customers: count[b]!,
      actualMean: count[b]! > 0 ? actual[b]! / count[b]! : Number.NaN,
      predictedMean: count[b]! > 0 ? predictedSum[b]! / count[b]! : Number.NaN,
      actualTotal: actual[b]!,
      predictedTotal: predictedSum[b]!,
    });
  }
  return {
    model: fitted.model,
    unit: summary.unit,
    holdoutLength: length,
    buckets,
    totals: { customers: n, actual: sum(actual), predicted: sum(predictedSum) },
    mae: n > 0 ? absError / n : Number.NaN,
    auc: rankAuc(pAlive, holdout),
    holdoutBuyers: buyers,
    predicted,
    pAlive,
  };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** A Vega-Lite v5 specification: plain JSON, render it with any Vega-Lite runtime. */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

export const chartOptionsSchema = z.object({ locale: z.enum(LOCALES).default('en') }).strict();

/**
 * Grouped bars of actual vs predicted mean holdout purchases per calibration
 * frequency bucket, as a Vega-Lite spec (no charting library in the engine);
 * labels come from the i18n table.
 * @throws OptionsError for invalid options.
 * @example holdoutChartSpec(evaluateHoldout(summary, fit), { locale: 'zh-CN' }).mark // { type: 'bar' }
 */
export function holdoutChartSpec(evaluation: HoldoutEvaluation, optionsInput: { locale?: Locale } = {}): VegaLiteSpec {
  const { locale } = parseOptions(chartOptionsSchema, optionsInput);
  const actual = label('lifetime.series.actual', locale),
    predicted = label('lifetime.series.predicted', locale);
  const bucket = label('lifetime.chart.bucket', locale),
    purchases = label('lifetime.chart.purchases', locale);
  const series = label('lifetime.chart.series', locale),
    customers = label('lifetime.chart.customers', locale);
  const round = (value: number): number | null => (Number.isFinite(value) ? Math.round(value * 10000) / 10000 : null);
  const values = evaluation.buckets.flatMap((b) => [
    { bucket: b.label, series: actual, purchases: round(b.actualMean), customers: b.customers },
    { bucket: b.label, series: predicted, purchases: round(b.predictedMean), customers: b.customers },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: label('lifetime.chart.title', locale),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'bucket',
        type: 'ordinal',
        title: bucket,
        sort: evaluation.buckets.map((b) => b.label),
        axis: { labelAngle: 0 },
      },
      xOffset: { field: 'series', sort: [actual, predicted] },
      y: { field: 'purchases', type: 'quantitative', title: purchases },
      color: { field: 'series', type: 'nominal', title: series, sort: [actual, predicted] },
      tooltip: [
        { field: 'bucket', type: 'ordinal', title: bucket },
        { field: 'series', type: 'nominal', title: series },
        { field: 'purchases', type: 'quantitative', title: purchases, format: '.3f' },
        { field: 'customers', type: 'quantitative', title: customers },
      ],
    },
  };
}
