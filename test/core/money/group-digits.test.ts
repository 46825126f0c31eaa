import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../../core/money/group-digits.js';

describe('groupDigits', () => {
  it('writes thousands separators like en-US Intl', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(1000)).toBe('1,000');
    expect(groupDigits(1234567)).toBe('1,234,567');
    expect(groupDigits(-1234)).toBe('-1,234');
    expect(groupDigits(-12)).toBe('-12');
    expect(groupDigits(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991');
  });

  it('agrees with Intl.NumberFormat on every length and sign', () => {
    const intl = new Intl.NumberFormat('en-US');
    for (let digits = 1; digits <= 15; digits++) {
      const n = Number('987654321098765'.slice(0, digits));
      expect([groupDigits(n), groupDigits(-n)]).toEqual([intl.format(n), intl.format(-n)]);
    }
  });
});
