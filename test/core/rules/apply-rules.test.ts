import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../../core/parse/civil-day.js';
import { applyRules, type RuleSchemeResult } from '../../../core/rules/apply-rules.js';
import { maintenanceStrategy } from '../../../core/rules/maintenance-strategies.js';
import { RULE_PRESETS } from '../../../core/rules/rule-presets.js';
import type { RulePreset } from '../../../core/rules/rule-types.js';
import { resolveRulePreset } from '../../../core/rules/rules-config.js';
import { STRATEGY_GROUPS } from '../../../core/strategies/strategy-groups.js';
import { assignTags, TAG_IDS, tagsOf } from '../../../core/tags/assign-tags.js';
import { makeFeatures, type CustomerRow } from '../../fixtures/customer-features.js';

// asOf 2024-05-31: three calendar months back is 2024-02-29, 92 days earlier (not 90).
const AS_OF = dayFromCivil(2024, 5, 31);
const quiet = { complaints6m: 0, promotionsJoined6m: 0, couponUses: 0 };

const segmentsOf = (result: RuleSchemeResult): string[] => Array.from(result.segment, (s) => result.segments[s]!);
const tagsByCustomer = (result: RuleSchemeResult): string[][] => Array.from(result.segment, (_, c) => result.tagsOf(c));

