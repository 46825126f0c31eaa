import type { CustomerFeatures } from '../features/customer-features.js';
import { label, type LabelKey, type Locale } from '../i18n/labels.js';
import { addMonths } from '../parse/civil-day.js';
import type { SchemeTags } from '../segment/apply-scheme.js';

/** Tag ids in bit order (SPEC §6 Table 5 plus A step 5 basic tags). */
export const TAG_IDS = [
  'high-value',
  'frequent-high-aov',
  'active-loyal',
  'potential',
  'mid-frequency-mid-aov',
  'growing',
  'churn-risk',
  'low-frequency',
  'has-complaints',
  'price-sensitive',
  'promotion-driven',
  'low-aov',
  'no-purchase-months',
  'aov-at-least',
] as const;
export type TagId = (typeof TAG_IDS)[number];
const BITS = Object.fromEntries(TAG_IDS.map((tag, i) => [tag, 1 << i])) as Record<TagId, number>;
const bit = (tag: TagId): number => BITS[tag];
// Group masks, computed once (assignTags runs per customer).
const HIGH_VALUE = BITS['high-value'] | BITS['frequent-high-aov'] | BITS['active-loyal'];
const POTENTIAL = BITS.potential | BITS['mid-frequency-mid-aov'] | BITS.growing;
const PRICE_SENSITIVE = BITS['price-sensitive'] | BITS['promotion-driven'] | BITS['low-aov'];

/** Thresholds of the A Table 5 tag rules (SPEC §5b `a-table5-rules`, §6). */
export const TAG_THRESHOLDS = {
  highValue: { frequency6m: 8, averageOrderValue: 1500, recencyDays: 30 },
  potential: { frequency6mMin: 4, frequency6mMax: 7, aovMin: 800, aovMax: 1500, recencyDays: 60 },
  churn: { inactiveMonths: 3, historicalFrequencyMax: 3, complaints: 1 },
  priceSensitive: { promotions: 3, aovBelow: 800, couponUses: 3 },
  basicAov: 1000,
} as const;

export interface TagResult {
  /** Bit mask of TAG_IDS per customer. */
  readonly masks: Uint16Array;
  /** Churn-risk reason bits: 1 = inactive and low frequency, 2 = complaint. */
  readonly churnReasons: Uint8Array;
  /** Rules that could not run because the table lacks a column, once each. */
  readonly skipped: readonly SkippedRule[];
}

/** A rule that could not run: English names for logs, catalogue keys for every locale. */
export interface SkippedRule {
  readonly rule: string;
  readonly column: string;
  readonly ruleKey: LabelKey;
  readonly columnKey: LabelKey;
}

/** Whether a mask holds a tag. */
export function hasTag(mask: number, tag: TagId): boolean {
  return (mask & bit(tag)) !== 0;
}

