import { createIssue } from '../report/cell-issue.js';
import type { IssueLog } from '../report/issue-log.js';
import { cellText } from '../table/cell-text.js';
import type { Cell } from '../table/cell.js';

/**
 * Logs a data row excluded for having no usable customer id: empty, or a
 * formula error where the id should be (SPEC §3 missing-id). One sentence for
 * both accumulators (customer rows and transactions).
 * @example logMissingId(log, 7, 'Customer ID', '', '') // "Row 7: no customer ID; row excluded."
 */
export function logMissingId(log: IssueLog, row: number, column: string, idCell: Cell, id: string): void {
  log.add(
    createIssue(
      'missing-id',
      row,
      column,
      cellText(idCell),
      id === ''
        ? { key: 'clean.customer.no-id', params: { row } }
        : { key: 'clean.customer.id-formula-error', params: { row, column, value: id } },
    ),
  );
}
