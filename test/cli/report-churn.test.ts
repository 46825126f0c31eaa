import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

// The report shows the churn truth with its evidence and money in the data's currency (issue 11 §3–4).
const dir = mkdtempSync(join(tmpdir(), 'tierline-report-churn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report: churn evidence and currency', () => {
  it('order lines in GBP: £ amounts, one at-risk count with its definition, in html and xlsx', async () => {
    const html = join(dir, 'report.html'),
      xlsx = join(dir, 'report.xlsx');
    const result = await run(
      'report',
      'test/fixtures/order-lines/hand-20.csv',
      '--as-of',
      '2011-01-01',
      '--currency',
      'GBP',
      '--out',
      html,
      '--xlsx',
      xlsx,
    );
    expect(result.code, result.err).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(
      /<section id="churn"><h2>Churn<\/h2><p class="note">Churn: At risk: \d+ customers \([\d.]+%\)\. At risk = /,
    );
    expect(page.includes('£')).toBe(true);
    expect(page.includes('¥')).toBe(false);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    // The summary sheet follows the "This week" sheet.
    const sheet = book.getWorksheet('Summary')!;
    expect(String(sheet.getRow(3).getCell(1).value)).toMatch(/^Churn: At risk: \d+ customers/);
    const formats = new Set<string>();
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.numFmt) formats.add(cell.numFmt);
      }),
    );
    expect(formats).toContain('"£"#,##0.00');
  }, 60_000);
});
