import type { CustomerFeatures } from '../features/customer-features.js';
import type { SchemeResult } from '../segment/apply-scheme.js';
import { selectMedian } from './select-median.js';

/**
 * A segment's mean R, F and M divided by the mean of all scored customers
 * (1 = average; NaN when undefined). Plain ratios: recency is *not* inverted
 * here (0.5 = bought twice as recently as average); charts orient it.
 */
export interface SegmentProfile {
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
}

/**
 * One row of the segment summary (SPEC §9, issue 4): count, share, revenue,
 * revenue share, mean and median R/F/M, and the centroid profile for the radar.
 * R/F/M are over scored customers (recency, frequency and spend known): R in
 * days, F and M over the scheme's scoring window.
 */
export interface SegmentSummary {
  readonly segment: string;
  readonly count: number;
  readonly share: number;
  readonly revenue: number;
  readonly revenueShare: number;
  readonly meanRecencyDays: number;
  readonly meanFrequency: number;
  readonly meanMonetary: number;
  readonly medianRecencyDays: number;
  readonly medianFrequency: number;
  readonly medianMonetary: number;
  readonly profile: SegmentProfile;
}

/** The id of the all-customers row returned by `summarizeTotal`. */
export const TOTAL_SEGMENT = 'total';

const ratio = (part: number, whole: number): number =>
  Number.isFinite(part) && Number.isFinite(whole) && whole !== 0 ? part / whole : Number.NaN;

function isScored(features: CustomerFeatures, c: number): boolean {
  return (
    !Number.isNaN(features.recencyDays[c]!) &&
    !Number.isNaN(features.windowFrequency[c]!) &&
    !Number.isNaN(features.windowMonetary[c]!)
  );
}

/**
 * Per-segment totals in the scheme's segment order, empty segments included
 * (so a missing segment is visible, not silently absent). Revenue is net
 * spend over the whole history; shares are of all customers / all revenue.
 * Medians take the mean of the two middle values for an even count. One pass
 * to count, one to bucket R/F/M by segment, then linear-time selection per
 * segment: O(n) on 1M customers, no per-customer objects.
 * @example summarizeSegments(result.features, result.scheme)[0].medianFrequency
 */
export function summarizeSegments(features: CustomerFeatures, scheme: SchemeResult): SegmentSummary[] {
  const k = scheme.segments.length;
  const n = features.count;
  const count = new Float64Array(k),
    revenue = new Float64Array(k),
    sumR = new Float64Array(k),
    sumF = new Float64Array(k),
    sumM = new Float64Array(k);
  const scored = new Int32Array(k);
  let totalRevenue = 0,
    allR = 0,
    allF = 0,
    allM = 0,
    allScored = 0;
  for (let c = 0; c < n; c++) {
    const s = scheme.segment[c]!;
    const money = features.monetary[c]!;
    count[s]!++;
    if (!Number.isNaN(money)) {
      revenue[s]! += money;
      totalRevenue += money;
    }
    if (isScored(features, c)) {
      const r = features.recencyDays[c]!,
        f = features.windowFrequency[c]!,
        m = features.windowMonetary[c]!;
      sumR[s]! += r;
      sumF[s]! += f;
      sumM[s]! += m;
      scored[s]!++;
      allR += r;
      allF += f;
      allM += m;
      allScored++;
    }
  }
  // Counting sort of the scored values by segment: segment s owns [offset[s], offset[s + 1]).
  const offset = new Int32Array(k + 1);
  for (let s = 0; s < k; s++) offset[s + 1] = offset[s]! + scored[s]!;
  const next = offset.slice(0, k);
  const bucketR = new Float64Array(allScored),
    bucketF = new Float64Array(allScored),
    bucketM = new Float64Array(allScored);
  for (let c = 0; c < n; c++) {
    if (!isScored(features, c)) continue;
    const at = next[scheme.segment[c]!]!++;
    bucketR[at] = features.recencyDays[c]!;
    bucketF[at] = features.windowFrequency[c]!;
    bucketM[at] = features.windowMonetary[c]!;
  }
  const overallR = allScored > 0 ? allR / allScored : Number.NaN,
    overallF = allScored > 0 ? allF / allScored : Number.NaN,
    overallM = allScored > 0 ? allM / allScored : Number.NaN;
  return scheme.segments.map((segment, s) => {
    const mean = (sum: Float64Array): number => (scored[s]! > 0 ? sum[s]! / scored[s]! : Number.NaN);
    const meanR = mean(sumR),
      meanF = mean(sumF),
      meanM = mean(sumM);
    return {
      segment,
      count: count[s]!,
      share: n > 0 ? count[s]! / n : 0,
      revenue: revenue[s]!,
      revenueShare: totalRevenue !== 0 ? revenue[s]! / totalRevenue : 0,
      meanRecencyDays: meanR,
      meanFrequency: meanF,
      meanMonetary: meanM,
      medianRecencyDays: selectMedian(bucketR, offset[s]!, offset[s + 1]!),
      medianFrequency: selectMedian(bucketF, offset[s]!, offset[s + 1]!),
      medianMonetary: selectMedian(bucketM, offset[s]!, offset[s + 1]!),
      profile: { recency: ratio(meanR, overallR), frequency: ratio(meanF, overallF), monetary: ratio(meanM, overallM) },
    };
  });
}

/**
 * The all-customers row beside the per-segment rows (the table's total line):
 * same fields, `segment` = 'total', shares 1 (0 without customers), profile 1.
 * @example summarizeTotal(result.features).medianMonetary
 */
export function summarizeTotal(features: CustomerFeatures): SegmentSummary {
  const n = features.count;
  let revenue = 0,
    sumR = 0,
    sumF = 0,
    sumM = 0,
    scored = 0;
  for (let c = 0; c < n; c++) {
    const money = features.monetary[c]!;
    if (!Number.isNaN(money)) revenue += money;
    if (isScored(features, c)) scored++;
  }
  const r = new Float64Array(scored),
    f = new Float64Array(scored),
    m = new Float64Array(scored);
  for (let c = 0, at = 0; c < n; c++) {
    if (!isScored(features, c)) continue;
    r[at] = features.recencyDays[c]!;
    f[at] = features.windowFrequency[c]!;
    m[at] = features.windowMonetary[c]!;
    sumR += r[at]!;
    sumF += f[at]!;
    sumM += m[at]!;
    at++;
  }
  const mean = (sum: number): number => (scored > 0 ? sum / scored : Number.NaN);
  const one = scored > 0 ? 1 : Number.NaN;
  return {
    segment: TOTAL_SEGMENT,
    count: n,
    share: n > 0 ? 1 : 0,
    revenue,
    revenueShare: revenue !== 0 ? 1 : 0,
    meanRecencyDays: mean(sumR),
    meanFrequency: mean(sumF),
    meanMonetary: mean(sumM),
    medianRecencyDays: selectMedian(r, 0, scored),
    medianFrequency: selectMedian(f, 0, scored),
    medianMonetary: selectMedian(m, 0, scored),
    profile: {
      recency: sumR !== 0 ? one : Number.NaN,
      frequency: sumF !== 0 ? one : Number.NaN,
      monetary: sumM !== 0 ? one : Number.NaN,
    },
  };
}
