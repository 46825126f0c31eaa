import { addMonths } from '../parse/civil-day.js';
import type { ChurnAttributes, PurchaseIndex } from './churn-events.js';

/**
 * Every customer's history as of an origin day o (purchases on days < o,
 * the `asOf` convention of core/features: recency = o − last purchase day)
 * and, when o + H ≤ t, the label "no purchase in [o, o + H)".
 */
export interface OriginFeatures {
  readonly originDay: number;
  /** Customers who bought before o, ascending: only they can churn. */
  readonly population: Int32Array;
  /** Per population row (NaN where undefined, e.g. a gap of a one-time buyer). */
  readonly recencyDays: Float64Array;
  readonly orders: Float64Array;
  readonly spend: Float64Array;
  readonly tenureDays: Float64Array;
  readonly purchaseDays: Float64Array;
  /** (last − first) / (purchase days − 1); NaN for one purchase day. */
  readonly meanGapDays: Float64Array;
  readonly lastGapDays: Float64Array;
  /** The customer's own gap shrunk towards the population median gap (one pseudo-gap), defined for everyone. */
  readonly usualGapDays: Float64Array;
  /** recencyDays / usualGapDays: the cadence score. */
  readonly silentRatio: Float64Array;
  readonly orders90d: Float64Array;
  readonly orders90to180d: Float64Array;
  readonly spend180d: Float64Array;
  /** Orders in the 6 calendar months before o (SPEC frequency6m) and their value. */
  readonly orders6m: Float64Array;
  readonly spend6m: Float64Array;
  /** 1 = no purchase in [o, o + H); undefined when the window passes t. */
  readonly lapsed?: Uint8Array;
  /** Median of the repeat buyers' mean gaps (the shrinkage target), in days. */
  readonly medianGapDays: number;
}

/** Names of the supervised model's feature columns, in `featureMatrix` order. */
export const MODEL_FEATURES = [
  'recencyDays',
  'orders',
  'spend',
  'tenureDays',
  'purchaseDays',
  'meanGapDays',
  'lastGapDays',
  'silentRatio',
  'orders90d',
  'orders90to180d',
  'spend180d',
  'trend',
  'averageOrderValue',
  'channel',
  'region',
] as const;

/**
 * Who can churn as of an origin: the customers who bought before o, their
 * label when o + H ≤ t, and the population's median gap. Cheap (no feature
 * columns): the history check and the back-test sample need only this.
 */
export interface OriginPopulation {
  readonly originDay: number;
  /** Customers who bought before o, ascending. */
  readonly population: Int32Array;
  /** 1 = no purchase in [o, o + H); undefined when the window passes t. */
  readonly lapsed?: Uint8Array;
  /** Median of the repeat buyers' mean gaps (the shrinkage target), in days. */
  readonly medianGapDays: number;
}

/**
 * The population of an origin without its feature columns.
 * @example findOriginPopulation(index, t - 90, 90).lapsed // 1 = did not buy in [t − 90, t)
 */
export function findOriginPopulation(index: PurchaseIndex, originDay: number, horizonDays: number): OriginPopulation {
  const { offsets, day } = index;
  const labelled = originDay + horizonDays <= index.asOfDay;
  let m = 0;
  for (let c = 0; c < index.customers; c++) if (offsets[c + 1]! > offsets[c]! && day[offsets[c]!]! < originDay) m++;
  const population = new Int32Array(m);
  const lapsed = labelled ? new Uint8Array(m) : undefined;
  // The repeat buyers' mean gaps, for the median (same arithmetic as the feature pass).
  const gaps = new Float64Array(m);
  const end = originDay + horizonDays;
  let i = 0,
    g = 0;
  for (let c = 0; c < index.customers; c++) {
    const from = offsets[c]!,
      to = offsets[c + 1]!;
    if (to <= from || day[from]! >= originDay) continue;
    let k = from;
    while (k < to && day[k]! < originDay) k++;
    const days = k - from;
    if (days > 1) gaps[g++] = (day[k - 1]! - day[from]!) / (days - 1);
    population[i] = c;
    if (lapsed) lapsed[i] = k < to && day[k]! < end ? 0 : 1;
    i++;
  }
  return {
    originDay,
    population,
    ...(lapsed ? { lapsed } : {}),
    medianGapDays: medianOf(gaps.subarray(0, g), horizonDays),
  };
}

