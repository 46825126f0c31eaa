import { civilFromDay, formatDay } from '../parse/civil-day.js';
import type { IssueLog } from '../report/issue-log.js';
import { GrowableColumn } from '../util/growable.js';
import type { CustomerFeatures } from './customer-features.js';
import { OrderSlots } from './order-slots.js';

/** SPEC §3 frequency-over-limit: more than 20 orders in one calendar month. */
export const MONTHLY_ORDER_LIMIT = 20;
/** Sort keys are `(day + KEY_DAY_OFFSET) × POSITION_BITS + row position`. */
export const POSITION_BITS = 2 ** 27;

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The accumulated line columns, one entry per kept row position. */
export interface LineColumns {
  readonly days: Int32Array;
  /** NaN = empty amount, to be filled (SPEC §3 amount-filled). */
  readonly amounts: Float64Array;
  readonly hashA: Int32Array;
  readonly hashB: Int32Array;
  /** Hash of the order id cell; absent without an order id column. */
  readonly orderHash: Int32Array | undefined;
  readonly rowNumbers: Int32Array;
}

/** How the amount cell of a line is named in messages. */
export interface AmountCell {
  /** Column named in issues: the amount header, or `Quantity × UnitPrice`. */
  readonly column: string;
  /** `Amount = -30.00` or `Quantity × UnitPrice = -1 × 4.95` for line position `r`. */
  describe(r: number, amount: number): { readonly text: string; readonly value: string; readonly computed: boolean };
}

export interface AggregateSettings {
  readonly asOfDay: number;
  readonly start6: number;
  readonly start3: number;
  readonly startWindow: number;
  /** SPEC §3 refund-excluded: refunds netted (true) or ignored. */
  readonly netRefunds: boolean;
  /** Frequency counts distinct purchase days instead of orders (`frequencyBy: 'day'`). */
  readonly frequencyByDay: boolean;
  readonly keepPurchaseDays: boolean;
  readonly dateName: string;
  readonly idName: string;
  readonly amount: AmountCell;
}

/** Per-customer output columns, written at the customer's output index. */
export type AggregateColumns = Pick<
  CustomerFeatures,
  | 'recencyDays'
  | 'frequency'
  | 'monetary'
  | 'frequency6m'
  | 'amount6m'
  | 'windowFrequency'
  | 'windowMonetary'
  | 'averageOrderValue'
  | 'tenureDays'
  | 'firstPurchaseDay'
  | 'lastPurchaseDay'
>;

/** What became of one customer: scored, or left out with the reason. */
export type CustomerOutcome = 'kept' | 'refund-only' | 'no-purchases';

/**
 * Aggregates one customer's lines into orders, then orders into features
 * (SPEC §2 derived metrics, §3 rules):
 * 1. lines: drop rows on/after asOf and exact duplicates, fill empty amounts;
 * 2. orders: with an order id, lines group by order and an order is a
 *    purchase unless a negative line brings its net value to ≤ 0 (a "C…"
 *    cancellation invoice is then a refund, netted against spend); without
 *    one, a customer's non-negative lines of one day are one purchase and
 *    every negative line is a refund of its own;
 * 3. features: frequency, frequency6m, AOV (spend ÷ orders), the monthly
 *    order limit, tenure and the kept purchase days all count orders.
 * Scratch buffers are reused across customers: no per-row objects.
 */
export class OrderAggregator {
  private lineRow = new Int32Array(64);
  private lineAmount = new Float64Array(64);
  private lineSlot = new Int32Array(64);
  private orderNet = new Float64Array(64);
  private orderDay = new Int32Array(64);
  private orderFirstLine = new Int32Array(64);
  private orderNegative = new Uint8Array(64);
  private readonly slots = new OrderSlots();
  /** Each kept customer's purchase days and their order value (when kept). */
  readonly dayList: GrowableColumn<Int32Array> | undefined;
  readonly dayAmount: GrowableColumn<Float64Array> | undefined;

