import type { CustomerFeatures } from '../features/customer-features.js';
import { ChurnInputError } from './churn-error.js';

/**
 * The churn model's input: one entry per ORDER (day numbers since
 * 1970-01-01, see core/parse/civil-day.ts), independent of any file reader.
 * Orders with a negative value are refunds: they are not purchases.
 */
export interface ChurnEvents {
  readonly customer: Int32Array;
  readonly day: Int32Array;
  readonly value: Float64Array;
  /** Customers are 0 … customers − 1 (a customer may have no event). */
  readonly customers: number;
  /** The analysis date t: events on or after it are ignored (the future). */
  readonly asOfDay: number;
  readonly attributes?: ChurnAttributes;
}

/** Optional per-customer fields of the customer table, one entry per customer. */
export interface ChurnAttributes {
  /** Complaints in the last 6 months as of t (NaN = unknown). A snapshot: used by the rules at t only. */
  readonly complaints6m?: Float64Array;
  /** Category codes (−1 = unknown); static, so the supervised model may use them at every origin. */
  readonly channel?: Int32Array;
  readonly region?: Int32Array;
}

/**
 * Purchases grouped by customer and day, ascending: customer c's days are
 * `day[offsets[c]] … day[offsets[c + 1] − 1]`, each with its number of orders
 * and their summed value. Built once; every origin reads it in one pass.
 */
export interface PurchaseIndex {
  readonly customers: number;
  readonly asOfDay: number;
  readonly offsets: Int32Array;
  readonly day: Int32Array;
  readonly orders: Int32Array;
  readonly value: Float64Array;
  /** Earliest purchase day over everyone (NaN without purchases). */
  readonly firstDay: number;
  readonly purchases: number;
  readonly refundsIgnored: number;
  readonly futureIgnored: number;
}

/**
 * Checks the event list and groups its purchases by customer and day
 * (counting sort by customer, then each customer's few days sorted).
 * @throws ChurnInputError `invalid-events`, `invalid-customer`, `invalid-value`, `invalid-attribute`.
 * @example indexPurchases({ customer: Int32Array.of(0, 0), day: Int32Array.of(5, 5), value: Float64Array.of(1, 2), customers: 1, asOfDay: 9 }).orders // [2]
 */
export function indexPurchases(events: ChurnEvents): PurchaseIndex {
  const { customer, day, value, customers, asOfDay } = events;
  if (!(customer instanceof Int32Array && day instanceof Int32Array && value instanceof Float64Array)) {
    throw new ChurnInputError('invalid-events', { key: 'error.churn.columns' });
  }
  const n = customer.length;
  if (day.length !== n || value.length !== n)
    throw new ChurnInputError('invalid-events', {
      key: 'error.churn.column-lengths',
      params: { customer: n, day: day.length, value: value.length },
    });
  if (!(Number.isInteger(customers) && customers >= 0))
    throw new ChurnInputError('invalid-events', { key: 'error.churn.customers', params: { value: customers } });
  if (!Number.isInteger(asOfDay))
    throw new ChurnInputError('invalid-events', { key: 'error.churn.as-of', params: { value: asOfDay } });
  checkAttributes(events.attributes, customers);
  const badCustomer: number[] = [],
    badValue: number[] = [];
  const counts = new Int32Array(customers + 1);
  let refunds = 0,
    future = 0;
  for (let i = 0; i < n; i++) {
    const c = customer[i]!,
      v = value[i]!;
    if (c < 0 || c >= customers) {
      if (badCustomer.push(i) >= 20) break;
      continue;
    }
    if (!Number.isFinite(v)) {
      if (badValue.push(i) >= 20) break;
      continue;
    }
    if (day[i]! >= asOfDay) future++;
    else if (v < 0) refunds++;
    else counts[c + 1]!++;
  }
  if (badCustomer.length > 0) {
    const i = badCustomer[0]!;
    throw new ChurnInputError(
      'invalid-customer',
      { key: 'error.churn.invalid-customer', params: { index: i, customer: customer[i]!, last: customers - 1 } },
      badCustomer,
    );
  }
  if (badValue.length > 0) {
    const i = badValue[0]!;
    throw new ChurnInputError(
      'invalid-value',
      { key: 'error.churn.invalid-value', params: { index: i, value: value[i]!, customer: customer[i]! } },
      badValue,
    );
  }
  for (let c = 0; c < customers; c++) counts[c + 1]! += counts[c]!;
  const kept = counts[customers]!;
  const rawDay = new Int32Array(kept),
    rawValue = new Float64Array(kept);
  const fill = counts.slice(0, customers);
  for (let i = 0; i < n; i++) {
    const v = value[i]!;
    if (day[i]! >= asOfDay || v < 0) continue;
    const at = fill[customer[i]!]!++;
    rawDay[at] = day[i]!;
    rawValue[at] = v;
  }
  // Sort each customer's events by day (values follow), then merge same-day orders in place
  // (the write position never passes the read position), so no second copy of the purchases.
  const offsets = new Int32Array(customers + 1);
  const outDay = rawDay,
    outOrders = new Int32Array(kept),
    outValue = rawValue;
  let out = 0,
    firstDay = Number.POSITIVE_INFINITY;
  for (let c = 0; c < customers; c++) {
    const from = counts[c]!,
      to = counts[c + 1]!;
    if (to - from > 1) sortByDay(rawDay, rawValue, from, to);
    if (to > from && rawDay[from]! < firstDay) firstDay = rawDay[from]!;
    for (let k = from; k < to; k++) {
      if (out > offsets[c]! && outDay[out - 1] === rawDay[k]) {
        outOrders[out - 1]!++;
        outValue[out - 1]! += rawValue[k]!;
      } else {
        outDay[out] = rawDay[k]!;
        outOrders[out] = 1;
        outValue[out] = rawValue[k]!;
        out++;
      }
    }
    offsets[c + 1] = out;
  }
  return {
    customers,
    asOfDay,
    offsets,
    day: fitted(outDay, out),
    orders: fitted(outOrders, out),
    value: fitted(outValue, out),
    firstDay: Number.isFinite(firstDay) ? firstDay : Number.NaN,
    purchases: kept,
    refundsIgnored: refunds,
    futureIgnored: future,
  };
}

