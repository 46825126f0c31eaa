/**
 * Results that behave like Excel (issue 13): the result columns are part of
 * an Excel table, so sorting the table keeps each customer's results on the
 * customer's row; the header row is frozen; the segment column is coloured
 * by core's one palette.
 */
import { describe, expect, it } from 'vitest';
import { resultCells, resultHeaders, segmentColors, segmentTable, type Cell } from '../../../core/index.js';
import { FakeWorkbook, type FakeSheet } from '../../../bench/addin/fake-excel.js';
import {
  AS_OF,
  CUSTOMER_HEADER,
  createCustomerBook,
  createCustomerSheet,
} from '../../../bench/addin/customer-sheet.js';
import { AddinError } from '../../../addin/excel/addin-error.js';
import { segmentSelection } from '../../../addin/excel/segment-selection.js';
import { SETTINGS_KEY, parseSettings } from '../../../addin/excel/run-settings.js';
import { pickTextColor } from '../../../addin/excel/segment-colors.js';
import { makeUniqueHeaders } from '../../../addin/excel/table-headers.js';

const request = { locale: 'en' as const, asOf: AS_OF, today: '2026-11-02' };
const SEGMENT = 10; // the segment column among the result columns
const TAGS = 11;

/** Core's own answer for the customer sheet: customer id → [segment, tags]. */
function expectedByCustomer(rows: number): Map<string, [string, string]> {
  const sheet = createCustomerSheet(rows);
  const result = segmentTable(sheet[0]!, sheet.slice(1), { asOf: AS_OF, today: '2026-11-02' });
  const out = new Map<string, [string, string]>();
  sheet.slice(1).forEach((row, i) => {
    const cells = resultCells(result, result.rowCustomer![i]!);
    out.set(String(row[0]), [String(cells[SEGMENT]), String(cells[TAGS])]);
  });
  return out;
}

/** Every data row's results match the customer id in the same row. */
function expectAligned(sheet: FakeSheet, firstRow: number, rows: number, idColumn: number, resultColumn: number) {
  const expected = expectedByCustomer(rows);
  for (let r = firstRow; r < firstRow + rows; r++) {
    const id = String(sheet.get(r, idColumn));
    expect([sheet.get(r, resultColumn + SEGMENT), sheet.get(r, resultColumn + TAGS)], `row ${r + 1}, ${id}`).toEqual(
      expected.get(id),
    );
  }
}

