import { formatDay } from '../parse/civil-day.js';
import { DataValidationError } from '../report/cell-issue.js';
import type { IssueLog } from '../report/issue-log.js';
import type { CustomerOutcome } from './aggregate-orders.js';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Reports a customer left out for having no purchase before the analysis
 * day: refunds only, or only later rows or duplicates. It is reported once
 * and left out, so no summary, cluster, churn list or joined table counts it.
 * @example logLeftOutCustomer(log, 'refund-only', 'C7', 12, 'Customer ID', asOfDay)
 */
export function logLeftOutCustomer(
  log: IssueLog,
  outcome: Exclude<CustomerOutcome, 'kept'>,
  id: string,
  row: number,
  idName: string,
  asOfDay: number,
): void {
  log.add(
    outcome === 'refund-only'
      ? {
          code: 'refund-only',
          row,
          column: idName,
          value: id,
          message: `Customer ${id} has refunds but no purchase before ${formatDay(asOfDay)}; left out of segments, totals and churn lists.`,
        }
      : {
          code: 'no-purchases',
          row,
          column: idName,
          value: id,
          message: `Customer ${id} has no purchase before ${formatDay(asOfDay)} (only later rows or duplicates); left out of segments, totals and churn lists.`,
        },
  );
}

/**
 * Reports a kept customer whose refunds exceed its purchases (net spend
 * `net` < 0): kept as is, to be verified.
 * @example logNegativeSpend(log, 'C7', 12, 'Amount', -13.52)
 */
export function logNegativeSpend(log: IssueLog, id: string, row: number, column: string, net: number): void {
  log.add({
    code: 'negative-spend',
    row,
    column,
    value: money.format(net),
    message: `Customer ${id}: refunds exceed purchases (net ${money.format(net)}); kept as is, please verify.`,
  });
}

/**
 * Stops a run where none of the `customers` seen has a purchase before the analysis day.
 * @throws DataValidationError `no-customers` when `kept` is 0.
 */
export function assertSomeCustomerKept(kept: number, customers: number, asOfDay: number): void {
  if (kept > 0) return;
  throw new DataValidationError([
    {
      code: 'no-customers',
      row: 0,
      column: '',
      value: '',
      message: `None of the ${customers.toLocaleString('en-US')} customers has a purchase before ${formatDay(asOfDay)}; see the cleaning report.`,
    },
  ]);
}
