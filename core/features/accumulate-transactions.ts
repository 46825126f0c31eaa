import type { ColumnPlan } from '../headers/detect-columns.js';
import type { CurrencyTally } from '../money/detect-currency.js';
import { addMonths } from '../parse/civil-day.js';
import type { IssueLog } from '../report/issue-log.js';
import type { SegmentOptions } from '../segment/segment-options.js';
import type { RawRow } from '../table/cell.js';
import { aggregateCustomers } from './aggregate-customers.js';
import { OrderAggregator } from './aggregate-orders.js';
import { assertUsableLines } from './assert-usable-lines.js';
import { createAggregateColumns } from './create-aggregate-columns.js';
import type { CustomerFeatures } from './customer-features.js';
import { assertSomeCustomerKept } from './customer-outcomes.js';
import { groupLinesByCustomer } from './group-lines-by-customer.js';
import { noteCurrencyHeaders } from './note-currency-headers.js';
import { TransactionRowReader } from './read-transaction-row.js';
import { selectKeptFeatures } from './select-kept-features.js';
import { resolveTransactionColumns } from './transaction-columns.js';
import { TransactionCustomers } from './transaction-customers.js';
import { TransactionLines } from './transaction-lines.js';

export interface TransactionAccumulator {
  /** Adds a batch of data rows; `firstRowNumber` is the sheet row of `rows[0]`. */
  addRows(rows: readonly RawRow[], firstRowNumber: number): void;
  /** Rows accepted so far. */
  readonly rowCount: number;
  /** Currencies seen in the amount (or unit price) cells and headers. */
  readonly currency: CurrencyTally;
  /**
   * Aggregates per customer (SPEC §2 derived metrics).
   * @throws DataValidationError when no row could be used.
   */
  finish(): CustomerFeatures;
}

/**
 * Streams transaction rows into compact typed columns (customer index, day,
 * amount, line hash), then aggregates per customer after a counting sort, so
 * 10M rows cost ~40 bytes each and no per-row objects. The steps: read and
 * check a row (TransactionRowReader), index its customer
 * (TransactionCustomers), store the line (TransactionLines); at the finish,
 * stop on unusable data (assertUsableLines), group lines by customer, flush
 * each customer into the order aggregator (aggregateCustomers) and keep the
 * customers with a purchase (selectKeptFeatures).
 */
export function createTransactionAccumulator(
  plan: ColumnPlan,
  options: SegmentOptions,
  log: IssueLog,
  keepPurchaseDays = false,
): TransactionAccumulator {
  const columns = resolveTransactionColumns(plan);
  const currency = noteCurrencyHeaders(plan, columns);
  const reader = new TransactionRowReader(columns, options, log, currency);
  const customers = new TransactionCustomers(columns);
  // Dropped at the finish: scoring (the churn models) must not keep every line's columns alive (~300 MB at 10M lines).
  let lines: TransactionLines | undefined = new TransactionLines(columns);
  let finishedRows = 0;

  function addRows(rows: readonly RawRow[], firstRowNumber: number): void {
    const store = linesBeforeFinish();
    reader.learnBatch(rows);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const rowNumber = firstRowNumber + i;
      if (!reader.read(row, rowNumber)) continue;
      const c = customers.add(reader.id, row, rowNumber);
      store.push(row, c, reader.day, reader.amount, reader.quantity, rowNumber);
    }
  }

  function linesBeforeFinish(): TransactionLines {
    if (!lines) throw new Error('the transaction accumulator has already finished');
    return lines;
  }

  function finish(): CustomerFeatures {
    const store = linesBeforeFinish();
    reader.flush();
    assertUsableLines(reader, customers.count, columns.dateName, columns.amountName);
    const asOfDay = options.asOfDay ?? store.maxDay + 1;
    const amount = store.describeAmounts(columns.amountCell);
    const out = createAggregateColumns(customers.count);
    const lineColumns = store.view();
    const aggregator = new OrderAggregator(
      lineColumns,
      {
        asOfDay,
        start6: addMonths(asOfDay, -6),
        start3: addMonths(asOfDay, -3),
        startWindow: options.window === 'all' ? -Infinity : addMonths(asOfDay, -options.window),
        netRefunds: options.refunds === 'net',
        frequencyByDay: options.frequencyBy === 'day',
        keepPurchaseDays,
        dateName: columns.dateName,
        idName: columns.idName,
        amount,
      },
      out,
      log,
    );
    const seen = { ids: customers.ids, firstRows: customers.firstRows.view(), attributes: customers.attributes };
    const kept = aggregateCustomers(
      { ...seen, idName: columns.idName, amountColumn: amount.column },
      groupLinesByCustomer(store.customer.view(), customers.count),
      lineColumns.days,
      aggregator,
      out,
      log,
      asOfDay,
    );
    assertSomeCustomerKept(kept.ids.length, customers.count, asOfDay);
    const asOfSource = options.asOfDay !== undefined ? 'given' : 'newest-transaction';
    const purchaseDays = aggregator.dayList && {
      days: aggregator.dayList.view(),
      amounts: aggregator.dayAmount!.view(),
    };
    const features = selectKeptFeatures(kept, seen, out, { asOfDay, asOfSource }, purchaseDays);
    finishedRows = store.length;
    lines = undefined;
    return features;
  }

  return {
    addRows,
    get rowCount() {
      return lines ? lines.length : finishedRows;
    },
    currency,
    finish,
  };
}
