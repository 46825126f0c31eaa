import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../../core/index.js';
import { FakeWorkbook } from '../../../bench/addin/fake-excel.js';
import { AS_OF, createCustomerBook, createCustomerSheet } from '../../../bench/addin/customer-sheet.js';
import { AddinError } from '../../../addin/excel/addin-error.js';
import { segmentSelection } from '../../../addin/excel/segment-selection.js';
import { SETTINGS_KEY } from '../../../addin/excel/run-settings.js';

const request = { locale: 'en' as const, asOf: AS_OF, today: '2026-11-02' };

/** Everything a run could change, to prove that a refusal changed nothing. */
const snapshot = (book: FakeWorkbook) =>
  JSON.stringify({
    sheets: book.sheets.map((s) => ({
      name: s.name,
      rows: s.rows,
      formats: s.formatAreas,
      styles: [...s.styles],
      charts: s.charts,
    })),
    settings: [...book.settings],
  });

/** Runs Segment expecting a refusal; checks that the workbook is unchanged. */
async function refusal(book: FakeWorkbook, overrides: Record<string, unknown> = {}): Promise<AddinError> {
  const before = snapshot(book);
  const error = await segmentSelection(book.context, { ...request, ...overrides }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AddinError);
  expect(snapshot(book)).toBe(before);
  return error as AddinError;
}

