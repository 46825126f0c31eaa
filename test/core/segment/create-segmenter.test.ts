import { describe, expect, it } from 'vitest';
import { describeCustomer, segmentTable, type SegmentationResult } from '../../../core/index.js';

const header = ['Customer ID', 'Order date', 'Amount'];
// Hand-computed: newest purchase 2024-03-20 → as of 2024-03-21.
const rows = [
  ['C1', '2024-03-01', '100'],
  ['C1', '2024-03-01', '50'], // same day, no order id: one purchase (day) worth 150
  ['C1', '2024-03-10', '200'],
  ['C2', '2024-01-15', '80'],
  ['C2', '2024-03-05', '-30'], // refund: netted, not a purchase
  ['C3', '2024-03-20', '500'],
  ['C3', '2024-03-20', '500'], // exact duplicate line: dropped
  ['', '2024-03-01', '10'], // no customer id: excluded
  ['C4', '2024-02-30', '10'], // impossible date: excluded
  ['C5', '2023-12-01', '40'],
];

const byId = (result: SegmentationResult) =>
  new Map(result.features.ids.map((id, c) => [id, describeCustomer(result, c)]));

describe('segmentTable on transactions', () => {
  const result = segmentTable(header, rows);
  const customers = byId(result);

  it('derives recency, frequency and net spend per customer', () => {
    expect(result.asOf).toBe('2024-03-21');
    expect(result.plan.shape).toBe('transactions');
    expect(result.features.ids).toEqual(['C1', 'C2', 'C3', 'C5']);
    const pick = (id: string) => {
      const c = customers.get(id)!;
      return [c.recencyDays, c.frequency, c.monetary, c.averageOrderValue];
    };
    // Without an order id the purchase day is the order: AOV = 350 / 2 days.
    expect(pick('C1')).toEqual([11, 2, 350, 175]);
    expect(pick('C2')).toEqual([66, 1, 50, 80]);
    expect(pick('C3')).toEqual([1, 1, 500, 500]);
    expect(pick('C5')).toEqual([111, 1, 40, 40]);
  });

  it('scores quintiles with ties kept together and names the segment', () => {
    const codes = Object.fromEntries([...customers].map(([id, c]) => [id, `${c.rfmCode} ${c.segment}`]));
    // R: 1 < 11 < 66 < 111 days (4 values → 5, 4, 2, 1); F: {2} vs {1} → 5 / 1; M: 500 > 350 > 50 > 40 → 5, 4, 2, 1.
    expect(codes).toEqual({ C1: '454 champions', C2: '212 hibernating', C3: '515 promising', C5: '111 lost' });
  });

  it('reports every cleaning problem with its row', () => {
    expect(result.report.counts).toEqual({
      'missing-id': 1,
      'invalid-date': 1,
      'duplicate-transaction': 1,
      'refund-excluded': 1,
    });
    expect(result.report.issues.map((i) => `${i.code}@${i.row}: ${i.message}`)).toMatchInlineSnapshot(`
      [
        "missing-id@9: Row 9: no customer ID; row excluded.",
        "invalid-date@10: Row 10, Order date: "2024-02-30" is not a real calendar date; row excluded.",
        "refund-excluded@6: Row 6, Amount = -30.00: refund (negative amount): not counted as a purchase; netted against C2's spend.",
        "duplicate-transaction@8: Row 8: exact duplicate of row 7; dropped.",
      ]
    `);
  });

  it('tags and attaches the strategy of the segment', () => {
    const c5 = customers.get('C5')!;
    expect(c5.tags).toEqual(['churn-risk', 'low-frequency', 'no-purchase-months']);
    expect(c5.churnRisk).toBe(true);
    expect(c5.strategyGroup).toBe('churn-risk');
    expect(c5.strategy?.dueDate).toBe('2024-04-15');
    expect(customers.get('C1')!.strategyGroup).toBe('high-value');
    expect(customers.get('C1')!.strategy?.dueDate).toBe('2024-03-30');
    expect(customers.get('C3')!.strategy?.dueDate).toBe('2024-04-30');
  });

  it('summarises each segment', () => {
    const champions = result.summary.find((s) => s.segment === 'champions')!;
    expect(champions).toMatchObject({
      count: 1,
      share: 0.25,
      revenue: 350,
      meanRecencyDays: 11,
      meanFrequency: 2,
      meanMonetary: 350,
    });
    expect(champions.revenueShare).toBeCloseTo(350 / 940, 12);
    expect(result.summary.reduce((s, x) => s + x.count, 0)).toBe(4);
  });

  it('classifies rfm8 against the means (R 47.25 days, F 1.25, M 235)', () => {
    const rfm8 = byId(segmentTable(header, rows, { scheme: 'rfm8' }));
    expect(Object.fromEntries([...rfm8].map(([id, c]) => [id, c.segment]))).toEqual({
      C1: 'important-value',
      C2: 'general-win-back',
      C3: 'important-development',
      C5: 'general-win-back',
    });
  });

  it('is deterministic: same input, byte-identical output', () => {
    const again = segmentTable(header, rows);
    const dump = (r: SegmentationResult) => JSON.stringify(r.features.ids.map((_, c) => describeCustomer(r, c)));
    expect(dump(again)).toBe(dump(result));
  });

  it('respects an explicit as-of date and excludes later rows, reporting them', () => {
    const early = segmentTable(header, rows, { asOf: '2024-03-06' });
    expect(early.report.counts['after-as-of']).toBe(3);
    const c1 = byId(early).get('C1')!;
    expect([c1.recencyDays, c1.frequency, c1.monetary]).toEqual([5, 1, 150]);
  });

  it('restricts F and M to a window of months when asked', () => {
    const windowed = byId(segmentTable(header, rows, { window: 3 }));
    // 3 months before 2024-03-21 starts 2023-12-21: C5's December purchase falls out.
    expect([windowed.get('C5')!.frequency, windowed.get('C5')!.monetary]).toEqual([0, 0]);
  });

  it('ignores refunds entirely with refunds: exclude', () => {
    const excluded = byId(segmentTable(header, rows, { refunds: 'exclude' }));
    expect(excluded.get('C2')!.monetary).toBe(80);
  });

  it('counts orders instead of days with frequencyBy: order', () => {
    const withOrders = segmentTable(
      ['Order ID', 'Customer ID', 'Order date', 'Amount'],
      [
        ['A1', 'C1', '2024-03-01', '10'],
        ['A2', 'C1', '2024-03-01', '10'],
        ['A2', 'C1', '2024-03-01', '5'],
        ['A3', 'C2', '2024-03-02', '10'],
      ],
      { frequencyBy: 'order' },
    );
    expect(describeCustomer(withOrders, 0).frequency).toBe(2);
  });

  it('computes the amount from quantity × unit price', () => {
    const lines = segmentTable(
      ['CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice'],
      [
        ['17850', '2010-12-01 08:26', '6', '2.55'],
        ['17850', '2010-12-01 08:28', '-2', '2.55'],
      ],
    );
    const c = describeCustomer(lines, 0);
    expect([c.frequency, c.monetary]).toEqual([1, 10.2]);
  });
});

