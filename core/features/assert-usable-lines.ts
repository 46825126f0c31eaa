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
  const columns = [
    [totals.validDates, totals.firstBadDate, dateName, 'clean.column-no-date'],
    [totals.validAmounts, totals.firstBadAmount, amountName, 'clean.column-no-amount'],
  ] as const;
  for (const [valid, bad, column, key] of columns) {
    if (dataRows === 0 || valid > 0 || !bad) continue;
    const { row, value } = bad;
    fatal.push(createIssue('invalid-column', row, column, value, { key, params: { column, count, row, value } }));
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
