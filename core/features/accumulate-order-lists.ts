import type { ColumnPlan } from '../headers/detect-columns.js';
import { addMonths, formatDay } from '../parse/civil-day.js';
import type { DateFormat } from '../parse/parse-date.js';
import { createIssue, type CellIssue, type IssueCode } from '../report/cell-issue.js';
import type { IssueLog } from '../report/issue-log.js';
import type { LabelKey, MessageParams } from '../i18n/labels.js';
import type { SegmentOptions } from '../segment/segment-options.js';
import { GrowableColumn } from '../util/growable.js';
import { DateFormatTally } from '../clean/format-tally.js';
import { aggregateOrderList, type AggregateColumns } from './aggregate-orders.js';
import { assertUsableLines } from './assert-usable-lines.js';
import { createAggregateColumns } from './create-aggregate-columns.js';
import { ATTRIBUTE_FIELDS, type AttributeField, type CustomerFeatures } from './customer-features.js';
import { assertSomeCustomerKept, logLeftOutCustomer, logNegativeSpend } from './customer-outcomes.js';

/**
 * One customer as an engine that groups lines into orders itself (the
 * warehouse's SQL) hands it over: its orders in order of their first line,
 * each with its net value, day, negative-line flag and first row.
 */
export interface CustomerOrders {
  readonly id: string;
  /** First accepted row of the customer (1-based, as the user sees it). */
  readonly firstRow: number;
  /** Negative lines kept (before asOf, not duplicates): decides refund-only vs no-purchases. */
  readonly refundLines: number;
  readonly orderDays: ArrayLike<number>;
  readonly orderNets: ArrayLike<number>;
  readonly orderNegative: ArrayLike<number>;
  readonly orderRows: ArrayLike<number>;
  /** First non-empty value of each attribute column of the plan, by field. */
  readonly attributes?: Readonly<Partial<Record<AttributeField, string | null>>>;
}

/** Line-level figures the engine counted, needed to finish like the Node path. */
export interface LineTotals {
  /** Non-blank data rows. */
  readonly dataRows: number;
  readonly validDates: number;
  readonly validAmounts: number;
  /** Newest day of an accepted row (NaN when none). */
  readonly maxDay: number;
  readonly firstBadDate?: { readonly row: number; readonly value: string };
  readonly firstBadAmount?: { readonly row: number; readonly value: string };
}

/** Why a cell was rejected, as counted by SQL (the catalogue reason of `clean.cell`). */
export type CellReason =
  | 'not-a-date'
  | 'placeholder-date'
  | 'before-floor'
  | 'future-date'
  | 'formula-error'
  | 'not-a-number'
  | 'impossible-date';

/** One counted rule: its code, how many cells, and up to a few example rows. */
export interface CountedIssue {
  readonly code: IssueCode;
  readonly count: number;
  readonly examples: readonly {
    readonly row: number;
    readonly column: string;
    readonly value: string;
    readonly reason?: CellReason;
    /** The row a duplicate repeats. */
    readonly of?: number;
    /** The customer id of the line. */
    readonly id?: string;
  }[];
}

const REASON_KEY: Readonly<Record<CellReason, LabelKey>> = {
  'not-a-date': 'clean.not-a-date',
  'placeholder-date': 'clean.placeholder-date',
  'before-floor': 'clean.before-floor',
  'future-date': 'clean.future-date',
  'formula-error': 'clean.formula-error',
  'not-a-number': 'clean.not-a-number',
  'impossible-date': 'clean.impossible-date',
};

/** The accumulator of per-customer order lists: the seam where an external engine joins core. */
export interface OrderListAccumulator {
  addCustomers(batch: readonly CustomerOrders[]): void;
  /** Line rules the engine counted (counts exact; examples as the engine could give them). */
  addCounted(issues: readonly CountedIssue[]): void;
  /** Dates normalized from a non-ISO form, per format, with the first example. */
  addDateFormats(
    column: string,
    formats: readonly { format: DateFormat; count: number; row: number; value: string }[],
  ): void;
  finish(totals: LineTotals): CustomerFeatures;
}

/**
 * Collects customers whose lines an external engine has already cleaned and
 * grouped into orders, and finishes them exactly as the Node path does after
 * its line accumulator (aggregateOrderList, refund-only and no-purchase
 * customers left out, negative spend reported), so the rest of core cannot
 * tell the two apart.
 */
