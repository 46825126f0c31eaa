import { z } from 'zod';
import { cholesky } from '../optimize/linear-algebra.js';
import { parseOptions } from '../util/parse-options.js';
import { addMonths } from '../parse/civil-day.js';
import { createRng, type Rng } from '../random/create-rng.js';
import { TAG_THRESHOLDS } from '../tags/assign-tags.js';
import { assessReliability, reliabilityOptionsSchema, type Reliability } from './assess-reliability.js';
import { DAYS_PER_UNIT, type LifetimeSummary, type TimeUnit } from './build-summary.js';
import {
  GAMMA_GAMMA_PARAMETERS,
  gammaGammaExpectedValue,
  type FittedGammaGamma,
  type GammaGammaParams,
} from './gamma-gamma.js';
import { LifetimeModelError } from './lifetime-error.js';
import { TRANSACTION_MODELS } from './models.js';
import {
  TRANSACTION_PARAMETERS,
  type FittedTransactionModel,
  type TransactionModel,
  type TransactionModelName,
  type TransactionParams,
} from './transaction-model.js';
import { uniqueRows, type UniqueRows } from './unique-rows.js';

/**
 * Length of a month in the time unit, as lifetimes' `customer_lifetime_value`
 * counts it (30 days, 4.345 weeks), so CLVs compare with that reference.
 */
export const MONTH_LENGTH: Readonly<Record<TimeUnit, number>> = { days: 30, weeks: 4.345 };

/** The fitted models `scoreLifetimes` needs: purchases (BG/NBD or MBG/NBD) and spend. */
export interface LifetimeModels {
  readonly transactions: FittedTransactionModel;
  readonly spend: FittedGammaGamma;
}

const arrayLike = z.custom<ArrayLike<number>>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { length?: unknown }).length === 'number',
  'must be an array of numbers',
);

