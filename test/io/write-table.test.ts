import ExcelJS from 'exceljs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import { DataValidationError } from '../../core/report/cell-issue.js';
import type { Cell } from '../../core/table/cell.js';
import { formatCsvRow } from '../../io/format-csv-row.js';
import { openTableWriter, readTable, type TableWriter } from '../../io/index.js';
import { collectTable, createTempDir } from './collect-table.js';

const temp = createTempDir('write');
afterAll(() => temp.cleanup());
const path = (name: string): string => join(temp.dir, name);

async function writeAll(
  file: string,
  rows: readonly (readonly Cell[])[],
  options?: Parameters<typeof openTableWriter>[1],
): Promise<void> {
  const writer = await openTableWriter(file, options);
  rows.forEach((row) => writer.writeRow(row));
  await writer.close();
}

describe('openTableWriter types', () => {
  it('has the documented signature', () => {
    expectTypeOf(openTableWriter).returns.resolves.toEqualTypeOf<TableWriter>();
    expectTypeOf<TableWriter['writeRow']>().returns.toEqualTypeOf<void>();
    expectTypeOf<TableWriter['close']>().returns.toEqualTypeOf<Promise<void>>();
  });
});

describe('formatCsvRow', () => {
  it('quotes only what RFC 4180 (and Excel trimming) requires', () => {
    expect(formatCsvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', ' lead', 'trail\t', '客户', ''])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere"," lead","trail\t",客户,\r\n',
    );
  });

  it('writes numbers at full precision, booleans as Excel does, and nothing for null', () => {
    expect(formatCsvRow([0.1 + 0.2, 1e21, -0, 2 ** 64, 1.5e-7, true, false, null, undefined])).toBe(
      '0.30000000000000004,1e+21,0,18446744073709552000,1.5e-7,TRUE,FALSE,,\r\n',
    );
  });

  it('writes an empty row as an empty line', () => {
    expect(formatCsvRow([])).toBe('\r\n');
  });
});

describe('openTableWriter csv', () => {
  it('writes a UTF-8 BOM and CRLF lines by default', async () => {
    await writeAll(path('bom.csv'), [
      ['客户编号', 'note'],
      ['C001', 'a,b'],
    ]);
    expect(readFileSync(path('bom.csv'))).toEqual(Buffer.from('\uFEFF客户编号,note\r\nC001,"a,b"\r\n'));
  });

  it('leaves the BOM out when asked', async () => {
    await writeAll(path('no-bom.csv'), [['id'], [1]], { bom: false });
    expect(readFileSync(path('no-bom.csv'), 'utf8')).toBe('id\r\n1\r\n');
  });

  it('takes the format from the extension, in any case, unless given', async () => {
    await writeAll(path('UPPER.CSV'), [['id']]);
    expect(readFileSync(path('UPPER.CSV'), 'utf8')).toBe('\uFEFFid\r\n');
    await writeAll(path('out.dat'), [['id']], { format: 'csv' });
    expect(readFileSync(path('out.dat'), 'utf8')).toBe('\uFEFFid\r\n');
  });

  it('refuses an extension it cannot write', async () => {
    const error: unknown = await openTableWriter(path('out.txt')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).issues).toEqual([
      {
        code: 'unsupported-file',
        row: 0,
        column: '',
        value: '.txt',
        message: 'Cannot write out.txt: name the output .csv or .xlsx',
      },
    ]);
  });

  it('writes many rows in chunks and reads them back in order', async () => {
    const file = path('many.csv');
    const writer = await openTableWriter(file);
    writer.writeRow(['id', 'name', 'amount']);
    for (let i = 0; i < 200_000; i++) writer.writeRow([`C${i}`, `客户 ${i}, "VIP"`, i / 7]);
    await writer.close();

    let seen = 0;
    let ordered = true;
    const result = await readTable(file, {
      header: () => {},
      rows: (batch, first) => {
        batch.forEach((row, k) => {
          const i = first - 2 + k;
          if (row[0] !== `C${i}` || row[1] !== `客户 ${i}, "VIP"` || row[2] !== String(i / 7)) ordered = false;
        });
        seen += batch.length;
      },
    });
    expect(result.dataRows).toBe(200_000);
    expect(seen).toBe(200_000);
    expect(ordered).toBe(true);
  });

  it('refuses rows after close, and closes twice without complaint', async () => {
    const writer = await openTableWriter(path('closed.csv'));
    writer.writeRow(['id']);
    await writer.close();
    await writer.close();
    expect(() => writer.writeRow(['late'])).toThrow('writeRow after close: closed.csv');
    expect(readFileSync(path('closed.csv'), 'utf8')).toBe('\uFEFFid\r\n');
  });

  it('rejects when the file cannot be created', async () => {
    await expect(openTableWriter(path('missing-dir/out.csv'))).rejects.toThrow(/ENOENT/);
    await expect(openTableWriter(path('missing-dir/out.xlsx'))).rejects.toThrow(/ENOENT/);
  });
});

