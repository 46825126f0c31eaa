import { renderMessage, type Message } from '../i18n/labels.js';
import { buildLifetimeSummary, type LifetimeSummary } from '../lifetime/build-summary.js';
import { TRANSACTION_MODELS } from '../lifetime/models.js';
import {
  fitTransactionModel,
  type FittedTransactionModel,
  type TransactionModelName,
  type TransactionParams,
} from '../lifetime/transaction-model.js';
import { uniqueRows, type UniqueRows } from '../lifetime/unique-rows.js';
import type { PurchaseIndex } from './churn-events.js';
import { sampleRows } from './sample-rows.js';

/**
 * P(no purchase in (T, T + H] | x, t_x, T) for BG/NBD and MBG/NBD. Both drop
 * customers out only right after a purchase, so a customer alive at T who
 * buys nothing in the next H stays alive; given alive, λ | x, T ~ Gamma(r + x,
 * α + T) and P(no Poisson arrival in H) = E[e^{−λH}] = ((α+T)/(α+T+H))^(r+x):
 *   P = 1 − P(alive) + P(alive) · ((α+T)/(α+T+H))^(r+x),
 * which is 1 − lifetimes' P(N(H) ≥ 1) for n = 0 (checked against simulation
 * in test/core/churn/btyd-churn.test.ts).
 * @example noPurchaseProbability('bg-nbd', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 0, 0, 38.86) // one-time buyer: alive, ≈ (43.27/82.27)^0.243
 */
export function noPurchaseProbability(
  model: TransactionModelName,
  params: TransactionParams,
  horizon: number,
  x: number,
  tx: number,
  T: number,
): number {
  const pAlive = TRANSACTION_MODELS[model].pAlive(params, x, tx, T);
  const silentIfAlive = Math.exp(-(params.r + x) * Math.log1p(horizon / (params.alpha + T)));
  return 1 - pAlive + pAlive * silentIfAlive;
}

/** Why a BTYD fit cannot rank churn, in plain words; undefined when it can. */
export interface DegenerateFit {
  readonly code: 'no-dropout' | 'parameter-at-bound' | 'unidentified' | 'not-converged';
  /** The reason in English (logs, --format json). */
  readonly reason: string;
  /** The reason as a catalogue sentence, for faces in other locales. */
  readonly text: Message;
}

function degenerate(code: DegenerateFit['code'], text: Message): DegenerateFit {
  return { code, reason: renderMessage(text, 'en'), text };
}

/** Parameters beyond these (natural scale) sit at the optimiser's edge, not at an estimate. */
const PARAMETER_BOUNDS = [1e-4, 1e6] as const;
/** sd of log θ above this: the data cannot tell θ from e^±10·θ (95% interval). */
const MAX_LOG_SD = 5;

/**
 * Names a degenerate BG/NBD or MBG/NBD fit: a or b at a bound or a vanishing
 * mean dropout a/(a+b) ("nobody ever drops out", the retailer fit with a ≈
 * 6e-7), a parameter with a huge relative standard error (from the fit's
 * logCovariance), no standard errors at all, or no convergence.
 * @example assessBtydFit(fit)?.reason // 'the model finds no drop-out, so it cannot say who has stopped buying (a = 6e-7)'
 */
export function assessBtydFit(fit: FittedTransactionModel): DegenerateFit | undefined {
  const { a, b } = fit.params;
  if (a < PARAMETER_BOUNDS[0] || a / (a + b) < 1e-4)
    return degenerate('no-dropout', {
      key: 'churn.degenerate.no-dropout',
      params: { a: a.toPrecision(2), b: b.toPrecision(2) },
    });
  const names = fit.parameterNames;
  for (const name of names) {
    const value = fit.params[name];
    if (value < PARAMETER_BOUNDS[0] || value > PARAMETER_BOUNDS[1])
      return degenerate('parameter-at-bound', {
        key: 'churn.degenerate.parameter-at-bound',
        params: { name, value: value.toPrecision(2) },
      });
  }
  if (!fit.converged) return degenerate('not-converged', { key: 'churn.degenerate.not-converged' });
  const cov = fit.logCovariance;
  if (!cov) return degenerate('unidentified', { key: 'churn.degenerate.no-standard-errors' });
  const k = names.length;
  for (let i = 0; i < k; i++) {
    const sd = Math.sqrt(cov[i * k + i]!);
    if (!(sd <= MAX_LOG_SD)) {
      const name = names[i]!;
      const params = {
        name,
        se: fit.standardErrors[name].toPrecision(2),
        value: fit.params[name].toPrecision(2),
      };
      return degenerate('unidentified', {
        key: name === 'a' || name === 'b' ? 'churn.degenerate.dropout-unidentified' : 'churn.degenerate.unidentified',
        params,
      });
    }
  }
  return undefined;
}

