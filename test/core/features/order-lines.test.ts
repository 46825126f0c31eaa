import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentTable, type SegmentationResult } from '../../../core/index.js';

// test/fixtures/order-lines/hand-20.csv: 20 invoice lines in the UCI Online
// Retail shape (InvoiceNo, StockCode, Description, Quantity, InvoiceDate,
// UnitPrice, CustomerID, Country); no field holds a comma.
const text = readFileSync(new URL('../../fixtures/order-lines/hand-20.csv', import.meta.url), 'utf8');
const [header, ...rows] = text
  .trim()
  .split('\n')
  .map((line) => line.split(','));

const run = (options: Parameters<typeof segmentTable>[2] = {}, hooks: Parameters<typeof segmentTable>[3] = {}) =>
  segmentTable(header!, rows, { asOf: '2011-01-01', ...options }, hooks);
const pick = (result: SegmentationResult, id: string) => {
  const c = result.features.ids.indexOf(id);
  expect(c).toBeGreaterThanOrEqual(0);
  const f = result.features;
  return {
    frequency: f.frequency[c],
    frequency6m: f.frequency6m[c],
    monetary: Math.round(f.monetary[c]! * 100) / 100,
    aov: Math.round(f.averageOrderValue[c]! * 100) / 100,
    recencyDays: f.recencyDays[c],
    tenureDays: f.tenureDays[c],
  };
};

describe('order lines: orders, not lines (hand-computed)', () => {
  const result = run();

  it('counts distinct orders and computes AOV per order', () => {
    // 17850: orders 536365 (15.30 + 20.34 + 22.00 = 57.64), 536366 (11.10 + 11.10 = 22.20;
    // the repeated line is an exact duplicate, dropped), 536500 (15.30 + 25.50 = 40.80):
    // 3 orders, 120.64 gross; cancellation C536379 (−1 × 27.50) nets spend to 93.14.
    // AOV 120.64 / 3 = 40.21 (per line it would be 120.64 / 7 = 17.23).
    expect(pick(result, '17850')).toEqual({
      frequency: 3,
      frequency6m: 3,
      monetary: 93.14,
      aov: 40.21,
      recencyDays: 17,
      tenureDays: 31,
    });
    // 13047: 536367 (54.08 + 12.60 = 66.68), 536368 (25.50), 536369 (17.85 − 5.90 = 11.95:
    // the negative line stays inside a purchase) = 104.13 over 3 orders; C536383 (−25.50)
    // is a refund: spend 78.63; the 1900-01-01 placeholder line is excluded.
    expect(pick(result, '13047')).toEqual({
      frequency: 3,
      frequency6m: 3,
      monetary: 78.63,
      aov: 34.71,
      recencyDays: 12,
      tenureDays: 31,
    });
    // 12346: bought 74215 × 1.04 and cancelled the same quantity: one order, spend 0.
    expect(pick(result, '12346')).toEqual({
      frequency: 1,
      frequency6m: 1,
      monetary: 0,
      aov: 77183.6,
      recencyDays: 14,
      tenureDays: 14,
    });
  });

  it('leaves the refund-only customer out of every result and reports it once', () => {
    expect(result.features.ids).toEqual(['17850', '13047', '12346']);
    expect(result.features.leftOut).toEqual(['12999']);
    expect(result.summary.reduce((sum, s) => sum + s.count, 0)).toBe(3);
    expect(result.report.issues.filter((i) => i.code === 'refund-only')).toEqual([
      {
        code: 'refund-only',
        row: 13,
        column: 'CustomerID',
        value: '12999',
        message:
          'Customer 12999 has refunds but no purchase before 2011-01-01; left out of segments, totals and churn lists.',
      },
    ]);
  });

  it('names the real cells in every refund message', () => {
    expect(result.report.counts).toMatchObject({
      'missing-id': 1,
      'invalid-date': 1,
      'duplicate-transaction': 1,
      'refund-excluded': 4,
      'refund-in-order': 1,
      'refund-only': 1,
    });
    const refunds = result.report.issues
      .filter((i) => i.code.startsWith('refund-') && i.code !== 'refund-only')
      .map((i) => `${i.code}@${i.row} [${i.column} | ${i.value}]: ${i.message}`);
    expect(refunds).toMatchInlineSnapshot(`
      [
        "refund-excluded@12 [Quantity × UnitPrice | -1 × 27.50]: Row 12, Quantity × UnitPrice = -1 × 27.50: refund (negative amount, -27.50): not counted as a purchase; netted against 17850's spend.",
        "refund-excluded@14 [Quantity × UnitPrice | -6 × 4.25]: Row 14, Quantity × UnitPrice = -6 × 4.25: refund (negative amount, -25.50): not counted as a purchase; netted against 13047's spend.",
        "refund-in-order@21 [Quantity × UnitPrice | -2 × 2.95]: Row 21, Quantity × UnitPrice = -2 × 2.95: refund (negative amount, -5.90): netted inside its order, which stays a purchase worth 11.95.",
        "refund-excluded@13 [Quantity × UnitPrice | -12 × 1.65]: Row 13, Quantity × UnitPrice = -12 × 1.65: refund (negative amount, -19.80): not counted as a purchase; netted against 12999's spend.",
        "refund-excluded@19 [Quantity × UnitPrice | -74215 × 1.04]: Row 19, Quantity × UnitPrice = -74215 × 1.04: refund (negative amount, -77,183.60): not counted as a purchase; netted against 12346's spend.",
      ]
    `);
  });

  it('keeps one purchase day per day with its orders summed, for the lifetime models', () => {
    const days = run({}, { keepPurchaseDays: true }).features.purchaseDays!;
    const c = 0; // 17850
    expect(Array.from(days.days.subarray(days.offsets[c]!, days.offsets[c + 1]!))).toEqual([14944, 14958]); // 2010-12-01, 2010-12-15
    expect(
      Array.from(days.amounts.subarray(days.offsets[c]!, days.offsets[c + 1]!)).map((a) => Math.round(a * 100) / 100),
    ).toEqual([79.84, 40.8]);
    expect(days.offsets.length).toBe(4);
  });

  it('counts purchase days instead with frequencyBy: day, AOV still per order', () => {
    expect(pick(run({ frequencyBy: 'day' }), '17850')).toMatchObject({ frequency: 2, frequency6m: 2, aov: 40.21 });
  });

  it('ignores refund lines entirely with refunds: exclude', () => {
    // 13047's 536369 is then 17.85 alone: (66.68 + 25.50 + 17.85) / 3 = 36.68.
    expect(pick(run({ refunds: 'exclude' }), '13047')).toMatchObject({ frequency: 3, monetary: 110.03, aov: 36.68 });
  });
});
