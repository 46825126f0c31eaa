import { POSITION_BITS } from './aggregate-orders.js';

/** Days added in sort keys so any four-digit-year date (≥ 1000-01-01, day −354285) keys positive. */
const KEY_DAY_OFFSET = 2 ** 19;

/**
 * Orders one customer's lines by (day, line position) as the keys
 * `(day + KEY_DAY_OFFSET) × POSITION_BITS + position` that OrderAggregator
 * reads. The key buffer is reused from customer to customer.
 */
export class CustomerLineSorter {
  private keys = new Float64Array(64);

  constructor(private readonly days: Int32Array) {}

  /**
   * The sorted keys of the lines at `order[from]` … `order[to - 1]` (a view
   * into the reused buffer: valid until the next call).
   * @example new CustomerLineSorter(Int32Array.of(5, 3)).sort(Int32Array.of(0, 1), 0, 2) // line 1 (day 3) first
   */
  sort(order: Int32Array, from: number, to: number): Float64Array {
    const len = to - from;
    if (this.keys.length < len) this.keys = new Float64Array(len * 2);
    const keys = this.keys;
    const days = this.days;
    for (let k = 0; k < len; k++) {
      const r = order[from + k]!;
      // Offset so the key stays positive: `key % POSITION_BITS` of a
      // negative key (a date before 1970) is negative, not the row.
      keys[k] = (days[r]! + KEY_DAY_OFFSET) * POSITION_BITS + r;
    }
    const sorted = keys.subarray(0, len);
    if (len > 24) sorted.sort();
    else insertionSort(sorted);
    return sorted;
  }
}

function insertionSort(a: Float64Array): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}
