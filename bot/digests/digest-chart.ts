import { type SegmentSummary, shareBarChartSpec, type VegaLiteSpec } from '../../core/index.js';
import type { Locale } from '../intents/match-intent.js';
import type { Digest } from './build-digest.js';

/** Turns a Vega-Lite spec into a PNG; the bot gets io's renderer injected (the bot itself has no rendering stack). */
export type ChartRenderer = (spec: VegaLiteSpec) => Promise<Buffer>;

/**
 * The digest's chart: customer share and revenue share per tier (SPEC §9
 * pie/bar), core's share bar chart fed from the digest's tiers. Only the
 * fields the bar chart reads are known here; the R/F/M means are NaN.
 * @example digestChartSpec(buildDigest(store, undefined)!, 'zh-CN').$schema
 */
export function digestChartSpec(digest: Digest, locale: Locale): VegaLiteSpec {
  const total = digest.total;
  const summary: SegmentSummary[] = digest.tiers.map((t) => ({
    segment: t.segment,
    count: t.count,
    share: total > 0 ? t.count / total : 0,
    revenue: t.revenue,
    revenueShare: t.revenueShare,
    meanRecencyDays: Number.NaN,
    meanFrequency: Number.NaN,
    meanMonetary: Number.NaN,
    medianRecencyDays: Number.NaN,
    medianFrequency: Number.NaN,
    medianMonetary: Number.NaN,
    profile: { recency: Number.NaN, frequency: Number.NaN, monetary: Number.NaN },
  }));
  const names = Object.fromEntries(
    digest.snapshot.segments.map((s, i) => [
      s,
      (locale === 'zh-CN' ? digest.snapshot.segmentLabels.zh : digest.snapshot.segmentLabels.en)[i] ?? s,
    ]),
  );
  return shareBarChartSpec(summary, { locale, names });
}
