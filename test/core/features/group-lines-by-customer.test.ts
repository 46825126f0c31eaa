import { describe, expect, it } from 'vitest';
import { groupLinesByCustomer } from '../../../core/features/group-lines-by-customer.js';

describe('groupLinesByCustomer', () => {
  it('lists each customer’s line positions in line order, customers in index order', () => {
    const { offsets, order } = groupLinesByCustomer(Int32Array.of(2, 0, 2, 1, 0, 2), 3);
    expect([...offsets]).toEqual([0, 2, 3, 6]);
    expect([...order]).toEqual([1, 4, 3, 0, 2, 5]);
  });

  it('gives a customer without lines an empty range', () => {
    const { offsets, order } = groupLinesByCustomer(Int32Array.of(0, 2), 3);
    expect([...offsets]).toEqual([0, 1, 1, 2]);
    expect([...order]).toEqual([0, 1]);
  });
});
