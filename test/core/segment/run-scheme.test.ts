import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  describeCustomer,
  KMeansError,
  resultCells,
  resultHeaders,
  segmentTable,
  type SegmentationResult,
} from '../../../core/index.js';

// Six customers whose a-table5-rules answer is checked by hand (SPEC §5b):
// C1 9 ≥ 8, 1,620 ≥ 1,500, 12 ≤ 30 → high value; C2 5 in 4–7, 1,000 in
// 800–1,500, 40 ≤ 60 → potential; C3 silent 120 days > 3 months, 2 ≤ 3
// lifetime purchases → churn risk; C4 high value with a complaint → stays high
// value, churn flag and tags added; C5 4 ≥ 3 promotions, 300 < 800, 5 ≥ 3
// coupons → price-sensitive; C6 matches nothing → unclassified.
const header = [
  '客户编号',
  '最近消费天数',
  '近6个月消费频次',
  '客单价',
  '历史消费频次',
  '累计消费',
  '投诉次数',
  '参与活动次数',
  '优惠券使用次数',
];
const rows = [
  ['C1', 12, 9, 1620, 20, 40000, 0, 0, 0],
  ['C2', 40, 5, 1000, 6, 6000, 0, 1, 0],
  ['C3', 120, 0, 500, 2, 1000, 0, 0, 0],
  ['C4', 5, 9, 1700, 30, 60000, 1, 0, 0],
  ['C5', 20, 2, 300, 8, 2400, 0, 4, 5],
  ['C6', 50, 1, 900, 3, 2700, 0, 0, 0],
];
const run = (scheme: string, extra: Record<string, unknown> = {}): SegmentationResult =>
  segmentTable(header, rows, { scheme, asOf: '2024-06-30', ...extra });
const byId = (result: SegmentationResult) =>
  new Map(result.features.ids.map((id, c) => [id, describeCustomer(result, c)]));

