import { describe, expect, it } from 'vitest';
import { POSITION_BITS } from '../../../core/features/aggregate-orders.js';
import { CustomerLineSorter } from '../../../core/features/sort-customer-lines.js';

/** Line positions back from the keys, as OrderAggregator reads them. */
const positionsOf = (keys: Float64Array): number[] => [...keys].map((k) => k % POSITION_BITS);

describe('CustomerLineSorter', () => {
  it('orders a customer’s lines by day, then by position', () => {
    // Lines 0..4 on days 5, 3, 5, 3, 4; the customer owns lines 4, 2, 0, 3 (in that order).
    const sorter = new CustomerLineSorter(Int32Array.of(5, 3, 5, 3, 4));
    const order = Int32Array.of(1, 4, 2, 0, 3);
    expect(positionsOf(sorter.sort(order, 1, 5))).toEqual([3, 4, 0, 2]);
  });

  it('keeps keys positive before 1970, so positions decode from any four-digit year', () => {
    // 1000-01-01 is day -354285; 1969-12-31 is day -1.
    const sorter = new CustomerLineSorter(Int32Array.of(-1, -354285, 0));
    const keys = sorter.sort(Int32Array.of(0, 1, 2), 0, 3);
    expect(keys.every((k) => k > 0)).toBe(true);
    expect(positionsOf(keys)).toEqual([1, 0, 2]);
  });

  it('sorts a long list (the typed-array sort) like a short one (insertion sort)', () => {
    const n = 60;
    const days = Int32Array.from({ length: n }, (_, r) => (r * 7) % 5);
    const order = Int32Array.from({ length: n }, (_, r) => r);
    const expected = [...order].sort((a, b) => days[a]! - days[b]! || a - b);
    const sorter = new CustomerLineSorter(days);
    expect(positionsOf(sorter.sort(order, 0, n))).toEqual(expected);
    expect(positionsOf(sorter.sort(order, 0, 20))).toEqual(expected.filter((r) => r < 20));
  });
});
