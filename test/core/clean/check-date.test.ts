import { describe, expect, it } from 'vitest';
import { checkDateDay, isPlaceholderDateCell } from '../../../core/clean/check-date.js';
import { createCellContext, readDateCell } from '../../../core/clean/read-cell.js';
import { dayFromCivil } from '../../../core/parse/civil-day.js';
import { IssueLog } from '../../../core/report/issue-log.js';

const FLOOR = dayFromCivil(1990, 1, 1);
const TODAY = dayFromCivil(2024, 4, 1);

describe('checkDateDay', () => {
  it.each([
    [1899, 12, 30],
    [1899, 12, 31],
    [1900, 1, 1],
    [1970, 1, 1],
    [2099, 12, 31],
    [2100, 1, 1],
    [2999, 12, 31],
    [9999, 12, 31],
  ])('%i-%i-%i is a placeholder, whatever the floor', (y, m, d) => {
    expect(checkDateDay(dayFromCivil(y, m, d), dayFromCivil(1800, 1, 1), undefined)).toEqual({
      code: 'invalid-date',
      reason: 'is a placeholder date, not a real one',
      text: { key: 'clean.placeholder-date' },
    });
  });

  it('names the floor for older dates and accepts the floor day itself', () => {
    expect(checkDateDay(FLOOR - 1, FLOOR, TODAY)?.reason).toBe(
      'is before the date floor 1990-01-01 (set --date-floor to accept older dates)',
    );
    expect(checkDateDay(FLOOR, FLOOR, TODAY)).toBeUndefined();
  });

  it('says "in the future" with today, and accepts today itself', () => {
    expect(checkDateDay(TODAY + 1, FLOOR, TODAY)).toEqual({
      code: 'future-date',
      reason: 'is in the future (after today 2024-04-01)',
      text: { key: 'clean.future-date', params: { today: '2024-04-01' } },
    });
    expect(checkDateDay(TODAY, FLOOR, TODAY)).toBeUndefined();
    expect(checkDateDay(TODAY + 1, FLOOR, undefined)).toBeUndefined();
  });
});

describe('isPlaceholderDateCell', () => {
  it.each(['0000-00-00', '00/00/0000', '0', '0000-00-00 00:00:00', '00000000', ' 0000-00-00 '])(
    '%j is a placeholder',
    (cell) => {
      expect(isPlaceholderDateCell(cell)).toBe(true);
    },
  );
  it.each(['2024-01-01', '10', '', 'n/a'])('%j is not', (cell) => {
    expect(isPlaceholderDateCell(cell)).toBe(false);
  });
  it('Excel serials 0 and 1 (and their time fractions) are; 2 is an old date, not a placeholder', () => {
    expect([0, 0.5, 1, 1.99, 2, -1].map(isPlaceholderDateCell)).toEqual([true, true, true, true, false, false]);
  });
});

describe('readDateCell: placeholders, floor and future get one issue each, saying why', () => {
  function read(cell: string | number): { value: number | null; messages: string[]; codes: string[] } {
    const log = new IssueLog(100);
    const ctx = createCellContext(
      { dateOrder: 'auto', todayDay: TODAY, dateFloorDay: FLOOR },
      log,
      'clean.then.row-excluded',
    );
    const value = readDateCell(cell, 7, 'Order date', ctx);
    const issues = log.toReport().issues;
    return { value, messages: issues.map((i) => i.message), codes: issues.map((i) => i.code) };
  }

  it.each<[string | number, string, string]>([
    [
      '1900-01-01',
      'invalid-date',
      'Row 7, Order date: "1900-01-01" is a placeholder date, not a real one; row excluded.',
    ],
    [
      '0000-00-00',
      'invalid-date',
      'Row 7, Order date: "0000-00-00" is a placeholder date, not a real one; row excluded.',
    ],
    [0, 'invalid-date', 'Row 7, Order date: "0" is a placeholder date, not a real one; row excluded.'],
    [1, 'invalid-date', 'Row 7, Order date: "1" is a placeholder date, not a real one; row excluded.'],
    [
      '1970-01-01',
      'invalid-date',
      'Row 7, Order date: "1970-01-01" is a placeholder date, not a real one; row excluded.',
    ],
    [
      '9999-12-31',
      'invalid-date',
      'Row 7, Order date: "9999-12-31" is a placeholder date, not a real one; row excluded.',
    ],
    [
      '1985-06-01',
      'invalid-date',
      'Row 7, Order date: "1985-06-01" is before the date floor 1990-01-01 (set --date-floor to accept older dates); row excluded.',
    ],
    [
      10000,
      'invalid-date',
      'Row 7, Order date: "10000" is before the date floor 1990-01-01 (set --date-floor to accept older dates); row excluded.',
    ],
    [
      '2030-01-01',
      'future-date',
      'Row 7, Order date: "2030-01-01" is in the future (after today 2024-04-01); row excluded.',
    ],
  ])('%j', (cell, code, message) => {
    const r = read(cell);
    expect(r.value).toBeNaN();
    expect(r.codes).toEqual([code]);
    expect(r.messages).toEqual([message]);
  });

  it('a plausible date passes with no issue', () => {
    expect(read('2024-03-01')).toEqual({ value: dayFromCivil(2024, 3, 1), messages: [], codes: [] });
  });
});