/**
 * One pass over each customer's purchase days up to o + H. With `subset`,
 * only the given rows (ascending indices into the origin population from
 * findOriginPopulation) get features — the back-test's seeded sample — and
 * the shrinkage still uses the whole population's median gap, so a row's
 * values equal those of the full computation.
 * @example computeOriginFeatures(index, t - 90, 90).lapsed // 1 = did not buy in [t − 90, t)
 */
export function computeOriginFeatures(
  index: PurchaseIndex,
  originDay: number,
  horizonDays: number,
  subset?: { readonly origin: OriginPopulation; readonly rows: Int32Array },
): OriginFeatures {
  const { offsets, day, orders, value } = index;
  const labelled = originDay + horizonDays <= index.asOfDay;
  if (subset && subset.origin.originDay !== originDay) throw new RangeError('subset of another origin');
  let m = 0;
  if (subset) m = subset.rows.length;
  else
    for (let c = 0; c < index.customers; c++) if (offsets[c + 1]! > offsets[c]! && day[offsets[c]!]! < originDay) m++;
  const population = new Int32Array(m);
  if (subset) for (let r = 0; r < m; r++) population[r] = subset.origin.population[subset.rows[r]!]!;
  const cols = () => new Float64Array(m);
  const recencyDays = cols(),
    orderCount = cols(),
    spend = cols(),
    tenureDays = cols(),
    purchaseDays = cols(),
    meanGapDays = cols(),
    lastGapDays = cols();
  const usualGapDays = cols(),
    silentRatio = cols(),
    orders90d = cols(),
    orders90to180d = cols(),
    spend180d = cols(),
    orders6m = cols(),
    spend6m = cols();
  const lapsed = labelled ? new Uint8Array(m) : undefined;
  const start6m = addMonths(originDay, -6);
  const end = originDay + horizonDays;
  let i = 0;
  for (let next = 0; next < (subset ? m : index.customers); next++) {
    const c = subset ? population[next]! : next;
    const from = offsets[c]!,
      to = offsets[c + 1]!;
    if (to <= from || day[from]! >= originDay) continue;
    let k = from,
      count = 0,
      total = 0,
      days = 0,
      prev = Number.NaN,
      last = Number.NaN;
    let o90 = 0,
      o180 = 0,
      s180 = 0,
      o6 = 0,
      s6 = 0;
    for (; k < to && day[k]! < originDay; k++) {
      const d = day[k]!,
        n = orders[k]!,
        v = value[k]!;
      count += n;
      total += v;
      days++;
      prev = last;
      last = d;
      const age = originDay - d;
      if (age <= 90) o90 += n;
      else if (age <= 180) o180 += n;
      if (age <= 180) s180 += v;
      if (d >= start6m) {
        o6 += n;
        s6 += v;
      }
    }
    const first = day[from]!;
    population[i] = c;
    recencyDays[i] = originDay - last;
    orderCount[i] = count;
    spend[i] = total;
    tenureDays[i] = originDay - first;
    purchaseDays[i] = days;
    meanGapDays[i] = days > 1 ? (last - first) / (days - 1) : Number.NaN;
    lastGapDays[i] = days > 1 ? last - prev : Number.NaN;
    orders90d[i] = o90;
    orders90to180d[i] = o180;
    spend180d[i] = s180;
    orders6m[i] = o6;
    spend6m[i] = s6;
    if (lapsed) lapsed[i] = k < to && day[k]! < end ? 0 : 1;
    i++;
  }
  const medianGapDays = subset ? subset.origin.medianGapDays : medianOf(meanGapDays, horizonDays);
  for (let r = 0; r < m; r++) {
    // One pseudo-gap at the population median: a one-time buyer gets the
    // median, a regular mostly their own rhythm (a Bayesian-style shrinkage).
    const gaps = purchaseDays[r]! - 1;
    const own = gaps > 0 ? meanGapDays[r]! * gaps : 0;
    usualGapDays[r] = Math.max(1, (own + medianGapDays) / (gaps + 1));
    silentRatio[r] = recencyDays[r]! / usualGapDays[r]!;
  }
  return {
    originDay,
    population,
    recencyDays,
    orders: orderCount,
    spend,
    tenureDays,
    purchaseDays,
    meanGapDays,
    lastGapDays,
    usualGapDays,
    silentRatio,
    orders90d,
    orders90to180d,
    spend180d,
    orders6m,
    spend6m,
    ...(lapsed ? { lapsed } : {}),
    medianGapDays,
  };
}