describe('runScheme through segmentTable', () => {
  it('rules:a-table5-rules: first match, every tag, the explanation, the churn flag', () => {
    const customers = byId(run('rules:a-table5-rules'));
    expect([...customers.values()].map((c) => c.segment)).toEqual([
      'high-value',
      'potential',
      'churn-risk',
      'high-value',
      'price-sensitive',
      'unclassified',
    ]);
    expect(customers.get('C1')!.explanation).toBe(
      '6-month frequency 9 ≥ 8; AOV 1,620 ≥ 1,500; last purchase 12 days ago ≤ 30',
    );
    const c4 = customers.get('C4')!;
    expect(c4.churnRisk).toBe(true);
    expect(c4.tags).toEqual(expect.arrayContaining(['high-value', 'churn-risk', 'has-complaints']));
    // Customer rows: the SPEC rule union decides, in the churn model's words.
    expect(c4.churnReason).toContain('1 complaint(s) in 6 months');
    expect(customers.get('C3')!.churnReason).toContain('no purchase in 3 months and at most 3 orders');
    expect(customers.get('C6')).toMatchObject({ segmentLabel: 'Unclassified', churnRisk: false, strategyGroup: null });
    expect(customers.get('C1')!.strategyGroup).toBe('high-value');
    expect(customers.get('C5')!.strategyGroup).toBe('price-sensitive');
  });

  it('writes the scheme columns after the standard ones, localized', () => {
    const result = run('rules:a-table5-rules', { locale: 'zh-CN' });
    const headers = resultHeaders(result);
    expect(headers.at(-1)).toBe('细分依据');
    const cells = resultCells(result, 0);
    expect(cells).toHaveLength(headers.length);
    expect(cells.at(-1)).toBe('近6个月消费频次 9 ≥ 8；客单价 1,620 ≥ 1,500；最近消费 12 天前 ≤ 30');
    expect(cells[headers.indexOf('细分群体')]).toBe('高价值客户');
  });

  it('reports a rule whose column is missing once, not row by row', () => {
    const narrow = segmentTable(
      header.slice(0, 6),
      rows.map((r) => r.slice(0, 6)),
      { scheme: 'rules:a-table5-rules', asOf: '2024-06-30' },
    );
    const skipped = narrow.notes.filter((n) => n.code === 'rule-skipped').map((n) => n.message);
    expect(skipped).toContain("complaints column not found: rule 'churn risk (complaint)' skipped");
    expect(new Set(skipped).size).toBe(skipped.length);
    expect(narrow.report.issues.filter((i) => i.message.includes('complaint'))).toHaveLength(0);
  });

  it('config thresholds apply, and a wrong key or min > max is an error naming the key', () => {
    const stricter = byId(
      run('rules:a-table5-rules', { config: { presets: { 'a-table5-rules': { 'high-value': { frequency6m: 10 } } } } }),
    );
    expect(stricter.get('C1')!.segment).not.toBe('high-value');
    expect(() =>
      run('rules', { config: { presets: { 'a-table5-rules': { 'high-value': { frequency7m: 1 } } } } }),
    ).toThrow(ConfigError);
    try {
      run('rules', { config: { presets: { 'a-table5-rules': { potential: { frequency6m: { min: 8, max: 7 } } } } } });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual(['presets.a-table5-rules.potential.frequency6m: min 8 > max 7']);
    }
  });

  it('b-maintenance-tiers writes B maintenance strategies and skips tiers without their columns once', () => {
    const result = run('rules:b-maintenance-tiers');
    const headers = resultHeaders(result);
    expect(headers.slice(-4)).toEqual(['Why', 'Tier strategy', 'Strategy owner', 'Cadence']);
    const customers = byId(result);
    // C3: 120 days silent > 90 but spend 1,000 < 2,000 → ordinary; C1: silent 12 days → ordinary.
    expect(customers.get('C3')!.segment).toBe('ordinary');
    expect(result.notes.map((n) => n.message)).toEqual(
      expect.arrayContaining(["referral rate column not found: rule 'Strategic customer' skipped"]),
    );
  });

  it('c-value-tiers and d-grading-scorecard add their columns and keep the Table 6 strategy of the rfm segment', () => {
    const tiers = run('c-value-tiers');
    expect(resultHeaders(tiers).slice(-5)).toEqual(['Why', 'Value tier', 'Sub-tier', 'Response SLA', 'Tier strategy']);
    const rfm = run('rfm');
    expect(Array.from(tiers.scheme.strategy)).toEqual(Array.from(rfm.scheme.strategy));
    expect(Array.from(tiers.scheme.r)).toEqual(Array.from(rfm.scheme.r));
    const grading = run('d-grading-scorecard');
    expect(resultHeaders(grading).slice(-3)).toEqual(['Why', 'Grade score', 'Grade']);
    expect(describeCustomer(grading, 3).segment).toBe('grade-high');
  });

  it('kmeans: clusters named from centroids, Table 4 report, k capped to distinct points', () => {
    const result = run('kmeans', { k: 3 });
    expect(result.scheme.detail?.kind).toBe('kmeans');
    expect(result.scheme.segments).toEqual(['cluster-0', 'cluster-1', 'cluster-2', 'unclassified']);
    expect(result.scheme.segmentLabel(0, 'en')).toMatch(/^Cluster 0 · .+ \(auto-named from centroid\)$/);
    expect(resultHeaders(result).slice(-2)).toEqual(['Why', 'Cluster no.']);
    const twins = segmentTable(header, [rows[0]!, rows[0]!.map((v, i) => (i === 0 ? 'C9' : v))], {
      scheme: 'kmeans',
      k: 5,
      asOf: '2024-06-30',
    });
    expect(twins.notes.map((n) => n.code)).toContain('identical-customers');
  });

  it('kmeans on one customer is a clear error', () => {
    expect(() => segmentTable(header, [rows[0]!], { scheme: 'kmeans', asOf: '2024-06-30' })).toThrow(KMeansError);
  });
});

describe('resultCells', () => {
  it.each(['rfm', 'rfm8', 'rules:a-table5-rules', 'kmeans', 'c-value-tiers', 'd-grading-scorecard'])(
    'agrees with describeCustomer for every customer (%s, both locales)',
    (scheme) => {
      for (const locale of ['en', 'zh-CN'] as const) {
        const result = run(scheme, { k: 2, locale });
        const headers = resultHeaders(result);
        for (let c = 0; c < result.features.count; c++) {
          const record = describeCustomer(result, c);
          const cells = resultCells(result, c);
          const at = (key: string): unknown => cells[headers.indexOf(key)];
          const h =
            locale === 'en'
              ? {
                  segment: 'Segment',
                  churn: 'Churn risk',
                  reason: 'Churn reason',
                  goal: 'Strategy goal',
                  due: 'Due date',
                }
              : { segment: '细分群体', churn: '流失风险', reason: '流失原因', goal: '策略目标', due: '时间节点' };
          expect(at(h.segment)).toBe(record.segmentLabel);
          expect(at(h.churn)).toBe(
            locale === 'en' ? (record.churnRisk ? 'Yes' : 'No') : record.churnRisk ? '是' : '否',
          );
          expect(at(h.reason)).toBe(record.churnReason);
          expect(at(h.goal)).toBe(record.strategy?.goal ?? null);
          expect(at(h.due)).toBe(record.strategy?.dueDate ?? null);
          expect(cells[11]).toBe(
            locale === 'en'
              ? record.tagLabels.map((t) => `[${t}]`).join(' ')
              : record.tagLabels.map((t) => `【${t}】`).join(''),
          );
        }
      }
    },
  );
});
