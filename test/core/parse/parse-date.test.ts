import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, daysInMonth, formatDay } from '../../../core/parse/civil-day.js';
import { DATE_FORMAT_LABEL, parseDate, type DateFormat } from '../../../core/parse/parse-date.js';

const MARCH_5 = 19787; // 2024-03-05
const MAY_3 = dayFromCivil(2024, 5, 3);

describe('parseDate: supported formats', () => {
  it.each<[string, DateFormat]>([
    ['2024-03-05', 'iso'],
    ['2024-3-5', 'iso'],
    ['2024-03-05T14:30', 'iso-time'],
    ['2024-03-05T14:30:00Z', 'iso-time'],
    ['2024-03-05T14:30:00.123+08:00', 'iso-time'],
    ['2024-03-05 14:30', 'iso-time'],
    ['2024-03-05 14:30:59', 'iso-time'],
    ['2024-3-5 14:30', 'iso-time'],
    ['2024/3/5', 'slash-ymd'],
    ['2024/03/05', 'slash-ymd'],
    ['2024.3.5', 'slash-ymd'],
    ['2024/03/05 2:30 PM', 'slash-ymd'],
    ['2024年3月5日', 'chinese'],
    ['2024年03月05日', 'chinese'],
    ['2024年3月5日 14:30', 'chinese'],
    ['２０２４年３月５日', 'chinese'],
    ['20240305', 'compact'],
    ['45356', 'excel-serial'],
    ['45356.75', 'excel-serial'],
    ['  2024/3/5  ', 'slash-ymd'],
  ])('%j → 2024-03-05 (%s)', (cell, format) => {
    expect(parseDate(cell)).toEqual({ ok: true, day: MARCH_5, format });
  });

  it('reads Excel serial numbers (1900 system) and drops the time fraction', () => {
    expect(parseDate(45356)).toEqual({ ok: true, day: MARCH_5, format: 'excel-serial' });
    expect(parseDate(45356.99)).toEqual({ ok: true, day: MARCH_5, format: 'excel-serial' });
  });

  it('takes serials only in 20000..80000 so ids and amounts are not read as dates', () => {
    expect(parseDate(20000)).toEqual({ ok: true, day: dayFromCivil(1954, 10, 3), format: 'excel-serial' });
    expect(parseDate(80000)).toEqual({ ok: true, day: dayFromCivil(2119, 1, 11), format: 'excel-serial' });
    expect(parseDate(19999)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDate(80001)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDate(0)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDate(-45356)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDate(Number.NaN)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDate(Infinity)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDate('12345')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDate('99999')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('parseDate: day-first and month-first', () => {
  it('reads unambiguous ones under auto', () => {
    expect(parseDate('13/3/2024')).toEqual({ ok: true, day: dayFromCivil(2024, 3, 13), format: 'day-first' });
    expect(parseDate('3/13/2024')).toEqual({ ok: true, day: dayFromCivil(2024, 3, 13), format: 'month-first' });
    expect(parseDate('31.12.2024')).toEqual({ ok: true, day: dayFromCivil(2024, 12, 31), format: 'day-first' });
    expect(parseDate('31/12/2024 10:00')).toEqual({ ok: true, day: dayFromCivil(2024, 12, 31), format: 'day-first' });
    expect(parseDate('12-31-2024')).toEqual({ ok: true, day: dayFromCivil(2024, 12, 31), format: 'month-first' });
  });

  it('reports 5/3/2024 as ambiguous under auto and follows dmy / mdy', () => {
    expect(parseDate('5/3/2024')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseDate('5/3/2024', 'auto')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseDate('5/3/2024', 'dmy')).toEqual({ ok: true, day: MARCH_5, format: 'day-first' });
    expect(parseDate('5/3/2024', 'mdy')).toEqual({ ok: true, day: MAY_3, format: 'month-first' });
    expect(parseDate('3/5/2024', 'mdy')).toEqual({ ok: true, day: MARCH_5, format: 'month-first' });
  });

  it('needs no order when day and month are equal', () => {
    expect(parseDate('5/5/2024')).toEqual({ ok: true, day: dayFromCivil(2024, 5, 5), format: 'month-first' });
  });

  it('calls a forced order that cannot hold impossible', () => {
    expect(parseDate('13/3/2024', 'mdy')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('3/13/2024', 'dmy')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('13/13/2024')).toEqual({ ok: false, reason: 'impossible' });
  });

  it('does not let the order change year-first formats', () => {
    for (const order of ['auto', 'dmy', 'mdy'] as const) {
      expect(parseDate('2024/3/5', order)).toEqual({ ok: true, day: MARCH_5, format: 'slash-ymd' });
      expect(parseDate('2024-03-05', order)).toEqual({ ok: true, day: MARCH_5, format: 'iso' });
    }
  });
});

describe('parseDate: failures', () => {
  it('never rolls impossible dates over', () => {
    expect(parseDate('2025-02-30')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('2025-02-29')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('2025/4/31')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('2025年13月1日')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('20250230')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('2024-00-10')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('2024-02-29')).toEqual({ ok: true, day: dayFromCivil(2024, 2, 29), format: 'iso' });
  });

  it("parses any four-digit year (plausibility is the cleaning step's job) and never a year 0", () => {
    expect(parseDate('1899-12-31')).toEqual({ ok: true, day: dayFromCivil(1899, 12, 31), format: 'iso' });
    expect(parseDate('1900-01-01')).toEqual({ ok: true, day: -25567, format: 'iso' });
    expect(parseDate('9999-12-31')).toEqual({ ok: true, day: dayFromCivil(9999, 12, 31), format: 'iso' });
    expect(parseDate('0000-00-00')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('0999-01-01')).toEqual({ ok: false, reason: 'impossible' });
  });

  it.each([
    'garbage',
    '',
    '   ',
    '2024',
    '2024-03',
    '03/2024',
    '2024-03-05x',
    '2024-03-05 25h',
    'N/A',
    '--',
    '5 March 2024',
  ])('%j is invalid', (cell) => {
    expect(parseDate(cell)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('parseDate: properties', () => {
  const realDate = fc
    .tuple(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => [y, m, Math.min(d, daysInMonth(y, m))] as const);

  it('reads back what formatDay writes, and the same date in every year-first format', () => {
    fc.assert(
      fc.property(realDate, ([y, m, d]) => {
        const day = dayFromCivil(y, m, d);
        expect(parseDate(formatDay(day))).toEqual({ ok: true, day, format: 'iso' });
        expect(parseDate(`${y}/${m}/${d}`)).toEqual({ ok: true, day, format: 'slash-ymd' });
        expect(parseDate(`${y}年${m}月${d}日`)).toEqual({ ok: true, day, format: 'chinese' });
        expect(parseDate(formatDay(day).replace(/-/g, ''))).toEqual({ ok: true, day, format: 'compact' });
        expect(parseDate(`${d}/${m}/${y}`, 'dmy')).toEqual({ ok: true, day, format: 'day-first' });
        expect(parseDate(`${m}/${d}/${y}`, 'mdy')).toEqual({ ok: true, day, format: 'month-first' });
      }),
    );
  });

  it('never throws and fails only with a known reason', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.double()),
        fc.constantFrom('auto' as const, 'dmy' as const, 'mdy' as const),
        (cell, order) => {
          const r = parseDate(cell, order);
          if (r.ok) expect(Number.isInteger(r.day)).toBe(true);
          else expect(['invalid', 'ambiguous', 'impossible']).toContain(r.reason);
        },
      ),
    );
  });
});

it('labels every format for the cleaning report', () => {
  expect(DATE_FORMAT_LABEL).toMatchInlineSnapshot(`
    {
      "chinese": "YYYY年M月D日",
      "compact": "YYYYMMDD",
      "day-first": "D/M/YYYY",
      "excel-serial": "Excel serial number",
      "iso": "YYYY-MM-DD",
      "iso-time": "YYYY-MM-DD HH:mm",
      "month-first": "M/D/YYYY",
      "slash-ymd": "YYYY/M/D",
    }
  `);
});
