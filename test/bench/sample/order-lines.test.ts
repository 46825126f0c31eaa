import { describe, expect, it } from 'vitest';
import { ORDER_LINES_HEADER, generateOrderLines } from '../../../bench/sample/order-lines.js';
import { segmentTable } from '../../../core/index.js';

describe('generateOrderLines (UCI Online Retail shape)', () => {
  const rows = generateOrderLines({ customers: 200 });

  it('is deterministic and has every shape the acceptance file has', () => {
    expect(generateOrderLines({ customers: 200 })).toEqual(rows);
    expect(rows.some((r) => r[0]!.startsWith('C') && Number(r[3]) < 0)).toBe(true);
    expect(rows.some((r) => r[4] === '1900-01-01 00:00')).toBe(true);
    expect(rows.some((r) => r[6] === '')).toBe(true);
    const invoices = new Map<string, number>();
    for (const r of rows) invoices.set(r[0]!, (invoices.get(r[0]!) ?? 0) + 1);
    expect([...invoices.values()].some((n) => n > 1)).toBe(true);
  });

  it('segments to one customer per id that bought, with refund-only ids left out and reported', () => {
    const result = segmentTable([...ORDER_LINES_HEADER], rows, { asOf: '2011-12-10' });
    const refundOnly = Array.from({ length: 8 }, (_, k) => String(12346 + 25 * k + 24)); // c % 25 === 24
    expect(result.report.counts['refund-only']).toBe(refundOnly.length);
    for (const id of refundOnly) expect(result.features.ids).not.toContain(id);
    expect(result.currency.code).toBe('CNY'); // bare numbers: no currency shown, so the default unless --currency GBP
    expect(segmentTable([...ORDER_LINES_HEADER], rows, { asOf: '2011-12-10', currency: 'GBP' }).currency.symbol).toBe('£');
    // Orders, not lines: every customer's frequency is at most its distinct invoices.
    for (let c = 0; c < result.features.count; c++) {
      const id = result.features.ids[c]!;
      const invoices = new Set(rows.filter((r) => r[6] === id && !r[0]!.startsWith('C')).map((r) => r[0]));
      expect(result.features.frequency[c]!).toBeLessThanOrEqual(invoices.size);
    }
  });
});
