import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateOrderLines, ORDER_LINES_HEADER } from '../../../bench/sample/order-lines.js';
import { describeCustomer, resultHeaders, segmentTable, type CustomerRecord } from '../../../core/index.js';
import { run } from '../../cli/run-cli.js';

const CUSTOMER_HEADER = [
  'Customer ID',
  'Last purchase date',
  '历史消费频次',
  'Cumulative spend',
  'First purchase date',
];
const records = (result: ReturnType<typeof segmentTable>): Map<string, CustomerRecord> =>
  new Map(result.features.ids.map((id, c) => [id, describeCustomer(result, c)]));

describe('decideChurn on customer rows: the SPEC rule union, no probability', () => {
  // As of 2026-11-01 (the day after 2026-10-31).
  const rows = [
    // A lapsed high-spend regular: 6 orders about monthly, 6,900 in all, silent 150 days. Only B churn warning matches.
    ['R1', '2026-06-04', '6', '6900', '2025-11-06'],
    // One order 10 days ago: new, never at risk.
    ['N1', '2026-10-22', '1', '120', '2026-10-22'],
    // Bought last week, 12 orders: no rule matches.
    ['A1', '2026-10-25', '12', '9000', '2024-01-10'],
    // One order 200 days ago, 50 spent: A step 4 and A Table 5.
    ['L1', '2026-04-15', '1', '50', '2026-04-15'],
    ['X1', '2026-10-31', '3', '300', '2026-01-01'],
  ];
  const result = segmentTable(CUSTOMER_HEADER, rows, { shape: 'customers' });
  const byId = records(result);

  it('says where the decision comes from', () => {
    expect(result.churn).toMatchObject({ source: 'rules', model: 'rules', candidates: [] });
    expect(Number.isNaN(result.churn.threshold)).toBe(true);
    expect([...result.churn.probability].every(Number.isNaN)).toBe(true);
    expect(result.churn.definition('en')).toBe(
      'At risk = any rule-based churn rule matches (no purchase for 3 months with few orders, a recent complaint, or no purchase for 90 days after spending at least 2,000); no probability: the input is one row per customer, without purchase history',
    );
  });

  it('never misses a lapsed high-spend regular, never flags a new customer', () => {
    expect(byId.get('R1')).toMatchObject({
      churnRisk: true,
      churnProbability: null,
      churnModel: 'rule-based churn rules',
    });
    expect(byId.get('R1')!.churnReason).toContain('no purchase in 90 days, spend ≥ 2,000');
    expect(byId.get('L1')!.churnRisk).toBe(true);
    expect(byId.get('N1')).toMatchObject({ churnRisk: false });
    expect(byId.get('A1')).toMatchObject({ churnRisk: false, churnReason: null });
    expect(result.churn.atRiskCount).toBe(2);
  });

  it('the [Churn risk] tag is the decision', () => {
    for (const [id, record] of byId) expect(record.tags.includes('churn-risk'), id).toBe(record.churnRisk);
  });

  it('explains in zh-CN too', () => {
    expect(describeCustomer(result, result.features.ids.indexOf('R1'), 'zh-CN').churnReason).toContain(
      '90天未消费且历史消费≥2,000',
    );
    expect(result.churn.definition('zh-CN')).toMatch(/^流失风险 = 符合任一规则判定的流失条件/);
  });
});

