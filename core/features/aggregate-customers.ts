import type { IssueLog } from '../report/issue-log.js';
import type { AggregateColumns, OrderAggregator } from './aggregate-orders.js';
import { logLeftOutCustomer, logNegativeSpend } from './customer-outcomes.js';
import type { CustomerGroups } from './group-lines-by-customer.js';
import { CustomerLineSorter } from './sort-customer-lines.js';

/** The customers an aggregation kept, in input order, and the ones it left out. */
export interface KeptCustomers {
  /** Input index of each kept customer (the first `ids.length` entries are filled). */
  readonly index: Int32Array;
  readonly ids: readonly string[];
  /** Customers with no purchase before the analysis day, reported once each. */
  readonly leftOut: readonly string[];
  /** With kept purchase days: kept customer k's days are `dayList[dayOffsets[k]]` … `dayList[dayOffsets[k + 1] - 1]`. */
  readonly dayOffsets: Int32Array | undefined;
}

/** Who the customers are and how messages name them. */
export interface CustomerList {
  readonly ids: readonly string[];
  /** First row of each customer (1-based), named in its issues. */
  readonly firstRows: ArrayLike<number>;
  readonly idName: string;
  /** The column a negative-spend issue names (the amount cell). */
  readonly amountColumn: string;
}

/**
 * Flushes each customer's lines, ordered by (day, position), into
 * `aggregator`, which writes the kept customers' features to `out` at their
 * kept index. Left-out customers (refunds only, or nothing before
 * `asOfDay`) and kept ones with negative net spend are logged.
 */
export function aggregateCustomers(
  customers: CustomerList,
  groups: CustomerGroups,
  days: Int32Array,
  aggregator: OrderAggregator,
  out: AggregateColumns,
  log: IssueLog,
  asOfDay: number,
): KeptCustomers {
  const { ids, firstRows } = customers;
  const m = ids.length;
  const { offsets, order } = groups;
  const sorter = new CustomerLineSorter(days);
  const dayOffsets = aggregator.dayList ? new Int32Array(m + 1) : undefined;
  const index = new Int32Array(m);
  const keptIds: string[] = [];
  const leftOut: string[] = [];
  for (let c = 0; c < m; c++) {
    const sorted = sorter.sort(order, offsets[c]!, offsets[c + 1]!);
    const at = keptIds.length;
    const outcome = aggregator.aggregate(ids[c]!, sorted, at);
    if (outcome === 'kept') {
      index[at] = c;
      keptIds.push(ids[c]!);
      if (dayOffsets) dayOffsets[at + 1] = aggregator.dayList!.length;
      const net = out.monetary[at]!;
      if (net < 0) logNegativeSpend(log, ids[c]!, firstRows[c]!, customers.amountColumn, net);
      continue;
    }
    leftOut.push(ids[c]!);
    logLeftOutCustomer(log, outcome, ids[c]!, firstRows[c]!, customers.idName, asOfDay);
  }
  return { index, ids: keptIds, leftOut, dayOffsets };
}