export function createOrderListAccumulator(
  plan: ColumnPlan,
  options: SegmentOptions,
  log: IssueLog,
  keepPurchaseDays: boolean,
  asOfDayOfEngine: number,
): OrderListAccumulator {
  const col = plan.columns;
  const header = (i: number | undefined): string => (i === undefined ? '' : plan.headers[i] || `Column ${i + 1}`);
  const idName = header(col.customerId);
  const amountColumn =
    col.orderAmount !== undefined ? header(col.orderAmount) : `${header(col.quantity)} × ${header(col.unitPrice)}`;
  const attributeFields = ATTRIBUTE_FIELDS.filter((f) => col[f] !== undefined);
  const dateTally = new DateFormatTally();

  const asOfDay = asOfDayOfEngine;
  const start6 = addMonths(asOfDay, -6);
  const startWindow = options.window === 'all' ? -Infinity : addMonths(asOfDay, -options.window);
  const settings = {
    asOfDay,
    start6,
    startWindow,
    frequencyByDay: options.frequencyBy === 'day',
    idName,
  };
  const columns = {
    recencyDays: new GrowableColumn(Float64Array),
    frequency: new GrowableColumn(Float64Array),
    monetary: new GrowableColumn(Float64Array),
    frequency6m: new GrowableColumn(Float64Array),
    amount6m: new GrowableColumn(Float64Array),
    windowFrequency: new GrowableColumn(Float64Array),
    windowMonetary: new GrowableColumn(Float64Array),
    averageOrderValue: new GrowableColumn(Float64Array),
    tenureDays: new GrowableColumn(Float64Array),
    firstPurchaseDay: new GrowableColumn(Float64Array),
    lastPurchaseDay: new GrowableColumn(Float64Array),
  };
  // One customer is aggregated into these one-slot columns, then appended.
  const one = createAggregateColumns(1);
  const dayList = keepPurchaseDays ? new GrowableColumn(Int32Array, 1 << 16) : undefined;
  const dayAmount = keepPurchaseDays ? new GrowableColumn(Float64Array, 1 << 16) : undefined;
  const dayOffsets = keepPurchaseDays ? new GrowableColumn(Int32Array) : undefined;
  dayOffsets?.push(0);
  const ids: string[] = [];
  const firstRows = new GrowableColumn(Int32Array);
  const attributes: Partial<Record<AttributeField, (string | undefined)[]>> = {};
  for (const field of attributeFields) attributes[field] = [];
  const left: string[] = [];
  let seen = 0;

  function addCustomers(batch: readonly CustomerOrders[]): void {
    for (const customer of batch) {
      seen++;
      const start = dayList?.length ?? 0;
      const rows = customer.orderRows;
      const kept = aggregateOrderList(
        customer.id,
        {
          count: customer.orderDays.length,
          net: customer.orderNets,
          day: customer.orderDays,
          negative: customer.orderNegative,
          rowOf: (q) => rows[q]!,
        },
        0,
        settings,
        one,
        log,
        dayList,
        dayAmount,
      );
      if (!kept) {
        if (dayList) dayList.length = dayAmount!.length = start;
        left.push(customer.id);
        const outcome = customer.refundLines > 0 ? 'refund-only' : 'no-purchases';
        logLeftOutCustomer(log, outcome, customer.id, customer.firstRow, idName, asOfDay);
        continue;
      }
      for (const [name, column] of Object.entries(columns) as [keyof AggregateColumns, GrowableColumn<Float64Array>][])
        column.push(one[name][0]!);
      ids.push(customer.id);
      firstRows.push(customer.firstRow);
      dayOffsets?.push(dayList!.length);
      for (const field of attributeFields) attributes[field]!.push(customer.attributes?.[field] ?? undefined);
      const net = one.monetary[0]!;
      if (net < 0) logNegativeSpend(log, customer.id, customer.firstRow, amountColumn, net);
    }
  }

  function addCounted(issues: readonly CountedIssue[]): void {
    for (const { code, count, examples } of issues) {
      if (count <= 0) continue;
      const shown = examples.slice(0, count);
      if (shown.length === 0) {
        log.add({ code, row: 0, column: '', value: '', message: describeCount(code, count) }, count);
        continue;
      }
      shown.forEach((example, k) => {
        const cells = k === shown.length - 1 ? count - (shown.length - 1) : 1;
        log.add(describeExample(code, example), cells);
      });
    }
  }

  function describeExample(code: IssueCode, e: CountedIssue['examples'][number]): CellIssue {
    const { row, column, value } = e;
    if (e.reason) {
      const params: MessageParams =
        e.reason === 'before-floor'
          ? { floor: formatDay(options.dateFloorDay) }
          : e.reason === 'future-date' && options.todayDay !== undefined
            ? { today: formatDay(options.todayDay) }
            : {};
      const reason = { key: REASON_KEY[e.reason], params };
      return createIssue(code, row, column, value, {
        key: 'clean.cell',
        params: { row, column, value, reason, then: { key: 'clean.then.row-excluded' } },
      });
    }
    const base = { code, row, column, value };
    switch (code) {
      case 'missing-id':
        return { ...base, message: `Row ${row}: no customer ID; row excluded.` };
      case 'missing-value':
        return { ...base, message: `Row ${row}, ${column}: empty; row excluded.` };
      case 'after-as-of':
        return {
          ...base,
          message: `Row ${row}, ${column}: ${value} is on or after the analysis date ${formatDay(asOfDay)}; row excluded.`,
        };
      case 'duplicate-transaction':
        return { ...base, message: `Row ${row}: exact duplicate of row ${e.of ?? '?'}; dropped.` };
      case 'amount-filled':
        return {
          ...base,
          message: `Row ${row}, ${column}: empty, filled with ${e.id ?? 'the customer'}'s mean order amount over the 3 months before ${formatDay(asOfDay)}.`,
        };
      case 'refund-excluded':
        return {
          ...base,
          message: `Row ${row}, ${column} = ${value}: refund (negative amount): ${options.refunds === 'net' ? `not counted as a purchase; netted against ${e.id ?? 'the customer'}'s spend` : 'ignored (refunds: exclude)'}.`,
        };
      case 'refund-in-order':
        return {
          ...base,
          message: `Row ${row}, ${column} = ${value}: refund (negative amount): netted inside its order, which stays a purchase.`,
        };
      default:
        return { ...base, message: `Row ${row}, ${column}: ${code}.` };
    }
  }

  function addDateFormats(
    column: string,
    formats: readonly { format: DateFormat; count: number; row: number; value: string }[],
  ): void {
    for (const f of formats) dateTally.noteMany(column, f.format, f.count, f.row, f.value);
  }

  function finish(totals: LineTotals): CustomerFeatures {
    dateTally.flush(log);
    const dateName = header(col.orderDate);
    const amountName = header(col.orderAmount ?? col.quantity);
    assertUsableLines(totals, seen, dateName, amountName);
    assertSomeCustomerKept(ids.length, seen, asOfDay);
    const view = (name: keyof AggregateColumns): Float64Array => columns[name].view().slice();
    return {
      count: ids.length,
      ids,
      firstRow: firstRows.view().slice(),
      asOfDay,
      asOfSource: options.asOfDay !== undefined ? 'given' : 'newest-transaction',
      recencyDays: view('recencyDays'),
      frequency: view('frequency'),
      monetary: view('monetary'),
      frequency6m: view('frequency6m'),
      amount6m: view('amount6m'),
      windowFrequency: view('windowFrequency'),
      windowMonetary: view('windowMonetary'),
      averageOrderValue: view('averageOrderValue'),
      tenureDays: view('tenureDays'),
      firstPurchaseDay: view('firstPurchaseDay'),
      lastPurchaseDay: view('lastPurchaseDay'),
      behaviour: {},
      attributes,
      ...(left.length > 0 ? { leftOut: left } : {}),
      ...(dayOffsets
        ? { purchaseDays: { offsets: dayOffsets.view().slice(), days: dayList!.view(), amounts: dayAmount!.view() } }
        : {}),
    };
  }

  return { addCustomers, addCounted, addDateFormats, finish };
}

function describeCount(code: IssueCode, count: number): string {
  return `${count.toLocaleString('en-US')} rows: ${code} (counted by the database, which gives no row numbers).`;
}
