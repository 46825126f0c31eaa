/**
 * "Remove Tierline results" removes exactly what Segment wrote (its columns,
 * table, colours, number formats, frozen header and sheets) and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { FakeWorkbook, type FakeSheet } from '../../../bench/addin/fake-excel.js';
import { AS_OF, createCustomerBook, createCustomerSheet } from '../../../bench/addin/customer-sheet.js';
import { segmentSelection } from '../../../addin/excel/segment-selection.js';
import { removeResults } from '../../../addin/excel/remove-results.js';
import { SETTINGS_KEY, parseSettings } from '../../../addin/excel/run-settings.js';

const request = { locale: 'en' as const, asOf: AS_OF, today: '2026-11-02' };

/** What the analyst sees on a sheet in a window wider than any result area. */
function look(sheet: FakeSheet, rows: number, columns = 60) {
  const cells: string[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const format = sheet.formatAt(r, c);
      const style = sheet.styles.get(`${r},${c}`);
      const fill = sheet.fillAt(r, c);
      if (format !== 'General' || style || fill) cells.push(`${r},${c} ${format} ${JSON.stringify(style)} ${fill}`);
    }
  return {
    values: sheet.read({ row: 0, column: 0, rowCount: rows, columnCount: columns }),
    formatted: cells,
    tables: sheet.tables.map((t) => ({ ...t, box: { ...t.box } })),
    frozenRows: sheet.frozenRows,
    widths: Array.from({ length: columns }, (_, c) => sheet.columnWidths.get(c) ?? 64),
    conditionalFormats: sheet.conditionalFormats.length,
  };
}

describe('removeResults', () => {
  it('takes a plain range back to exactly what it was: columns, table, colours, formats, frozen row, summary sheet', async () => {
    const { book, sheet } = createCustomerBook(25);
    sheet.columnWidths.set(14, 150); // the analyst had widened column O, where a result column goes
    const before = look(sheet, 30);
    await segmentSelection(book.context, request);
    expect(look(sheet, 30)).not.toEqual(before);
    const removed = await removeResults(book.context);
    expect(removed).toEqual({ columns: 26, sheets: ['Tierline Summary'], kept: [], nothing: false });
    expect(look(sheet, 30)).toEqual(before);
    expect(book.sheets.map((s) => s.name)).toEqual(['Customers']);
    // The analyst's choices stay; the record of what was written goes.
    expect(parseSettings(book.settings.get(SETTINGS_KEY))).toMatchObject({
      scheme: 'rfm',
      asOf: AS_OF,
      written: {},
      sheets: {},
    });
    expect(await removeResults(book.context)).toEqual({ columns: 0, sheets: [], kept: [], nothing: true });
  });

  it('deletes only its own columns from the analyst’s table: the table, its totals row and the frozen panes stay', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Data');
    sheet.put(2, 1, createCustomerSheet(10));
    sheet.put(13, 1, [['Total', '', '', '', '', '', '', 123, 4567]]);
    sheet.put(0, 0, [['Kept note']]);
    sheet.tables.push({
      id: '{t-1}',
      name: 'Clients',
      box: { row: 2, column: 1, rowCount: 12, columnCount: 12 },
      showTotals: true,
    });
    sheet.frozenRows = 2;
    book.select(sheet, 'D6');
    const before = look(sheet, 16);
    await segmentSelection(book.context, { ...request, scheme: 'b-maintenance-tiers' });
    expect(sheet.tables[0]!.box.columnCount).toBeGreaterThan(12);
    const removed = await removeResults(book.context);
    expect(removed.columns).toBeGreaterThan(26);
    expect(look(sheet, 16)).toEqual(before);
    expect(book.sheets.map((s) => s.name)).toEqual(['Data']);
  });

  it('removes the customers sheet of an order list and leaves the order sheet as it was', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Orders');
    sheet.put(0, 0, [
      ['Order ID', 'Customer ID', 'Order date', 'Amount'],
      ['O1', 'C1', '2026-10-01', 120],
      ['O2', 'C2', '2025-05-03', 40],
    ]);
    book.select(sheet, 'A1');
    const before = look(sheet, 5);
    await segmentSelection(book.context, request);
    expect(await removeResults(book.context)).toEqual({
      columns: 0,
      sheets: ['Tierline Summary', 'Tierline Customers'],
      kept: [],
      nothing: false,
    });
    expect(book.sheets.map((s) => s.name)).toEqual(['Orders']);
    expect(look(sheet, 5)).toEqual(before);
  });

  it('keeps columns whose header the analyst has since changed, and a summary sheet they already deleted is no error', async () => {
    const { book, sheet } = createCustomerBook(8);
    await segmentSelection(book.context, request);
    sheet.set(0, 12 + 10, 'My segment'); // the analyst renamed Tierline's Segment column
    book.sheets.splice(
      book.sheets.findIndex((s) => s.name === 'Tierline Summary'),
      1,
    );
    const removed = await removeResults(book.context);
    expect(removed).toEqual({ columns: 0, sheets: [], kept: ['Customers!M1:AL1'], nothing: false });
    expect(sheet.get(0, 12 + 10)).toBe('My segment');
    expect(sheet.get(3, 12)).not.toBe('');
  });

  it('a run after Remove writes in the same place again', async () => {
    const { book, sheet } = createCustomerBook(8);
    const first = await segmentSelection(book.context, request);
    const values = sheet.read({ row: 0, column: 0, rowCount: 9, columnCount: 40 });
    await removeResults(book.context);
    const again = await segmentSelection(book.context, request);
    expect(again.target).toBe(first.target);
    expect(sheet.read({ row: 0, column: 0, rowCount: 9, columnCount: 40 })).toEqual(values);
  });
});
