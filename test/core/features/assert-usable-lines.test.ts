import { describe, expect, it } from 'vitest';
import { assertUsableLines } from '../../../core/features/assert-usable-lines.js';
import { DataValidationError } from '../../../core/report/cell-issue.js';

/** The issues `assertUsableLines` throws, as `code row column: message`. */
function thrown(...args: Parameters<typeof assertUsableLines>): string[] {
  try {
    assertUsableLines(...args);
  } catch (error) {
    expect(error).toBeInstanceOf(DataValidationError);
    return (error as DataValidationError).issues.map((i) => `${i.code} ${i.row} ${i.column}: ${i.message}`);
  }
  return [];
}

describe('assertUsableLines', () => {
  it('names both unusable columns at once, each with its first bad cell', () => {
    const totals = {
      dataRows: 1200,
      validDates: 0,
      validAmounts: 0,
      firstBadDate: { row: 2, value: 'soon' },
      firstBadAmount: { row: 3, value: 'abc' },
    };
    expect(thrown(totals, 0, 'Order date', 'Amount')).toEqual([
      'invalid-column 2 Order date: Column "Order date": none of the 1,200 rows has a valid date (row 2: "soon"). Check the column mapping or the date format.',
      'invalid-column 3 Amount: Column "Amount": none of the 1,200 rows has a valid amount (row 3: "abc"). Check the column mapping.',
    ]);
  });

  it('tells a header-only table from one whose rows were all excluded', () => {
    expect(thrown({ dataRows: 0, validDates: 0, validAmounts: 0 }, 0, 'Order date', 'Amount')).toEqual([
      'header-only 0 : The table has a header but no data rows.',
    ]);
    const missingIds = { dataRows: 3, validDates: 3, validAmounts: 3 };
    expect(thrown(missingIds, 0, 'Order date', 'Amount')).toEqual([
      'no-customers 0 : None of the 3 data rows could be used; see the cleaning report.',
    ]);
  });

  it('passes when one row has a date, one an amount and there is a customer', () => {
    const totals = { dataRows: 2, validDates: 1, validAmounts: 1, firstBadDate: { row: 3, value: 'x' } };
    expect(thrown(totals, 1, 'Order date', 'Amount')).toEqual([]);
  });
});
