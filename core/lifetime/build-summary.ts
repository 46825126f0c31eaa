import { z } from 'zod';
import type { PurchaseDays } from '../features/customer-features.js';
import { parseOptions } from '../util/parse-options.js';
import type { LabelKey, Message } from '../i18n/labels.js';
import { LifetimeModelError } from './lifetime-error.js';

export const TIME_UNITS = ['days', 'weeks'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** Days per model time unit (weeks are always days / 7, as in the CDNOW summary). */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7 };

/**
 * The buy-till-you-die models' input, one index per customer (Fader, Hardie
 * & Lee 2005 notation): x repeat purchase periods, recency t_x and age T in
 * the time unit, the mean repeat-purchase value, and optionally the holdout
 * count. Also what `summaryFromColumns` builds from a published summary.
 */
export interface LifetimeSummary {
  readonly count: number;
  readonly ids: readonly string[];
  readonly unit: TimeUnit;
  /** x: distinct purchase days after the first one, within calibration. */
  readonly frequency: Float64Array;
  /** t_x: last − first calibration purchase day, in units (0 when x = 0). */
  readonly recency: Float64Array;
  /** T: calibration end − first purchase day, in units (end day itself, the CDNOW convention). */
  readonly age: Float64Array;
  /** Mean gross amount of the repeat purchase days (first excluded); 0 when x = 0. */
  readonly monetaryValue: Float64Array;
  /** Distinct purchase days after the calibration end up to the observation end. */
  readonly holdoutFrequency?: Float64Array;
  /** Holdout length in units (observation end − calibration end). */
  readonly holdoutLength?: number;
  /** Index of each customer in the purchase days it was built from (e.g. `features` order). */
  readonly sourceIndex?: Int32Array;
  readonly calibrationEndDay?: number;
  readonly observationEndDay?: number;
  /** Customers left out because their first purchase is after the calibration end. */
  readonly excludedAfterCalibration: number;
  /** Customers left out because they have no purchase day at all (e.g. refunds only). */
  readonly excludedNoPurchase: number;
}

const dayNumber = z.number().int().min(-1_000_000).max(1_000_000);

/** Options of `buildLifetimeSummary`; every default lives here. */
export const lifetimeSummaryOptionsSchema = z
  .object({
    /** Last day of the calibration period (inclusive), as a day number since 1970-01-01. */
    calibrationEndDay: dayNumber,
    /** Last day of the holdout period (inclusive); gives `holdoutFrequency`. */
    observationEndDay: dayNumber.optional(),
    unit: z.enum(TIME_UNITS).default('days'),
  })
  .strict()
  .refine((o) => o.observationEndDay === undefined || o.observationEndDay > o.calibrationEndDay, {
    message: 'must be after calibrationEndDay',
    path: ['observationEndDay'],
  });

export type LifetimeSummaryOptions = z.input<typeof lifetimeSummaryOptionsSchema>;

/**
 * Builds the calibration summary from each customer's distinct purchase days
 * (as `segmentTable(..., { keepPurchaseDays: true })` keeps them: same-day
 * orders grouped, refunds and exact duplicates already excluded by the
 * foundation's rules). Customers whose first purchase is after the
 * calibration end are left out and counted.
 * @throws OptionsError for invalid options; LifetimeModelError `invalid-summary` when ids and purchase days disagree.
 * @example
 * const days = { offsets: Int32Array.of(0, 3), days: Int32Array.of(0, 7, 21), amounts: Float64Array.of(10, 20, 30) };
 * buildLifetimeSummary(days, ['C1'], { calibrationEndDay: 28, unit: 'weeks' }).recency[0] // 3 (weeks 0 → 3), x = 2, T = 4
 */
export function buildLifetimeSummary(
  purchaseDays: PurchaseDays,
  ids: readonly string[],
  optionsInput: LifetimeSummaryOptions,
): LifetimeSummary {
  const options = parseOptions(lifetimeSummaryOptionsSchema, optionsInput);
  const { offsets, days, amounts } = purchaseDays;
  const n = offsets.length - 1;
  if (n < 0 || ids.length !== n)
    throw new LifetimeModelError('invalid-summary', {
      key: 'error.lifetime.ids-mismatch',
      params: { count: Math.max(0, n), ids: ids.length },
    });
  const perUnit = DAYS_PER_UNIT[options.unit];
  const end = options.calibrationEndDay;
  const observationEnd = options.observationEndDay;

  let kept = 0,
    afterCalibration = 0,
    noPurchase = 0;
  for (let c = 0; c < n; c++) {
    if (offsets[c + 1]! <= offsets[c]!) noPurchase++;
    else if (days[offsets[c]!]! > end) afterCalibration++;
    else kept++;
  }
  const frequency = new Float64Array(kept),
    recency = new Float64Array(kept),
    age = new Float64Array(kept),
    monetaryValue = new Float64Array(kept);
  const holdoutFrequency = observationEnd !== undefined ? new Float64Array(kept) : undefined;
  const sourceIndex = new Int32Array(kept);
  const keptIds: string[] = new Array<string>(kept);
  let i = 0;
  for (let c = 0; c < n; c++) {
    const from = offsets[c]!,
      to = offsets[c + 1]!;
    if (to <= from || days[from]! > end) continue;
    const first = days[from]!;
    let last = first,
      repeats = 0,
      repeatSpend = 0,
      holdout = 0;
    for (let k = from + 1; k < to; k++) {
      const day = days[k]!;
      if (day <= end) {
        repeats++;
        repeatSpend += amounts[k]!;
        last = day;
      } else if (observationEnd !== undefined && day <= observationEnd) holdout++;
    }
    frequency[i] = repeats;
    recency[i] = (last - first) / perUnit;
    age[i] = (end - first) / perUnit;
    monetaryValue[i] = repeats > 0 ? repeatSpend / repeats : 0;
    if (holdoutFrequency) holdoutFrequency[i] = holdout;
    sourceIndex[i] = c;
    keptIds[i] = ids[c]!;
    i++;
  }
  return {
    count: kept,
    ids: keptIds,
    unit: options.unit,
    frequency,
    recency,
    age,
    monetaryValue,
    ...(holdoutFrequency
      ? { holdoutFrequency, holdoutLength: (observationEnd! - end) / perUnit, observationEndDay: observationEnd }
      : {}),
    sourceIndex,
    calibrationEndDay: end,
    excludedAfterCalibration: afterCalibration,
    excludedNoPurchase: noPurchase,
  };
}

