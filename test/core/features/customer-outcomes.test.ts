import { describe, expect, it } from 'vitest';
import {
  assertSomeCustomerKept,
  logLeftOutCustomer,
  logNegativeSpend,
} from '../../../core/features/customer-outcomes.js';
import { parseDay } from '../../../core/parse/civil-day.js';
import { IssueLog } from '../../../core/report/issue-log.js';
import { issuesOf } from './transaction-setup.js';

const asOfDay = parseDay('2011-12-10')!;

describe('customer outcomes', () => {
  it('reports a left-out customer by why it has no purchase', () => {
    const log = new IssueLog(10);
    logLeftOutCustomer(log, 'refund-only', '99999', 13, 'CustomerID', asOfDay);
    logLeftOutCustomer(log, 'no-purchases', '88888', 15, 'CustomerID', asOfDay);
    expect(issuesOf(log)).toEqual([
      'refund-only 13 CustomerID: Customer 99999 has refunds but no purchase before 2011-12-10; left out of segments, totals and churn lists.',
      'no-purchases 15 CustomerID: Customer 88888 has no purchase before 2011-12-10 (only later rows or duplicates); left out of segments, totals and churn lists.',
    ]);
  });

  it('reports negative net spend with the amount cell and the net value', () => {
    const log = new IssueLog(10);
    logNegativeSpend(log, '13047', 6, 'Quantity × UnitPrice', -13.52);
    expect(log.toReport().issues).toEqual([
      {
        code: 'negative-spend',
        row: 6,
        column: 'Quantity × UnitPrice',
        value: '-13.52',
        message: 'Customer 13047: refunds exceed purchases (net -13.52); kept as is, please verify.',
      },
    ]);
  });

  it('stops a run where no customer was kept', () => {
    expect(() => assertSomeCustomerKept(1, 3, asOfDay)).not.toThrow();
    expect(() => assertSomeCustomerKept(0, 1234, asOfDay)).toThrow(
      'None of the 1,234 customers has a purchase before 2011-12-10; see the cleaning report.',
    );
  });
});