/**
 * The supervised model's row-major feature matrix (MODEL_FEATURES order,
 * NaN = missing): behaviour as of o plus the static customer fields; with
 * `from` and `count`, only population rows from … from + count − 1.
 * @example featureMatrix(features, attributes).length === features.population.length * MODEL_FEATURES.length
 */
export function featureMatrix(
  f: OriginFeatures,
  attributes: ChurnAttributes | undefined,
  from = 0,
  count = f.population.length - from,
): Float64Array {
  const cols = MODEL_FEATURES.length;
  const out = new Float64Array(count * cols);
  for (let r = from; r < from + count; r++) {
    const c = f.population[r]!;
    const at = (r - from) * cols;
    out[at] = f.recencyDays[r]!;
    out[at + 1] = f.orders[r]!;
    out[at + 2] = f.spend[r]!;
    out[at + 3] = f.tenureDays[r]!;
    out[at + 4] = f.purchaseDays[r]!;
    out[at + 5] = f.meanGapDays[r]!;
    out[at + 6] = f.lastGapDays[r]!;
    out[at + 7] = f.silentRatio[r]!;
    out[at + 8] = f.orders90d[r]!;
    out[at + 9] = f.orders90to180d[r]!;
    out[at + 10] = f.spend180d[r]!;
    out[at + 11] = f.orders90d[r]! - f.orders90to180d[r]!;
    out[at + 12] = f.orders[r]! > 0 ? f.spend[r]! / f.orders[r]! : Number.NaN;
    out[at + 13] = code(attributes?.channel, c);
    out[at + 14] = code(attributes?.region, c);
  }
  return out;
}

const code = (column: Int32Array | undefined, c: number): number =>
  column && column[c]! >= 0 ? column[c]! : Number.NaN;

/** Median of the finite values; `fallback` when there are none. */
function medianOf(values: Float64Array, fallback: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) n++;
  if (n === 0) return fallback;
  const finite = new Float64Array(n);
  n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) finite[n++] = values[i]!;
  // Selection instead of a full sort (~0.1 s per origin at 1M customers): the same order statistics.
  const mid = n >> 1;
  const upper = selectKth(finite, mid);
  if (n % 2 === 1) return upper;
  let lower = finite[0]!;
  for (let i = 1; i < mid; i++) if (finite[i]! > lower) lower = finite[i]!;
  return (lower + upper) / 2;
}

/** The k-th smallest (0-based) of finite values, rearranging them so that everything before k is ≤ it (Hoare's selection). */
function selectKth(a: Float64Array, k: number): number {
  let lo = 0,
    hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo,
      j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const x = a[i]!;
        a[i] = a[j]!;
        a[j] = x;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/**
 * The origin's features for a subset of its population rows (ascending row
 * indices): every per-row column picked, scalars kept. The back-test
 * measures candidates on a seeded sample of a large origin.
 * @example subsetOrigin(test, sampleRows(test.population.length, 200_000, seed)!).population.length === 200_000
 */
export function subsetOrigin<F extends OriginFeatures>(f: F, rows: Int32Array): F {
  const m = f.population.length;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(f)) {
    if (
      (value instanceof Float64Array || value instanceof Int32Array || value instanceof Uint8Array) &&
      value.length === m
    ) {
      const picked = new (value.constructor as Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor)(
        rows.length,
      );
      for (let i = 0; i < rows.length; i++) picked[i] = value[rows[i]!]!;
      out[key] = picked;
    } else out[key] = value;
  }
  return out as F;
}