/** The first `length` entries: a view when they are nearly all of it, else a copy that frees the rest. */
function fitted<A extends Int32Array | Float64Array>(array: A, length: number): A {
  return (length >= array.length * 0.9 ? array.subarray(0, length) : array.slice(0, length)) as A;
}

/** Insertion sort for short runs, else sort packed (day, index) keys: one customer's events. */
function sortByDay(days: Int32Array, values: Float64Array, from: number, to: number): void {
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++) if (days[k]! < days[k - 1]!) sorted = false;
  if (sorted) return;
  const len = to - from;
  const index = Array.from({ length: len }, (_, k) => from + k).sort((x, y) => days[x]! - days[y]! || x - y);
  const d = index.map((k) => days[k]!),
    v = index.map((k) => values[k]!);
  for (let k = 0; k < len; k++) {
    days[from + k] = d[k]!;
    values[from + k] = v[k]!;
  }
}

function checkAttributes(attributes: ChurnAttributes | undefined, customers: number): void {
  if (!attributes) return;
  for (const [name, column] of Object.entries(attributes) as [string, ArrayLike<number> | undefined][]) {
    if (column !== undefined && column.length !== customers) {
      throw new ChurnInputError('invalid-attribute', {
        key: 'error.churn.invalid-attribute',
        params: { name, given: column.length, count: customers },
      });
    }
  }
}

/**
 * Gross purchases of the last 365 days before t per customer: the expected
 * value of next year when no sound lifetime model (CLV) is available.
 * @example spendInLastYear(indexPurchases(events))[c] // sum of c's orders in [t − 365, t)
 */
export function spendInLastYear(index: PurchaseIndex): Float64Array {
  const spend = new Float64Array(index.customers);
  const from = index.asOfDay - 365;
  for (let c = 0; c < index.customers; c++) {
    let sum = 0;
    for (let k = index.offsets[c + 1]! - 1; k >= index.offsets[c]! && index.day[k]! >= from; k--)
      sum += index.value[k]!;
    spend[c] = sum;
  }
  return spend;
}

/**
 * The event list of imported customer features: each kept purchase entry
 * (`features.purchaseDays`, whether one per day or one per order) becomes an
 * event, customer index = feature index; complaints, channel and region come
 * along when the table has them.
 * @throws ChurnInputError `invalid-events` when the features kept no purchase days (import with keepPurchaseDays).
 * @example churnEventsFromFeatures(segmentTable(header, rows, {}, { keepPurchaseDays: true }).features)
 */
export function churnEventsFromFeatures(features: CustomerFeatures): ChurnEvents {
  const purchases = features.purchaseDays;
  if (!purchases) throw new ChurnInputError('invalid-events', { key: 'error.churn.no-history' });
  const n = features.count;
  const total = purchases.offsets[n] ?? 0;
  const customer = new Int32Array(total);
  for (let c = 0; c < n; c++) customer.fill(c, purchases.offsets[c]!, purchases.offsets[c + 1]!);
  const attributes: { complaints6m?: Float64Array; channel?: Int32Array; region?: Int32Array } = {};
  if (features.behaviour.complaints6m) attributes.complaints6m = features.behaviour.complaints6m;
  for (const field of ['channel', 'region'] as const) {
    const text = features.attributes[field];
    if (text) attributes[field] = categoryCodes(text);
  }
  return {
    customer,
    // Views, not copies (~100 MB at 10M order lines): indexPurchases only reads its events.
    day: purchases.days.subarray(0, total),
    value: purchases.amounts.subarray(0, total),
    customers: n,
    asOfDay: features.asOfDay,
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  };
}

/** Codes 0, 1, … in order of first appearance; −1 for a missing value. */
function categoryCodes(text: readonly (string | undefined)[]): Int32Array {
  const codes = new Int32Array(text.length);
  const seen = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const value = text[i];
    if (value === undefined || value === '') codes[i] = -1;
    else {
      let code = seen.get(value);
      if (code === undefined) seen.set(value, (code = seen.size));
      codes[i] = code;
    }
  }
  return codes;
}
