import type { CustomerFeatures } from '../features/customer-features.js';
import { markScoreable, maskUnscoreable } from '../features/mark-scoreable.js';
import { label, type LabelKey, type Locale } from '../i18n/labels.js';
import type { ClusterReport } from '../kmeans/cluster-customers.js';
import type { GradingResult } from '../grading/grade-customers.js';
import type { RuleSchemeResult } from '../rules/apply-rules.js';
import type { Cell } from '../table/cell.js';
import type { ValueTierResult } from '../tiers/value-tiers.js';
import { classifyRfm8, RFM8_SEGMENTS } from '../rfm/rfm8-classes.js';
import { RFM_SEGMENTS, segmentIndexOfCode } from '../rfm/rfm-segments.js';
import { scoreQuintiles, type ScoreBin } from '../rfm/score-quintiles.js';
import { hasTag, TAG_IDS, type TagResult } from '../tags/assign-tags.js';
import { STRATEGY_GROUPS, type StrategyGroup } from '../strategies/strategy-groups.js';
import type { SchemeKind } from './scheme-id.js';

export type Scheme = 'rfm' | 'rfm8';

/** A scheme's own columns, written after the standard ones (tier and SLA, grade, cluster, why). */
export interface SchemeColumns {
  headers(locale: Locale): string[];
  cells(c: number, locale: Locale): Cell[];
}

/** The tags a scheme assigns itself (rule presets), replacing the default Table 5 tags. */
export interface SchemeTags {
  readonly ids: readonly string[];
  tagsOf(c: number): string[];
  tagLabels(c: number, locale: Locale): string[];
  /** Localized label of one of `ids`. */
  tagLabel(tag: string, locale: Locale): string;
}

/** A scheme's churn flag (SPEC §5f: the active preset's churn rule), replacing the default tag rule. */
export interface SchemeChurn {
  readonly flag: Uint8Array;
  reason(c: number, locale: Locale): string | null;
}

/** What the underlying engine reported, for summaries and reports (SPEC §8 Table 4 etc.). */
export type SchemeDetail =
  | { readonly kind: 'rules'; readonly result: RuleSchemeResult }
  | { readonly kind: 'kmeans'; readonly report: ClusterReport; readonly labels: Uint8Array }
  | { readonly kind: 'tiers'; readonly result: ValueTierResult }
  | { readonly kind: 'grading'; readonly result: GradingResult };

/** A remark about the scheme run (RunNote-compatible). */
export interface SchemeNote {
  readonly code: string;
  readonly message: string;
}

/** What a scheme assigns, columnar: one entry per customer. */
export interface SchemeResult {
  readonly scheme: SchemeKind;
  /** The canonical scheme id (`rfm`, `rules:a-table5-rules`, `kmeans`, …). */
  readonly id: string;
  /** Segment ids of the scheme in display order; 'unclassified' last unless the scheme has a catch-all. */
  readonly segments: readonly string[];
  /** Index into `segments` per customer. */
  readonly segment: Uint8Array;
  /** Localized label of segment index `s`. */
  segmentLabel(s: number, locale: Locale): string;
  /** Why customer `c` is in its segment, or null for schemes whose code says it (rfm, rfm8). */
  explain(c: number, locale: Locale): string | null;
  readonly columns?: SchemeColumns;
  readonly tags?: SchemeTags;
  readonly churn?: SchemeChurn;
  readonly detail?: SchemeDetail;
  readonly notes: readonly SchemeNote[];
  /**
   * rfm8: 2 = high, 1 = low, 0 = not scored; every other scheme: the rfm
   * quintile scores 1–5 (0 = not scored), so RFM columns stay comparable.
   */
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  /** rfm: the score ranges; rfm8: the means compared against. */
  readonly bins?: { readonly r: readonly ScoreBin[]; readonly f: readonly ScoreBin[]; readonly m: readonly ScoreBin[] };
  readonly means?: { readonly recencyDays: number; readonly frequency: number; readonly monetary: number };
  /** Index into STRATEGY_GROUPS per customer; 255 = no strategy. */
  readonly strategy: Uint8Array;
}

const NO_STRATEGY = 255;
const PRICE_SENSITIVE_MASK = 1 << TAG_IDS.indexOf('price-sensitive');
const groupIndex = (group: StrategyGroup | undefined): number => (group ? STRATEGY_GROUPS.indexOf(group) : NO_STRATEGY);