  constructor(
    private readonly lines: LineColumns,
    private readonly settings: AggregateSettings,
    private readonly out: AggregateColumns,
    private readonly log: IssueLog,
  ) {
    this.dayList = settings.keepPurchaseDays ? new GrowableColumn(Int32Array, 1 << 16) : undefined;
    this.dayAmount = settings.keepPurchaseDays ? new GrowableColumn(Float64Array, 1 << 16) : undefined;
  }

  private ensure(len: number): void {
    if (this.lineRow.length >= len) return;
    const size = len * 2;
    this.lineRow = new Int32Array(size);
    this.lineAmount = new Float64Array(size);
    this.lineSlot = new Int32Array(size);
    this.orderNet = new Float64Array(size);
    this.orderDay = new Int32Array(size);
    this.orderFirstLine = new Int32Array(size);
    this.orderNegative = new Uint8Array(size);
  }

  /**
   * Aggregates customer `id` from its row positions sorted by (day, position),
   * writing features at output index `at` when it has a purchase.
   */
  aggregate(id: string, sorted: Float64Array, at: number): CustomerOutcome {
    const { days: dayV, amounts: amtV, hashA: hA, hashB: hB, orderHash: ordV, rowNumbers: rowV } = this.lines;
    const s = this.settings;
    const log = this.log;
    const len = sorted.length;
    this.ensure(len);
    const lineRow = this.lineRow,
      lineAmount = this.lineAmount,
      lineSlot = this.lineSlot;
    const orderNet = this.orderNet,
      orderDay = this.orderDay,
      orderFirstLine = this.orderFirstLine,
      orderNegative = this.orderNegative;

    // Step 1: lines.
    let fillAmount = Number.NaN,
      fillReady = false;
    let lines = 0,
      orders = 0,
      refundLines = 0;
    let dayStart = 0,
      dayOrder = -1;
    if (ordV) this.slots.reset(len);
    for (let k = 0; k < len; k++) {
      const r = sorted[k]! % POSITION_BITS;
      const day = dayV[r]!;
      if (k > 0 && dayV[sorted[k - 1]! % POSITION_BITS] !== day) {
        dayStart = k;
        dayOrder = -1;
      }
      if (day >= s.asOfDay) {
        log.add({
          code: 'after-as-of',
          row: rowV[r]!,
          column: s.dateName,
          value: formatDay(day),
          message: `Row ${rowV[r]}, ${s.dateName}: ${formatDay(day)} is on or after the analysis date ${formatDay(s.asOfDay)}; row excluded.`,
        });
        continue;
      }
      let amount = amtV[r]!;
      let duplicateOf = -1;
      for (let j = dayStart; j < k; j++) {
        const q = sorted[j]! % POSITION_BITS;
        if (
          hA[q] === hA[r] &&
          hB[q] === hB[r] &&
          (amtV[q] === amount || (amount !== amount && amtV[q] !== amtV[q])) &&
          (!ordV || ordV[q] === ordV[r])
        ) {
          duplicateOf = q;
          break;
        }
      }
      if (duplicateOf >= 0) {
        log.add({
          code: 'duplicate-transaction',
          row: rowV[r]!,
          column: '',
          value: id,
          message: `Row ${rowV[r]}: exact duplicate of row ${rowV[duplicateOf]}; dropped.`,
        });
        continue;
      }
      if (amount !== amount) {
        if (!fillReady) {
          fillAmount = this.meanRecentLine(sorted);
          fillReady = true;
        }
        const window = `the 3 months before ${formatDay(s.asOfDay)}`;
        log.add({
          code: 'amount-filled',
          row: rowV[r]!,
          column: s.amount.column,
          value: '',
          message: Number.isNaN(fillAmount)
            ? `Row ${rowV[r]}, ${s.amount.column}: empty and ${id} has no other order in ${window}; counted as a purchase without value.`
            : `Row ${rowV[r]}, ${s.amount.column}: empty, filled with ${money.format(fillAmount)}, ${id}'s mean order amount over ${window}.`,
        });
        amount = Number.isNaN(fillAmount) ? 0 : fillAmount;
      }
      if (amount < 0) {
        refundLines++;
        if (!s.netRefunds) {
          const cell = s.amount.describe(r, amount);
          log.add({
            code: 'refund-excluded',
            row: rowV[r]!,
            column: s.amount.column,
            value: cell.value,
            message: `Row ${rowV[r]}, ${cell.text}: refund (negative amount${cell.computed ? `, ${money.format(amount)}` : ''}): ignored (refunds: exclude).`,
          });
          continue;
        }
      }
      let slot: number;
      if (ordV) slot = this.slots.slotOf(ordV[r]!);
      else if (amount < 0)
        slot = orders; // without an order id a refund line stands alone
      else slot = dayOrder >= 0 ? dayOrder : (dayOrder = orders);
      if (slot === orders) {
        orders++;
        orderNet[slot] = 0;
        orderDay[slot] = day; // lines come in day order: the first is the earliest
        orderFirstLine[slot] = lines;
        orderNegative[slot] = 0;
      }
      orderNet[slot]! += amount;
      if (amount < 0) orderNegative[slot] = 1;
      lineRow[lines] = r;
      lineAmount[lines] = amount;
      lineSlot[lines] = slot;
      lines++;
    }

    // Step 2: orders, in order of their first (earliest) line.
    const dayListStart = this.dayList?.length ?? 0;
    const kept = aggregateOrderList(
      id,
      {
        count: orders,
        net: orderNet,
        day: orderDay,
        negative: orderNegative,
        rowOf: (q) => rowV[lineRow[orderFirstLine[q]!]!]!,
      },
      at,
      s,
      this.out,
      log,
      this.dayList,
      this.dayAmount,
    );

    // Step 3: what became of each negative line, named by its real cell.
    if (refundLines > 0 && s.netRefunds) {
      for (let k = 0; k < lines; k++) {
        const amount = lineAmount[k]!;
        if (amount >= 0) continue;
        const r = lineRow[k]!,
          q = lineSlot[k]!;
        const cell = s.amount.describe(r, amount);
        const head = `Row ${rowV[r]}, ${cell.text}: refund (negative amount${cell.computed ? `, ${money.format(amount)}` : ''})`;
        const isPurchase = orderNet[q]! > 0;
        log.add(
          isPurchase
            ? {
                code: 'refund-in-order',
                row: rowV[r]!,
                column: s.amount.column,
                value: cell.value,
                message: `${head}: netted inside its order, which stays a purchase worth ${money.format(orderNet[q]!)}.`,
              }
            : {
                code: 'refund-excluded',
                row: rowV[r]!,
                column: s.amount.column,
                value: cell.value,
                message: `${head}: not counted as a purchase${ordV && orderNet[q] !== amount ? ` (its order nets to ${money.format(orderNet[q]!)})` : ''}; netted against ${id}'s spend.`,
              },
        );
      }
    }

    if (!kept) {
      if (this.dayList) this.dayList.length = this.dayAmount!.length = dayListStart;
      return refundLines > 0 ? 'refund-only' : 'no-purchases';
    }
    return 'kept';
  }