/** Options of `scoreLifetimes`; every default lives here. */
export const scoreOptionsSchema = z
  .object({
    horizonMonths: z.number().int().min(1).max(600).default(12),
    /** Monthly discount rate of the CLV cash flows (0.01 = 1% a month). */
    monthlyDiscountRate: z.number().min(0).max(1).default(0.01),
    /** Churn risk when P(alive) is below this (issue 7 default 0.3). */
    pAliveThreshold: z.number().min(0).max(1).default(0.3),
    /**
     * SPEC churn-rule reasons (`result.tags.churnReasons`: 1 = inactive and
     * low frequency, 2 = complaint), indexed like the purchase days the summary
     * was built from (its `sourceIndex`), or like the summary when it has none.
     * Without it the SPEC §6 inactivity rule is evaluated on the summary at
     * the calibration end (complaints then unknown).
     */
    specChurnReasons: arrayLike.optional(),
    reliability: reliabilityOptionsSchema.prefault({}),
    /** Per-customer intervals for P(alive) and CLV by parametric bootstrap (off by default: K rescorings). */
    intervals: z
      .object({
        draws: z.number().int().min(10).max(100_000).default(200),
        level: z.number().gt(0).lt(1).default(0.9),
        seed: z.number().int().default(42),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ScoreOptions = z.input<typeof scoreOptionsSchema>;

/** Bits of `LifetimeScores.churnReason`. */
export const CHURN_REASON_BITS = { 'p-alive': 1, 'spec-rule': 2 } as const;

export type ChurnReason =
  | { readonly code: 'p-alive'; readonly pAlive: number; readonly threshold: number }
  | { readonly code: 'spec-rule'; readonly rules: readonly ('inactive-low-frequency' | 'complaint')[] };

/**
 * Per-customer intervals by parametric bootstrap: K parameter vectors drawn
 * from the asymptotic normal of the log-parameters (mean at the MLE,
 * covariance the inverse Hessian), the transaction and spend models
 * independently (the Gamma-Gamma independence assumption); each customer's
 * P(alive) and CLV recomputed per draw; the interval is the central `level`
 * range of the K values (percentiles with linear interpolation). It reflects
 * parameter uncertainty only, not the customer's own randomness.
 */
export interface LifetimeIntervals {
  readonly method: 'parametric-bootstrap';
  readonly level: number;
  /** Draws used (draws with a Gamma-Gamma q ≤ 1, which has no finite mean, are redrawn). */
  readonly draws: number;
  readonly seed: number;
  readonly pAliveLow: Float64Array;
  readonly pAliveHigh: Float64Array;
  readonly clvLow: Float64Array;
  readonly clvHigh: Float64Array;
}

/** Customer outputs, columnar, one index per summary customer. */
export interface LifetimeScores {
  readonly count: number;
  readonly ids: readonly string[];
  readonly model: TransactionModelName;
  readonly horizonMonths: number;
  /** The horizon in the summary's time unit (months × MONTH_LENGTH). */
  readonly horizon: number;
  readonly monthlyDiscountRate: number;
  readonly pAliveThreshold: number;
  readonly pAlive: Float64Array;
  /** Expected purchases over the horizon. */
  readonly expectedPurchases: Float64Array;
  /** Gamma-Gamma expected value of a future purchase. */
  readonly expectedValue: Float64Array;
  /** Σₘ E[purchases in month m] · expectedValue / (1 + d)^m over the horizon. */
  readonly clv: Float64Array;
  /** (1 − P(alive)) · CLV: what the customer is worth if won back. */
  readonly valueAtRisk: Float64Array;
  /** 1 when at churn risk. */
  readonly churnRisk: Uint8Array;
  /** CHURN_REASON_BITS of each flagged customer. */
  readonly churnReason: Uint8Array;
  /** SPEC rule reasons used (1 = inactive and low frequency, 2 = complaint). */
  readonly specRule: Uint8Array;
  /** 'model' = P(alive) threshold or SPEC rule; 'spec-rule' = the model is unreliable, SPEC rule only. */
  readonly labelSource: 'model' | 'spec-rule';
  readonly reliability: Reliability;
  readonly intervals?: LifetimeIntervals;
  /** Remarks for the report (fallbacks, skipped intervals). */
  readonly notes: readonly string[];
}

/**
 * Scores every customer of a summary: P(alive), expected purchases and CLV
 * over `horizonMonths` (lifetimes' discrete CLV: expected purchases per month
 * × Gamma-Gamma expected value, discounted monthly), value at risk, and a
 * churn label = SPEC rule OR P(alive) < threshold. When the minimum-data
 * guard finds the model unreliable, the label falls back to the SPEC rule and
 * `labelSource` and `notes` say so. The expensive part, E[Y(t) | alive], depends
 * on (x, T) only, so each distinct pair gets one curve (whole-day data have few).
 * @throws OptionsError; LifetimeModelError `invalid-summary` (spec reasons of the wrong length).
 * @example
 * const scores = scoreLifetimes(summary, { transactions: fitBgNbd(summary), spend: fitGammaGamma(summary) }, { horizonMonths: 12 });
 * rankByValueAtRisk(scores).slice(0, 10) // the ten customers most worth winning back
 */
export function scoreLifetimes(
  summary: LifetimeSummary,
  models: LifetimeModels,
  optionsInput: ScoreOptions = {},
): LifetimeScores {
  const options = parseOptions(scoreOptionsSchema, optionsInput);
  const n = summary.count;
  const model = TRANSACTION_MODELS[models.transactions.model];
  const params = models.transactions.params;
  const spend = models.spend.params;
  const month = MONTH_LENGTH[summary.unit];
  const horizonMonths = options.horizonMonths;
  const discount = Float64Array.from({ length: horizonMonths + 1 }, (_, m) =>
    Math.pow(1 + options.monthlyDiscountRate, -m),
  );

  // E[Y(t) | alive] depends on (x, T) only: one curve per distinct pair
  // (whole-day data has few), then P(alive) per customer in closed form.
  const pairs = uniqueRows([summary.frequency, summary.age]);
  const times = Float64Array.from({ length: horizonMonths }, (_, m) => (m + 1) * month);
  const curve = new Float64Array(horizonMonths);
  const pairExpected = new Float64Array(pairs.count),
    pairDiscounted = new Float64Array(pairs.count);
  const [pairX, pairT] = pairs.columns as [Float64Array, Float64Array];
  for (let u = 0; u < pairs.count; u++) {
    model.expectedPurchasesIfAliveCurve(params, times, pairX[u]!, pairT[u]!, curve);
    pairDiscounted[u] = discountedSum(curve, discount);
    pairExpected[u] = curve[horizonMonths - 1]!;
  }

  const reliability = assessReliability(summary, [models.transactions, models.spend], options.reliability);
  const specRule = specRuleReasons(summary, options.specChurnReasons);
  const labelSource = reliability.reliable ? 'model' : 'spec-rule';
  const pAlive = new Float64Array(n),
    expectedPurchases = new Float64Array(n),
    expectedValue = new Float64Array(n),
    clv = new Float64Array(n),
    valueAtRisk = new Float64Array(n);
  const churnRisk = new Uint8Array(n),
    churnReason = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const u = pairs.rowOf[i]!;
    const x = summary.frequency[i]!;
    const value = gammaGammaExpectedValue(spend, x, summary.monetaryValue[i]!);
    const alive = model.pAlive(params, x, summary.recency[i]!, summary.age[i]!);
    pAlive[i] = alive;
    expectedPurchases[i] = alive * pairExpected[u]!;
    expectedValue[i] = value;
    clv[i] = value * alive * pairDiscounted[u]!;
    valueAtRisk[i] = (1 - pAlive[i]!) * clv[i]!;
    let reason = specRule[i]! !== 0 ? CHURN_REASON_BITS['spec-rule'] : 0;
    if (labelSource === 'model' && pAlive[i]! < options.pAliveThreshold) reason |= CHURN_REASON_BITS['p-alive'];
    churnReason[i] = reason;
    churnRisk[i] = reason !== 0 ? 1 : 0;
  }

  const notes: string[] = [];
  if (labelSource === 'spec-rule') {
    notes.push(
      `Model unreliable: ${reliability.reasons.map((r) => r.message).join(' ')} Churn risk falls back to the rule-based churn rules (P(alive), CLV and value at risk are shown for information).`,
    );
  }
  if (!options.specChurnReasons)
    notes.push(
      'The rule-based churn rules are evaluated at the calibration end from purchase history only (no complaint data).',
    );
  let intervals: LifetimeIntervals | undefined;
  if (options.intervals) {
    const tCov = models.transactions.logCovariance,
      sCov = models.spend.logCovariance;
    const tChol = tCov ? cholesky(tCov, 4) : undefined,
      sChol = sCov ? cholesky(sCov, 3) : undefined;
    if (tChol && sChol) {
      intervals = bootstrapIntervals(summary, pairs, model, models, tChol, sChol, times, discount, options.intervals);
    } else {
      notes.push(
        'No intervals: the likelihood has no positive-definite Hessian at the optimum, so the parameter uncertainty is unknown.',
      );
    }
  }

  return {
    count: n,
    ids: summary.ids,
    model: models.transactions.model,
    horizonMonths,
    horizon: horizonMonths * month,
    monthlyDiscountRate: options.monthlyDiscountRate,
    pAliveThreshold: options.pAliveThreshold,
    pAlive,
    expectedPurchases,
    expectedValue,
    clv,
    valueAtRisk,
    churnRisk,
    churnReason,
    specRule,
    labelSource,
    reliability,
    ...(intervals ? { intervals } : {}),
    notes,
  };
}

/** Σₘ (E(m) − E(m−1)) / (1 + d)^m of a cumulative expected-purchases curve at month ends. */
function discountedSum(curve: Float64Array, discount: Float64Array): number {
  let previous = 0,
    sum = 0;
  for (let m = 0; m < curve.length; m++) {
    sum += (curve[m]! - previous) * discount[m + 1]!;
    previous = curve[m]!;
  }
  return sum;
}

/** SPEC churn-rule reasons per summary customer: given (mapped through sourceIndex) or evaluated at the calibration end. */
function specRuleReasons(summary: LifetimeSummary, given: ArrayLike<number> | undefined): Uint8Array {
  const n = summary.count;
  const out = new Uint8Array(n);
  if (given) {
    const source = summary.sourceIndex;
    for (let i = 0; i < n; i++) {
      const at = source ? source[i]! : i;
      if (at >= given.length)
        throw new LifetimeModelError(
          'invalid-summary',
          { key: 'error.lifetime.reasons-index', params: { given: given.length, id: summary.ids[i]!, at } },
          [i],
        );
      out[i] = given[at]! & 3;
    }
    return out;
  }
  // SPEC §6: no purchase in the last 3 months (recency = as-of − last purchase,
  // as-of = the day after the calibration end) and at most 3 purchases in all.
  const rule = TAG_THRESHOLDS.churn;
  const end = summary.calibrationEndDay;
  const inactiveDays =
    end !== undefined ? end + 1 - addMonths(end + 1, -rule.inactiveMonths) : 30 * rule.inactiveMonths;
  const perUnit = DAYS_PER_UNIT[summary.unit];
  for (let i = 0; i < n; i++) {
    const recencyDays = Math.round((summary.age[i]! - summary.recency[i]!) * perUnit) + 1;
    if (recencyDays > inactiveDays && summary.frequency[i]! + 1 <= rule.historicalFrequencyMax) out[i] = 1;
  }
  return out;
}

/** See LifetimeIntervals. */
function bootstrapIntervals(
  summary: LifetimeSummary,
  pairs: UniqueRows,
  model: TransactionModel,
  models: LifetimeModels,
  tChol: Float64Array,
  sChol: Float64Array,
  times: Float64Array,
  discount: Float64Array,
  options: { draws: number; level: number; seed: number },
): LifetimeIntervals {
  const rng = createRng(options.seed);
  const k = options.draws;
  const tDraws = drawParameters(
    rng,
    models.transactions.params,
    TRANSACTION_PARAMETERS,
    tChol,
    k,
    () => true,
  ) as TransactionParams[];
  const sDraws = drawParameters(
    rng,
    models.spend.params,
    GAMMA_GAMMA_PARAMETERS,
    sChol,
    k,
    (p) => p.q! > 1,
  ) as GammaGammaParams[];
  const n = summary.count;
  const pAliveLow = new Float64Array(n),
    pAliveHigh = new Float64Array(n),
    clvLow = new Float64Array(n),
    clvHigh = new Float64Array(n);
  // Customers grouped by (x, T) pair (counting sort), so each pair's K curves are computed once.
  const start = new Int32Array(pairs.count + 1);
  for (let i = 0; i < n; i++) start[pairs.rowOf[i]! + 1]!++;
  for (let u = 0; u < pairs.count; u++) start[u + 1]! += start[u]!;
  const members = new Int32Array(n);
  const fill = start.slice(0, pairs.count);
  for (let i = 0; i < n; i++) members[fill[pairs.rowOf[i]!]!++] = i;

  const [pairX, pairT] = pairs.columns as [Float64Array, Float64Array];
  const curve = new Float64Array(times.length);
  const discounted = new Float64Array(k),
    pA = new Float64Array(k),
    clvs = new Float64Array(k);
  const lowQ = (1 - options.level) / 2,
    highQ = 1 - lowQ;
  for (let u = 0; u < pairs.count; u++) {
    for (let d = 0; d < k; d++) {
      model.expectedPurchasesIfAliveCurve(tDraws[d]!, times, pairX[u]!, pairT[u]!, curve);
      discounted[d] = discountedSum(curve, discount);
    }
    for (let j = start[u]!; j < start[u + 1]!; j++) {
      const i = members[j]!;
      const x = summary.frequency[i]!,
        tx = summary.recency[i]!,
        T = summary.age[i]!,
        m = summary.monetaryValue[i]!;
      for (let d = 0; d < k; d++) {
        const alive = model.pAlive(tDraws[d]!, x, tx, T);
        pA[d] = alive;
        clvs[d] = gammaGammaExpectedValue(sDraws[d]!, x, m) * alive * discounted[d]!;
      }
      pA.sort();
      clvs.sort();
      pAliveLow[i] = quantile(pA, lowQ);
      pAliveHigh[i] = quantile(pA, highQ);
      clvLow[i] = quantile(clvs, lowQ);
      clvHigh[i] = quantile(clvs, highQ);
    }
  }
  return {
    method: 'parametric-bootstrap',
    level: options.level,
    draws: k,
    seed: options.seed,
    pAliveLow,
    pAliveHigh,
    clvLow,
    clvHigh,
  };
}

/** K draws of exp(log θ̂ + L z), z standard normal; draws failing `accept` are redrawn (up to 100 K tries). */
function drawParameters(
  rng: Rng,
  params: Readonly<Record<string, number>>,
  names: readonly string[],
  chol: Float64Array,
  k: number,
  accept: (p: Record<string, number>) => boolean,
): Record<string, number>[] {
  const dim = names.length;
  const z = new Float64Array(dim);
  const out: Record<string, number>[] = [];
  for (let tries = 0; out.length < k && tries < 100 * k; tries++) {
    for (let j = 0; j < dim; j++) z[j] = rng.normal();
    const draw: Record<string, number> = {};
    for (let i = 0; i < dim; i++) {
      let shift = 0;
      for (let j = 0; j <= i; j++) shift += chol[i * dim + j]! * z[j]!;
      draw[names[i]!] = params[names[i]!]! * Math.exp(shift);
    }
    if (accept(draw)) out.push(draw);
  }
  while (out.length < k) out.push({ ...params });
  return out;
}

/** Percentile with linear interpolation between order statistics (Hyndman & Fan type 7). */
function quantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/**
 * The reasons behind customer c's churn flag, for reports and the bot.
 * @example churnReasonsOf(scores, 0) // [{ code: 'p-alive', pAlive: 0.12, threshold: 0.3 }]
 */
export function churnReasonsOf(scores: LifetimeScores, c: number): ChurnReason[] {
  const bits = scores.churnReason[c]!;
  const reasons: ChurnReason[] = [];
  if (bits & CHURN_REASON_BITS['p-alive'])
    reasons.push({ code: 'p-alive', pAlive: scores.pAlive[c]!, threshold: scores.pAliveThreshold });
  if (bits & CHURN_REASON_BITS['spec-rule']) {
    const spec = scores.specRule[c]!;
    const rules: ('inactive-low-frequency' | 'complaint')[] = [];
    if (spec & 1) rules.push('inactive-low-frequency');
    if (spec & 2) rules.push('complaint');
    reasons.push({ code: 'spec-rule', rules });
  }
  return reasons;
}

/**
 * Customer indices by value at risk, highest first; ties (and equal NaNs,
 * which go last) by id, so the order is stable across runs and platforms.
 * @example rankByValueAtRisk(scores, { atRiskOnly: true, limit: 20 }) // the bot's churn list
 */
export function rankByValueAtRisk(
  scores: LifetimeScores,
  options: { readonly atRiskOnly?: boolean; readonly limit?: number } = {},
): Int32Array {
  const indices: number[] = [];
  for (let c = 0; c < scores.count; c++) if (!options.atRiskOnly || scores.churnRisk[c] === 1) indices.push(c);
  const v = scores.valueAtRisk,
    ids = scores.ids;
  indices.sort((i, j) => {
    const a = v[i]!,
      b = v[j]!;
    const aNaN = Number.isNaN(a),
      bNaN = Number.isNaN(b);
    if (aNaN !== bNaN) return aNaN ? 1 : -1;
    if (!aNaN && a !== b) return b - a;
    return ids[i]! < ids[j]! ? -1 : ids[i]! > ids[j]! ? 1 : i - j;
  });
  const limit = options.limit ?? indices.length;
  return Int32Array.from(indices.slice(0, limit));
}