describe('results in an Excel table', () => {
  it('makes a plain range a table over data + results, freezes the header, and a sort keeps every row together', async () => {
    const { book, sheet } = createCustomerBook(30);
    const outcome = await segmentSelection(book.context, request);
    expect(outcome.target).toBe('Customers!M1:AL31');
    expect(sheet.tables).toHaveLength(1);
    const table = sheet.tables[0]!;
    expect(table.box).toEqual({ row: 0, column: 0, rowCount: 31, columnCount: 38 });
    expect(sheet.frozenRows).toBe(1);
    // The analyst's header cells are unchanged; Tierline's Frequency is Frequency2, as Excel would name it.
    expect(sheet.read({ row: 0, column: 0, rowCount: 1, columnCount: 12 })[0]).toEqual([...CUSTOMER_HEADER]);
    expect(sheet.get(0, 12 + 1)).toBe('Frequency2');

    // Sort by cumulative spend, largest first (column I of the table), then by name.
    const before = sheet.read({ row: 1, column: 0, rowCount: 30, columnCount: 1 }).flat();
    sheet.sortTable(table.name, 8, false);
    const after = sheet.read({ row: 1, column: 0, rowCount: 30, columnCount: 1 }).flat();
    expect(after).not.toEqual(before); // the sort moved rows …
    expectAligned(sheet, 1, 30, 0, 12); // … and every result moved with its customer
    sheet.sortTable(table.name, 1, true);
    expectAligned(sheet, 1, 30, 0, 12);
  });

  it('adds the result columns to the analyst’s table (totals row kept), and a rerun replaces them', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Data');
    sheet.put(2, 1, createCustomerSheet(10));
    sheet.put(13, 1, [['Total', '', '', '', '', '', '', 123, 4567]]);
    sheet.tables.push({
      id: '{t-1}',
      name: 'Clients',
      box: { row: 2, column: 1, rowCount: 12, columnCount: 12 },
      showTotals: true,
    });
    book.select(sheet, 'D6');
    const outcome = await segmentSelection(book.context, request);
    expect(outcome).toMatchObject({ source: 'Data!B3:M13', target: 'Data!N3:AM13', customers: 10 });
    expect(sheet.tables).toHaveLength(1); // no second table
    expect(sheet.tables[0]!.box).toEqual({ row: 2, column: 1, rowCount: 12, columnCount: 12 + 26 });
    expect(sheet.get(2, 13 + SEGMENT)).toBe('Segment');
    expect(sheet.get(13, 1)).toBe('Total');
    expect(sheet.get(13, 13 + SEGMENT)).toBe(''); // the totals row is not a customer
    expect(parseSettings(book.settings.get(SETTINGS_KEY)).written[sheet.id]!.table).toEqual({
      id: '{t-1}',
      created: false,
    });

    sheet.sortTable('Clients', 6, true); // by last purchase date
    expectAligned(sheet, 3, 10, 1, 13);
    expect(sheet.get(13, 1)).toBe('Total');

    const again = await segmentSelection(book.context, { ...request, scheme: 'c-value-tiers' });
    expect(again.replacedEarlierColumns).toBe(true);
    const width = parseSettings(book.settings.get(SETTINGS_KEY)).written[sheet.id]!.columnCount;
    expect(width).toBeGreaterThan(26);
    expect(sheet.tables[0]!.box.columnCount).toBe(12 + width);
    await segmentSelection(book.context, request);
    expect(sheet.tables[0]!.box.columnCount).toBe(12 + 26);
    const headers = sheet.read({ row: 2, column: 1, rowCount: 1, columnCount: 38 })[0]!;
    expect(new Set(headers.map((h) => String(h).toLowerCase())).size).toBe(38);
    expect(sheet.get(2, 39)).toBe('');
    expectAligned(sheet, 3, 10, 1, 13);
  });

  it('refuses to add columns to a table whose rows hold data further right, which the new columns would move', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Data');
    sheet.put(0, 0, createCustomerSheet(10));
    sheet.set(4, 45, 'note far right'); // AT5, beyond the 26 result columns
    sheet.tables.push({
      name: 'Clients',
      box: { row: 0, column: 0, rowCount: 11, columnCount: 12 },
      showTotals: false,
    });
    book.select(sheet, 'C3');
    const before = JSON.stringify(sheet.rows);
    const error = await segmentSelection(book.context, request).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as AddinError).code).toBe('target-occupied');
    expect((error as AddinError).message).toContain('AT5');
    expect(JSON.stringify(sheet.rows)).toBe(before);
    expect(sheet.tables[0]!.box.columnCount).toBe(12);
  });

  it('refuses a range whose data + results would overlap another Excel table, and changes nothing', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Data');
    sheet.put(5, 0, createCustomerSheet(10));
    // A table whose header sits above the data and whose empty body reaches into the result area.
    sheet.put(1, 20, [['Notes']]);
    sheet.tables.push({ name: 'Notes', box: { row: 1, column: 20, rowCount: 8, columnCount: 1 }, showTotals: false });
    book.select(sheet, 'B8');
    const before = JSON.stringify(sheet.rows);
    const error = await segmentSelection(book.context, request).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AddinError);
    expect((error as AddinError).code).toBe('table-overlap');
    expect((error as AddinError).message).toBe(
      'The data and its result columns (Data!A6:AL16) would overlap the Excel table "Notes". Move that table or your data apart, then click Segment again. Nothing was changed.',
    );
    expect(JSON.stringify(sheet.rows)).toBe(before);
    expect(sheet.tables).toHaveLength(1);
    expect(book.sheets.map((s) => s.name)).toEqual(['Data']);
  });

  it('leaves a header Excel would rename as a plain range, and says so', async () => {
    const { book, sheet } = createCustomerBook(12);
    sheet.set(0, 11, 'complaints'); // "Complaints" twice, in another case: Excel would rename one
    const outcome = await segmentSelection(book.context, request);
    expect(sheet.tables).toHaveLength(0);
    expect(sheet.get(0, 11)).toBe('complaints');
    expect(sheet.get(0, 12 + 1)).toBe('Frequency');
    expect(outcome.notes).toContain(
      'The header row Customers!A1:L1 has empty, repeated or non-text names, so Tierline did not make the range an Excel table (Excel would rename them). Select the data and the result columns together before you sort or filter.',
    );
  });

  it('takes its columns out of the analyst’s table again when Excel fails after adding them', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Data');
    sheet.put(0, 0, createCustomerSheet(10));
    sheet.tables.push({
      name: 'Clients',
      box: { row: 0, column: 0, rowCount: 11, columnCount: 12 },
      showTotals: false,
    });
    book.select(sheet, 'C3');
    const before = JSON.stringify(sheet.read({ row: 0, column: 0, rowCount: 11, columnCount: 40 }));
    book.failAtSync = 6; // probe, table range, read, check, columns + values, summary ← fails
    const error = await segmentSelection(book.context, request).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as AddinError).code).toBe('excel-failed');
    expect(sheet.tables[0]!.box.columnCount).toBe(12);
    expect(JSON.stringify(sheet.read({ row: 0, column: 0, rowCount: 11, columnCount: 40 }))).toBe(before);
    expect(book.sheets.map((s) => s.name)).toEqual(['Data']);
  });

  it('replaces result columns it finds at the end of the data without a record (the CLI output opened in Excel)', async () => {
    const rows = createCustomerSheet(10);
    const result = segmentTable(rows[0]!, rows.slice(1), { asOf: AS_OF, today: '2026-11-02' });
    const withResults = (headers: readonly string[]) => [
      [...rows[0]!, ...headers],
      ...rows
        .slice(1)
        .map((row, i) => [
          ...row,
          ...resultCells(result, result.rowCustomer![i]!).map((c: Cell) => (c === null || c === undefined ? '' : c)),
        ]),
    ];
    // A plain range: the CLI's --out file.
    const plain = new FakeWorkbook();
    const sheet = plain.addSheet('Segmented');
    sheet.put(0, 0, withResults(resultHeaders(result)) as (string | number | boolean)[][]);
    plain.select(sheet, 'B2');
    const outcome = await segmentSelection(plain.context, request);
    expect(outcome).toMatchObject({
      source: 'Segmented!A1:L11',
      target: 'Segmented!M1:AL11',
      replacedEarlierColumns: true,
    });
    expect(sheet.get(0, 38)).toBe('');
    expect(sheet.tables.map((t) => t.box.columnCount)).toEqual([38]);
    expectAligned(sheet, 1, 10, 0, 12);

    // The same inside an Excel table (where the second Frequency is Frequency2).
    const tabled = new FakeWorkbook();
    const other = tabled.addSheet('Segmented');
    other.put(
      0,
      0,
      withResults(makeUniqueHeaders([...CUSTOMER_HEADER], resultHeaders(result))) as (string | number | boolean)[][],
    );
    other.tables.push({ name: 'Out', box: { row: 0, column: 0, rowCount: 11, columnCount: 38 }, showTotals: false });
    tabled.select(other, 'C4');
    await segmentSelection(tabled.context, request);
    expect(other.tables[0]!.box.columnCount).toBe(38);
    expect(other.get(0, 38)).toBe('');
    expectAligned(other, 1, 10, 0, 12);
  });

  it('does not change frozen panes the analyst set', async () => {
    const { book, sheet } = createCustomerBook(12);
    sheet.frozenRows = 3;
    await segmentSelection(book.context, request);
    expect(sheet.frozenRows).toBe(3);
    expect(parseSettings(book.settings.get(SETTINGS_KEY)).written[sheet.id]!.frozeRows).toBeUndefined();
  });

  it('makes the order list’s customers sheet a table with a frozen header', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Orders');
    sheet.put(0, 0, [
      ['Order ID', 'Customer ID', 'Order date', 'Amount'],
      ['O1', 'C1', '2026-10-01', 120],
      ['O2', 'C1', '2026-10-20', 80],
      ['O3', 'C2', '2025-05-03', 40],
    ]);
    book.select(sheet, 'B2');
    await segmentSelection(book.context, request);
    const customers = book.sheet('Tierline Customers');
    expect(customers.tables.map((t) => t.box)).toEqual([{ row: 0, column: 0, rowCount: 3, columnCount: 29 }]);
    expect(customers.frozenRows).toBe(1);
    expect(sheet.tables).toHaveLength(0);
  });
});

