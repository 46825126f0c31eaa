import type { CustomerFeatures } from '../features/customer-features.js';
import type { SchemeResult } from '../segment/apply-scheme.js';

/** One row of the segment summary (SPEC §9 / issue: count, share, revenue, revenue share, mean R/F/M). */
export interface SegmentSummary {
  readonly segment: string;
  readonly count: number;
  readonly share: number;
  readonly revenue: number;
  readonly revenueShare: number;
  readonly meanRecencyDays: number;
  readonly meanFrequency: number;
  readonly meanMonetary: number;
}

/**
 * Per-segment totals in the scheme's segment order, empty segments included
 * (so a missing segment is visible, not silently absent). Revenue is net
 * spend over the whole history; shares are of all customers / all revenue.
 */
export function summarizeSegments(features: CustomerFeatures, scheme: SchemeResult): SegmentSummary[] {
  const k = scheme.segments.length;
  const count = new Float64Array(k), revenue = new Float64Array(k), sumR = new Float64Array(k), sumF = new Float64Array(k), sumM = new Float64Array(k), scored = new Float64Array(k);
  let totalRevenue = 0;
  for (let c = 0; c < features.count; c++) {
    const s = scheme.segment[c]!;
    const money = features.monetary[c]!;
    count[s]!++;
    if (!Number.isNaN(money)) {
      revenue[s]! += money;
      totalRevenue += money;
    }
    const r = features.recencyDays[c]!, f = features.windowFrequency[c]!, m = features.windowMonetary[c]!;
    if (!Number.isNaN(r) && !Number.isNaN(f) && !Number.isNaN(m)) {
      sumR[s]! += r;
      sumF[s]! += f;
      sumM[s]! += m;
      scored[s]!++;
    }
  }
  const n = features.count;
  return scheme.segments.map((segment, s) => ({
    segment,
    count: count[s]!,
    share: n > 0 ? count[s]! / n : 0,
    revenue: revenue[s]!,
    revenueShare: totalRevenue !== 0 ? revenue[s]! / totalRevenue : 0,
    meanRecencyDays: scored[s]! > 0 ? sumR[s]! / scored[s]! : Number.NaN,
    meanFrequency: scored[s]! > 0 ? sumF[s]! / scored[s]! : Number.NaN,
    meanMonetary: scored[s]! > 0 ? sumM[s]! / scored[s]! : Number.NaN,
  }));
}