  /** Mean non-refund line amount in the 3 months before asOf (SPEC §3 amount-filled). */
  private meanRecentLine(sorted: Float64Array): number {
    const { days: dayV, amounts: amtV } = this.lines;
    const { start3, asOfDay } = this.settings;
    let sum = 0,
      count = 0;
    for (let k = 0; k < sorted.length; k++) {
      const r = sorted[k]! % POSITION_BITS;
      const a = amtV[r]!;
      if (dayV[r]! >= start3 && dayV[r]! < asOfDay && a >= 0) {
        sum += a;
        count++;
      }
    }
    return count > 0 ? sum / count : Number.NaN;
  }
}

/** One customer's orders in order of their first (earliest) line. */
export interface OrderList {
  readonly count: number;
  /** Net value of each order (its lines summed in (day, row) order). */
  readonly net: ArrayLike<number>;
  /** Day of the order's first line. */
  readonly day: ArrayLike<number>;
  /** 1 when the order has a negative line. */
  readonly negative: ArrayLike<number>;
  /** Sheet row of the order's first line. */
  rowOf(q: number): number;
}

/**
 * Turns one customer's orders into features at output index `at` (step 2 of
 * OrderAggregator, shared with engines that group lines into orders
 * themselves, such as the warehouse's SQL): purchases, refunds, the 6-month
 * and window figures, the monthly order limit and the kept purchase days.
 * Returns false, writing nothing, when no order is a purchase (the caller
 * rolls back `dayList`/`dayAmount`).
 */