describe('openTableWriter xlsx', () => {
  it('writes a bold, frozen header and the values, numbers as numbers', async () => {
    const file = path('out.xlsx');
    await writeAll(
      file,
      [
        ['客户编号', 'amount', 'vip', 'note'],
        ['C001', 1234.5, true, null],
        ['C002', Number.NaN, false, '#N/A'],
      ],
      { sheetName: 'Segments' },
    );

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Segments')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.getRow(2).values).toEqual([undefined, 'C001', 1234.5, true]);
    // NaN goes in as text: a NaN number cell would make Excel call the file corrupt.
    expect(sheet.getRow(3).values).toEqual([undefined, 'C002', 'NaN', false, '#N/A']);

    const table = await collectTable(file);
    expect(table.result).toEqual({ format: 'xlsx', dataRows: 2, sheet: 'Segments' });
  });

  it('refuses a sheet name Excel would refuse', async () => {
    await expect(openTableWriter(path('bad.xlsx'), { sheetName: 'a/b' })).rejects.toThrow();
    await expect(openTableWriter(path('bad.xlsx'), { sheetName: 'x'.repeat(32) })).rejects.toThrow();
  });
});

describe('openTableWriter writes atomically', () => {
  let n = 0;
  const folder = (): string => {
    const dir = path(`atomic-${++n}`);
    mkdirSync(dir);
    return dir;
  };

  it('shows nothing under the target name until close, then the whole file', async () => {
    for (const name of ['out.csv', 'out.xlsx']) {
      const dir = folder();
      const writer = await openTableWriter(join(dir, name));
      writer.writeRow(['id']);
      writer.writeRow(['C1']);
      expect(readdirSync(dir)).toHaveLength(1);
      expect(readdirSync(dir)[0]).toMatch(
        new RegExp(`^\\.${name.replace('.', '\\.')}\\.tierline-\\d+-[0-9a-f]{8}\\.tmp$`),
      );
      await writer.close();
      expect(readdirSync(dir)).toEqual([name]);
      expect((await collectTable(join(dir, name))).result.dataRows).toBe(1);
    }
  });

  it('abort leaves the previous file byte for byte and removes the temp file', async () => {
    for (const name of ['out.csv', 'out.xlsx']) {
      const dir = folder();
      writeFileSync(join(dir, name), 'previous');
      const writer = await openTableWriter(join(dir, name));
      for (let i = 0; i < 50_000; i++) writer.writeRow([`C${i}`, i]);
      await writer.abort();
      await writer.abort();
      expect(readdirSync(dir)).toEqual([name]);
      expect(readFileSync(join(dir, name), 'utf8')).toBe('previous');
      expect(() => writer.writeRow(['late'])).toThrow('writeRow after close');
    }
  });

  it('an xlsx replaces a workbook with a new one: the old sheets are gone, not merged', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    const old = new ExcelJS.Workbook();
    old.addWorksheet('Orders').addRow(['x']);
    old.addWorksheet('Notes').addRow(['y']);
    await old.xlsx.writeFile(file);
    await writeAll(file, [['id'], ['C1']], { sheetName: 'Tierline' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Tierline']);
  });

  it('an open error names the target, not the temp file', async () => {
    const file = path('no-folder/x.csv');
    await expect(openTableWriter(file)).rejects.toMatchObject({ code: 'ENOENT', path: file });
  });
});
