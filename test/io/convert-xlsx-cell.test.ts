import { describe, expect, it } from 'vitest';
import { convertXlsxCell, formatExcelDate, isDateFormat } from '../../io/convert-xlsx-cell.js';

describe('convertXlsxCell', () => {
  it.each([
    [null, undefined, null],
    [42.5, undefined, 42.5],
    [true, undefined, true],
    ['text', undefined, 'text'],
    [new Date(Date.UTC(2024, 0, 15)), undefined, '2024-01-15'],
    [{ error: '#VALUE!' }, undefined, '#VALUE!'],
    [{ richText: [{ text: '客' }, { text: '户' }] }, undefined, '客户'],
    [{ text: 'site', hyperlink: 'https://example.com' }, undefined, 'site'],
    [{ formula: 'A1', result: 3 }, undefined, 3],
    [{ formula: 'A1', result: 45306 }, 'yyyy-mm-dd', '2024-01-15'],
    [{ sharedFormula: 'A1', result: { error: '#N/A' } }, undefined, '#N/A'],
    [{ formula: 'NA()' }, undefined, null],
  ])('%j (format %j) → %j', (value, numFmt, cell) => {
    expect(convertXlsxCell(value, numFmt, false)).toEqual(cell);
  });

  it('counts from 1904 when the workbook says so', () => {
    expect(convertXlsxCell({ formula: 'A1', result: 43844 }, 'd/m/yy', true)).toBe('2024-01-15');
  });
});

describe('formatExcelDate', () => {
  it('adds the time only when there is one, rounded to the second', () => {
    expect(formatExcelDate(new Date(Date.UTC(2024, 0, 15, 9, 30)))).toBe('2024-01-15 09:30:00');
    expect(formatExcelDate(new Date(Date.UTC(2024, 0, 15, 9, 29, 59, 999)))).toBe('2024-01-15 09:30:00');
    expect(formatExcelDate(new Date(Date.UTC(2024, 0, 14, 23, 59, 59, 600)))).toBe('2024-01-15');
    expect(formatExcelDate(new Date(Number.NaN))).toBeNull();
  });
});

describe('isDateFormat', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['h:mm AM/PM', true],
    ['[$-804]yyyy"年"m"月"d"日"', true],
    ['0.00', false],
    ['"days"0', false],
    ['[Red]0.00', false],
    [undefined, false],
  ])('%j → %j', (numFmt, expected) => {
    expect(isDateFormat(numFmt)).toBe(expected);
  });
});