/** A BTYD fit on the history before an origin and P(no purchase in H) of that origin's population. */
export interface BtydOriginFit {
  readonly fit: FittedTransactionModel;
  /** In the origin's population order (customers who bought before o, ascending). */
  readonly noPurchase: Float64Array;
}

/** BTYD parameters describe the population: past this many customers the fit uses a seeded sample (scoring stays on everyone). The likelihood dominated predictChurn at 1M customers (41 of 74 s with 50k). */
export const BTYD_FIT_CUSTOMERS = 20_000;

/**
 * Fits `model` on the purchase days before `originDay` (in days) — on a
 * seeded sample of `maxFitCustomers` when the population is larger — and
 * scores every customer who bought before it.
 * @throws LifetimeModelError from the fit (`no-repeat-buyers`, `identical-customers`, …).
 * @example fitBtydAt(index, t - 90, 90, 'bg-nbd').noPurchase // P(no purchase in [t − 90, t)) per customer
 */
export function fitBtydAt(
  index: PurchaseIndex,
  originDay: number,
  horizonDays: number,
  model: TransactionModelName,
  maxFitCustomers = BTYD_FIT_CUSTOMERS,
  seed = 42,
  reuse?: BtydSummaryCache,
): BtydOriginFit {
  const cached = reuse?.last?.originDay === originDay && reuse.last.index === index ? reuse.last : undefined;
  const summary = cached?.summary ?? summaryAt(index, originDay);
  const sample = sampleRows(summary.count, maxFitCustomers, seed);
  const pick = (column: Float64Array): Float64Array => (sample ? Float64Array.from(sample, (i) => column[i]!) : column);
  const fit = fitTransactionModel(
    { frequency: pick(summary.frequency), recency: pick(summary.recency), age: pick(summary.age) },
    model,
    {},
  );
  const rows = cached?.rows ?? uniqueRows([summary.frequency, summary.recency, summary.age]);
  if (reuse) reuse.last = { index, originDay, summary, rows };
  const [xs, txs, ts] = rows.columns as [Float64Array, Float64Array, Float64Array];
  const perRow = new Float64Array(rows.count);
  for (let u = 0; u < rows.count; u++)
    perRow[u] = noPurchaseProbability(model, fit.params, horizonDays, xs[u]!, txs[u]!, ts[u]!);
  const noPurchase = new Float64Array(summary.count);
  for (let i = 0; i < summary.count; i++) noPurchase[i] = perRow[rows.rowOf[i]!]!;
  return { fit, noPurchase };
}

/**
 * The last origin's (x, t_x, T) summary and its distinct rows, so BG/NBD and
 * MBG/NBD at one origin build them once (~0.3 s and ~60 MB at 1M customers).
 * Holds one origin; the caller drops it when done.
 */
export interface BtydSummaryCache {
  last:
    | {
        readonly index: PurchaseIndex;
        readonly originDay: number;
        readonly summary: LifetimeSummary;
        readonly rows: UniqueRows;
      }
    | undefined;
}

const idCache = new WeakMap<PurchaseIndex, string[]>();

/** The (x, t_x, T) summary in days of the purchases before o; its order is the origin population's. */
function summaryAt(index: PurchaseIndex, originDay: number): LifetimeSummary {
  let ids = idCache.get(index);
  if (!ids) idCache.set(index, (ids = new Array<string>(index.customers).fill('')));
  return buildLifetimeSummary({ offsets: index.offsets, days: index.day, amounts: index.value }, ids, {
    calibrationEndDay: originDay - 1,
    unit: 'days',
  });
}