// Which Table 6 strategy each segment gets (documented in README): the
// valuable, recent segments get the high-value plan, the lapsing ones the
// win-back plan, the rest the conversion plan — or the price-sensitive plan
// when the customer carries the 【价格敏感】 tag.
const RFM_GROUP: Readonly<Record<string, StrategyGroup>> = {
  champions: 'high-value',
  loyal: 'high-value',
  'potential-loyalist': 'potential',
  new: 'potential',
  promising: 'potential',
  'need-attention': 'potential',
  'about-to-sleep': 'churn-risk',
  'at-risk': 'churn-risk',
  'cant-lose': 'churn-risk',
  hibernating: 'churn-risk',
  lost: 'churn-risk',
  'important-value': 'high-value',
  'important-development': 'potential',
  'general-value': 'potential',
  'general-development': 'potential',
  'important-retention': 'churn-risk',
  'important-win-back': 'churn-risk',
  'general-retention': 'churn-risk',
  'general-win-back': 'churn-risk',
};

/** The strategy group of a segment id for a customer with `tagMask`. */
export function strategyGroupOf(segment: string, tagMask: number): StrategyGroup | undefined {
  const group = RFM_GROUP[segment];
  if (group === 'potential' && hasTag(tagMask, 'price-sensitive')) return 'price-sensitive';
  return group;
}

function mean(values: Float64Array, scored: Uint8Array): number {
  let sum = 0,
    count = 0;
  for (let i = 0; i < values.length; i++) {
    if (scored[i]) {
      sum += values[i]!;
      count++;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}

/**
 * Scores customers with a scheme (SPEC §5a): `rfm` quintile scores and the
 * 11 named segments, or `rfm8` high/low against the mean. Customers without
 * recency, frequency or spend are 'unclassified'.
 */
export function applyScheme(scheme: Scheme, features: CustomerFeatures, tags: TagResult): SchemeResult {
  const n = features.count;
  const scoreable = markScoreable(features);
  const masked = (values: Float64Array): Float64Array => maskUnscoreable(values, scoreable);
  const recency = masked(features.recencyDays),
    frequency = masked(features.windowFrequency),
    monetary = masked(features.windowMonetary);
  const segment = new Uint8Array(n),
    strategy = new Uint8Array(n).fill(NO_STRATEGY);
  const r = new Uint8Array(n),
    f = new Uint8Array(n),
    m = new Uint8Array(n);

  if (scheme === 'rfm') {
    const segments = [...RFM_SEGMENTS, 'unclassified'];
    const rs = scoreQuintiles(recency, 'lower-better'),
      fs = scoreQuintiles(frequency, 'higher-better'),
      ms = scoreQuintiles(monetary, 'higher-better');
    const plain = RFM_SEGMENTS.map((id) => groupIndex(strategyGroupOf(id, 0)));
    const priceSensitive = RFM_SEGMENTS.map((id) => groupIndex(strategyGroupOf(id, PRICE_SENSITIVE_MASK)));
    for (let c = 0; c < n; c++) {
      r[c] = rs.scores[c]!;
      f[c] = fs.scores[c]!;
      m[c] = ms.scores[c]!;
      const s = scoreable[c] ? segmentIndexOfCode(r[c]!, f[c]!, m[c]!) : -1;
      segment[c] = s < 0 ? segments.length - 1 : s;
      if (s >= 0) strategy[c] = (tags.masks[c]! & PRICE_SENSITIVE_MASK ? priceSensitive : plain)[s]!;
    }
    return {
      ...fixedLabels(scheme, segments),
      segments,
      segment,
      r,
      f,
      m,
      bins: { r: rs.bins, f: fs.bins, m: ms.bins },
      strategy,
    };
  }

  const segments = [...RFM8_SEGMENTS, 'unclassified'];
  const means = {
    recencyDays: mean(recency, scoreable),
    frequency: mean(frequency, scoreable),
    monetary: mean(monetary, scoreable),
  };
  for (let c = 0; c < n; c++) {
    if (!scoreable[c]) {
      segment[c] = segments.length - 1;
      continue;
    }
    const rHigh = recency[c]! <= means.recencyDays,
      fHigh = frequency[c]! >= means.frequency,
      mHigh = monetary[c]! >= means.monetary;
    r[c] = rHigh ? 2 : 1;
    f[c] = fHigh ? 2 : 1;
    m[c] = mHigh ? 2 : 1;
    const id = classifyRfm8(rHigh, fHigh, mHigh);
    segment[c] = RFM8_SEGMENTS.indexOf(id);
    const group = strategyGroupOf(id, tags.masks[c]!);
    if (group) strategy[c] = STRATEGY_GROUPS.indexOf(group);
  }
  return { ...fixedLabels(scheme, segments), segments, segment, r, f, m, means, strategy };
}

// rfm and rfm8 segment ids all have a `segment.<id>` label; the code explains itself.
function fixedLabels(scheme: Scheme, segments: readonly string[]) {
  return {
    scheme,
    id: scheme,
    segmentLabel: (s: number, locale: Locale) => label(`segment.${segments[s]}` as LabelKey, locale),
    explain: () => null,
    notes: [],
  };
}
