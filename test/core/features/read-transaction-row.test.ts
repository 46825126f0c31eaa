import { describe, expect, it } from 'vitest';
import { TransactionRowReader } from '../../../core/features/read-transaction-row.js';
import { CurrencyTally } from '../../../core/money/detect-currency.js';
import type { SegmentOptionsInput } from '../../../core/segment/segment-options.js';
import { issuesOf, transactionSetup } from './transaction-setup.js';

function readerFor(header: readonly string[], input: SegmentOptionsInput = {}) {
  const { columns, options, log } = transactionSetup(header, input);
  const currency = new CurrencyTally();
  return { reader: new TransactionRowReader(columns, options, log, currency), log, currency };
}

describe('TransactionRowReader', () => {
  it('accepts a usable row and leaves its values on the reader', () => {
    const { reader, log } = readerFor(['Customer ID', 'Order date', 'Amount']);
    expect(reader.read([' C1 ', '2024-01-05', '120.50'], 2)).toBe(true);
    expect([reader.id, reader.day, reader.amount]).toEqual(['C1', 19727, 120.5]);
    expect([reader.dataRows, reader.validDates, reader.validAmounts]).toEqual([1, 1, 1]);
    expect(issuesOf(log)).toEqual([]);
  });

  it('skips a blank row without counting it, and excludes a row without id', () => {
    const { reader, log } = readerFor(['Customer ID', 'Order date', 'Amount']);
    expect(reader.read(['', null, undefined], 2)).toBe(false);
    expect(reader.dataRows).toBe(0);
    expect(reader.read(['', '2024-01-05', '5'], 3)).toBe(false);
    expect(reader.dataRows).toBe(1);
    expect(issuesOf(log)).toEqual(['missing-id 3 Customer ID: Row 3: no customer ID; row excluded.']);
  });

  it('keeps an empty amount as NaN (filled later) and excludes an unreadable one, remembering the first bad cells', () => {
    const { reader } = readerFor(['Customer ID', 'Order date', 'Amount']);
    expect(reader.read(['C1', '2024-01-05', ''], 2)).toBe(true);
    expect(reader.amount).toBeNaN();
    expect(reader.read(['C1', '2024-01-05', 'abc'], 3)).toBe(false);
    expect(reader.read(['C1', 'soon', '5'], 4)).toBe(false);
    expect(reader.read(['C1', '', 'xyz'], 5)).toBe(false);
    expect(reader.firstBadAmount).toEqual({ row: 2, value: '' });
    expect(reader.firstBadDate).toEqual({ row: 4, value: 'soon' });
    expect([reader.dataRows, reader.validDates, reader.validAmounts]).toEqual([4, 2, 1]);
  });

  it('logs an empty date', () => {
    const { reader, log } = readerFor(['Customer ID', 'Order date', 'Amount']);
    expect(reader.read(['C1', '', '5'], 7)).toBe(false);
    expect(issuesOf(log)).toEqual(['missing-value 7 Order date: Row 7, Order date: empty; row excluded.']);
  });

  it('computes quantity × unit price and keeps the quantity', () => {
    const { reader } = readerFor(['CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice']);
    expect(reader.read(['17850', '2010-12-01', '-2', '4.95'], 2)).toBe(true);
    expect([reader.amount, reader.quantity]).toEqual([-9.9, -2]);
    // An empty price leaves the amount empty (filled later), not unreadable.
    expect(reader.read(['17850', '2010-12-01', '3', ''], 3)).toBe(true);
    expect([reader.amount, reader.quantity]).toEqual([Number.NaN, 3]);
  });

  it('unifies an id under the id map, with one issue', () => {
    const { reader, log } = readerFor(['Customer ID', 'Order date', 'Amount'], { idMap: { 'C1-old': 'C1' } });
    expect(reader.read(['C1-old', '2024-01-05', '5'], 4)).toBe(true);
    expect(reader.id).toBe('C1');
    expect(log.count('id-unified')).toBe(1);
    expect(log.toReport().issues[0]).toMatchObject({
      code: 'id-unified',
      row: 4,
      column: 'Customer ID',
      value: 'C1-old',
    });
  });

  it('notes the currency of each money cell', () => {
    const { reader, currency, log } = readerFor(['Customer ID', 'Order date', 'Amount']);
    reader.read(['C1', '2024-01-05', '£4.00'], 2);
    expect(currency.resolve(undefined, log).code).toBe('GBP');
  });

  it('reads 1.000 as a thousand when the batch shows a comma decimal mark further down', () => {
    const { reader } = readerFor(['Customer ID', 'Order date', 'Amount']);
    const rows = [
      ['C1', '2024-01-05', '1.000'],
      ['C2', '2024-01-05', '2.500,50'],
    ];
    reader.learnBatch(rows);
    expect(reader.read(rows[0]!, 2)).toBe(true);
    expect(reader.amount).toBe(1000);
  });
});
