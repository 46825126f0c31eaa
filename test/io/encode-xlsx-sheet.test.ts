import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createXlsxSheetEncoder, escapeXml } from '../../io/encode-xlsx-sheet.js';
import { readTable } from '../../io/index.js';
import { createZipStream } from '../../io/zip-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'tierline-encode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Encodes rows into a workbook file and returns its path. */
function encode(name: string, rows: readonly (readonly unknown[])[]): string {
  const chunks: Buffer[] = [];
  const encoder = createXlsxSheetEncoder('Tierline', (bytes) => chunks.push(Buffer.from(bytes)));
  for (const row of rows) encoder.addRow(row as never);
  encoder.finish();
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

/** The entries of a zip made by createZipStream, inflated (reads the central directory). */
function unzip(zip: Buffer): Map<string, string> {
  const entries = new Map<string, string>();
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26);
    entries.set(name, inflateRawSync(zip.subarray(start, start + compressed)).toString('utf8'));
    at += 46 + nameLength;
  }
  return entries;
}

describe('createZipStream', () => {
  it('joins sync-flushed pieces into one deflate stream per entry, with sizes in the central directory', () => {
    const chunks: Buffer[] = [];
    const zip = createZipStream((bytes) => chunks.push(Buffer.from(bytes)));
    zip.startEntry('a.txt');
    zip.write(Buffer.from('hello, '));
    zip.write(Buffer.from('world'));
    zip.startEntry('目录/b.txt');
    zip.write(Buffer.from('二'));
    zip.finish();
    const bytes = Buffer.concat(chunks);
    expect([...unzip(bytes)]).toEqual([
      ['a.txt', 'hello, world'],
      ['目录/b.txt', '二'],
    ]);
    // The central directory records the uncompressed size of 'hello, world'.
    const end = bytes.length - 22;
    expect(bytes.readUInt32LE(bytes.readUInt32LE(end + 16) + 24)).toBe(12);
  });
});

describe('escapeXml', () => {
  it('escapes what XML reserves, drops what XML 1.0 cannot carry, keeps surrogate pairs', () => {
    expect(escapeXml('a<b & "c" > d')).toBe('a&lt;b &amp; &quot;c&quot; &gt; d');
    expect(escapeXml('tab\tand\nline\u0001\u001f\ufffe')).toBe('tab\tand\nline');
    expect(escapeXml('emoji 😀 lone \ud800 end')).toBe('emoji 😀 lone  end');
    expect(escapeXml('客户')).toBe('客户');
  });
});

describe('createXlsxSheetEncoder', () => {
  it('writes a workbook Excel readers accept: bold frozen header, numbers, booleans, dates with a date format', async () => {
    const path = encode('cells.xlsx', [
      ['客户编号', 'amount', 'vip', 'day', 'stamp', 'note'],
      ['C001', 1234.5, true, new Date(Date.UTC(2026, 10, 1)), new Date(Date.UTC(2026, 10, 1, 9, 30)), ' padded '],
      ['C002', Number.NaN, false, null, undefined, 'a<b & c'],
      ['C001', -0.25, null, new Date(Date.UTC(1999, 11, 31)), null, ''],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Tierline')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'C001',
      1234.5,
      true,
      new Date(Date.UTC(2026, 10, 1)),
      new Date(Date.UTC(2026, 10, 1, 9, 30)),
      ' padded ',
    ]);
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    // NaN as text (a NaN number cell makes Excel call the file corrupt); empty cells left out.
    expect(sheet.getRow(3).values).toEqual([undefined, 'C002', 'NaN', false, undefined, undefined, 'a<b & c']);
    expect(sheet.getRow(4).values).toEqual([undefined, 'C001', -0.25, undefined, new Date(Date.UTC(1999, 11, 31))]);
  });

  it('reads back through readTable with the date columns named', async () => {
    const path = encode('dates.xlsx', [
      ['id', 'day'],
      ['C1', new Date(Date.UTC(2024, 1, 29))],
      ['C2', '2024-03-01'],
    ]);
    const rows: unknown[] = [];
    const result = await readTable(path, { header: () => {}, rows: (batch) => rows.push(...batch) });
    expect(result).toEqual({ format: 'xlsx', dataRows: 2, sheet: 'Tierline', dateColumns: [1] });
    expect(rows).toEqual([
      ['C1', '2024-02-29'],
      ['C2', '2024-03-01'],
    ]);
  });

  it('keeps repeated strings in the shared string table once', () => {
    const chunks: Buffer[] = [];
    const encoder = createXlsxSheetEncoder('S', (bytes) => chunks.push(Buffer.from(bytes)));
    for (let i = 0; i < 1000; i++) encoder.addRow(['Champions', `C${i}`]);
    encoder.finish();
    const parts = unzip(Buffer.concat(chunks));
    const shared = parts.get('xl/sharedStrings.xml')!;
    expect(shared.match(/<si>/g)).toHaveLength(1001);
    expect(shared.split('<t>Champions</t>')).toHaveLength(2);
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain(
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>2</v></c></row>',
    );
  });

  it('removes the temp file of the deflated sheet when finished or dropped', () => {
    const temps = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('tierline-xlsx-'));
    const before = temps();
    const finished = createXlsxSheetEncoder('S', () => {});
    const dropped = createXlsxSheetEncoder('S', () => {});
    expect(temps().filter((name) => !before.includes(name))).toHaveLength(2);
    finished.addRow(['x']);
    finished.finish();
    dropped.addRow(['y']);
    dropped.dispose();
    dropped.dispose();
    expect(temps().filter((name) => !before.includes(name))).toEqual([]);
  });
});