describe('decideChurn on transactions', () => {
  // 30 customers, 2 years: too few for a back-test, so predictChurn falls back to rules and cadence.
  const header = ['Customer ID', 'Order date', 'Amount'];
  const rows: string[][] = [];
  for (let i = 0; i < 30; i++) {
    const last = i < 10 ? 200 : 5; // the first ten stopped 200 days before the end
    for (let k = 0; k < 6; k++) rows.push([`C${i}`, day(last + k * 30), '100']);
  }
  rows.push(['NEW', day(10), '80']);
  function day(daysBeforeEnd: number): string {
    const d = new Date(Date.UTC(2026, 9, 31) - daysBeforeEnd * 86_400_000);
    return d.toISOString().slice(0, 10);
  }

  it('runs the model (small-data fallback named) with a probability for everyone who bought', () => {
    const result = segmentTable(header, rows);
    expect(result.churn.source).toBe('model');
    expect(result.churn.model).toBe('rules-and-cadence');
    expect(result.churn.definition('en')).toMatch(
      /^At risk = any rule-based churn rule matches, or P\(no purchase in the next 90 days\) ≥ 0\.50 by the customer's own buying rhythm \(too little history for a back-test: /,
    );
    for (let c = 0; c < result.features.count; c++) expect(result.churn.probability[c]).toBeGreaterThanOrEqual(0);
    const byId = records(result);
    for (let i = 0; i < 10; i++) expect(byId.get(`C${i}`)!.churnRisk, `C${i}`).toBe(true);
    expect(byId.get('NEW')).toMatchObject({ churnRisk: false });
    // Newest purchase 2026-10-26 → as of 2026-10-27; NEW bought 2026-10-21: 6 days.
    expect(byId.get('NEW')!.churnReason).toMatch(/^new customer: one order, 6 days ago/);
  });

  it('churn switched off: the rule union, horizon kept', () => {
    const result = segmentTable(header, rows, { churn: { enabled: false, horizonDays: 60 } });
    expect(result.churn).toMatchObject({ source: 'rules', model: 'rules', horizonDays: 60 });
    expect(result.churn.definition('en')).toContain('the churn model is switched off');
  });

  it('rejects a bad churn option by name', () => {
    expect(() => segmentTable(header, rows, { churn: { horizonDays: 3 } })).toThrow(/churn\.horizonDays/);
    expect(() => segmentTable(header, rows, { churn: { models: ['magic' as never] } })).toThrow(/churn\.models/);
  });

  it('property: the at-risk count is the number of churn-column Yes and tag holders, whatever the data', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 700 }), fc.integer({ min: 1, max: 5000 })),
          { minLength: 1, maxLength: 60 },
        ),
        (events) => {
          const result = segmentTable(
            header,
            events.map(([c, d, v]) => [`K${c}`, day(d), String(v)]),
          );
          let yes = 0;
          for (let c = 0; c < result.features.count; c++) {
            const record = describeCustomer(result, c);
            if (record.churnRisk) {
              yes++;
              expect(record.tags).toContain('churn-risk');
              expect(record.churnReason).toBeTruthy();
            } else expect(record.tags).not.toContain('churn-risk');
            if (record.churnProbability !== null) expect(record.churnProbability).toBeGreaterThanOrEqual(0);
          }
          expect(result.churn.atRiskCount).toBe(yes);
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });
});

