/**
 * The in-memory workbook (bench/addin/fake-excel.ts) must fail where Excel
 * fails, or the adapter tests could pass on code that breaks in Excel.
 */
import { describe, expect, it } from 'vitest';
import { FakeWorkbook } from '../../bench/addin/fake-excel.js';

describe('the fake workbook behaves like Office.js', () => {
  it('refuses to read a property before load() and sync()', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('S');
    sheet.put(0, 0, [['a', 1]]);
    book.select(sheet, 'A1:B1');
    const range = book.context.workbook.getSelectedRange();
    expect(() => range.address).toThrow(/PropertyNotLoaded/);
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load('address,values');
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await book.context.sync();
    expect(range.address).toBe('S!A1:B1');
    expect(range.values).toEqual([['a', 1]]);
  });

  it('applies writes only at sync, in order, and counts the payload', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('S');
    const target = book.context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 1, 2);
    target.values = [['x', 'y']];
    expect(sheet.get(0, 0)).toBe('');
    target.clear('All');
    await book.context.sync();
    expect(sheet.get(0, 0)).toBe('');
    expect(book.syncs[0]!.requestBytes).toBeGreaterThanOrEqual(JSON.stringify([['x', 'y']]).length);
    expect(() => (target.values = [['only one']])).toThrow(/InvalidArgument/);
  });

  it('fails a sync over the 5 MB request limit, as Excel on the web does', async () => {
    const book = new FakeWorkbook();
    book.addSheet('S');
    const rows = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${'x'.repeat(80)}`]);
    book.context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, rows.length, 1).values = rows;
    await expect(book.context.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });
});
