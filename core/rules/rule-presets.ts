import { TAG_THRESHOLDS } from '../tags/assign-tags.js';
import type { RuleNode, RulePreset, TagRule } from './rule-types.js';

const t = TAG_THRESHOLDS;

// A step 5 basic tags 「近3个月未消费」「客单价≥1000元」, with the thresholds of
// core/tags/assign-tags.ts (same "never bought = not bought in 3 months" reading).
const BASIC_TAGS: readonly TagRule[] = [
  {
    id: 'no-purchase-months',
    when: { field: 'recencyDays', op: '>', value: t.churn.inactiveMonths, unit: 'months' },
    tags: ['no-purchase-months'],
    labelParams: { n: 'recencyDays' },
  },
  {
    id: 'aov-at-least',
    when: { field: 'averageOrderValue', op: '>=', value: t.basicAov },
    tags: ['aov-at-least'],
    labelParams: { n: 'averageOrderValue' },
  },
];

const inactive = (months: number): RuleNode => ({ field: 'recencyDays', op: '>', value: months, unit: 'months' });

/** SPEC §5b `a-step4-rules` (A step 4: small data, few dimensions). */
export const A_STEP4_RULES: RulePreset = {
  id: 'a-step4-rules',
  source: 'SPEC §5b (source A step 4)',
  segments: [
    {
      id: 'high-value',
      when: {
        all: [
          { field: 'frequency6m', op: '>=', value: 5 },
          { field: 'averageOrderValue', op: '>=', value: 1000 },
        ],
      },
      tags: ['high-value'],
      strategyGroup: 'high-value',
    },
    {
      id: 'potential',
      when: {
        all: [
          { field: 'frequency6m', op: 'between', min: 2, max: 4 },
          { field: 'averageOrderValue', op: 'between', min: 500, max: 1000 },
        ],
      },
      tags: ['potential'],
      strategyGroup: 'potential',
    },
    {
      id: 'churn-risk',
      when: { all: [inactive(3), { field: 'historicalFrequency', op: '<=', value: 1 }] },
      tags: ['churn-risk'],
      strategyGroup: 'churn-risk',
      churn: true,
    },
  ],
  tagRules: BASIC_TAGS,
};

/**
 * SPEC §5b `a-table5-rules` and its §6 tag table, built from the thresholds
 * of core/tags/assign-tags.ts so the two never drift apart. The churn row
 * reads "(inactive AND lifetime F ≤ 3) OR complaint"; 【低频】 belongs to the
 * inactivity branch and 【投诉记录】 to the complaint branch (SPEC §6).
 */
export const A_TABLE5_RULES: RulePreset = {
  id: 'a-table5-rules',
  source: 'SPEC §5b, §6 (source A Table 5)',
  segments: [
    {
      id: 'high-value',
      when: {
        all: [
          { field: 'frequency6m', op: '>=', value: t.highValue.frequency6m },
          { field: 'averageOrderValue', op: '>=', value: t.highValue.averageOrderValue },
          { field: 'recencyDays', op: '<=', value: t.highValue.recencyDays },
        ],
      },
      tags: ['high-value', 'frequent-high-aov', 'active-loyal'],
      strategyGroup: 'high-value',
    },
    {
      id: 'potential',
      when: {
        all: [
          { field: 'frequency6m', op: 'between', min: t.potential.frequency6mMin, max: t.potential.frequency6mMax },
          { field: 'averageOrderValue', op: 'between', min: t.potential.aovMin, max: t.potential.aovMax },
          { field: 'recencyDays', op: '<=', value: t.potential.recencyDays },
        ],
      },
      tags: ['potential', 'mid-frequency-mid-aov', 'growing'],
      strategyGroup: 'potential',
    },
    {
      id: 'churn-risk',
      when: {
        any: [
          {
            all: [
              inactive(t.churn.inactiveMonths),
              { field: 'historicalFrequency', op: '<=', value: t.churn.historicalFrequencyMax },
            ],
            tags: ['low-frequency'],
            name: 'churn-risk-inactive',
          },
          {
            field: 'complaints6m',
            op: '>=',
            value: t.churn.complaints,
            tags: ['has-complaints'],
            name: 'churn-risk-complaint',
          },
        ],
      },
      tags: ['churn-risk'],
      strategyGroup: 'churn-risk',
      churn: true,
    },
    {
      id: 'price-sensitive',
      when: {
        all: [
          { field: 'promotionsJoined6m', op: '>=', value: t.priceSensitive.promotions },
          { field: 'averageOrderValue', op: '<', value: t.priceSensitive.aovBelow },
          // SPEC §5b: "often uses coupons" has no number; default ≥ 3 uses in 6 months.
          { field: 'couponUses', op: '>=', value: t.priceSensitive.couponUses },
        ],
        name: 'price-sensitive',
      },
      tags: ['price-sensitive', 'promotion-driven', 'low-aov'],
      strategyGroup: 'price-sensitive',
    },
  ],
  tagRules: BASIC_TAGS,
};

