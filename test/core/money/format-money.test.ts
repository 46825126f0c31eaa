import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../core/money/format-money.js';

const GBP = { code: 'GBP', symbol: '£' } as const;
const CNY = { code: 'CNY', symbol: '¥' } as const;

describe('formatMoney', () => {
  it('writes known amounts', () => {
    expect(formatMoney(1234.5, GBP, 'en')).toBe('£1,234.50');
    expect(formatMoney(-27.5, GBP, 'en')).toBe('-£27.50');
    expect(formatMoney(1000, CNY, 'zh-CN', 0)).toBe('1,000元');
    expect(formatMoney(2.5, GBP, 'en', 0)).toBe('£3');
    expect(formatMoney(-2.5, GBP, 'en', 0)).toBe('-£3');
    expect(formatMoney(-0.4, GBP, 'en', 0)).toBe('£0');
    expect(formatMoney(999_999.5, CNY, 'en', 0)).toBe('¥1,000,000');
    expect(formatMoney(Number.NaN, GBP, 'en')).toBe('');
  });

  it('gives what Intl en-US gives, to 0 and 2 places, for whole, half and other amounts', () => {
    const intl = [0, 2].map(
      (d) => new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }),
    );
    let seed = 7;
    const amounts = [0.5, 1.5, 0.49999999999999994, 1e15 + 0.5, 123_456_789.5, 1e17];
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      amounts.push(((seed / 2 ** 31) * 2 - 1) * 10 ** (i % 9), Math.round(seed / 1000) / 2);
    }
    for (const amount of amounts)
      for (const [k, digits] of [0, 2].entries()) {
        const text = intl[k]!.format(Math.abs(amount));
        const sign = amount < 0 && text.replace(/[0.,]/g, '') !== '' ? '-' : '';
        expect(formatMoney(amount, GBP, 'en', digits)).toBe(`${sign}£${text}`);
      }
  });
});