describe('the bundled demo: one churn truth, no unexplained contradiction', async () => {
  const json = await run(
    'segment',
    'sample/transactions.csv',
    '--customers',
    'sample/customers.csv',
    '--format',
    'json',
  );
  const summary = await run('segment', 'sample/transactions.csv', '--customers', 'sample/customers.csv');
  const customers = json.out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CustomerRecord);
  const riskSegments = new Set(['at-risk', 'cant-lose', 'about-to-sleep', 'hibernating', 'lost']);

  it('every Yes has the tag and a reason with the probability', () => {
    expect(json.code).toBe(0);
    expect(customers).toHaveLength(5000);
    for (const c of customers.filter((x) => x.churnRisk)) {
      expect(c.tags, c.customerId).toContain('churn-risk');
      expect(c.churnReason, c.customerId).toMatch(/^P\(no purchase in 90 days\) \d\.\d\d ≥ \d\.\d\d; /);
      expect(c.churnProbability).not.toBeNull();
    }
    for (const c of customers.filter((x) => !x.churnRisk)) expect(c.tags, c.customerId).not.toContain('churn-risk');
  });

  it('every risk-named segment or win-back customer the model clears says why', () => {
    const cleared = customers.filter(
      (c) => !c.churnRisk && (riskSegments.has(c.segment) || c.strategyGroup === 'churn-risk'),
    );
    expect(cleared.length).toBeGreaterThan(0);
    for (const c of cleared)
      expect(c.churnReason, c.customerId).toMatch(/is the scheme's grouping, not the churn decision|^new customer/);
  });

  it('the summary shows one at-risk count, equal to the Yes rows, with its definition and every candidate', () => {
    const yes = customers.filter((c) => c.churnRisk).length;
    const count = yes.toLocaleString('en-US');
    expect(summary.out).toContain(`Churn: At risk: ${count} customers`);
    expect(summary.out).toMatch(
      /At risk = P\(no purchase in the next 90 days\) ≥ \d\.\d\d by \S+ \(back-test AUC \d\.\d\d, precision in top 20 \d\.\d\d, base rate \d\.\d\d\)/,
    );
    expect(summary.out).toContain(`[Churn risk] ${count}`);
    expect(summary.out).toMatch(
      /Candidates \(back-test AUC\): rule-based churn rules [\d.]+ · cadence [\d.]+ · BG\/NBD .* · MBG\/NBD .* · gbdt /,
    );
    // The strategy count follows the segment and says so.
    expect(summary.out).toContain('Strategy group (follows the segment; not the churn count)');
  });
});

describe('order lines end to end through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierline-churn-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hand-20: every listed id bought, probability and model columns after the churn columns', async () => {
    const csv = await run(
      'segment',
      'test/fixtures/order-lines/hand-20.csv',
      '--as-of',
      '2011-01-01',
      '--format',
      'csv',
    );
    expect(csv.code).toBe(0);
    const [head, ...lines] = csv.out.trim().split('\n');
    const headers = head!.split(',');
    const at = headers.indexOf('Churn risk');
    expect(headers.slice(at, at + 4)).toEqual(['Churn risk', 'Churn reason', 'Churn probability', 'Churn model']);
    const json = await run(
      'segment',
      'test/fixtures/order-lines/hand-20.csv',
      '--as-of',
      '2011-01-01',
      '--format',
      'json',
    );
    const records = json.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CustomerRecord);
    expect(records).toHaveLength(lines.length);
    for (const r of records) {
      expect(r.frequency, r.customerId).toBeGreaterThan(0);
      expect(r.churnProbability, r.customerId).not.toBeNull();
    }
  });

  it('generated order lines: refund-only ids never listed, everyone listed has a probability', async () => {
    const rows = generateOrderLines({ customers: 400 });
    const path = join(dir, 'order-lines.csv');
    writeFileSync(path, [ORDER_LINES_HEADER.join(','), ...rows.map((r) => r.join(','))].join('\n'));
    const json = await run('segment', path, '--format', 'json');
    expect(json.code).toBe(0);
    const records = json.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CustomerRecord);
    const refundOnly = new Set(Array.from({ length: 16 }, (_, k) => String(12346 + 25 * k + 24)));
    for (const r of records) {
      expect(refundOnly.has(r.customerId), r.customerId).toBe(false);
      expect(r.churnProbability, r.customerId).not.toBeNull();
      expect(r.churnModel).not.toBe('');
    }
    expect(records.filter((r) => r.churnRisk).length).toBeGreaterThan(0);
  });
});

it('resultHeaders: the new columns sit right after the churn reason', () => {
  const result = segmentTable(CUSTOMER_HEADER, [['R1', '2026-06-04', '6', '6900', '2025-11-06']], {
    shape: 'customers',
    locale: 'zh-CN',
  });
  const headers = resultHeaders(result);
  const at = headers.indexOf('流失风险');
  expect(headers.slice(at, at + 4)).toEqual(['流失风险', '流失原因', '流失概率', '流失模型']);
});