describe('segmentTable on customer rows', () => {
  const zhHeader = [
    '客户编号',
    '客户名称',
    '最近购买时间',
    '购买次数',
    '累计消费(元)',
    '联系方式',
    '所属行业',
    '登录次数',
  ];
  const zhRows = [
    ['C001', '*先生', '2024/3/1', '5', '85,000', '13812345678', '信息技术', '3'],
    ['C002', '*女士', '2024年2月1日', '2次', '12000元', '12345', '零食', ''],
    ['C001', '', '2024-03-01', '5', '85000', '', '', ''],
    ['C003', '*制造集团', 45352, 8, '12万', '138****1234', '制造业', '10'],
  ];
  const result = segmentTable(zhHeader, zhRows, { locale: 'zh-CN' });

  it('detects the Chinese headers and reads every value format', () => {
    expect(result.plan.shape).toBe('customers');
    expect(result.asOf).toBe('2024-03-02');
    const customers = byId(result);
    expect([...customers.values()].map((c) => [c.customerId, c.recencyDays, c.frequency, c.monetary])).toEqual([
      ['C001', 1, 5, 85000],
      ['C002', 30, 2, 12000],
      ['C003', 1, 8, 120000],
    ]);
  });

  it('applies the SPEC §3 rules and maps every input row to its customer', () => {
    expect(result.report.counts).toMatchObject({
      'duplicate-id': 1,
      'logins-zero': 1,
      'contact-invalid': 1,
      'industry-unrecognized': 1,
    });
    expect(Array.from(result.rowCustomer!)).toEqual([0, 1, 0, 2]);
    expect(
      result.report.issues
        .filter((i) => ['duplicate-id', 'logins-zero', 'contact-invalid', 'industry-unrecognized'].includes(i.code))
        .map((i) => i.message),
    ).toMatchInlineSnapshot(`
      [
        "Customer C001 appears in rows 2, 4; row 2 used (most filled fields, then first).",
        "Row 3, 登录次数: empty, filled with 0 (no login recorded = no activity).",
        "Row 3, 联系方式: is not an 11-digit mobile number starting with 1; kept, please verify.",
        "Row 3, 所属行业: "零食" is not in the industry list (GB/T 4754 sections by default); kept, please verify.",
      ]
    `);
  });
});