describe('segment colours', () => {
  it('picks black or white text, whichever reads better on the fill', () => {
    expect(pickTextColor('#FFFFFF')).toBe('#000000');
    expect(pickTextColor('#FFFF00')).toBe('#000000');
    expect(pickTextColor('#000080')).toBe('#FFFFFF');
    expect(pickTextColor('#000000')).toBe('#FFFFFF');
    // WCAG: the better of black and white always reaches 4.5:1; the choice must be the better one.
    const luminance = (hex: string) => {
      const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      const lin = c.map((x) => (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
      return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
    };
    for (const fill of segmentColors(Array.from({ length: 12 }, (_, i) => `s${i}`))) {
      const l = luminance(fill);
      const ratio = pickTextColor(fill) === '#000000' ? (l + 0.05) / 0.05 : 1.05 / (l + 0.05);
      expect(ratio, fill).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('colours each segment cell with its palette colour, also after a sort, and the summary legend and charts match', async () => {
    const { book, sheet } = createCustomerBook(200);
    await segmentSelection(book.context, request);
    const rows = createCustomerSheet(200);
    const result = segmentTable(rows[0]!, rows.slice(1), { asOf: AS_OF, today: '2026-11-02' });
    const fills = segmentColors(result.scheme.segments);
    const colourOf = new Map(result.scheme.segments.map((_, s) => [result.scheme.segmentLabel(s, 'en'), fills[s]!]));
    const check = () => {
      for (let r = 1; r <= 200; r++) {
        const label = String(sheet.get(r, 12 + SEGMENT));
        expect(sheet.fillAt(r, 12 + SEGMENT), `row ${r + 1} ${label}`).toBe(colourOf.get(label));
        expect(sheet.fontColorAt(r, 12 + SEGMENT)).toBe(pickTextColor(colourOf.get(label)!));
      }
    };
    check();
    sheet.sortTable(sheet.tables[0]!.name, 12 + SEGMENT, true);
    check();
    // Only the segment column is coloured; the analyst's cells are not.
    expect(sheet.conditionalFormats.every((f) => f.box.column === 12 + SEGMENT && f.box.columnCount === 1)).toBe(true);
    expect(sheet.fillAt(5, 0)).toBeUndefined();

    const summary = book.sheet('Tierline Summary');
    expect(summary.read({ row: 3, column: 9, rowCount: 1, columnCount: 2 })[0]).toEqual([
      'Segment colours',
      'Customers',
    ]);
    result.scheme.segments.forEach((_, s) => {
      expect(summary.get(4 + s, 9)).toBe(result.scheme.segmentLabel(s, 'en'));
      expect(summary.get(4 + s, 10)).toBe(result.summary[s]!.count);
      expect(summary.styles.get(`${4 + s},9`)).toMatchObject({ fill: fills[s], color: pickTextColor(fills[s]!) });
    });
    const [pie, , scatter, radar] = summary.charts;
    expect(pie!.series[0]!.pointFills).toEqual(fills);
    for (const series of scatter!.series) expect(series.marker).toBe(colourOf.get(series.name));
    expect(radar!.series.every((s) => s.line !== undefined && fills.includes(s.line))).toBe(true);
  });
});

describe('written cells keep their types', () => {
  it('writes dates as date serials with a date format and numbers as numbers', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Orders');
    sheet.put(0, 0, [
      ['Order ID', 'Customer ID', 'Order date', 'Amount'],
      ['O1', 'C1', '2026-10-01', 120],
      ['O2', 'C1', '2026/10/20', 80.5],
      ['O3', 'C2', 46_300, 40], // an Excel date serial: 2026-10-04
    ]);
    book.select(sheet, 'A1');
    await segmentSelection(book.context, request);
    const customers = book.sheet('Tierline Customers');
    const header = customers.read({ row: 0, column: 0, rowCount: 1, columnCount: 29 })[0]!.map(String);
    const at = (name: string) => header.indexOf(name);
    // 2026-10-01 and 2026-10-20 as days since 1899-12-30.
    expect(customers.get(1, at('First purchase date'))).toBe(46_296);
    expect(customers.get(1, at('Last purchase date'))).toBe(46_315);
    expect(customers.get(2, at('First purchase date'))).toBe(46_300);
    expect(customers.formatAt(1, at('Last purchase date'))).toBe('yyyy-mm-dd');
    expect(customers.formatAt(1, at('Due date'))).toBe('yyyy-mm-dd');
    expect(typeof customers.get(1, at('Due date'))).toBe('number');
    expect(customers.get(1, at('Monetary'))).toBe(200.5);
    expect(customers.get(1, at('Frequency'))).toBe(2);
    expect(typeof customers.get(1, at('Recency (days)'))).toBe('number');
    // The order sheet itself is never rewritten: its text date stays as typed.
    expect(sheet.get(1, 2)).toBe('2026-10-01');
  });
});