/** The tag ids in a mask, in TAG_IDS order. */
export function tagsOf(mask: number): TagId[] {
  return TAG_IDS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/**
 * Tags every customer with each Table 5 group whose rule it satisfies (tags
 * may overlap, SPEC §6): 【高价值】… for F6m ≥ 8, AOV ≥ 1,500, R ≤ 30; 【潜力客户】…
 * for F6m 4–7, AOV 800–1,500, R ≤ 60; 【流失风险】 for no purchase in 3 months
 * with lifetime F ≤ 3 (+【低频】) or ≥ 1 complaint (+【投诉记录】); 【价格敏感】… for
 * ≥ 3 promotions, AOV < 800, ≥ 3 coupon uses; plus the basic tags
 * 「近3个月未消费」 and 「客单价≥1000元」.
 */
export function assignTags(features: CustomerFeatures): TagResult {
  const n = features.count;
  const t = TAG_THRESHOLDS;
  const masks = new Uint16Array(n);
  const churnReasons = new Uint8Array(n);
  const { complaints6m, promotionsJoined6m, couponUses } = features.behaviour;
  const skipped: SkippedRule[] = [];
  if (!complaints6m)
    skipped.push({
      rule: 'churn risk (complaint)',
      column: 'complaints',
      ruleKey: 'rule.churn-risk-complaint',
      columnKey: 'field.complaints6m',
    });
  if (!promotionsJoined6m)
    skipped.push({
      rule: 'price-sensitive',
      column: 'promotions joined',
      ruleKey: 'rule.price-sensitive',
      columnKey: 'field.promotionsJoined6m',
    });
  else if (!couponUses)
    skipped.push({
      rule: 'price-sensitive',
      column: 'coupon uses',
      ruleKey: 'rule.price-sensitive',
      columnKey: 'field.couponUses',
    });
  const hasInactiveCutoff = Number.isFinite(features.asOfDay);
  const inactiveDays = hasInactiveCutoff ? features.asOfDay - addMonths(features.asOfDay, -t.churn.inactiveMonths) : 90;

  for (let c = 0; c < n; c++) {
    const r = features.recencyDays[c]!,
      f6 = features.frequency6m[c]!,
      aov = features.averageOrderValue[c]!,
      fAll = features.frequency[c]!;
    let mask = 0;
    if (f6 >= t.highValue.frequency6m && aov >= t.highValue.averageOrderValue && r <= t.highValue.recencyDays)
      mask |= HIGH_VALUE;
    if (
      f6 >= t.potential.frequency6mMin &&
      f6 <= t.potential.frequency6mMax &&
      aov >= t.potential.aovMin &&
      aov <= t.potential.aovMax &&
      r <= t.potential.recencyDays
    ) {
      mask |= POTENTIAL;
    }
    const inactive = r > inactiveDays || (Number.isNaN(r) && fAll === 0);
    let reasons = 0;
    if (inactive && fAll <= t.churn.historicalFrequencyMax) reasons |= 1;
    if (complaints6m && complaints6m[c]! >= t.churn.complaints) reasons |= 2;
    if (reasons) {
      mask |= BITS['churn-risk'];
      if (reasons & 1) mask |= BITS['low-frequency'];
      if (reasons & 2) mask |= BITS['has-complaints'];
    }
    churnReasons[c] = reasons;
    if (
      promotionsJoined6m &&
      couponUses &&
      promotionsJoined6m[c]! >= t.priceSensitive.promotions &&
      aov < t.priceSensitive.aovBelow &&
      couponUses[c]! >= t.priceSensitive.couponUses
    ) {
      mask |= PRICE_SENSITIVE;
    }
    if (inactive) mask |= BITS['no-purchase-months'];
    if (aov >= t.basicAov) mask |= BITS['aov-at-least'];
    masks[c] = mask;
  }
  return { masks, churnReasons, skipped };
}

const CHURN_TAG = BITS['churn-risk'];

/**
 * The default tags with 【流失风险】 set by the run's one churn decision
 * (issue 11 §3) instead of the A Table 5 tag rule, so the tag never
 * disagrees with the churn column; the rule's reasons and 【低频】【投诉记录】
 * stay as the rule found them.
 * @example withChurnTag(assignTags(features), result.churn.atRisk).masks
 */
export function withChurnTag(tags: TagResult, atRisk: Uint8Array): TagResult {
  const masks = tags.masks.slice();
  for (let c = 0; c < masks.length; c++) masks[c] = atRisk[c] ? masks[c]! | CHURN_TAG : masks[c]! & ~CHURN_TAG;
  return { ...tags, masks };
}

/**
 * A rule preset's own tags with its 'churn-risk' tag set by the churn
 * decision (added to the preset's ids when it has none, labelled
 * 【流失风险】 / [Churn risk]).
 */
export function withSchemeChurnTag(tags: SchemeTags, atRisk: Uint8Array): SchemeTags {
  const own = tags.ids.includes('churn-risk');
  const ids = own ? tags.ids : [...tags.ids, 'churn-risk'];
  const tagLabel = (tag: string, locale: Locale): string =>
    tag === 'churn-risk' && !own ? label('tag.churn-risk', locale) : tags.tagLabel(tag, locale);
  const tagsOf = (c: number): string[] => {
    const list = tags.tagsOf(c).filter((tag) => tag !== 'churn-risk');
    if (atRisk[c]) list.push('churn-risk');
    return ids.filter((tag) => list.includes(tag));
  };
  return { ids, tagsOf, tagLabel, tagLabels: (c, locale) => tagsOf(c).map((tag) => tagLabel(tag, locale)) };
}
