import { describe, expect, it } from 'vitest';
import { gradeCustomers } from '../../../core/grading/grade-customers.js';
import { resolveGradingOptions } from '../../../core/grading/grading-options.js';
import { ConfigError } from '../../../core/rules/config-error.js';
import { makeFeatures, type CustomerRow } from '../../fixtures/customer-features.js';

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

const gradesOf = (result: ReturnType<typeof gradeCustomers>): string[] =>
  Array.from(result.segment, (s) => result.segments[s]!);

describe('gradeCustomers: d-grading-scorecard (SPEC §5e)', () => {
  const rows: CustomerRow[] = [
    { id: 'G1', accountBalance: 400, monetary: 4000, frequency6m: 8, region: '华东', industry: '零售' },
    { id: 'G2', accountBalance: 300, monetary: 3000, frequency6m: 6, logins3m: 10, region: '华北' },
    { id: 'G3', accountBalance: 200, monetary: 2000, frequency6m: 4, logins3m: 20, region: '西南' },
    { id: 'G4', accountBalance: 100, monetary: 1000, frequency6m: 2, logins3m: 30, region: '华东' },
  ];
  const options = {
    groups: {
      qualitative: {
        indicators: [{ field: 'industry' as const }, { field: 'region' as const, points: { 华东: 80, 华北: 60 } }],
      },
    },
  };
  const result = gradeCustomers(makeFeatures(rows), options);

  it('scores by hand: 50/30/20 with percentile ranks, points and per-customer renormalisation', () => {
    // Financial ranks 100, 66.7, 33.3, 0 (balance and spend agree). Behavioural: F6m 100, 66.7, 33.3, 0;
    // logins 0, 50, 100 for G2–G4, none for G1. Qualitative: region 80, 60, (西南 not listed), 80.
    // G1 = 0.5·100 + 0.3·100 + 0.2·80 = 96
    // G2 = 0.5·66.67 + 0.3·(66.67 + 0)/2 + 0.2·60 = 55.33
    // G3 = (0.5·33.33 + 0.3·(33.33 + 50)/2) / 0.8 = 36.46 (no qualitative value)
    // G4 = 0.5·0 + 0.3·(0 + 100)/2 + 0.2·80 = 31
    expect(result.score[0]).toBe(96);
    expect(result.score[1]).toBeCloseTo(166 / 3, 8);
    expect(result.score[2]).toBeCloseTo((50 / 3 + 12.5) / 0.8, 8);
    expect(result.score[3]).toBe(31);
    expect(gradesOf(result)).toEqual(['grade-high', 'grade-mid', 'grade-low', 'grade-low']);
    expect(result.segments.map((_, s) => result.segmentLabel(s, 'zh-CN'))).toEqual(['高', '中', '低', '未分类']);
  });

  it('drops an indicator without a points table, renormalising its group, and reports it once', () => {
    expect(result.indicators.map((i) => [i.field, i.used, i.weight, i.missingCustomers])).toEqual([
      ['accountBalance', true, 0.5, 0],
      ['cumulativeSpend', true, 0.5, 0],
      ['frequency6m', true, 0.5, 0],
      ['logins3m', true, 0.5, 1],
      ['industry', false, 0, 0],
      ['region', true, 1, 1],
    ]);
    expect(result.indicators[4]!.dropped).toBe('no-points-table');
    expect(result.notes.map((n) => n.message)).toEqual([
      'Industry has no points table: indicator dropped, weights renormalised within its group',
      '3-month logins: no value for 1 customer(s) (G1); weights renormalised within the group for them',
      'Region: no value for 1 customer(s) (G3); weights renormalised within the group for them',
    ]);
    expect(result.missingIndicators(0)).toEqual(['logins3m']);
    expect(result.missingIndicators(2)).toEqual(['region']);
    expect(result.missingIndicators(1)).toEqual([]);
  });

  it('explains a score with the customer’s own weights, in both locales', () => {
    expect(result.explain(0)).toMatchInlineSnapshot(
      `"score 96 = financial 100 × 0.5 + behavioural 100 × 0.3 + qualitative 80 × 0.2"`,
    );
    expect(result.explain(2)).toMatchInlineSnapshot(
      `"score 36.46 = financial 33.33 × 0.63 + behavioural 41.67 × 0.38"`,
    );
    expect(result.explain(2, 'zh-CN')).toMatchInlineSnapshot(
      `"得分 36.46 = 财务指标 33.33 × 0.63 + 行为指标 41.67 × 0.38"`,
    );
    expect(result.headers('zh-CN')).toEqual(['评分', '等级']);
    expect(result.cells(1, 'en')).toEqual([55.33, 'Mid']);
  });

  it('drops a whole group whose columns are missing and spreads its weight over the others', () => {
    const plain = gradeCustomers(
      makeFeatures(rows.map(({ accountBalance: _b, monetary: _m, ...rest }) => rest)),
      options,
      'zh-CN',
    );
    expect(plain.groupWeights).toEqual({ financial: 0, behavioural: 0.6, qualitative: 0.4 });
    expect(plain.notes.slice(0, 3).map((n) => n.message)).toEqual([
      '未找到账户余额列：已剔除该指标，组内权重重新归一',
      '未找到累计消费列：已剔除该指标，组内权重重新归一',
      '所属行业没有分值对照表：已剔除该指标，组内权重重新归一',
    ]);
    expect(plain.notes[3]!.message).toBe('没有可用的财务指标：已剔除该组，其余组权重重新归一');
    // G1 = 0.6·100 + 0.4·80 = 92
    expect(plain.score[0]).toBe(92);
  });

  it('grades boundary scores inclusively: 70 → 高, 40 → 中, 39.99 → 低', () => {
    const boundary = gradeCustomers(makeFeatures(['A', 'B', 'C', 'D'].map((region) => ({ id: region, region }))), {
      groups: {
        financial: { weight: 0 },
        behavioural: { weight: 0 },
        qualitative: { weight: 1, indicators: [{ field: 'region', points: { A: 70, B: 40, C: 39.99 } }] },
      },
    });
    expect(gradesOf(boundary)).toEqual(['grade-high', 'grade-mid', 'grade-low', 'unclassified']);
    expect(boundary.notes.map((n) => n.code)).toEqual(['indicator-missing', 'not-graded']);
    expect(boundary.explain(3)).toBe('no indicator value: not graded');
  });

  it('takes finer grades and relative indicator weights', () => {
    const finer = gradeCustomers(makeFeatures(rows), {
      groups: {
        financial: {
          weight: 1,
          indicators: [
            { field: 'accountBalance', weight: 3 },
            { field: 'recencyDays', direction: 'lower-better' },
          ],
        },
        behavioural: { weight: 0 },
        qualitative: { weight: 0 },
      },
      grades: [
        { id: 'a', label: { en: 'A', zh: '甲' }, min: 90 },
        { id: 'b', label: { en: 'B', zh: '乙' }, min: 50 },
        { id: 'c', label: { en: 'C', zh: '丙' }, min: 0 },
      ],
    });
    // recencyDays is missing from the table: dropped; balance carries the whole group.
    expect(Array.from(finer.score)).toEqual([100, 200 / 3, 100 / 3, 0].map((x) => Math.round(x * 1e9) / 1e9));
    expect(Array.from(finer.segment, (s) => finer.segmentLabel(s, 'zh-CN'))).toEqual(['甲', '乙', '丙', '丙']);
  });

  it('rejects bad options with every problem named', () => {
    expect(problemsOf(() => resolveGradingOptions({ groups: { financial: { weight: 0.6 } } }))).toEqual([
      'grading.groups: weights financial 0.6 + behavioural 0.3 + qualitative 0.2 = 1.1, expected 1',
    ]);
    expect(
      problemsOf(() =>
        resolveGradingOptions({
          groups: { behavioural: { indicators: [{ field: 'logins3m', points: { a: 1 } }, { field: 'shoeSize' }] } },
          grades: [
            { id: 'high', min: 70 },
            { id: 'mid', min: 75 },
            { id: 'low', min: 10 },
          ],
          cutoffs: [70, 40],
        }),
      ),
    ).toEqual([
      'grading.groups.behavioural.indicators.0.points: points tables apply to qualitative indicators (industry, region, companySize, channel, gender, membershipLevel), not logins3m',
      'grading.groups.behavioural.indicators.1.field: expected one of: recencyDays, frequency6m, historicalFrequency, amount6m, averageOrderValue, cumulativeSpend, tenureDays, logins3m, consultations, complaints6m, promotionsJoined6m, couponUses, satisfaction, interactionCount, age, accountBalance, assetSize, firstPurchaseAmount, annualFrequency, purchaseCycleDays, profitContribution, referralRate, repurchaseRate, serviceCost, ltv, industry, region, companySize, channel, gender, membershipLevel',
      'grading.cutoffs: unknown key',
    ]);
    expect(
      problemsOf(() =>
        resolveGradingOptions({
          groups: { behavioural: { indicators: [{ field: 'logins3m', points: { a: 1 } }] } },
          grades: [
            { id: 'high', min: 70 },
            { id: 'mid', min: 75 },
            { id: 'low', min: 10 },
          ],
        }),
      ),
    ).toEqual([
      'grading.groups.behavioural.indicators.0.points: points tables apply to qualitative indicators (industry, region, companySize, channel, gender, membershipLevel), not logins3m',
      'grading.grades.1.min: 75 ≥ grades.0.min 70 (mins must decrease)',
      'grading.grades.2.min: expected 0 (every score gets a grade)',
    ]);
  });
});