describe('purchase days for the lifetime models', () => {
  it('keeps distinct purchase days with daily gross amounts when asked', () => {
    const result = segmentTable(header, rows, {}, { keepPurchaseDays: true });
    const days = result.features.purchaseDays!;
    const c1 = result.features.ids.indexOf('C1');
    const slice = (c: number) => Array.from(days.days.subarray(days.offsets[c]!, days.offsets[c + 1]!));
    expect(slice(c1).length).toBe(2);
    expect(Array.from(days.amounts.subarray(days.offsets[c1]!, days.offsets[c1 + 1]!))).toEqual([150, 200]);
    // Kept by default for the churn model; dropped only when churn is off and nobody asked.
    expect(segmentTable(header, rows, { churn: { enabled: false } }).features.purchaseDays).toBeUndefined();
    expect(segmentTable(header, rows).features.purchaseDays).toBeDefined();
  });
});

describe('SPEC §3 amount-filled', () => {
  it("fills an empty amount with the customer's mean order over the 3 months before as-of, else flags it", () => {
    const result = segmentTable(header, [
      ['C1', '2024-01-10', '100'],
      ['C1', '2024-03-01', '300'],
      ['C1', '2024-03-05', ''], // filled with mean(100, 300) = 200: both orders are within 3 months of as-of
      ['C2', '2023-06-01', '50'],
      ['C2', '2024-03-05', ''], // C2's only other order is outside the window: left without value
    ]);
    const byCustomer = new Map(result.features.ids.map((id, c) => [id, describeCustomer(result, c)]));
    expect(result.asOf).toBe('2024-03-06');
    expect([byCustomer.get('C1')!.monetary, byCustomer.get('C1')!.frequency]).toEqual([600, 3]);
    expect([byCustomer.get('C2')!.monetary, byCustomer.get('C2')!.frequency]).toEqual([50, 2]);
    expect(result.report.issues.filter((i) => i.code === 'amount-filled').map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "Row 4, Amount: empty, filled with 200.00, C1's mean order amount over the 3 months before 2024-03-06.",
        "Row 6, Amount: empty and C2 has no other order in the 3 months before 2024-03-06; counted as a purchase without value.",
      ]
    `);
  });

  it('still fails when the amount column is entirely empty', () => {
    expect(() =>
      segmentTable(header, [
        ['C1', '2024-01-10', ''],
        ['C2', '2024-01-11', ''],
      ]),
    ).toThrow(/none of the 2 rows has a valid amount/);
  });
});
