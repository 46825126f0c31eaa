import { createIssue, DataValidationError, type CellIssue } from '../report/cell-issue.js';
import type { LineTotals } from './accumulate-order-lists.js';

/**
 * Stops a transaction run that has nothing to work on: a date or amount
 * column where not one row could be read (named with its first bad cell),
 * both at once when both fail; else a table with no data rows, or with data
 * rows but no customer left after cleaning.
 * @throws DataValidationError `invalid-column` (one issue per failing column), `header-only`, `no-customers`.
 * @example assertUsableLines({ dataRows: 0, validDates: 0, validAmounts: 0 }, 0, 'Order date', 'Amount') // throws header-only
 */
export function assertUsableLines(
  totals: Omit<LineTotals, 'maxDay'>,
  customers: number,
  dateName: string,
  amountName: string,
): void {
  const { dataRows } = totals;
  const count = dataRows.toLocaleString('en-US');
  const fatal: CellIssue[] = [];
  if (dataRows > 0 && totals.validDates === 0 && totals.firstBadDate) {
    const { row, value } = totals.firstBadDate;
    fatal.push(
      createIssue('invalid-column', row, dateName, value, {
        key: 'clean.column-no-date',
        params: { column: dateName, count, row, value },
      }),
    );
  }
  if (dataRows > 0 && totals.validAmounts === 0 && totals.firstBadAmount) {
    const { row, value } = totals.firstBadAmount;
    fatal.push(
      createIssue('invalid-column', row, amountName, value, {
        key: 'clean.column-no-amount',
        params: { column: amountName, count, row, value },
      }),
    );
  }
  if (fatal.length > 0) throw new DataValidationError(fatal);
  if (customers === 0) {
    throw new DataValidationError([
      dataRows === 0
        ? createIssue('header-only', 0, '', '', { key: 'clean.header-only' })
        : createIssue('no-customers', 0, '', '', { key: 'clean.no-usable-rows', params: { count } }),
    ]);
  }
}
