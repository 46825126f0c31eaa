import { describe, expect, it } from 'vitest';
import { noteCurrencyHeaders } from '../../../core/features/note-currency-headers.js';
import { transactionSetup } from './transaction-setup.js';

describe('noteCurrencyHeaders', () => {
  it('takes the currency a money header names', () => {
    const { plan, columns, log } = transactionSetup(['Customer ID', 'Order date', 'Amount (GBP)']);
    expect(noteCurrencyHeaders(plan, columns).resolve(undefined, log).code).toBe('GBP');
  });

  it('reads the unit price header of a computed amount', () => {
    const { plan, columns, log } = transactionSetup(['CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice (EUR)']);
    expect(noteCurrencyHeaders(plan, columns).resolve(undefined, log).code).toBe('EUR');
  });

  it('notes nothing from a header without a currency', () => {
    const { plan, columns, log } = transactionSetup(['Customer ID', 'Order date', 'Amount']);
    expect(noteCurrencyHeaders(plan, columns).resolve(undefined, log).code).toBe('CNY');
  });
});
