import { describe, expect, it } from 'vitest';
import { aggregateCustomers } from '../../../core/features/aggregate-customers.js';
import { OrderAggregator, type AggregateSettings } from '../../../core/features/aggregate-orders.js';
import { createAggregateColumns } from '../../../core/features/create-aggregate-columns.js';
import { describeAmountCells } from '../../../core/features/describe-amount-cells.js';
import { groupLinesByCustomer } from '../../../core/features/group-lines-by-customer.js';
import { IssueLog } from '../../../core/report/issue-log.js';

// Lines (position: customer, day, amount), analysis day 200:
// C1 buys 50 on day 100 and gets 80 back on day 110 (net -30: kept, verify);
// C2 only has a refund; C3 only buys on the analysis day; C4 buys 20 twice.
const customerOf = Int32Array.of(0, 1, 0, 2, 3, 3);
const days = Int32Array.of(100, 120, 110, 200, 150, 130);
const amounts = Float64Array.of(50, -10, -80, 70, 20, 20);
const settings = (keepPurchaseDays: boolean): AggregateSettings => ({
  asOfDay: 200,
  start6: 17,
  start3: 109,
  startWindow: -Infinity,
  netRefunds: true,
  frequencyByDay: false,
  keepPurchaseDays,
  dateName: 'Order date',
  idName: 'Customer ID',
  amount: describeAmountCells('Amount', undefined, undefined),
});

function run(keepPurchaseDays: boolean) {
  const log = new IssueLog(10);
  const out = createAggregateColumns(4);
  const lines = {
    days,
    amounts,
    hashA: Int32Array.of(1, 2, 3, 4, 5, 6),
    hashB: Int32Array.of(1, 2, 3, 4, 5, 6),
    orderHash: undefined,
    rowNumbers: Int32Array.of(2, 3, 4, 5, 6, 7),
  };
  const aggregator = new OrderAggregator(lines, settings(keepPurchaseDays), out, log);
  const customers = {
    ids: ['C1', 'C2', 'C3', 'C4'],
    firstRows: Int32Array.of(2, 3, 5, 6),
    idName: 'Customer ID',
    amountColumn: 'Amount',
  };
  const kept = aggregateCustomers(customers, groupLinesByCustomer(customerOf, 4), days, aggregator, out, log, 200);
  return { kept, out, log, aggregator };
}

describe('aggregateCustomers', () => {
  it('writes kept customers at their kept index and reports the ones left out', () => {
    const { kept, out, log } = run(false);
    expect(kept.ids).toEqual(['C1', 'C4']);
    expect([...kept.index.subarray(0, 2)]).toEqual([0, 3]);
    expect(kept.leftOut).toEqual(['C2', 'C3']);
    expect(kept.dayOffsets).toBeUndefined();
    expect([...out.monetary.subarray(0, 2)]).toEqual([-30, 40]);
    expect([...out.frequency.subarray(0, 2)]).toEqual([1, 2]);
    const outcomes = log
      .toReport()
      .issues.filter((i) => ['negative-spend', 'refund-only', 'no-purchases'].includes(i.code))
      .map((i) => `${i.code} ${i.row} ${i.column} ${i.value}`);
    expect(outcomes).toEqual([
      'negative-spend 2 Amount -30.00',
      'refund-only 3 Customer ID C2',
      'no-purchases 5 Customer ID C3',
    ]);
  });

  it('delimits each kept customer’s purchase days when they are kept', () => {
    const { kept, aggregator } = run(true);
    expect([...kept.dayOffsets!.subarray(0, 3)]).toEqual([0, 1, 3]);
    expect([...aggregator.dayList!.view()]).toEqual([100, 130, 150]);
  });
});
