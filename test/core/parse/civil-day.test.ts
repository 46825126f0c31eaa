import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  civilFromDay,
  dayFromCivil,
  dayFromExcelSerial,
  dayInTimeZone,
  daysInMonth,
  diffDays,
  formatDay,
  isValidCivil,
  parseDay,
} from '../../../core/parse/civil-day.js';

/** Reference day number from the platform's proleptic Gregorian UTC calendar. */
const utcDay = (y: number, m: number, d: number): number => {
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date.getTime() / 86_400_000;
};

describe('dayFromCivil / civilFromDay', () => {
  it('puts the Unix epoch at day 0', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(civilFromDay(0)).toEqual({ year: 1970, month: 1, day: 1 });
  });

  it('knows hand-checked days', () => {
    // 2024-03-05: 54 years since 1970 (13 leap days 1972..2020) = 54×365 + 13 = 19723 to 2024-01-01, + 31 + 29 + 4.
    expect(dayFromCivil(2024, 3, 5)).toBe(19787);
    expect(dayFromCivil(1969, 12, 31)).toBe(-1);
    expect(dayFromCivil(2000, 1, 1)).toBe(10957);
    expect(dayFromCivil(1900, 1, 1)).toBe(-25567);
    expect(civilFromDay(19787)).toEqual({ year: 2024, month: 3, day: 5 });
    expect(civilFromDay(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });

  it('counts 29 February in leap years only (÷4, not ÷100 unless ÷400)', () => {
    expect(dayFromCivil(2024, 3, 1) - dayFromCivil(2024, 2, 28)).toBe(2);
    expect(dayFromCivil(2023, 3, 1) - dayFromCivil(2023, 2, 28)).toBe(1);
    expect(dayFromCivil(2000, 3, 1) - dayFromCivil(2000, 2, 28)).toBe(2);
    expect(dayFromCivil(1900, 3, 1) - dayFromCivil(1900, 2, 28)).toBe(1);
    expect(dayFromCivil(2100, 3, 1) - dayFromCivil(2100, 2, 28)).toBe(1);
    expect(civilFromDay(dayFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('round-trips every real date of 1900–2199 and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, rawDay) => {
          const day = Math.min(rawDay, daysInMonth(year, month));
          const n = dayFromCivil(year, month, day);
          expect(civilFromDay(n)).toEqual({ year, month, day });
          expect(n).toBe(utcDay(year, month, day));
        },
      ),
    );
  });

  it('round-trips day numbers and consecutive days are one apart', () => {
    const lo = dayFromCivil(1900, 1, 1),
      hi = dayFromCivil(2199, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi - 1 }), (n) => {
        const { year, month, day } = civilFromDay(n);
        expect(dayFromCivil(year, month, day)).toBe(n);
        expect(dayFromCivil(year, month, day + 1) - n).toBe(1);
      }),
    );
  });
});

