import { describe, expect, it } from 'vitest';
import { TransactionLines } from '../../../core/features/transaction-lines.js';
import { transactionSetup } from './transaction-setup.js';

describe('TransactionLines', () => {
  it('stores each line as typed columns and tracks the newest day', () => {
    const { columns } = transactionSetup(['Order ID', 'Customer ID', 'Order date', 'Amount']);
    const lines = new TransactionLines(columns);
    lines.push(['O1', 'C1', '2024-01-05', '100'], 0, 19727, 100, Number.NaN, 2);
    lines.push(['O2', 'C2', '2024-01-03', ''], 1, 19725, Number.NaN, Number.NaN, 4);
    lines.push(['O1', 'C1', '2024-01-05', '100'], 0, 19727, 100, Number.NaN, 5);
    const v = lines.view();
    expect(lines.length).toBe(3);
    expect([...lines.customer.view()]).toEqual([0, 1, 0]);
    expect([...v.days]).toEqual([19727, 19725, 19727]);
    expect([...v.amounts]).toEqual([100, Number.NaN, 100]);
    expect([...v.rowNumbers]).toEqual([2, 4, 5]);
    expect(lines.maxDay).toBe(19727);
    // The same line (an exact duplicate) and the same order id hash alike; others differ.
    expect([v.hashA[0], v.hashB[0]]).toEqual([v.hashA[2], v.hashB[2]]);
    expect(v.hashA[0]).not.toBe(v.hashA[1]);
    expect(v.orderHash![0]).toBe(v.orderHash![2]);
    expect(v.orderHash![0]).not.toBe(v.orderHash![1]);
  });

  it('has no order hash without an order id column, and names a plain amount', () => {
    const { columns } = transactionSetup(['Customer ID', 'Order date', 'Amount']);
    const lines = new TransactionLines(columns);
    lines.push(['C1', '2024-01-05', '-30'], 0, 19727, -30, Number.NaN, 2);
    expect(lines.view().orderHash).toBeUndefined();
    expect(lines.describeAmounts(columns.amountCell).describe(0, -30).text).toBe('Amount = -30.00');
  });

  it('keeps the quantity of negative computed lines only, so refunds name their real cells', () => {
    const { columns } = transactionSetup(['CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice']);
    const lines = new TransactionLines(columns);
    lines.push(['17850', '2010-12-01', '6', '2.55'], 0, 14944, 15.3, 6, 2);
    lines.push(['17850', '2010-12-02', '-1', '27.50'], 0, 14945, -27.5, -1, 3);
    const cell = lines.describeAmounts(columns.amountCell);
    expect(cell.describe(1, -27.5).text).toBe('Quantity × UnitPrice = -1 × 27.50');
  });
});
