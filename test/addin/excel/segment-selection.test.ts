import { describe, expect, it } from 'vitest';
import { resultCells, resultHeaders, segmentTable } from '../../../core/index.js';
import { FakeWorkbook, FAKE_PAYLOAD_LIMIT } from '../../../bench/addin/fake-excel.js';
import { AS_OF, AS_OF_SERIAL, createCustomerBook, createCustomerSheet } from '../../../bench/addin/customer-sheet.js';
import { AddinError } from '../../../addin/excel/addin-error.js';
import { segmentSelection } from '../../../addin/excel/segment-selection.js';
import { SETTINGS_KEY, parseSettings } from '../../../addin/excel/run-settings.js';
import { HEADER_STYLE } from '../../../addin/excel/write-columns.js';
import { BLOCK_BUDGET_BYTES, planRowBlocks } from '../../../addin/excel/plan-blocks.js';
import { buildRowColumns, listBlockRows } from '../../../addin/excel/build-columns.js';

const request = { locale: 'en' as const, asOf: AS_OF, today: '2026-11-02' };

async function failure(
  book: FakeWorkbook,
  overrides: Partial<typeof request> & Record<string, unknown> = {},
): Promise<AddinError> {
  const error = await segmentSelection(book.context, { ...request, ...overrides }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AddinError);
  return error as AddinError;
}

