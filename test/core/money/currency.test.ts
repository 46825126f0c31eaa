import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  currencyOf,
  currencyOfCell,
  currencyOfHeader,
  excelMoneyFormat,
  formatMoney,
  segmentTable,
} from '../../../core/index.js';

const GBP = currencyOf('GBP'),
  CNY = currencyOf('CNY');

describe('formatMoney', () => {
  it('writes the currency the data is in', () => {
    expect(formatMoney(1000, GBP, 'en', 0)).toBe('£1,000');
    expect(formatMoney(-27.5, GBP, 'en')).toBe('-£27.50');
    expect(formatMoney(1000, CNY, 'en', 0)).toBe('¥1,000');
    expect(formatMoney(1000, CNY, 'zh-CN', 0)).toBe('1,000元');
    expect(formatMoney(1000, GBP, 'zh-CN', 0)).toBe('£1,000');
    expect(formatMoney(12.5, currencyOf('chf'), 'en')).toBe('CHF 12.50');
    expect(formatMoney(-0.001, GBP, 'en')).toBe('£0.00');
    expect(formatMoney(Number.NaN, GBP, 'en')).toBe('');
    expect(excelMoneyFormat(GBP, 0)).toBe('"£"#,##0');
  });

  it('keeps the digits of the plain number for any amount (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const text = formatMoney(x, GBP, 'en');
        const back = Number(text.replace('£', '').replaceAll(',', ''));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(0.005 + 1e-9 * Math.abs(x));
      }),
    );
  });
});

describe('currency detection', () => {
  it('reads symbols, units and codes in cells and headers', () => {
    expect(
      ['£4.95', '-£4.95', '(¥1,234.50)', '3500元', 'GBP 12', '12 EUR', '€3', '$5', '4.95', '-1'].map(currencyOfCell),
    ).toEqual(['GBP', 'GBP', 'CNY', 'CNY', 'GBP', 'EUR', 'EUR', 'USD', undefined, undefined]);
    expect(
      ['金额(元)', 'Amount (GBP)', 'UnitPrice (€)', '单价（￥）', 'Sales GBP', 'Amount', 'UnitPrice'].map(
        currencyOfHeader,
      ),
    ).toEqual(['CNY', 'GBP', 'EUR', 'CNY', 'GBP', undefined, undefined]);
  });

  const header = ['Customer ID', 'Order date', 'Amount'];
  it('carries the detected currency in the result and in the AOV tag', () => {
    const result = segmentTable(header, [
      ['C1', '2024-03-01', '£1,200.00'],
      ['C2', '2024-03-02', '£80'],
    ]);
    expect(result.currency).toEqual({ code: 'GBP', symbol: '£' });
    expect(
      segmentTable(['Customer ID', 'Order date', 'Amount (GBP)'], [['C1', '2024-03-01', '1200']]).currency.code,
    ).toBe('GBP');
    expect(segmentTable(header, [['C1', '2024-03-01', '1200']]).currency.code).toBe('CNY');
    expect(segmentTable(header, [['C1', '2024-03-01', '1200']], { currency: 'usd' }).currency).toEqual({
      code: 'USD',
      symbol: '$',
    });
    const tagged = segmentTable(header, [['C1', '2024-03-01', '£1,200.00']], { scheme: 'rules:a-table5-rules' });
    expect(tagged.scheme.tags!.tagLabels(0, 'en')).toContain('AOV ≥ £1,000');
  });

  it('reports mixed currencies in one column once, naming both', () => {
    const result = segmentTable(header, [
      ['C1', '2024-03-01', '£10'],
      ['C2', '2024-03-02', '£20'],
      ['C3', '2024-03-03', '¥30'],
    ]);
    expect(result.currency.code).toBe('GBP');
    expect(result.report.issues.filter((i) => i.code === 'mixed-currency').map((i) => i.message)).toEqual([
      'Row 4, Amount: "¥30" is in CNY, but 2 amounts (first: row 2, "£10") are in GBP; amounts are not converted, shown as GBP. Currencies seen: GBP ×2, CNY ×1.',
    ]);
  });

  it('rejects a currency option that is not an ISO code', () => {
    expect(() => segmentTable(header, [['C1', '2024-03-01', '10']], { currency: 'pounds' })).toThrow(
      /currency.*3-letter ISO 4217 code/,
    );
  });
});
