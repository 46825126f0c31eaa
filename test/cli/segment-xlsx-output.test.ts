// Issue 13: xlsx output holds the same values as csv output for the same
// input, with dates as date cells and numbers as numbers, and the input is
// read once and left as it was.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTableWriter, readTable, type OutputCell } from '../../io/index.js';
import { run } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tierline-xlsx-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const HEADER = ['Customer ID', 'Region', 'Last purchase date', 'Frequency', 'Cumulative spend'];
const ROWS: OutputCell[][] = [
  ['C1', 'North', day('2026-10-30'), 12, 5400.5],
  ['C2', 'South', day('2025-01-15'), 1, 80],
  ['C3', 'East', day('2026-09-01'), 4, 990.25],
  ['C4', 'West', day('2026-06-20'), 7, 2300],
  ['C5', 'North', day('2024-12-01'), 2, 150.75],
];

async function write(path: string, rows: readonly (readonly OutputCell[])[]): Promise<void> {
  const writer = await openTableWriter(path);
  for (const row of rows) writer.writeRow(row);
  await writer.close();
}

async function cells(path: string): Promise<string[][]> {
  const out: string[][] = [];
  const text = (row: readonly unknown[]): string[] => row.map((c) => (c === null || c === undefined ? '' : String(c)));
  await readTable(path, { header: (h) => out.push(text(h)), rows: (batch) => batch.forEach((r) => out.push(text(r))) });
  return out.map((row) => {
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    return row;
  });
}

describe('tierline segment --out .xlsx', () => {
  it('holds the values of the csv output, cell for cell, with dates as dates and numbers as numbers', async () => {
    const input = { xlsx: join(dir, 'customers.xlsx'), csv: join(dir, 'customers.csv') };
    await write(input.xlsx, [HEADER, ...ROWS]);
    await write(input.csv, [HEADER, ...ROWS]);
    const before = readFileSync(input.xlsx);
    const out = { xlsx: join(dir, 'out.xlsx'), csv: join(dir, 'out.csv') };
    for (const format of ['xlsx', 'csv'] as const) {
      const result = await run('segment', input[format], '--as-of', '2026-11-01', '--out', out[format]);
      expect(result.code, result.err).toBe(0);
      expect(result.err).toBe(`Wrote 5 rows to ${out[format]}\n`);
    }
    expect(readFileSync(input.xlsx)).toEqual(before);

    const [fromXlsx, fromCsv] = [await cells(out.xlsx), await cells(out.csv)];
    expect(fromXlsx).toHaveLength(6);
    expect(fromXlsx).toEqual(fromCsv);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out.xlsx);
    const sheet = book.getWorksheet('Tierline')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const due = header.indexOf('Due date') + 1;
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('C1');
    expect(row.getCell(3).value).toEqual(day('2026-10-30'));
    expect(row.getCell(3).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(4).value).toBe(12);
    expect(row.getCell(5).value).toBe(5400.5);
    expect(due).toBeGreaterThan(5);
    expect(row.getCell(due).value).toBeInstanceOf(Date);
    expect(row.getCell(due).numFmt).toBe('yyyy-mm-dd');
  });
});