export function aggregateOrderList(
  id: string,
  list: OrderList,
  at: number,
  s: Pick<AggregateSettings, 'asOfDay' | 'start6' | 'startWindow' | 'frequencyByDay' | 'idName'>,
  out: AggregateColumns,
  log: IssueLog,
  dayList: GrowableColumn<Int32Array> | undefined,
  dayAmount: GrowableColumn<Float64Array> | undefined,
): boolean {
  const o = out;
  let purchases = 0,
    refunds = 0,
    spend6 = 0,
    purchase6 = 0,
    orders6 = 0,
    ordersAll = 0,
    ordersWindow = 0,
    spendWindow = 0;
  let daysAll = 0,
    days6 = 0,
    daysWindow = 0;
  let lastCountedDay = Number.NaN,
    first = Number.NaN,
    last = Number.NaN;
  let monthKey = -1,
    monthOrders = 0;
  const { count: orders, net: orderNet, day: orderDay, negative: orderNegative } = list;
  for (let q = 0; q < orders; q++) {
    const value = orderNet[q]!,
      day = orderDay[q]!;
    // An order that a refund line brings to ≤ 0 is no purchase (SPEC §3 refund-excluded).
    if (orderNegative[q] && value <= 0) {
      refunds += value;
      if (day >= s.start6) spend6 += value;
      if (day >= s.startWindow) spendWindow += value;
      continue;
    }
    purchases += value;
    ordersAll++;
    const newDay = day !== lastCountedDay;
    if (newDay) {
      daysAll++;
      lastCountedDay = day;
      dayList?.push(day);
      dayAmount?.push(value);
    } else if (dayAmount) dayAmount.data[dayAmount.length - 1]! += value;
    if (Number.isNaN(first)) first = day;
    last = day;
    if (day >= s.start6) {
      spend6 += value;
      purchase6 += value;
      orders6++;
      if (newDay) days6++;
    }
    if (day >= s.startWindow) {
      spendWindow += value;
      ordersWindow++;
      if (newDay) daysWindow++;
    }
    const mk = monthOf(day);
    if (mk !== monthKey) {
      monthKey = mk;
      monthOrders = 0;
    }
    if (++monthOrders === MONTHLY_ORDER_LIMIT + 1) {
      const row = list.rowOf(q);
      log.add({
        code: 'frequency-over-limit',
        row,
        column: s.idName,
        value: id,
        message: `Customer ${id}: more than ${MONTHLY_ORDER_LIMIT} orders in ${formatDay(day).slice(0, 7)} (row ${row}); please verify.`,
      });
    }
  }

  if (Number.isNaN(last)) return false;
  const frequencyByDay = s.frequencyByDay;
  o.frequency[at] = frequencyByDay ? daysAll : ordersAll;
  o.monetary[at] = purchases + refunds;
  o.frequency6m[at] = frequencyByDay ? days6 : orders6;
  o.amount6m[at] = spend6;
  o.windowFrequency[at] = frequencyByDay ? daysWindow : ordersWindow;
  o.windowMonetary[at] = spendWindow;
  o.recencyDays[at] = s.asOfDay - last;
  o.tenureDays[at] = s.asOfDay - first;
  o.firstPurchaseDay[at] = first;
  o.lastPurchaseDay[at] = last;
  // SPEC §2: AOV = spend ÷ orders over the 6-month window; customers silent
  // for 6 months fall back to their whole history so the value stays meaningful.
  o.averageOrderValue[at] = orders6 > 0 ? purchase6 / orders6 : purchases / ordersAll;
  return true;
}

/** A month key (year × 12 + month) of a day number. */
function monthOf(day: number): number {
  const { year, month } = civilFromDay(day);
  return year * 12 + month;
}
