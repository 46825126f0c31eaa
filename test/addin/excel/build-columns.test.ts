import { describe, expect, it } from 'vitest';
import { toExcelCell, type ColumnStyle } from '../../../addin/excel/build-columns.js';

const TEXT: ColumnStyle = { numberFormat: 'General', width: 100, isDate: false };
const DATE: ColumnStyle = { numberFormat: 'yyyy-mm-dd', width: 76, isDate: true };

describe('toExcelCell', () => {
  it('keeps text that Excel would run as a formula as text (apostrophe prefix)', () => {
    expect(toExcelCell('=HYPERLINK("http://x")', TEXT)).toBe('\'=HYPERLINK("http://x")');
    expect(toExcelCell('+86 138', TEXT)).toBe("'+86 138");
    expect(toExcelCell('-5 days', TEXT)).toBe("'-5 days");
    expect(toExcelCell('@owner', TEXT)).toBe("'@owner");
    expect(toExcelCell('Champions', TEXT)).toBe('Champions');
  });

  it('writes empty as an empty string (null would leave an old value), NaN as empty, numbers as numbers', () => {
    expect(toExcelCell(null, TEXT)).toBe('');
    expect(toExcelCell(undefined, TEXT)).toBe('');
    expect(toExcelCell(Number.NaN, TEXT)).toBe('');
    expect(toExcelCell(12.5, TEXT)).toBe(12.5);
    expect(toExcelCell(true, TEXT)).toBe(true);
  });

  it('turns ISO dates into Excel serials in date columns only', () => {
    expect(toExcelCell('2026-11-15', DATE)).toBe(46_341);
    expect(toExcelCell('1970-01-01', DATE)).toBe(25_569);
    expect(toExcelCell('2026-11-15', TEXT)).toBe('2026-11-15');
    expect(toExcelCell('soon', DATE)).toBe('soon');
  });
});