/** Columns of a ready-made summary (e.g. a published CDNOW file). */
export interface SummaryColumns {
  readonly ids?: readonly string[];
  readonly unit: TimeUnit;
  readonly frequency: ArrayLike<number>;
  readonly recency: ArrayLike<number>;
  readonly age: ArrayLike<number>;
  readonly monetaryValue?: ArrayLike<number>;
  readonly holdoutFrequency?: ArrayLike<number>;
  readonly holdoutLength?: number;
}

/**
 * Wraps ready-made columns as a LifetimeSummary after checking them (ids
 * default to "1", "2", …; monetary value to 0).
 * @throws LifetimeModelError `invalid-summary` listing the first offending rows.
 * @example summaryFromColumns({ unit: 'weeks', frequency: [2], recency: [30.43], age: [38.86] }).count === 1
 */
export function summaryFromColumns(columns: SummaryColumns): LifetimeSummary {
  const n = columns.frequency.length;
  const lengths = [
    columns.recency.length,
    columns.age.length,
    columns.monetaryValue?.length ?? n,
    columns.holdoutFrequency?.length ?? n,
    columns.ids?.length ?? n,
  ];
  if (lengths.some((l) => l !== n))
    throw new LifetimeModelError('invalid-summary', {
      key: 'error.lifetime.column-lengths',
      params: { lengths: [n, ...lengths].join(', ') },
    });
  if (columns.holdoutFrequency && !(columns.holdoutLength !== undefined && columns.holdoutLength > 0)) {
    throw new LifetimeModelError('invalid-summary', { key: 'error.lifetime.holdout-length' });
  }
  const summary: LifetimeSummary = {
    count: n,
    ids: columns.ids ? [...columns.ids] : Array.from({ length: n }, (_, i) => String(i + 1)),
    unit: columns.unit,
    frequency: Float64Array.from(columns.frequency),
    recency: Float64Array.from(columns.recency),
    age: Float64Array.from(columns.age),
    monetaryValue: columns.monetaryValue ? Float64Array.from(columns.monetaryValue) : new Float64Array(n),
    ...(columns.holdoutFrequency
      ? { holdoutFrequency: Float64Array.from(columns.holdoutFrequency), holdoutLength: columns.holdoutLength! }
      : {}),
    excludedAfterCalibration: 0,
    excludedNoPurchase: 0,
  };
  checkRepeatData(summary);
  return summary;
}

/** The (x, t_x, T) columns the transaction models read; a LifetimeSummary is one. */
export interface RepeatPurchaseData {
  readonly frequency: ArrayLike<number>;
  readonly recency: ArrayLike<number>;
  readonly age: ArrayLike<number>;
}

/**
 * Checks x ≥ 0 whole, 0 ≤ t_x ≤ T, t_x = 0 exactly when x = 0 (a repeat
 * purchase happens after the first one, so x > 0 needs t_x > 0).
 * @throws LifetimeModelError `invalid-summary` with every problem kind and the first offending rows.
 * @example checkRepeatData({ frequency: [2], recency: [0], age: [5] }) // throws: zero recency with repeat purchases
 */
export function checkRepeatData(data: RepeatPurchaseData): void {
  const n = data.frequency.length;
  if (data.recency.length !== n || data.age.length !== n)
    throw new LifetimeModelError('invalid-summary', { key: 'error.lifetime.summary-lengths' });
  const problems = new Map<LabelKey, number[]>();
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i]!,
      tx = data.recency[i]!,
      T = data.age[i]!;
    let problem: LabelKey | undefined;
    if (!(Number.isInteger(x) && x >= 0)) problem = 'error.lifetime.problem.frequency';
    else if (!(Number.isFinite(tx) && Number.isFinite(T) && tx >= 0 && T >= 0))
      problem = 'error.lifetime.problem.finite';
    else if (tx > T) problem = 'error.lifetime.problem.recency-after-age';
    else if (x === 0 && tx !== 0) problem = 'error.lifetime.problem.recency-without-repeats';
    else if (x > 0 && tx === 0) problem = 'error.lifetime.problem.repeats-without-recency';
    if (problem) {
      const rows = problems.get(problem) ?? [];
      rows.push(i);
      problems.set(problem, rows);
    }
  }
  if (problems.size === 0) return;
  const all = [...problems.values()].flat().sort((a, b) => a - b);
  const list: Message[] = [...problems].map(([problem, rows]) => ({
    key: 'error.lifetime.problem',
    params: { problem: { key: problem }, count: rows.length, first: rows.slice(0, 5).join(', ') },
  }));
  throw new LifetimeModelError(
    'invalid-summary',
    { key: 'error.lifetime.invalid-summary', params: { problems: list } },
    all.slice(0, 20),
  );
}
