import { describe, expect, it } from 'vitest';
import { TransactionCustomers } from '../../../core/features/transaction-customers.js';
import { transactionSetup } from './transaction-setup.js';

describe('TransactionCustomers', () => {
  it('indexes customers in first-seen order with their first row and first filled attributes', () => {
    const { columns } = transactionSetup(['Customer ID', 'Order date', 'Amount', 'Region', 'Channel']);
    const customers = new TransactionCustomers(columns);
    expect(customers.add('C2', ['C2', '2024-01-05', '1', '', '#N/A'], 2)).toBe(0);
    expect(customers.add('C1', ['C1', '2024-01-05', '1', ' East ', 'web'], 3)).toBe(1);
    expect(customers.add('C2', ['C2', '2024-01-06', '1', 'North', 'shop'], 4)).toBe(0);
    expect(customers.add('C1', ['C1', '2024-01-07', '1', 'West', ''], 5)).toBe(1);
    expect(customers.count).toBe(2);
    expect(customers.ids).toEqual(['C2', 'C1']);
    expect([...customers.firstRows.view()]).toEqual([2, 3]);
    // An empty cell or a formula error is no value: the next row of the customer fills it.
    expect(customers.attributes).toEqual({ region: ['North', 'East'], channel: ['shop', 'web'] });
  });
});