describe('segmentSelection: write-back on a customer sheet', () => {
  it('appends the result columns right of the data, with formats and header style, and leaves the source untouched', async () => {
    const { book, sheet } = createCustomerBook(20);
    const source = sheet.read({ row: 0, column: 0, rowCount: 21, columnCount: 12 });
    const outcome = await segmentSelection(book.context, request);
    expect(sheet.read({ row: 0, column: 0, rowCount: 21, columnCount: 12 })).toEqual(source);
    expect(outcome).toMatchObject({
      source: 'Customers!A1:L21',
      target: 'Customers!M1:AL21',
      shape: 'customers',
      customers: 20,
      dataRows: 20,
      replacedEarlierColumns: false,
    });

    // The cells are core's, row for row.
    const rows = createCustomerSheet(20);
    const expected = segmentTable(rows[0]!, rows.slice(1), { asOf: AS_OF, today: '2026-11-02' });
    // The range became an Excel table, so Excel's rule for unique column names holds: the data already has Frequency.
    const headers = resultHeaders(expected).map((h) => (h === 'Frequency' ? 'Frequency2' : h));
    expect(sheet.read({ row: 0, column: 12, rowCount: 1, columnCount: 26 })[0]).toEqual(headers);
    for (const i of [0, 7, 19]) {
      const cells = resultCells(expected, expected.rowCustomer![i]!);
      expect(sheet.get(i + 1, 12 + 10)).toBe(cells[10]); // Segment
      expect(sheet.get(i + 1, 12 + 11)).toBe(cells[11]); // Tags
      expect(sheet.get(i + 1, 12 + 0)).toBe(cells[0]); // Recency (days)
      // Due date: a real date serial (days since 1899-12-30), shown as yyyy-mm-dd.
      const [y, m, d] = String(cells[24]).split('-').map(Number);
      expect(sheet.get(i + 1, 12 + 24)).toBe(Date.UTC(y!, m! - 1, d!) / 86_400_000 + 25_569);
      expect(Number(sheet.get(i + 1, 12 + 24))).toBeGreaterThan(AS_OF_SERIAL);
      // Churn probability (0–1, shown as a percentage) and the model's name, right after the churn reason.
      expect(sheet.get(i + 1, 12 + 15)).toBe(cells[15] ?? '');
      expect(sheet.get(i + 1, 12 + 16)).toBe(cells[16]);
    }
    expect(sheet.formatAt(5, 12 + 2)).toBe('"¥"#,##0.00'); // Monetary, in the data's currency
    expect(sheet.formatAt(5, 12 + 15)).toBe('0.0%'); // Churn probability
    expect(sheet.formatAt(5, 12 + 9)).toBe('@'); // RFM code stays text
    expect(sheet.formatAt(5, 12 + 24)).toBe('yyyy-mm-dd');
    expect(sheet.styles.get('0,12')).toMatchObject({ bold: true, fill: HEADER_STYLE.fill, color: HEADER_STYLE.font });
    expect(sheet.styles.get('0,0')).toBeUndefined();
    expect(sheet.columnWidths.get(12 + 19)).toBe(220); // Strategy (measures) is wide

    const settings = parseSettings(book.settings.get(SETTINGS_KEY));
    expect(settings.written[sheet.id]).toEqual({
      headerRow: 0,
      firstColumn: 12,
      columnCount: 26,
      rowCount: 21,
      headers,
      table: { id: sheet.tables[0]!.id, created: true },
      frozeRows: 1,
      widths: new Array(26).fill(64), // the sheet's widths before Tierline sized its columns
    });
    expect(settings).toMatchObject({ scheme: 'rfm', asOf: AS_OF, locale: 'en' });
    expect(book.syncs.every((s) => s.requestBytes < FAKE_PAYLOAD_LIMIT && s.responseBytes < FAKE_PAYLOAD_LIMIT)).toBe(
      true,
    );
  });

  it('builds the localized summary sheet with the segment and strategy tables and four native charts', async () => {
    const { book } = createCustomerBook(200);
    await segmentSelection(book.context, { ...request, locale: 'zh-CN' });
    const summary = book.sheet('Tierline 汇总');
    expect(summary.get(0, 0)).toBe('群体汇总');
    // One churn truth with its definition: customer rows carry no history, so the SPEC rules decide.
    const customers = book.sheet('Customers');
    let yes = 0;
    for (let r = 1; r <= 200; r++) if (customers.get(r, 12 + 13) === '是') yes++;
    const churnLine = String(summary.get(2, 0));
    expect(
      churnLine.startsWith(`流失：流失风险：${yes}位客户（${((yes / 200) * 100).toFixed(1)}%）。流失风险 = 符合任一`),
    ).toBe(true);
    expect(churnLine.endsWith('；无概率：输入为每位客户一行，无购买明细。')).toBe(true);
    expect(summary.read({ row: 3, column: 0, rowCount: 1, columnCount: 8 })[0]).toEqual([
      '细分群体',
      '客户数',
      '占比',
      '收入',
      '收入占比',
      '平均R(天)',
      '平均F',
      '平均M',
    ]);
    expect(summary.get(4, 0)).toBe('冠军客户');
    // 11 named segments and 未分类 (unclassified), then the total.
    expect(summary.read({ row: 15, column: 0, rowCount: 2, columnCount: 2 })).toEqual([
      ['未分类', 0],
      ['合计', 200],
    ]);
    expect(summary.charts.map((c) => [c.type, c.name])).toEqual([
      ['Pie', 'TierlinePie'],
      ['BarClustered', 'TierlineShares'],
      ['XYScatter', 'TierlineScatter'],
      ['Radar', 'TierlineRadar'],
    ]);
    expect(summary.charts[0]!.source).toBe("'Tierline 汇总'!A4:B16");
    expect(summary.charts[1]!.series.map((s) => s.name)).toEqual(['客户占比', '收入贡献']);
    expect(summary.charts[2]!.series.length).toBeGreaterThan(3);
    expect(summary.charts[2]!.axisTitles).toEqual({ category: 'F · 消费频次', value: 'M · 消费金额' });
  });

  it('moves 100,000 rows in about rows ÷ block size syncs, each under the 5 MB limit', async () => {
    const { book, sheet } = createCustomerBook(100_000);
    const outcome = await segmentSelection(book.context, request);
    expect(outcome.customers).toBe(100_000);
    const rows = createCustomerSheet(100_000);
    const result = segmentTable(rows[0]!, rows.slice(1), { asOf: AS_OF, today: '2026-11-02' });
    const writeBlocks = planRowBlocks(listBlockRows(buildRowColumns(result, 100_000, 'en'))).length;
    const writeSyncs = book.syncs.filter((s) => s.calculationSuspended).length;
    expect(writeSyncs).toBe(writeBlocks);
    // ~45 MB of results (churn reasons now say why, plus probability and model) at 4 MB per block,
    // ~10 MB read in ~3 MB blocks, plus probe, check, summary and settings.
    expect(writeBlocks).toBeGreaterThanOrEqual(10);
    expect(writeBlocks).toBeLessThanOrEqual(14);
    expect(book.syncCount).toBeLessThanOrEqual(25);
    expect(outcome.syncs).toBe(book.syncCount);
    expect(Math.max(...book.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)))).toBeLessThan(
      FAKE_PAYLOAD_LIMIT,
    );
    expect(Math.max(...book.syncs.map((s) => s.requestBytes))).toBeGreaterThan(BLOCK_BUDGET_BYTES * 0.8);
    expect(sheet.get(100_000, 22)).not.toBe('');
  }, 60_000);

  it('replaces its own columns on a rerun instead of appending, even with another scheme', async () => {
    const { book, sheet } = createCustomerBook(30);
    await segmentSelection(book.context, request);
    const first = sheet.read({ row: 0, column: 12, rowCount: 31, columnCount: 26 });
    book.select(sheet, 'A1');
    const again = await segmentSelection(book.context, request);
    expect(again.replacedEarlierColumns).toBe(true);
    expect(again.source).toBe('Customers!A1:L31');
    expect(sheet.read({ row: 0, column: 12, rowCount: 31, columnCount: 26 })).toEqual(first);
    expect(sheet.get(0, 38)).toBe('');
    expect(book.sheets.map((s) => s.name)).toEqual(['Customers', 'Tierline Summary']);

    // A scheme with extra columns (Why, Value tier, Response SLA …) still starts at M.
    const tiers = await segmentSelection(book.context, { ...request, scheme: 'c-value-tiers' });
    expect(tiers.target.startsWith('Customers!M1:')).toBe(true);
    expect(sheet.get(0, 12)).toBe('Recency (days)');
    const width = parseSettings(book.settings.get(SETTINGS_KEY)).written[sheet.id]!.columnCount;
    expect(width).toBeGreaterThan(26);
    // Back to rfm: the wider area is cleared, nothing of the tier columns is left.
    await segmentSelection(book.context, request);
    for (let j = 12 + 26; j < 12 + width; j++) expect(sheet.get(0, j)).toBe('');
  });

  it('keeps hidden and filtered rows in place: each result stays on its customer row', async () => {
    const { book, sheet } = createCustomerBook(12);
    sheet.hiddenRows.add(3).add(4);
    await segmentSelection(book.context, request);
    const rows = createCustomerSheet(12);
    const result = segmentTable(rows[0]!, rows.slice(1), { asOf: AS_OF, today: '2026-11-02' });
    for (const r of [3, 4, 5]) expect(sheet.get(r, 22)).toBe(resultCells(result, result.rowCustomer![r - 1]!)[10]);
  });

  it('reads an Excel table around the active cell and leaves out its totals row', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Data');
    sheet.put(2, 1, createCustomerSheet(10));
    sheet.put(13, 1, [['Total', '', '', '', '', '', '', 123, 4567]]);
    sheet.tables.push({
      name: 'Customers',
      box: { row: 2, column: 1, rowCount: 12, columnCount: 12 },
      showTotals: true,
    });
    book.select(sheet, 'D6');
    const outcome = await segmentSelection(book.context, request);
    expect(outcome).toMatchObject({ source: 'Data!B3:M13', target: 'Data!N3:AM13', customers: 10 });
    expect(sheet.get(13, 13)).toBe('');
  });

  it('writes an order list one row per customer on a customers sheet', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Orders');
    sheet.put(0, 0, [
      ['Order ID', 'Customer ID', 'Order date', 'Amount'],
      ['O1', 'C1', '2026-10-01', 120],
      ['O2', 'C1', '2026-10-20', 80],
      ['O3', 'C2', '2025-05-03', 40],
      ['O4', 'C3', 46_300, 999.5],
    ]);
    book.select(sheet, 'B2');
    const outcome = await segmentSelection(book.context, request);
    expect(outcome).toMatchObject({ shape: 'transactions', customers: 3, target: "'Tierline Customers'!A1:AC4" });
    const customers = book.sheet('Tierline Customers');
    expect(customers.read({ row: 0, column: 0, rowCount: 4, columnCount: 1 }).flat()).toEqual([
      'Customer ID',
      'C1',
      'C2',
      'C3',
    ]);
    expect(sheet.get(0, 4)).toBe('');
    // A rerun replaces the customers sheet it made.
    await segmentSelection(book.context, request);
    expect(book.sheets.map((s) => s.name)).toEqual(['Orders', 'Tierline Customers', 'Tierline Summary']);
  });

  it('undoes a half-finished write when Excel fails a sync', async () => {
    const { book, sheet } = createCustomerBook(20);
    book.failAtSync = 5; // probe, read, check, first write block, summary ← fails
    const error = await failure(book);
    expect(error.code).toBe('excel-failed');
    expect(error.message).toBe(
      'Excel stopped the write (GeneralException: the fake was told to fail this sync). Tierline removed the columns it had started to write; your data is unchanged. Try again, or select a smaller table.',
    );
    expect(sheet.get(0, 12)).toBe('');
    expect(sheet.get(5, 22)).toBe('');
    expect(book.sheets.map((s) => s.name)).toEqual(['Customers']);
  });
});

describe('segmentSelection: reading in blocks', () => {
  it('halves a read block that Excel refuses as too large, and reads every row once', async () => {
    const { book, sheet } = createCustomerBook(3_000);
    // Long notes in the last rows: the first blocks under-estimate the row size.
    for (let r = 2_500; r <= 3_000; r++) sheet.set(r, 1, `Customer ${r} ${'x'.repeat(400)}`);
    book.responseLimit = 150_000;
    const outcome = await segmentSelection(book.context, request);
    expect(book.failedSyncs).toBeGreaterThan(0);
    expect(outcome.customers).toBe(3_000);
    expect(Math.max(...book.syncs.map((s) => s.responseBytes))).toBeLessThanOrEqual(150_000);
    expect(sheet.get(3_000, 22)).not.toBe('');
  });
});
