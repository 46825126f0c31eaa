import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/rules/config-error.js';
import { assignValueTiers, resolveValueTierOptions, VALUE_TIER_SEGMENTS } from '../../../core/tiers/value-tiers.js';
import { makeFeatures, type CustomerRow } from '../../fixtures/customer-features.js';

const tiersOf = (result: ReturnType<typeof assignValueTiers>): string[] =>
  Array.from(result.segment, (s) => VALUE_TIER_SEGMENTS[s]!);

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('assignValueTiers: c-value-tiers (SPEC §5d)', () => {
  // Ranked A > B > C > D > E on every one of R, F, M.
  const five: CustomerRow[] = [
    { id: 'A', recencyDays: 10, frequency: 10, monetary: 1000 },
    { id: 'B', recencyDays: 20, frequency: 8, monetary: 800 },
    { id: 'C', recencyDays: 30, frequency: 6, monetary: 600 },
    { id: 'D', recencyDays: 40, frequency: 4, monetary: 400 },
    { id: 'E', recencyDays: 50, frequency: 2, monetary: 200 },
  ];

  it('scores the composite as the mean of R, F, M percentile ranks and cuts deciles from the best', () => {
    const result = assignValueTiers(makeFeatures(five));
    expect(Array.from(result.composite)).toEqual([100, 75, 50, 25, 0]);
    // Positions 0, 0.2, 0.4, 0.6, 0.8 → deciles 1, 3, 5, 7, 9.
    expect(Array.from(result.subTier)).toEqual([1, 3, 5, 7, 9]);
    expect(tiersOf(result)).toEqual(['value-high', 'value-mid', 'value-mid', 'value-low', 'value-low']);
    expect([0, 1, 2, 3, 4].map((c) => result.slaHours(c))).toEqual([1, 2, 2, 24, 24]);
    expect(result.notes.map((n) => n.message)).toEqual(['Only 5 customers for 10 sub-tiers: some sub-tiers are empty']);
  });

  it('writes tier, sub-tier, SLA and strategy columns in both locales', () => {
    const result = assignValueTiers(makeFeatures(five));
    expect(result.headers('en')).toEqual(['Value tier', 'Sub-tier', 'Response SLA', 'Tier strategy']);
    expect(result.headers('zh-CN')).toEqual(['客户层级', '子层级', '响应时限', '分层策略']);
    expect(result.cells(0, 'en')).toEqual([
      'High-value customer',
      'High-value customer, sub-tier 1',
      '≤ 1 h',
      'Personalised service',
    ]);
    expect(result.cells(1, 'zh-CN')).toEqual(['中价值客户', '中价值客户·第3档', '≤ 2 小时', '定期维护']);
    expect(result.cells(4, 'zh-CN')).toEqual(['低价值客户', '低价值客户·第9档', '≤ 24 小时', '挽留措施']);
    expect(result.explain(0)).toMatchInlineSnapshot(
      `"RFM score 100 (R 100 · F 100 · M 100): top 0–10% → High-value customer, sub-tier 1"`,
    );
    expect(result.explain(3, 'zh-CN')).toMatchInlineSnapshot(
      `"RFM综合得分 25（R 25 · F 25 · M 25）：排名前 60–70% → 低价值客户·第7档"`,
    );
  });

  it('gives equal composite scores the same sub-tier, even from different R, F, M', () => {
    const rows: CustomerRow[] = [
      { id: 'X', recencyDays: 5, frequency: 1, monetary: 100 },
      { id: 'Y', recencyDays: 50, frequency: 10, monetary: 5000 },
      { id: 'Z', recencyDays: 20, frequency: 5, monetary: 100 },
    ];
    const result = assignValueTiers(makeFeatures(rows));
    // R ranks 100, 0, 50; F 0, 100, 50; M 25, 100, 25 (X and Z tie on spend).
    expect(Array.from(result.ranks.m)).toEqual([25, 100, 25]);
    expect(result.composite[0]).toBe(result.composite[2]);
    expect(result.composite[0]).toBeCloseTo(125 / 3, 12);
    // X and Z share position (1 + 0.5) / 3 = 0.5 → sub-tier 6.
    expect(Array.from(result.subTier)).toEqual([6, 1, 6]);
    expect(tiersOf(result)).toEqual(['value-low', 'value-high', 'value-low']);
  });

  it('puts a tie block at its mid-rank position', () => {
    const rows: CustomerRow[] = [
      { id: 'A', recencyDays: 1, frequency: 9, monetary: 900 },
      { id: 'B', recencyDays: 5, frequency: 5, monetary: 500 },
      { id: 'C', recencyDays: 5, frequency: 5, monetary: 500 },
      { id: 'D', recencyDays: 9, frequency: 1, monetary: 100 },
    ];
    const result = assignValueTiers(makeFeatures(rows));
    expect(Array.from(result.composite)).toEqual([100, 50, 50, 0]);
    // B and C: (1 better + (2 − 1) / 2) / 4 = 0.375 → sub-tier 4.
    expect(Array.from(result.subTier)).toEqual([1, 4, 4, 8]);
  });

  it('handles one customer, identical customers and customers without R/F/M', () => {
    const one = assignValueTiers(makeFeatures([{ id: 'A', recencyDays: 3, frequency: 2, monetary: 50 }]));
    expect([one.composite[0], one.subTier[0], tiersOf(one)[0]]).toEqual([50, 1, 'value-high']);
    const same = assignValueTiers(
      makeFeatures(Array.from({ length: 20 }, (_, i) => ({ id: `S${i}`, recencyDays: 7, frequency: 3, monetary: 90 }))),
    );
    // Everyone at position 9.5 / 20 = 0.475: sub-tier 5, mid.
    expect(new Set(same.subTier)).toEqual(new Set([5]));
    const partial = assignValueTiers(
      makeFeatures([
        { id: 'A', recencyDays: 3, frequency: 2, monetary: 50 },
        { id: 'B', frequency: 2, monetary: 50 },
      ]),
    );
    expect(Array.from(partial.subTier)).toEqual([1, 0]);
    expect(tiersOf(partial)).toEqual(['value-high', 'unclassified']);
    expect(partial.cells(1)).toEqual(['Unclassified', null, null, null]);
    expect(partial.slaHours(1)).toBeNaN();
    expect(partial.explain(1)).toBe('no recency, frequency or spend: not tiered');
    expect(assignValueTiers(makeFeatures([])).segment.length).toBe(0);
  });

  it('takes an edited sub-tier table and SLAs', () => {
    const rows: CustomerRow[] = Array.from({ length: 20 }, (_, i) => ({
      id: `C${i}`,
      recencyDays: i,
      frequency: 20 - i,
      monetary: 1000 - i,
    }));
    const result = assignValueTiers(makeFeatures(rows), {
      subTiers: [
        { id: 1, tier: 'high', fromPercent: 0, toPercent: 15, label: { en: 'VIP', zh: '贵宾' } },
        { id: 2, tier: 'mid', fromPercent: 15, toPercent: 50 },
        { id: 3, tier: 'low', fromPercent: 50, toPercent: 100 },
      ],
      slaHours: { high: 0.5 },
    });
    // Positions 0, 0.05, 0.10 < 0.15 → VIP; 0.15 … 0.45 → 2; 0.50 … → 3.
    expect(Array.from(result.subTier)).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(result.cells(0, 'zh-CN')).toEqual(['高价值客户', '贵宾', '≤ 0.5 小时', '个性化服务']);
    expect(result.slaHours(5)).toBe(2);
  });

  it('rejects a sub-tier table that does not tile 0–100% in order', () => {
    expect(
      problemsOf(() =>
        resolveValueTierOptions({
          subTiers: [
            { id: 1, tier: 'mid', fromPercent: 5, toPercent: 20 },
            { id: 3, tier: 'high', fromPercent: 30, toPercent: 20 },
            { id: 3, tier: 'low', fromPercent: 20, toPercent: 90, colour: 'red' },
          ],
        }),
      ),
    ).toEqual([
      'tiers.subTiers.2.colour: unknown key',
      'tiers.subTiers.0.fromPercent: expected 0 (the first sub-tier starts with the best customer)',
      'tiers.subTiers.1.id: expected 2 (ids run 1, 2, 3, … in order)',
      'tiers.subTiers.1: fromPercent 30 ≥ toPercent 20',
      "tiers.subTiers.1.fromPercent: 30 ≠ the previous row's toPercent 20 (no gap or overlap)",
      "tiers.subTiers.1.tier: 'high' after 'mid' (tiers go high → mid → low)",
      'tiers.subTiers.2.toPercent: expected 100 (the last sub-tier ends with the worst customer)',
    ]);
    expect(problemsOf(() => resolveValueTierOptions({ slaHours: { high: '1h' } }))).toEqual([
      'tiers.slaHours.high: expected number',
    ]);
  });

  it('property: sub-tier in 1..10 and monotone in the composite score', () => {
    const row = fc.record({
      recencyDays: fc.integer({ min: 0, max: 30 }),
      frequency: fc.integer({ min: 0, max: 6 }),
      monetary: fc.integer({ min: 0, max: 5 }).map((x) => x * 100),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (list) => {
        const result = assignValueTiers(makeFeatures(list.map((r, i) => ({ id: `P${i}`, ...r }))));
        for (let a = 0; a < list.length; a++) {
          expect(result.subTier[a]).toBeGreaterThanOrEqual(1);
          expect(result.subTier[a]).toBeLessThanOrEqual(10);
          for (let b = 0; b < list.length; b++) {
            if (result.composite[a]! > result.composite[b]!)
              expect(result.subTier[a]).toBeLessThanOrEqual(result.subTier[b]!);
            if (result.composite[a] === result.composite[b]) expect(result.subTier[a]).toBe(result.subTier[b]);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