/**
 * SPEC §5a `b-rfm-definitions` (B §2): AOV measured against the customer's
 * industry mean AOV; "close to" = within ±20% (default, not in source);
 * exactly 90 days is not "no purchase in 90 days" (recencyDays > 90, as SPEC writes it).
 */
export const B_RFM_DEFINITIONS: RulePreset = {
  id: 'b-rfm-definitions',
  source: 'SPEC §5a (source B §2)',
  segments: [
    {
      id: 'high-value',
      when: {
        all: [
          { field: 'recencyDays', op: '<=', value: 30 },
          { field: 'frequency6m', op: '>=', value: 5 },
          { field: 'averageOrderValue', op: '>=', value: 1.5, relativeTo: 'industryMeanAov' },
        ],
      },
      tags: ['high-value'],
      strategyGroup: 'high-value',
    },
    {
      id: 'churn-risk',
      when: {
        all: [
          { field: 'recencyDays', op: '>', value: 90 },
          { field: 'frequency6m', op: '<=', value: 1 },
          { field: 'averageOrderValue', op: 'between', min: 0.8, max: 1.2, relativeTo: 'industryMeanAov' },
        ],
      },
      tags: ['churn-risk'],
      strategyGroup: 'churn-risk',
      churn: true,
    },
  ],
};

/**
 * SPEC §5b `b-maintenance-tiers` (B §2–3). 500,000 lies in both Strategic and
 * Core; order resolves it. Above 500,000 without the referral rate, a
 * customer matches neither upper tier and falls through, as SPEC writes it.
 * Potential's "frequency 1–2" uses the 6-month window (default, not in source).
 * Rates are fractions: 0.9 = 90%.
 */
export const B_MAINTENANCE_TIERS: RulePreset = {
  id: 'b-maintenance-tiers',
  source: 'SPEC §5b, §7 (source B §2–3)',
  segments: [
    {
      id: 'strategic',
      when: {
        all: [
          { field: 'cumulativeSpend', op: '>=', value: 500_000 },
          { field: 'referralRate', op: '>=', value: 0.9 },
        ],
      },
      maintenance: 'strategic',
    },
    {
      id: 'core',
      when: {
        all: [
          { field: 'cumulativeSpend', op: 'between', min: 100_000, max: 500_000 },
          { field: 'repurchaseRate', op: '>=', value: 0.7 },
        ],
      },
      maintenance: 'core',
    },
    {
      id: 'potential',
      when: {
        all: [
          { field: 'firstPurchaseAmount', op: '>=', value: 5000 },
          { field: 'frequency6m', op: 'between', min: 1, max: 2 },
        ],
      },
      maintenance: 'potential',
    },
    {
      id: 'churn-warning',
      when: {
        all: [
          { field: 'recencyDays', op: '>', value: 90 },
          { field: 'cumulativeSpend', op: '>=', value: 2000 },
        ],
      },
      maintenance: 'churn-warning',
      churn: true,
    },
    // B names 普通客户 without criteria: the catch-all (default, not in source).
    { id: 'ordinary' },
  ],
};

/** Every built-in preset by id; `a-table5-rules` is the default for a new workbook (SPEC §5b). */
export const RULE_PRESETS = {
  'a-step4-rules': A_STEP4_RULES,
  'a-table5-rules': A_TABLE5_RULES,
  'b-rfm-definitions': B_RFM_DEFINITIONS,
  'b-maintenance-tiers': B_MAINTENANCE_TIERS,
} as const satisfies Record<string, RulePreset>;

export type RulePresetId = keyof typeof RULE_PRESETS;
export const RULE_PRESET_IDS = Object.keys(RULE_PRESETS) as RulePresetId[];
export const DEFAULT_RULE_PRESET: RulePresetId = 'a-table5-rules';

/** Narrows a string to a built-in preset id. */
export function isRulePresetId(value: string): value is RulePresetId {
  return Object.prototype.hasOwnProperty.call(RULE_PRESETS, value);
}