describe('segmentSelection refuses bad input with a clear message and writes nothing', () => {
  it('a single empty cell', async () => {
    const { book, sheet } = createCustomerBook(5);
    book.select(sheet, 'R40');
    const error = await refusal(book);
    expect(error.code).toBe('empty-selection');
    expect(error.message).toBe(
      'The selected cell R40 is empty and has no data around it. Select a cell inside your customer table (or the whole table), then click Segment.',
    );
  });

  it('headers it cannot recognise: asks for the mapping and names the fields', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Export');
    sheet.put(0, 0, [
      ['Kunde', 'Datum', 'Betrag'],
      ['K1', '2026-10-01', 100],
      ['K2', '2026-09-01', 50],
    ]);
    book.select(sheet, 'A1');
    const error = await refusal(book);
    expect(error.code).toBe('missing-columns');
    expect(error.fields).toEqual(['customerId', 'lastPurchaseDate', 'historicalFrequency', 'cumulativeSpend']);
    expect(error.message).toBe(
      'Tierline could not find these columns: Customer ID, Last purchase date, Frequency, Spend. Choose the matching column for each under "Column mapping", then click Segment again.',
    );
    // With the mapping the analyst chose in the pane, the same sheet segments.
    const outcome = await segmentSelection(book.context, {
      ...request,
      mapping: { customerId: 'Kunde', orderDate: 'Datum', orderAmount: 'Betrag' },
    });
    expect(outcome).toMatchObject({ shape: 'transactions', customers: 2 });
  });

  it('merged cells in the table', async () => {
    const { book, sheet } = createCustomerBook(10);
    sheet.merged.push({ row: 3, column: 2, rowCount: 2, columnCount: 1 });
    const error = await refusal(book);
    expect(error.code).toBe('merged-cells');
    expect(error.message).toBe(
      'The table A1:L11 contains merged cells (C4:C5). Unmerge them (Home › Merge & Center › Unmerge Cells) so every row has its own values, then click Segment again.',
    );
  });

  it('merged cells where the results would go', async () => {
    const { book, sheet } = createCustomerBook(10);
    sheet.merged.push({ row: 2, column: 14, rowCount: 1, columnCount: 3 });
    const error = await refusal(book);
    expect(error.code).toBe('target-occupied');
    expect(error.message).toContain('O3:Q3');
  });

  it('formula errors are reported with a link to the cell, the rest is segmented', async () => {
    const { book, sheet } = createCustomerBook(10);
    sheet.set(4, 8, '#N/A'); // I5: Cumulative spend of row 5
    sheet.set(7, 6, '#VALUE!'); // G8: Last purchase date of row 8
    const outcome = await segmentSelection(book.context, request);
    const errors = outcome.report.issues.filter((i) => i.code === 'formula-error');
    expect(errors.map((i) => [i.address, i.row, i.column, i.value])).toEqual([
      ['Customers!I5', 5, 'Cumulative spend', '#N/A'],
      ['Customers!G8', 8, 'Last purchase date', '#VALUE!'],
    ]);
    expect(outcome.report.counts['formula-error']).toBe(2);
  });

  it('dates stored as text and as serials give the same result', async () => {
    const { book, sheet } = createCustomerBook(6);
    const serial = Number(sheet.get(3, 6));
    const day = new Date((serial - 25_569) * 86_400_000).toISOString().slice(0, 10);
    const other = createCustomerBook(6);
    other.sheet.set(3, 6, day); // the same date, typed as text 'YYYY-MM-DD'
    other.sheet.set(4, 6, `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`);
    sheet.set(4, 6, serial);
    await segmentSelection(book.context, request);
    const text = await segmentSelection(other.book.context, request);
    expect(other.sheet.read({ row: 1, column: 12, rowCount: 6, columnCount: 24 })).toEqual(
      sheet.read({ row: 1, column: 12, rowCount: 6, columnCount: 24 }),
    );
    expect(text.report.counts['invalid-date']).toBeUndefined();
  });

  it('1,048,576 rows: a whole-column selection over a full sheet', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Big');
    sheet.put(0, 0, [createCustomerSheet(1)[0]!]);
    sheet.set(1_048_575, 0, 'C9');
    book.select(sheet, 'A:L');
    const error = await refusal(book);
    expect(error.code).toBe('too-many-rows');
    expect(error.message).toBe(
      'The table A1:L1048576 has 1,048,575 data rows; the add-in reads at most 500,000. Split the sheet, or run the tierline command line on the exported file (tierline segment <file>), which streams any size.',
    );
  });

  it('a whole-column selection over a normal sheet reads only the used rows', async () => {
    const { book } = createCustomerBook(8, 'A:L');
    const outcome = await segmentSelection(book.context, request);
    expect(outcome.source).toBe('Customers!A1:L9');
  });

  it('a protected sheet', async () => {
    const { book, sheet } = createCustomerBook(10);
    sheet.protected = true;
    const error = await refusal(book);
    expect(error.code).toBe('sheet-protected');
    expect(error.message).toBe(
      'The sheet "Customers" is protected, so Tierline cannot add its columns. Unprotect it (Review › Unprotect Sheet), then click Segment again.',
    );
  });

  it('a protected workbook structure', async () => {
    const { book } = createCustomerBook(10);
    book.workbookProtected = true;
    const error = await refusal(book);
    expect(error.message).toBe(
      'The workbook structure is protected, so Tierline cannot add the "Tierline Summary" sheet. Unprotect it (Review › Protect Workbook), then click Segment again.',
    );
  });

  it('a workbook that already has a "Tierline Summary" sheet Tierline did not create', async () => {
    const { book } = createCustomerBook(10);
    book.addSheet('Tierline Summary').set(0, 0, 'my notes');
    const error = await refusal(book);
    expect(error.code).toBe('sheet-name-taken');
    expect(error.message).toBe(
      'This workbook already has a sheet named "Tierline Summary" that Tierline did not create. Rename or delete that sheet, then click Segment again. Nothing was changed.',
    );
  });

  it('its own "Tierline Summary" from an earlier run is replaced', async () => {
    const { book } = createCustomerBook(10);
    await segmentSelection(book.context, request);
    const id = book.sheet('Tierline Summary').id;
    await segmentSelection(book.context, request);
    expect(book.sheets.filter((s) => s.name === 'Tierline Summary')).toHaveLength(1);
    expect(book.sheet('Tierline Summary').id).not.toBe(id);
  });

  it('user data where the result columns would go', async () => {
    const { book, sheet } = createCustomerBook(10);
    sheet.set(4, 15, 'note'); // P5
    sheet.set(9, 20, '=SUM(A1:A2)'); // U10
    const error = await refusal(book);
    expect(error.code).toBe('target-occupied');
    expect(error.message).toBe(
      'Tierline writes its 26 result columns to M1:AL11, but P5, U10 already hold data that Tierline did not write. Move that data, or insert empty columns right of the table, then click Segment again. Nothing was changed.',
    );
  });

  it("user data typed over Tierline's own header: the columns are the user's now", async () => {
    const { book, sheet } = createCustomerBook(10);
    await segmentSelection(book.context, request);
    sheet.set(0, 14, 'My column');
    const before = book.settings.get(SETTINGS_KEY);
    const error = await segmentSelection(book.context, request).catch((e: unknown) => e as AddinError);
    expect(error).toBeInstanceOf(AddinError);
    expect((error as AddinError).code).toBe('target-occupied');
    expect(book.settings.get(SETTINGS_KEY)).toBe(before);
    expect(sheet.get(0, 14)).toBe('My column');
  });

  it('a header row without data rows', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Empty');
    sheet.put(0, 0, [createCustomerSheet(1)[0]!]);
    book.select(sheet, 'B1');
    const error = await refusal(book);
    expect(error.message).toBe(
      'The table A1:L1 has a header row but no data rows below it. Add the customer or order rows, then click Segment.',
    );
  });

  it('the selection is on a sheet Tierline wrote', async () => {
    const { book } = createCustomerBook(10);
    await segmentSelection(book.context, request);
    book.select(book.sheet('Tierline Summary'), 'B6');
    const error = await refusal(book);
    expect(error.message).toBe(
      'The selection is on a sheet Tierline wrote ("Tierline Summary"). Select a cell in your own customer table, then click Segment.',
    );
  });

  it('bad options name the key', async () => {
    const { book } = createCustomerBook(10);
    const error = await refusal(book, { asOf: '2026-02-30' });
    expect(error.code).toBe('invalid-options');
    expect(error.message).toBe('The settings are not valid: Option "asOf" is not a real calendar date.');
  });

  it('config problems read in the pane locale, each naming its key (issue 14)', async () => {
    const { book } = createCustomerBook(10);
    const english = await refusal(book, { config: { tiers: 'high' } });
    expect(english.message).toBe('The settings are not valid: tiers: expected object');
    const chinese = await refusal(book, { locale: 'zh-CN', config: { tiers: 'high' } });
    expect(chinese.code).toBe('invalid-options');
    expect(chinese.message).toBe('设置无效：tiers：应为键值表');
  });

  it('messages follow the pane locale', async () => {
    const { book, sheet } = createCustomerBook(5);
    book.select(sheet, 'R40');
    const error = await refusal(book, { locale: 'zh-CN' });
    expect(error.message).toBe(
      '所选单元格R40为空，周围也没有数据。请选中客户表中的任一单元格（或整个表格），再点击“细分”。',
    );
  });

  it("data core cannot use at all is core's DataValidationError, still nothing written", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Bad');
    sheet.put(0, 0, [
      ['Customer ID', 'Order date', 'Amount'],
      ['C1', 'soon', 'lots'],
      ['C2', 'later', 'more'],
    ]);
    book.select(sheet, 'A2');
    const before = snapshot(book);
    await expect(segmentSelection(book.context, request)).rejects.toBeInstanceOf(DataValidationError);
    expect(snapshot(book)).toBe(before);
  });
});

describe('a mapping remembered from another table', () => {
  it('is dropped where its headers are missing, not reported as an error', async () => {
    const { book } = createCustomerBook(10);
    const outcome = await segmentSelection(book.context, {
      ...request,
      mapping: { customerId: 'Kunde', orderDate: 'Datum' },
    });
    expect(outcome).toMatchObject({ shape: 'customers', customers: 10 });
  });
});
