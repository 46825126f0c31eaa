import { describe, expect, it } from 'vitest';
import { convertToExcelCell, type ColumnStyle } from '../../../addin/excel/build-columns.js';

const TEXT: ColumnStyle = { numberFormat: 'General', width: 100, isDate: false };
const DATE: ColumnStyle = { numberFormat: 'yyyy-mm-dd', width: 76, isDate: true };

describe('convertToExcelCell', () => {
  it('keeps text that Excel would run as a formula as text (apostrophe prefix)', () => {
    expect(convertToExcelCell('=HYPERLINK("http://x")', TEXT)).toBe('\'=HYPERLINK("http://x")');
    expect(convertToExcelCell('+86 138', TEXT)).toBe("'+86 138");
    expect(convertToExcelCell('-5 days', TEXT)).toBe("'-5 days");
    expect(convertToExcelCell('@owner', TEXT)).toBe("'@owner");
    expect(convertToExcelCell('Champions', TEXT)).toBe('Champions');
  });

  it('writes empty as an empty string (null would leave an old value), NaN as empty, numbers as numbers', () => {
    expect(convertToExcelCell(null, TEXT)).toBe('');
    expect(convertToExcelCell(undefined, TEXT)).toBe('');
    expect(convertToExcelCell(Number.NaN, TEXT)).toBe('');
    expect(convertToExcelCell(12.5, TEXT)).toBe(12.5);
    expect(convertToExcelCell(true, TEXT)).toBe(true);
  });

  it('turns ISO dates into Excel serials in date columns only', () => {
    expect(convertToExcelCell('2026-11-15', DATE)).toBe(46_341);
    expect(convertToExcelCell('1970-01-01', DATE)).toBe(25_569);
    expect(convertToExcelCell('2026-11-15', TEXT)).toBe('2026-11-15');
    expect(convertToExcelCell('soon', DATE)).toBe('soon');
  });
});