describe('daysInMonth / isValidCivil', () => {
  it('gives month lengths, February by leap year', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('accepts real dates only', () => {
    expect(isValidCivil(2024, 2, 29)).toBe(true);
    expect(isValidCivil(2025, 2, 29)).toBe(false);
    expect(isValidCivil(2025, 2, 30)).toBe(false);
    expect(isValidCivil(2025, 4, 31)).toBe(false);
    expect(isValidCivil(2025, 0, 1)).toBe(false);
    expect(isValidCivil(2025, 13, 1)).toBe(false);
    expect(isValidCivil(2025, 1, 0)).toBe(false);
    expect(isValidCivil(2025, 12, 31)).toBe(true);
  });
});

describe('formatDay', () => {
  it('writes YYYY-MM-DD with zero padding', () => {
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(19787)).toBe('2024-03-05');
    expect(formatDay(dayFromCivil(2024, 12, 31))).toBe('2024-12-31');
    expect(formatDay(dayFromCivil(1900, 1, 1))).toBe('1900-01-01');
  });

  it('matches Date#toISOString for 1900–2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCivil(1900, 1, 1), max: dayFromCivil(2199, 12, 31) }), (n) => {
        expect(formatDay(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('addMonths', () => {
  const of = (y: number, m: number, d: number): number => dayFromCivil(y, m, d);

  it('clamps the day to the target month (SPEC §2: 31 March − 1 month = end of February)', () => {
    expect(formatDay(addMonths(of(2024, 3, 31), -1))).toBe('2024-02-29');
    expect(formatDay(addMonths(of(2025, 3, 31), -1))).toBe('2025-02-28');
    expect(formatDay(addMonths(of(2024, 1, 31), 1))).toBe('2024-02-29');
    expect(formatDay(addMonths(of(2024, 5, 31), -3))).toBe('2024-02-29');
    expect(formatDay(addMonths(of(2024, 8, 31), 1))).toBe('2024-09-30');
  });

  it('crosses year boundaries both ways', () => {
    expect(formatDay(addMonths(of(2024, 1, 15), -1))).toBe('2023-12-15');
    expect(formatDay(addMonths(of(2024, 3, 5), -6))).toBe('2023-09-05');
    expect(formatDay(addMonths(of(2024, 11, 30), 3))).toBe('2025-02-28');
    expect(formatDay(addMonths(of(2024, 3, 5), -120))).toBe('2014-03-05');
    expect(formatDay(addMonths(of(2024, 3, 5), 0))).toBe('2024-03-05');
  });

  it('keeps the day of month when it exists and never leaves the target month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromCivil(1910, 1, 1), max: dayFromCivil(2189, 12, 31) }),
        fc.integer({ min: -120, max: 120 }),
        (n, k) => {
          const from = civilFromDay(n);
          const to = civilFromDay(addMonths(n, k));
          expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(k);
          expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
        },
      ),
    );
  });
});

describe('dayFromExcelSerial', () => {
  it('reads the 1900 date system (serial 45356 = 2024-03-05)', () => {
    expect(formatDay(dayFromExcelSerial(45356))).toBe('2024-03-05');
    expect(dayFromExcelSerial(25569)).toBe(0);
    expect(formatDay(dayFromExcelSerial(61))).toBe('1900-03-01');
  });

  it('drops the time-of-day fraction', () => {
    expect(dayFromExcelSerial(45356.999)).toBe(dayFromExcelSerial(45356));
    expect(dayFromExcelSerial(45356.5)).toBe(19787);
  });
});

describe('parseDay / addDays / diffDays: the one reader of day text', () => {
  it('reads strict YYYY-MM-DD into a day number', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('2024-03-05')).toBe(19787);
    expect(parseDay('2024-02-29')).toBe(dayFromCivil(2024, 2, 29));
  });

  it.each([
    '2023-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-1-5',
    '2026-01-05T00:00',
    ' 2026-01-05',
    '',
    '05/01/2026',
  ])('rejects %j', (text) => {
    expect(parseDay(text)).toBeUndefined();
  });

  it('round-trips with formatDay', () => {
    fc.assert(fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => parseDay(formatDay(n)) === n));
  });

  it('adds days across months and years, and diffs day numbers', () => {
    expect(addDays('2026-11-25', 30)).toBe('2026-12-25');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-02-30', 1)).toBeUndefined();
    expect(diffDays(parseDay('2026-11-01')!, parseDay('2026-11-26')!)).toBe(25);
    expect(diffDays(parseDay('2026-01-01')!, parseDay('2025-12-31')!)).toBe(-1);
  });
});

describe('dayInTimeZone', () => {
  it('puts one instant on different days in different zones', () => {
    const instant = Date.UTC(2026, 10, 25, 17, 0); // 2026-11-25 17:00 UTC
    expect(formatDay(dayInTimeZone(instant, 'UTC'))).toBe('2026-11-25');
    expect(formatDay(dayInTimeZone(instant, 'Asia/Shanghai'))).toBe('2026-11-26'); // 01:00 next day
    expect(formatDay(dayInTimeZone(Date.UTC(2026, 10, 26, 3, 0), 'America/Los_Angeles'))).toBe('2026-11-25'); // 19:00 PST
  });

  it('follows daylight saving: 23:30 local on the night clocks go back stays on that day', () => {
    // Europe/London leaves BST on 2026-10-25 at 01:00 UTC; 23:30 local on the 25th is 23:30 UTC.
    expect(formatDay(dayInTimeZone(Date.UTC(2026, 9, 25, 23, 30), 'Europe/London'))).toBe('2026-10-25');
    // On 2026-06-01, 23:30 UTC is already 00:30 on the 2nd in London (BST, UTC+1).
    expect(formatDay(dayInTimeZone(Date.UTC(2026, 5, 1, 23, 30), 'Europe/London'))).toBe('2026-06-02');
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => dayInTimeZone(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});