describe('a-table5-rules: a hand-checked table (SPEC §5b, §6)', () => {
  const rows: CustomerRow[] = [
    { id: 'C01', frequency6m: 9, averageOrderValue: 1620, recencyDays: 12, frequency: 20, ...quiet },
    // High value exactly on F6m 8, AOV 1,500, R 30 (inclusive) and one complaint: stays 高价值客户, churn tags added.
    { id: 'C02', frequency6m: 8, averageOrderValue: 1500, recencyDays: 30, frequency: 15, ...quiet, complaints6m: 1 },
    // Potential on the low bounds F6m 4, AOV 800, R 60.
    { id: 'C03', frequency6m: 4, averageOrderValue: 800, recencyDays: 60, frequency: 6, ...quiet },
    // Potential on the high bounds F6m 7, AOV 1,500, R 60.
    { id: 'C04', frequency6m: 7, averageOrderValue: 1500, recencyDays: 60, frequency: 9, ...quiet },
    // 93 days > 3 months (92 days) and lifetime F 3 ≤ 3: churn by inactivity.
    { id: 'C05', frequency6m: 0, averageOrderValue: 500, recencyDays: 93, frequency: 3, ...quiet },
    // Last purchase on the cut-off day (92 days) is inside the 3 months: no rule matches.
    { id: 'C06', frequency6m: 0, averageOrderValue: 300, recencyDays: 92, frequency: 1, ...quiet },
    // Price-sensitive: 3 promotions, AOV just under 800, 3 coupons.
    {
      id: 'C07',
      frequency6m: 5,
      averageOrderValue: 799.99,
      recencyDays: 20,
      frequency: 10,
      complaints6m: 0,
      promotionsJoined6m: 3,
      couponUses: 3,
    },
    // Never purchased (no recency, lifetime F 0): not bought in the last 3 months.
    { id: 'C08', frequency: 0, ...quiet },
  ];
  const result = applyRules(RULE_PRESETS['a-table5-rules'], makeFeatures(rows, AS_OF));

  it('gives each customer the first matching segment', () => {
    expect(result.segments).toEqual(['high-value', 'potential', 'churn-risk', 'price-sensitive', 'unclassified']);
    expect(segmentsOf(result)).toEqual([
      'high-value',
      'high-value',
      'potential',
      'potential',
      'churn-risk',
      'unclassified',
      'price-sensitive',
      'churn-risk',
    ]);
  });

  it('collects the tags of every matching group, in assign-tags order', () => {
    expect(result.tags).toEqual(TAG_IDS);
    expect(tagsByCustomer(result)).toEqual([
      ['high-value', 'frequent-high-aov', 'active-loyal', 'aov-at-least'],
      ['high-value', 'frequent-high-aov', 'active-loyal', 'churn-risk', 'has-complaints', 'aov-at-least'],
      ['potential', 'mid-frequency-mid-aov', 'growing'],
      ['potential', 'mid-frequency-mid-aov', 'growing', 'aov-at-least'],
      ['churn-risk', 'low-frequency', 'no-purchase-months'],
      [],
      ['price-sensitive', 'promotion-driven', 'low-aov'],
      ['churn-risk', 'low-frequency', 'no-purchase-months'],
    ]);
    expect(result.tagLabel(TAG_IDS.indexOf('no-purchase-months'), 'zh-CN')).toBe('近3个月未消费');
    expect(result.tagLabel(TAG_IDS.indexOf('aov-at-least'), 'en')).toBe('AOV ≥ ¥1,000'); // no currency in the data: CNY;
  });

  it('agrees with core/tags/assign-tags.ts customer by customer', () => {
    const reference = assignTags(makeFeatures(rows, AS_OF));
    expect(tagsByCustomer(result)).toEqual(Array.from(reference.masks, (mask) => tagsOf(mask)));
  });

  it('marks every rule that matched, primary or not, and the Table 6 strategy of the primary', () => {
    expect(Array.from(result.matched)).toEqual([0b0001, 0b0101, 0b0010, 0b0010, 0b0100, 0, 0b1000, 0b0100]);
    expect(Array.from(result.strategy, (s) => STRATEGY_GROUPS[s] ?? null)).toEqual([
      'high-value',
      'high-value',
      'potential',
      'potential',
      'churn-risk',
      null,
      'price-sensitive',
      'churn-risk',
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('explains each assignment from the conditions that matched, in both locales', () => {
    expect(result.explain(0)).toMatchInlineSnapshot(
      `"6-month frequency 9 ≥ 8; AOV 1,620 ≥ 1,500; last purchase 12 days ago ≤ 30"`,
    );
    expect(result.explain(0, 'zh-CN')).toMatchInlineSnapshot(
      `"近6个月消费频次 9 ≥ 8；客单价 1,620 ≥ 1,500；最近消费 12 天前 ≤ 30"`,
    );
    expect(result.explain(2)).toMatchInlineSnapshot(
      `"6-month frequency 4 within 4–7; AOV 800 within 800–1,500; last purchase 60 days ago ≤ 60"`,
    );
    expect(result.explain(2, 'zh-CN')).toMatchInlineSnapshot(
      `"近6个月消费频次 4 在 4–7 之间；客单价 800 在 800–1,500 之间；最近消费 60 天前 ≤ 60"`,
    );
    expect(result.explain(4)).toMatchInlineSnapshot(
      `"last purchase 93 days ago > 3 months (92 days); lifetime purchases 3 ≤ 3"`,
    );
    expect(result.explain(4, 'zh-CN')).toMatchInlineSnapshot(`"最近消费 93 天前 > 3个月（92天）；历史消费频次 3 ≤ 3"`);
    expect(result.explain(5)).toMatchInlineSnapshot(`"no rule matched"`);
    expect(result.explain(5, 'zh-CN')).toMatchInlineSnapshot(`"未满足任何规则"`);
    expect(result.explain(6)).toMatchInlineSnapshot(`"promotions joined 3 ≥ 3; AOV 799.99 < 800; coupon uses 3 ≥ 3"`);
    expect(result.explain(7)).toMatchInlineSnapshot(`"never purchased; lifetime purchases 0 ≤ 3"`);
    expect(result.explain(7, 'zh-CN')).toMatchInlineSnapshot(`"从未消费；历史消费频次 0 ≤ 3"`);
  });

  it('explains a rule that matched without being primary', () => {
    expect(result.explainRule(1, 'churn-risk')).toMatchInlineSnapshot(`"complaints 1 ≥ 1"`);
    expect(result.explainRule(1, 'churn-risk', 'zh-CN')).toMatchInlineSnapshot(`"投诉次数 1 ≥ 1"`);
    expect(result.explainRule(0, 'churn-risk')).toBeNull();
    expect(result.explainRule(4, 'no-purchase-months')).toMatchInlineSnapshot(
      `"last purchase 93 days ago > 3 months (92 days)"`,
    );
    expect(result.explainRule(0, 'no-such-rule')).toBeNull();
  });

  it('labels segments in both locales', () => {
    expect(result.segments.map((_, s) => result.segmentLabel(s, 'zh-CN'))).toEqual([
      '高价值客户',
      '潜力客户',
      '流失风险客户',
      '价格敏感客户',
      '未分类',
    ]);
    expect(result.segments.map((_, s) => result.segmentLabel(s, 'en'))).toEqual([
      'High-value customer',
      'Potential customer',
      'Churn-risk customer',
      'Price-sensitive customer',
      'Unclassified',
    ]);
  });
});

describe('a-step4-rules (SPEC §5b A step 4)', () => {
  const rows: CustomerRow[] = [
    { id: 'S1', frequency6m: 5, averageOrderValue: 1000, recencyDays: 5, frequency: 9 },
    { id: 'S2', frequency6m: 2, averageOrderValue: 500, recencyDays: 5, frequency: 2 },
    // AOV 1,000 is in both the high-value and potential ranges; F6m 4 fails high value.
    { id: 'S3', frequency6m: 4, averageOrderValue: 1000, recencyDays: 5, frequency: 4 },
    { id: 'S4', frequency6m: 0, averageOrderValue: 200, recencyDays: 93, frequency: 1 },
    // Lifetime F 2 > 1: not churn risk under A step 4.
    { id: 'S5', frequency6m: 0, averageOrderValue: 200, recencyDays: 93, frequency: 2 },
    { id: 'S6', frequency6m: 5, averageOrderValue: 999.99, recencyDays: 5, frequency: 5 },
  ];
  const result = applyRules(RULE_PRESETS['a-step4-rules'], makeFeatures(rows, AS_OF));

  it('assigns the first match, bounds inclusive', () => {
    expect(segmentsOf(result)).toEqual([
      'high-value',
      'potential',
      'potential',
      'churn-risk',
      'unclassified',
      'unclassified',
    ]);
    expect(tagsByCustomer(result)).toEqual([
      ['high-value', 'aov-at-least'],
      ['potential'],
      ['potential', 'aov-at-least'],
      ['churn-risk', 'no-purchase-months'],
      ['no-purchase-months'],
      [],
    ]);
    expect(result.explain(3)).toMatchInlineSnapshot(
      `"last purchase 93 days ago > 3 months (92 days); lifetime purchases 1 ≤ 1"`,
    );
    expect(result.explain(2, 'zh-CN')).toMatchInlineSnapshot(
      `"近6个月消费频次 4 在 2–4 之间；客单价 1,000 在 500–1,000 之间"`,
    );
  });
});

describe('b-rfm-definitions: AOV against the industry mean (SPEC §5a B)', () => {
  const rows: CustomerRow[] = [
    // 零售 mean AOV configured at 1,000: 1.5 × 1,000 = 1,500 inclusive.
    { id: 'B1', industry: '零售', recencyDays: 30, frequency6m: 5, averageOrderValue: 1500 },
    // 0.8 × 1,000 = 800 is "close to" (±20%, inclusive); 91 > 90 days.
    { id: 'B2', industry: '零售', recencyDays: 91, frequency6m: 1, averageOrderValue: 800 },
    // Exactly 90 days is not "no purchase in 90 days".
    { id: 'B3', industry: '零售', recencyDays: 90, frequency6m: 1, averageOrderValue: 1000 },
    // 制造 has no configured mean: the data's (3,000 + 1,000) / 2 = 2,000.
    { id: 'B4', industry: '制造', recencyDays: 10, frequency6m: 6, averageOrderValue: 3000 },
    { id: 'B5', industry: ' 制造 ', recencyDays: 100, frequency6m: 0, averageOrderValue: 1000 },
  ];
  const preset: RulePreset = { ...RULE_PRESETS['b-rfm-definitions'], industryMeanAov: { 零售: 1000 } };
  const result = applyRules(preset, makeFeatures(rows, AS_OF));

  it('uses the configured mean, else the data mean per industry, and says so', () => {
    expect(segmentsOf(result)).toEqual(['high-value', 'churn-risk', 'unclassified', 'high-value', 'unclassified']);
    expect(result.industryMeans).toEqual([
      { industry: '零售', meanAov: 1000, source: 'config', customers: 3 },
      { industry: '制造', meanAov: 2000, source: 'data', customers: 2 },
    ]);
    expect(result.notes.map((n) => n.message)).toEqual([
      'Industry mean AOV taken from the data (none configured): 制造 2,000',
    ]);
  });

  it('explains relative thresholds with the mean they used', () => {
    expect(result.explain(0)).toMatchInlineSnapshot(
      `"last purchase 30 days ago ≤ 30; 6-month frequency 5 ≥ 5; AOV 1,500 ≥ 1.5 × industry mean 1,000 (1,500)"`,
    );
    expect(result.explain(1)).toMatchInlineSnapshot(
      `"last purchase 91 days ago > 90; 6-month frequency 1 ≤ 1; AOV 800 within 0.8–1.2 × industry mean 1,000 (800–1,200)"`,
    );
    expect(result.explain(1, 'zh-CN')).toMatchInlineSnapshot(
      `"最近消费 91 天前 > 90；近6个月消费频次 1 ≤ 1；客单价 800 在行业平均 1,000 的 0.8–1.2 倍之间（800–1,200）"`,
    );
    expect(result.explain(3, 'zh-CN')).toMatchInlineSnapshot(
      `"最近消费 10 天前 ≤ 30；近6个月消费频次 6 ≥ 5；客单价 3,000 ≥ 1.5 × 行业平均 2,000（3,000）"`,
    );
  });

  it('falls back to the mean of all customers without an industry column', () => {
    const plain = applyRules(
      RULE_PRESETS['b-rfm-definitions'],
      makeFeatures(
        rows.map(({ industry: _, ...rest }) => rest),
        AS_OF,
      ),
    );
    // Mean of 1,500, 800, 1,000, 3,000, 1,000 = 1,460; 1.5 × 1,460 = 2,190.
    expect(segmentsOf(plain)).toEqual(['unclassified', 'unclassified', 'unclassified', 'high-value', 'unclassified']);
    expect(plain.notes.map((n) => n.message)).toEqual([
      'industry column not found: AOV is compared with the mean AOV of all customers (1,460)',
    ]);
  });
});

describe('b-maintenance-tiers (SPEC §5b B, §7)', () => {
  const rows: CustomerRow[] = [
    // In both Strategic and Core at 500,000: order gives Strategic.
    { id: 'T1', monetary: 500_000, referralRate: 0.9, repurchaseRate: 0.8, recencyDays: 5, frequency6m: 3 },
    // 500,000 failing the referral test: Core (its upper bound is inclusive).
    { id: 'T2', monetary: 500_000, referralRate: 0.5, repurchaseRate: 0.7, recencyDays: 5, frequency6m: 3 },
    // Above 500,000 failing the referral test matches neither upper tier and falls through.
    { id: 'T3', monetary: 600_000, referralRate: 0.5, repurchaseRate: 0.9, recencyDays: 5, frequency6m: 3 },
    { id: 'T4', monetary: 100_000, referralRate: 0, repurchaseRate: 0.7, recencyDays: 5, frequency6m: 3 },
    {
      id: 'T5',
      monetary: 8000,
      firstPurchaseAmount: 5000,
      frequency6m: 2,
      recencyDays: 5,
      referralRate: 0,
      repurchaseRate: 0,
    },
    { id: 'T6', monetary: 2000, recencyDays: 91, frequency6m: 0, referralRate: 0, repurchaseRate: 0 },
    { id: 'T7', monetary: 2000, recencyDays: 90, frequency6m: 0, referralRate: 0, repurchaseRate: 0 },
  ];
  const result = applyRules(RULE_PRESETS['b-maintenance-tiers'], makeFeatures(rows, AS_OF));

  it('resolves overlaps by order and catches the rest as 普通客户', () => {
    expect(result.segments).toEqual(['strategic', 'core', 'potential', 'churn-warning', 'ordinary']);
    expect(segmentsOf(result)).toEqual([
      'strategic',
      'core',
      'ordinary',
      'core',
      'potential',
      'churn-warning',
      'ordinary',
    ]);
    expect(result.matched[0]).toBe(0b00011);
    expect(result.matched[2]).toBe(0b10000);
    expect(result.maintenance).toEqual(['strategic', 'core', 'potential', 'churn-warning', undefined]);
  });

  it('explains tiers with rates as percentages, and the catch-all', () => {
    expect(result.explain(0)).toMatchInlineSnapshot(`"cumulative spend 500,000 ≥ 500,000; referral rate 90% ≥ 90%"`);
    expect(result.explain(0, 'zh-CN')).toMatchInlineSnapshot(`"累计消费 500,000 ≥ 500,000；推荐率 90% ≥ 90%"`);
    expect(result.explain(1)).toMatchInlineSnapshot(
      `"cumulative spend 500,000 within 100,000–500,000; repurchase rate 70% ≥ 70%"`,
    );
    expect(result.explain(2)).toMatchInlineSnapshot(`"no other tier matched"`);
    expect(result.explain(2, 'zh-CN')).toMatchInlineSnapshot(`"未满足其他层级的条件"`);
    expect(result.explain(5)).toMatchInlineSnapshot(`"last purchase 91 days ago > 90; cumulative spend 2,000 ≥ 2,000"`);
  });

  it('looks up the B maintenance strategy of a tier', () => {
    expect(maintenanceStrategy('churn-warning', 'zh-CN')).toEqual({
      tier: 'churn-warning',
      measures: '1. 挽回话术「老客户回归专属礼」；2. 流失原因调研（问卷/电话）；3. 定向优惠「回归首单8折」',
      owner: '客户关系专员',
      cadence: '立即执行',
    });
    expect(maintenanceStrategy('core', 'en').cadence).toBe('Once a quarter');
  });
});

describe('missing columns are reported once per rule, never row by row', () => {
  it('skips the complaint branch and the price-sensitive rule of a-table5-rules', () => {
    const rows: CustomerRow[] = Array.from({ length: 50 }, (_, i) => ({
      id: `C${i}`,
      frequency6m: 9,
      averageOrderValue: 1620,
      recencyDays: 12,
      frequency: 20,
    }));
    const result = applyRules(RULE_PRESETS['a-table5-rules'], makeFeatures(rows, AS_OF));
    expect(result.skipped.map((s) => s.message)).toEqual([
      "complaints column not found: rule 'churn risk (complaint)' skipped",
      "promotions joined, coupon uses columns not found: rule 'price-sensitive' skipped",
    ]);
    expect(result.skipped.map((s) => s.fields)).toEqual([['complaints6m'], ['promotionsJoined6m', 'couponUses']]);
    expect(segmentsOf(result).every((s) => s === 'high-value')).toBe(true);
    const zh = applyRules(RULE_PRESETS['a-table5-rules'], makeFeatures(rows.slice(0, 1), AS_OF), { locale: 'zh-CN' });
    expect(zh.notes.map((n) => n.message)).toEqual([
      '未找到投诉次数列：已跳过规则「流失风险（投诉）」',
      '未找到参与活动次数、优惠券使用次数列：已跳过规则「价格敏感」',
    ]);
  });

  it('still lets the inactivity branch of the churn rule match', () => {
    const result = applyRules(
      RULE_PRESETS['a-table5-rules'],
      makeFeatures([{ id: 'X', recencyDays: 120, frequency: 2, frequency6m: 0, averageOrderValue: 100 }], AS_OF),
    );
    expect(segmentsOf(result)).toEqual(['churn-risk']);
  });

  it('reports a whole tier when it has no name of its own', () => {
    const result = applyRules(
      RULE_PRESETS['b-maintenance-tiers'],
      makeFeatures([{ id: 'X', monetary: 900_000, recencyDays: 200, frequency6m: 0 }], AS_OF),
    );
    expect(result.skipped.map((s) => s.message)).toEqual([
      "referral rate column not found: rule 'Strategic customer' skipped",
      "repurchase rate column not found: rule 'Core customer' skipped",
      "first purchase amount column not found: rule 'Potential customer' skipped",
    ]);
    expect(segmentsOf(result)).toEqual(['churn-warning']);
  });

  it('treats an engine column that is empty for everyone as missing', () => {
    const result = applyRules(
      RULE_PRESETS['a-step4-rules'],
      makeFeatures([{ id: 'X', averageOrderValue: 2000, recencyDays: 3, frequency: 4 }], AS_OF),
    );
    expect(result.skipped.map((s) => s.message)).toEqual([
      "6-month frequency column not found: rule 'High-value customer' skipped",
      "6-month frequency column not found: rule 'Potential customer' skipped",
    ]);
  });
});

describe('bad input', () => {
  it('counts months as 30 days without an analysis date, and says so', () => {
    const result = applyRules(
      RULE_PRESETS['a-step4-rules'],
      makeFeatures([{ id: 'X', recencyDays: 91, frequency: 1, frequency6m: 0, averageOrderValue: 10 }]),
    );
    expect(segmentsOf(result)).toEqual(['churn-risk']);
    expect(result.explain(0)).toBe('last purchase 91 days ago > 3 months (90 days); lifetime purchases 1 ≤ 1');
    expect(result.notes.map((n) => n.code)).toEqual(['months-approximate']);
  });

  it('never matches NaN and handles no customers', () => {
    const result = applyRules(
      RULE_PRESETS['a-table5-rules'],
      makeFeatures(
        [{ id: 'X', frequency6m: Number.NaN, averageOrderValue: Number.NaN, recencyDays: 5, frequency: 3, ...quiet }],
        AS_OF,
      ),
    );
    expect(segmentsOf(result)).toEqual(['unclassified']);
    expect(applyRules(RULE_PRESETS['a-table5-rules'], makeFeatures([], AS_OF)).segment.length).toBe(0);
  });

  it('rejects a malformed preset with every problem at once', () => {
    const bad: RulePreset = {
      id: 'custom',
      source: 'test',
      segments: [
        { id: 'rest' },
        { id: 'a', when: { field: 'frequency6m', op: 'between', min: 5, max: 2 } },
        { id: 'a', when: { field: 'frequency6m', op: '>=', value: 1, unit: 'months' } },
      ],
    };
    expect(() => applyRules(bad, makeFeatures([]))).toThrowError(
      [
        'custom.rest: a catch-all segment must be last',
        'custom.a: duplicate segment id',
        "custom.a.frequency6m: unit 'months' applies to recencyDays only",
        'custom.a.frequency6m: min 5 > max 2',
      ].join('\n'),
    );
  });
});

describe('properties (fast-check)', () => {
  const customer = fc.record({
    recencyDays: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant(Number.NaN)),
    frequency: fc.integer({ min: 0, max: 12 }),
    frequency6m: fc.integer({ min: 0, max: 10 }),
    averageOrderValue: fc.constantFrom(0, 499, 500, 799.99, 800, 1000, 1499, 1500, 1620, 3000),
    monetary: fc.constantFrom(0, 1999, 2000, 99_999, 100_000, 500_000, 600_000),
    complaints6m: fc.integer({ min: 0, max: 2 }),
    promotionsJoined6m: fc.integer({ min: 0, max: 4 }),
    couponUses: fc.integer({ min: 0, max: 4 }),
    referralRate: fc.constantFrom(0, 0.89, 0.9, 1),
    repurchaseRate: fc.constantFrom(0, 0.69, 0.7, 1),
    firstPurchaseAmount: fc.constantFrom(0, 4999, 5000),
    industry: fc.constantFrom('零售', '制造', ''),
  });
  const table = fc
    .array(customer, { minLength: 1, maxLength: 30 })
    .map((list) => list.map((c, i) => ({ id: `P${i}`, ...c })));

  it('every customer gets exactly one segment, and its tags include the primary segment’s tags', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(...(Object.keys(RULE_PRESETS) as (keyof typeof RULE_PRESETS)[])),
        (rows, id) => {
          const preset = resolveRulePreset(id);
          const result = applyRules(preset, makeFeatures(rows, AS_OF));
          expect(result.segment.length).toBe(rows.length);
          for (let c = 0; c < rows.length; c++) {
            const s = result.segment[c]!;
            expect(s).toBeLessThan(result.segments.length);
            // The primary is the first segment whose rule matched.
            const firstMatched =
              result.matched[c]! === 0
                ? result.segments.length - 1
                : Math.log2(result.matched[c]! & -result.matched[c]!);
            expect(s).toBe(firstMatched);
            const own = preset.segments[s]?.tags ?? [];
            expect(result.tagsOf(c)).toEqual(expect.arrayContaining([...own]));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a-table5-rules tags equal assign-tags on any table', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const features = makeFeatures(rows, AS_OF);
        const result = applyRules(RULE_PRESETS['a-table5-rules'], features);
        const reference = assignTags(features);
        expect(tagsByCustomer(result)).toEqual(Array.from(reference.masks, (mask) => tagsOf(mask)));
      }),
      { numRuns: 60 },
    );
  });
});
