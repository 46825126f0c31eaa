import { describe, expect, it } from 'vitest';
import { dimensionTable } from '../../../core/dimensions/dimension-table.js';
import {
  dimensionScore,
  evaluateDimensions,
  relevanceFromCorrelation,
  resolveDimensionOptions,
} from '../../../core/dimensions/evaluate-dimensions.js';
import { pearson } from '../../../core/dimensions/pearson.js';
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

describe('pearson', () => {
  it('matches a hand computation', () => {
    // x̄ = 3, ȳ = 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6 → r = 6 / √60.
    const { r, pairs } = pearson(new Float64Array([1, 2, 3, 4, 5]), new Float64Array([2, 4, 5, 4, 5]));
    expect(pairs).toBe(5);
    expect(r).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(r).toBeCloseTo(0.7745966692, 9);
  });

  it('uses only pairs where both values are finite, and is undefined without variation or pairs', () => {
    expect(
      pearson(new Float64Array([1, Number.NaN, 3, 5]), new Float64Array([2, 9, 6, Number.POSITIVE_INFINITY])).pairs,
    ).toBe(2);
    expect(pearson(new Float64Array([1, 2, 3]), new Float64Array([7, 7, 7])).r).toBeNaN();
    expect(pearson(new Float64Array([1, 2]), new Float64Array([1, 2])).r).toBeNaN();
    expect(pearson(new Float64Array([1, 2, 3]), new Float64Array([3, 2, 1])).r).toBe(-1);
  });
});

describe('relevance and score (SPEC §4)', () => {
  it('suggests relevance from |r| at the documented cut-offs', () => {
    expect([0, 0.0999, 0.1, 0.2999, 0.3, 0.4999, 0.5, 0.6999, 0.7, 1, -0.75].map(relevanceFromCorrelation)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5,
    ]);
  });

  it('reproduces the SPEC Table 3 scores', () => {
    expect(dimensionScore(5, 5)).toBe(5);
    expect(dimensionScore(2, 5)).toBe(3.5);
    expect(dimensionScore(4, 4)).toBe(4);
  });
});

describe('evaluateDimensions: Table 3 细分维度评估表', () => {
  const rows: CustomerRow[] = [
    { id: 'C1', frequency6m: 1, averageOrderValue: 2, logins3m: 10, complaints6m: 0, region: '华东' },
    { id: 'C2', frequency6m: 2, averageOrderValue: 4, complaints6m: 1, region: '华北' },
    { id: 'C3', frequency6m: 3, averageOrderValue: 5, logins3m: 30, complaints6m: 0, region: '华东' },
    { id: 'C4', frequency6m: 4, averageOrderValue: 4, complaints6m: 1, region: '华南' },
    { id: 'C5', frequency6m: 5, averageOrderValue: 5, logins3m: 50, complaints6m: 0, region: '' },
  ];
  const features = makeFeatures(rows);
  // As in Table 3: the expert scores region 2 and logins 4 (r = 1 on three customers is not trusted).
  const evaluation = evaluateDimensions(features, {
    goal: 'frequency6m',
    overrides: { region: { relevance: 2 }, logins3m: { relevance: 4 } },
  });

  it('computes availability, r, relevance, operability, score and selection per column', () => {
    const byField = Object.fromEntries(evaluation.rows.map((row) => [row.field, row]));
    expect(evaluation.rows.map((row) => row.field)).toEqual([
      'averageOrderValue',
      'logins3m',
      'complaints6m',
      'region',
    ]);
    expect(byField.averageOrderValue).toMatchObject({
      availability: 1,
      availabilityBand: 'high',
      pairs: 5,
      relevance: 5,
      relevanceSource: 'correlation',
      operability: 5,
      score: 5,
      selected: true,
    });
    expect(byField.averageOrderValue!.r).toBeCloseTo(0.7745966692, 9);
    expect(byField.logins3m).toMatchObject({
      availability: 0.6,
      availabilityBand: 'mid',
      r: 1,
      pairs: 3,
      relevance: 4,
      relevanceSource: 'override',
      operability: 4,
      score: 4,
      selected: true,
    });
    expect(byField.complaints6m).toMatchObject({ r: 0, relevance: 1, operability: 4, score: 2.5, selected: false });
    expect(byField.region).toMatchObject({
      kind: 'category',
      availability: 0.8,
      availabilityBand: 'mid',
      r: null,
      relevance: 2,
      operability: 5,
      score: 3.5,
      selected: false,
    });
    expect(evaluation.notes).toEqual([]);
  });

  it('writes the table with localized glossary headers', () => {
    const zh = dimensionTable(evaluation, 'zh-CN');
    expect(zh.headers).toEqual([
      '维度名称',
      '维度定义',
      '数据可获取性',
      '与近6个月消费频次的皮尔逊相关系数',
      '与业务目标相关性(1–5)',
      '可操作性(1–5)',
      '综合评分',
      '是否选用',
    ]);
    expect(zh.rows).toEqual([
      ['客单价', '平均每次消费金额', '高 (100%)', 0.775, 5, 5, 5, '是'],
      ['近3个月登录频次', '近3个月APP登录次数', '中 (60%)', 1, 4, 4, 4, '是'],
      ['投诉次数', '近6个月投诉次数', '高 (100%)', 0, 1, 4, 2.5, '否'],
      ['地区', '注册时填写的省份/地区', '中 (80%)', null, 2, 5, 3.5, '否'],
    ]);
    const en = dimensionTable(evaluation, 'en');
    expect(en.headers).toEqual([
      'Dimension',
      'Definition',
      'Data availability',
      'Pearson r with 6-month frequency',
      'Relevance to goal (1–5)',
      'Operability (1–5)',
      'Weighted score',
      'Selected',
    ]);
    expect(en.rows[0]).toEqual(['AOV', 'average amount per purchase', 'High (100%)', 0.775, 5, 5, 5, 'Yes']);
  });

  it('asks for an expert score where there is no correlation, and lets overrides decide selection', () => {
    const plain = evaluateDimensions(features, { overrides: { complaints6m: { selected: true } } });
    expect(plain.rows.find((row) => row.field === 'region')).toMatchObject({
      relevance: null,
      score: null,
      selected: false,
      relevanceSource: 'none',
    });
    expect(plain.rows.find((row) => row.field === 'complaints6m')).toMatchObject({
      selected: true,
      selectedSource: 'override',
    });
    expect(plain.notes.map((n) => n.message)).toEqual(['Relevance needs an expert score (no correlation): Region']);
  });

  it('reports a missing goal or candidate instead of failing', () => {
    const result = evaluateDimensions(
      features,
      { goal: 'repurchaseRate', candidates: ['averageOrderValue', 'satisfaction'] },
      'zh-CN',
    );
    expect(result.notes.map((n) => n.message)).toEqual([
      '未找到目标指标复购率：无法计算相关系数，相关性需专家评分',
      '未找到满意度列：未评估',
      '以下维度无相关系数，相关性需专家评分：客单价',
    ]);
    expect(result.rows.map((row) => [row.field, row.r, row.selected])).toEqual([['averageOrderValue', null, false]]);
  });

  it('validates options', () => {
    expect(
      problemsOf(() =>
        resolveDimensionOptions({
          weights: { relevance: 0.7 },
          availability: { high: 0.5, mid: 0.8 },
          overrides: { region: { relevance: 6 } },
        }),
      ),
    ).toEqual([
      'dimensions.overrides.region.relevance: must be ≤ 5',
      'dimensions.weights: relevance 0.7 + operability 0.5 = 1.2, expected 1',
      'dimensions.availability: mid 0.8 > high 0.5',
    ]);
  });
});
