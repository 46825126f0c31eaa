import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { Cell } from '../../core/table/cell.js';
import { openTableWriter, readTable, type ReadTableResult, type TableSink } from '../../io/index.js';
import { escapeFormulaText } from '../../io/format-csv-row.js';
import { collectTable, createTempDir, noSink, rejection } from './collect-table.js';

const temp = createTempDir('read');
afterAll(() => temp.cleanup());

describe('readTable types', () => {
  it('has the documented signature', () => {
    expectTypeOf(readTable).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(readTable).parameter(1).toEqualTypeOf<TableSink>();
    expectTypeOf(readTable).returns.resolves.toEqualTypeOf<ReadTableResult>();
  });
});

describe('readTable csv: delimiters and encodings', () => {
  it.each([
    ['comma', ',', 'id,name,amount\n1,Ann,10.5\n2,Bob,3\n'],
    ['semicolon', ';', 'id;name;amount\n1;Ann;10,5\n2;Bob;3\n'],
    ['tab', '\t', 'id\tname\tamount\n1\tAnn\t10.5\n2\tBob\t3\n'],
    ['pipe', '|', 'id|name|amount\n1|Ann|10.5\n2|Bob|3\n'],
  ])('detects the %s delimiter', async (name, delimiter, text) => {
    const table = await collectTable(temp.file(`${name}.csv`, text));
    expect(table.result).toEqual({ format: 'csv', encoding: 'utf-8', delimiter, dataRows: 2 });
    expect(table.header).toEqual(['id', 'name', 'amount']);
    expect(table.dataRows).toEqual([
      [2, ['1', 'Ann', delimiter === ';' ? '10,5' : '10.5']],
      [3, ['2', 'Bob', '3']],
    ]);
  });

  it('prefers the delimiter that splits every row like the header', async () => {
    // '|' appears in the header first, but ',' is the delimiter.
    const table = await collectTable(temp.file('mixed.csv', 'name|alias,note\nA|a,x\nB|b,y\n'));
    expect(table.result.delimiter).toBe(',');
    expect(table.header).toEqual(['name|alias', 'note']);
  });

  it('uses the delimiter it is given', async () => {
    const table = await collectTable(temp.file('given.csv', 'a;b,c\n1;2,3\n'), { delimiter: ';' });
    expect(table.header).toEqual(['a', 'b,c']);
    expect(table.dataRows).toEqual([[2, ['1', '2,3']]]);
  });

  it('rejects a delimiter udsv cannot use', async () => {
    await expect(readTable(temp.file('bad-delim.csv', 'a,b\n'), noSink, { delimiter: '"' })).rejects.toThrow();
  });

  it('strips a UTF-8 BOM', async () => {
    const table = await collectTable(temp.file('bom.csv', '\uFEFF客户编号,金额\nC001,12\n'));
    expect(table.result.encoding).toBe('utf-8');
    expect(table.header).toEqual(['客户编号', '金额']);
  });

  it('falls back to GB18030 when the bytes are not UTF-8', async () => {
    // GB18030 bytes, built by hand: 客 BF CD, 户 BB A7, 编 B1 E0, 号 BA C5, 金 BD F0, 额 B6 EE, 姓 D0 D5, 名 C3 FB.
    const gb = (...hex: number[]): Buffer => Buffer.from(hex);
    const customerId = gb(0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5);
    const amount = gb(0xbd, 0xf0, 0xb6, 0xee);
    const name = gb(0xd0, 0xd5, 0xc3, 0xfb);
    expect(new TextDecoder('gb18030').decode(customerId)).toBe('客户编号');
    expect(new TextDecoder('gb18030').decode(Buffer.concat([amount, name]))).toBe('金额姓名');
    const bytes = Buffer.concat([
      customerId,
      gb(0x2c),
      amount,
      Buffer.from('\r\nC001,12.5\r\n'),
      name,
      Buffer.from(',3\r\n'),
    ]);

    const table = await collectTable(temp.file('gb.csv', bytes));
    expect(table.result).toEqual({ format: 'csv', encoding: 'gb18030', delimiter: ',', dataRows: 2 });
    expect(table.header).toEqual(['客户编号', '金额']);
    expect(table.dataRows).toEqual([
      [2, ['C001', '12.5']],
      [3, ['姓名', '3']],
    ]);
  });

  it('reads GB18030 when told to', async () => {
    const bytes = Buffer.concat([Buffer.from([0xbf, 0xcd, 0xbb, 0xa7]), Buffer.from(',b\n1,2\n')]);
    const table = await collectTable(temp.file('gb-forced.csv', bytes), { encoding: 'gb18030' });
    expect(table.header).toEqual(['客户', 'b']);
  });

  it("reads Excel's tab-separated UTF-16LE 'Unicode text'", async () => {
    const text = '客户编号\t金额\r\nC001\t12.5\r\nC002\t"a\tb"\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const table = await collectTable(temp.file('unicode.txt', bytes));
    expect(table.result).toEqual({ format: 'csv', encoding: 'utf-16le', delimiter: '\t', dataRows: 2 });
    expect(table.header).toEqual(['客户编号', '金额']);
    expect(table.dataRows).toEqual([
      [2, ['C001', '12.5']],
      [3, ['C002', 'a\tb']],
    ]);
  });

  it('reads UTF-16BE with a BOM', async () => {
    const le = Buffer.from('a,b\n1,2\n', 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const table = await collectTable(temp.file('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
    expect(table.result.encoding).toBe('utf-16be');
    expect(table.dataRows).toEqual([[2, ['1', '2']]]);
  });

  it('does not mistake a UTF-8 character cut at the 64 KB sniffing boundary for GB18030', async () => {
    // Put a 3-byte character across byte 65536.
    const filler = 'x'.repeat(65534 - 'id,name\n'.length - '1,'.length);
    const text = `id,name\n1,${filler}客\n2,尾\n`;
    expect(Buffer.from(text).indexOf(Buffer.from('客'))).toBe(65534);
    const table = await collectTable(temp.file('boundary.csv', text));
    expect(table.result.encoding).toBe('utf-8');
    expect(table.dataRows[1]).toEqual([3, ['2', '尾']]);
  });
});

describe('readTable csv: records and row numbers', () => {
  it('keeps quoted delimiters, quotes and line breaks in one cell, and numbers rows as Excel does', async () => {
    const text = 'id,note,amount\n1,"Smith, J",10\n2,"line one\nline two",20\n3,"say ""hi""",30\n4,plain,40\n';
    const table = await collectTable(temp.file('quoted.csv', text));
    expect(table.dataRows).toEqual([
      [2, ['1', 'Smith, J', '10']],
      [3, ['2', 'line one\nline two', '20']],
      [4, ['3', 'say "hi"', '30']],
      [5, ['4', 'plain', '40']],
    ]);
  });

  it('reads CRLF files, keeping line breaks inside quotes as written', async () => {
    const table = await collectTable(temp.file('crlf.csv', 'id,note\r\n1,a\r\n\r\n2,"x\r\ny"\r\n3,"p\nq"\r\n'));
    expect(table.dataRows).toEqual([
      [2, ['1', 'a']],
      [4, ['2', 'x\r\ny']],
      [5, ['3', 'p\nq']],
    ]);
  });

  it('reads mixed LF and CRLF line breaks, also where the fast parser runs', async () => {
    const regular = Array.from({ length: 20_000 }, (_, i) => `${i},x${i}\r\n`);
    // A bare-LF blank line and bare-LF rows inside CRLF text: udsv, told
    // CRLF, would glue the next row onto them with the row count unchanged.
    const mixed = ['a,b\r\n', '\n', 'c,d\n', 'e,f\r\n', 'g,h\n'];
    const table = await collectTable(
      temp.file('mixed-eol.csv', ['id,v\r\n', ...regular, ...mixed, ...regular].join('')),
    );
    const rows = (first: number) => regular.map((line, i) => [first + i, line.trimEnd().split(',')]);
    expect(table.dataRows).toEqual([
      ...rows(2),
      [20_002, ['a', 'b']],
      [20_004, ['c', 'd']],
      [20_005, ['e', 'f']],
      [20_006, ['g', 'h']],
      ...rows(20_007),
    ]);
  });

  it('reads old Mac files that end lines with CR alone', async () => {
    const table = await collectTable(temp.file('cr.csv', 'id,v\r1,a\r\r2,b\r'));
    expect(table.dataRows).toEqual([
      [2, ['1', 'a']],
      [4, ['2', 'b']],
    ]);
  });

  it('reads a last line without a line break', async () => {
    const table = await collectTable(temp.file('no-eol.csv', 'id,v\n1,a\n2,"b"'));
    expect(table.dataRows).toEqual([
      [2, ['1', 'a']],
      [3, ['2', 'b']],
    ]);
  });

  it('counts blank lines in row numbers, passes them inside a batch as [], and drops trailing ones', async () => {
    const table = await collectTable(temp.file('blank.csv', '\n\nid,v\n1,a\n\n\n2,b\n,\n  \n3,c\n\n\n'));
    expect(table.headerRow).toBe(3);
    expect(table.result.dataRows).toBe(3);
    expect([...table.rows]).toEqual([
      [4, ['1', 'a']],
      [5, []],
      [6, []],
      [7, ['2', 'b']],
      [8, []],
      [9, []],
      [10, ['3', 'c']],
    ]);
  });

  it('ends the batch at a long run of blank lines, so the next starts at its own row number', async () => {
    const table = await collectTable(temp.file('gap.csv', `id\n1\n${'\n'.repeat(500)}2\n`));
    expect(table.batches).toEqual([
      { first: 2, size: 1 },
      { first: 503, size: 1 },
    ]);
    expect(table.dataRows).toEqual([
      [2, ['1']],
      [503, ['2']],
    ]);
  });

  it("reads ragged rows, also after the first piece where udsv's fixed-width parser takes over", async () => {
    // udsv alone merges a short row with the next line, glues a long row's
    // extra fields onto its last cell and drops one-field rows.
    const regular = Array.from({ length: 20_000 }, (_, i) => `${i},x${i},y${i}`);
    const ragged = ['1,2', '3,4,5,6', '7,8,9', '"q"', 'solo', '10,"11",12,13', ''];
    // A piece of only long rows: the row count alone would not give them away.
    const long = Array.from({ length: 20_000 }, (_, i) => `${i},x${i},y${i},z${i}`);
    const text = ['a,b,c', ...regular, ...ragged, ...regular, ...long].join('\n') + '\n';
    const table = await collectTable(temp.file('ragged.csv', text));
    const split = (line: string): string[] => line.split(',');
    expect(table.dataRows).toEqual([
      ...regular.map((line, i) => [i + 2, split(line)]),
      [20_002, ['1', '2']],
      [20_003, ['3', '4', '5', '6']],
      [20_004, ['7', '8', '9']],
      [20_005, ['q']],
      [20_006, ['solo']],
      [20_007, ['10', '11', '12', '13']],
      ...regular.map((line, i) => [i + 20_009, split(line)]),
      ...long.map((line, i) => [i + 40_009, split(line)]),
    ]);
  });

  it('reads quoted last cells holding the delimiter, before and after the first piece', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      String(i),
      `n${i}`,
      i % 3 === 0 ? `${i} Main St, Springfield, "IL"` : `note ${i}`,
    ]);
    const text = ['id,name,address', ...rows.map(([a, b, c]) => `${a},${b},"${c!.replaceAll('"', '""')}"`)].join('\n');
    const table = await collectTable(temp.file('addresses.csv', text));
    expect(table.dataRows).toEqual(rows.map((row, i) => [i + 2, row]));
  });

  it('reads a one-column file (udsv alone keeps only its last row)', async () => {
    const table = await collectTable(temp.file('one-column.csv', 'id\nC1\n\n"C,2"\nC3'));
    expect(table.result.delimiter).toBe(',');
    expect(table.dataRows).toEqual([
      [2, ['C1']],
      [4, ['C,2']],
      [5, ['C3']],
    ]);
  });

  it('treats a quote inside an unquoted cell as a character, like Excel', async () => {
    const table = await collectTable(temp.file('inch.csv', 'item,size\nTV,55" wide\nPC,"15"""\n'));
    expect(table.dataRows).toEqual([
      [2, ['TV', '55" wide']],
      [3, ['PC', '15"']],
    ]);
  });

  it('keeps numbering right across 1 MB chunks, multi-line cells and multi-byte characters', async () => {
    // ~3 MB: every 7th row has a quoted two-line cell, every row a Chinese name.
    const lines = ['id,name,note'];
    const expected: [number, string[]][] = [];
    let rowNumber = 1;
    for (let i = 0; i < 60_000; i++) {
      const note = i % 7 === 0 ? `first line ${i}\nsecond, "line"` : `n${i}`;
      const quoted = i % 7 === 0 ? `"${note.replaceAll('"', '""')}"` : note;
      lines.push(`${i},客户${i}号,${quoted}`);
      rowNumber++;
      expected.push([rowNumber, [String(i), `客户${i}号`, note]]);
      if (i % 1000 === 999) {
        lines.push('');
        rowNumber++;
      }
    }
    const table = await collectTable(temp.file('big.csv', lines.join('\n') + '\n'));
    expect(table.result.dataRows).toBe(60_000);
    expect(table.dataRows).toEqual(expected);
  });

  it('reads records, CRLFs, escaped quotes and characters cut by the 1 MiB read boundary', async () => {
    const MiB = 2 ** 20;
    /** ASCII filler rows, then `tail` placed so that its byte `at` is the first byte of the second read. */
    const build = (tail: Buffer, at: number, eol: string): { bytes: Buffer; fillerRows: number } => {
      const head = `id,note${eol}`;
      const rows: string[] = [];
      let length = head.length;
      const target = MiB - at;
      while (target - length > 2100) {
        const row = `${rows.length},${'filler'.repeat(160)}${eol}`;
        rows.push(row);
        length += row.length;
      }
      rows.push(`${rows.length},${'f'.repeat(target - length - String(rows.length).length - 1 - eol.length)}${eol}`);
      const bytes = Buffer.concat([Buffer.from(head + rows.join('')), tail]);
      expect(bytes.indexOf(tail)).toBe(target);
      return { bytes, fillerRows: rows.length };
    };
    const cases = [
      {
        eol: '\n',
        tail: '7,"a\nb""c""\nd"\n8,客户\n',
        cells: [
          ['7', 'a\nb"c"\nd'],
          ['8', '客户'],
        ],
      },
      { eol: '\r\n', tail: '7,"a\r\nb"\r\n\r\n8,x\r\n', cells: [['7', 'a\r\nb'], [], ['8', 'x']] },
    ];
    for (const { eol, tail, cells } of cases) {
      const tailBytes = Buffer.from(tail);
      for (let at = 0; at <= tailBytes.length; at++) {
        const { bytes, fillerRows } = build(tailBytes, at, eol);
        const table = await collectTable(temp.file('boundary-split.csv', bytes));
        const last = [...table.rows].slice(fillerRows);
        expect(last, `eol ${JSON.stringify(eol)}, split at ${at}`).toEqual(
          cells.map((c, i) => [fillerRows + 2 + i, c]),
        );
      }
    }
  });

  it('reports a quote that never closes, with the row where it opens', async () => {
    const error = await rejection(
      readTable(temp.file('open-quote.csv', 'id,note\n1,ok\n2,"never closed\n3,x\n'), noSink),
    );
    expect(error.issues).toEqual([
      {
        code: 'unsupported-file',
        row: 3,
        column: '',
        value: '2,"never closed\n3,x\n',
        message: 'open-quote.csv has a quoted cell starting in row 3 whose closing quote (") is missing',
      },
    ]);
  });

  it('calls a 9 MB line with no quote a line too long, naming file and line, not a missing quote', async () => {
    const error = await rejection(
      readTable(temp.file('one-line.csv', 'id,note\n1,ok\n' + 'abcdefgh,'.repeat(1_050_000) + '\n3,x\n'), noSink),
    );
    expect(error.issues).toEqual([
      {
        code: 'unsupported-file',
        row: 3,
        column: '',
        value: 'abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcd',
        message: 'one-line.csv: line 3 is longer than 8 MB: not a table, or its line endings are not recognised',
      },
    ]);
  });

  it('still calls a quote left open for 9 MB a missing closing quote', async () => {
    const error = await rejection(
      readTable(temp.file('long-quote.csv', 'id,note\n1,"' + 'abcdefgh\n'.repeat(1_050_000)), noSink),
    );
    expect(error.message).toBe('long-quote.csv has a quoted cell starting in row 2 whose closing quote (") is missing');
  });

  it('reports progress at most about once per MB, ending at the file size', async () => {
    const path = temp.file('progress.csv', 'id,v\n' + '123456789,abcdefghij\n'.repeat(150_000));
    const calls: [number, number][] = [];
    await readTable(path, noSink, { onProgress: (read, total) => calls.push([read, total]) });
    const size = 5 + 21 * 150_000;
    expect(calls.at(-1)).toEqual([size, size]);
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(size / 2 ** 20) + 1);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
  });
});

describe('readTable: whole-file problems', () => {
  it.each([
    ['0 bytes', ''],
    ['only a BOM and whitespace', '\uFEFF  \r\n\t\n'],
    ['only delimiters', ',,,\n,,\n'],
  ])('throws empty-file for a file with %s', async (_, content) => {
    const error = await rejection(readTable(temp.file('empty.csv', content), noSink));
    expect(error.code).toBe('empty-file');
    expect(error.issues).toEqual([
      { code: 'empty-file', row: 0, column: '', value: '', message: 'empty.csv is empty' },
    ]);
  });

  it('returns dataRows 0 for a header-only file, leaving the decision to the caller', async () => {
    const table = await collectTable(temp.file('header-only.csv', 'id,name\n\n'));
    expect(table.result.dataRows).toBe(0);
    expect(table.header).toEqual(['id', 'name']);
    expect(table.batches).toEqual([]);
  });

  it('refuses a legacy .xls with advice to save as .xlsx or .csv', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const error = await rejection(readTable(temp.file('old.xls', ole), noSink));
    expect(error.issues).toEqual([
      {
        code: 'unsupported-file',
        row: 0,
        column: '',
        value: '',
        message: 'old.xls is an old Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx or .csv',
      },
    ]);
  });

  it.each([
    [
      'report.pdf',
      Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n', 'latin1'),
      'report.pdf looks like a PDF document, not a table; save the data as .xlsx or .csv',
    ],
    [
      'photo.csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'photo.csv looks like a PNG image, not a table; save the data as .xlsx or .csv',
    ],
    [
      'data.csv',
      Buffer.from([0x41, 0x42, 0x00, 0x01, 0x02, 0x00, 0x00, 0x7f, 0x43]),
      'data.csv looks like a binary file, not a table; save the data as .xlsx or .csv',
    ],
    [
      'files.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('notes.txt')]),
      'files.xlsx looks like a zip archive, not an Excel workbook; unzip it or save the data as .xlsx or .csv',
    ],
    [
      'export.xls',
      Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'),
      'export.xls is a web page (HTML), not a csv or xlsx file; open it in Excel and save it as .xlsx or .csv',
    ],
    [
      'package.json',
      Buffer.from('{\n  "name": "x",\n  "rows": [1, 2]\n}\n'),
      'package.json is a JSON document, not a table; open it in Excel and save it as .xlsx or .csv',
    ],
    [
      'orders.csv',
      Buffer.from('[{"id": 1}, {"id": 2}]'),
      'orders.csv is a JSON document, not a table; open it in Excel and save it as .xlsx or .csv',
    ],
    [
      'feed.csv',
      Buffer.from('<?xml version="1.0"?>\n<rows><row id="1"/></rows>\n'),
      'feed.csv is an XML document, not a table; open it in Excel and save it as .xlsx or .csv',
    ],
  ])('refuses %s, saying what it looks like', async (name, content, message) => {
    const error = await rejection(readTable(temp.file(name, content), noSink));
    expect(error.issues).toEqual([{ code: 'unsupported-file', row: 0, column: '', value: '', message }]);
  });

  it('goes by content, not by name', async () => {
    const table = await collectTable(temp.file('actually-text.xlsx', 'id,v\n1,2\n'));
    expect(table.result.format).toBe('csv');
  });

  it('throws too-many-columns naming the count', async () => {
    const error = await rejection(
      readTable(temp.file('wide.csv', 'a,b,c,d,e,f\n1,2,3,4,5,6\n'), noSink, { maxColumns: 5 }),
    );
    expect(error.issues).toEqual([
      {
        code: 'too-many-columns',
        row: 1,
        column: '',
        value: '6',
        message: 'wide.csv has 6 columns in row 1; at most 5 are supported',
      },
    ]);
  });

  it('reads a 5,000-column csv under the default limit', async () => {
    const header = Array.from({ length: 5000 }, (_, i) => `c${i}`);
    const row = Array.from({ length: 5000 }, (_, i) => String(i));
    const table = await collectTable(
      temp.file('5000.csv', `${header.join(',')}\n${row.join(',')}\n${row.join(',')}\n`),
    );
    expect(table.header).toEqual(header);
    expect(table.dataRows).toEqual([
      [2, row],
      [3, row],
    ]);
  });
});

describe('readTable xlsx', () => {
  it('round-trips numbers, strings, booleans and empty cells written by openTableWriter', async () => {
    const path = `${temp.dir}/round-trip.xlsx`;
    const writer = await openTableWriter(path);
    writer.writeRow(['客户编号', 'amount', 'vip', 'note']);
    writer.writeRow(['C001', 1234.5678, true, '第一']);
    writer.writeRow([]);
    writer.writeRow(['C002', -0.1, false, null]);
    writer.writeRow(['C003', 1e21, null, '']);
    await writer.close();

    const table = await collectTable(path);
    expect(table.result).toEqual({ format: 'xlsx', dataRows: 3, sheet: 'Sheet1' });
    expect(table.header).toEqual(['客户编号', 'amount', 'vip', 'note']);
    expect([...table.rows]).toEqual([
      [2, ['C001', 1234.5678, true, '第一']],
      [3, []],
      [4, ['C002', -0.1, false]],
      [5, ['C003', 1e21]],
    ]);
  });

  it('converts dates, errors, formulas, rich text and links, keeps sparse cells in place and numbers rows as Excel', async () => {
    const path = `${temp.dir}/cells.xlsx`;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hidden notes').state = 'hidden';
    const sheet = workbook.addWorksheet('Orders');
    sheet.getRow(2).values = ['id', 'date', 'time', 'error', 'lookup', 'due', 'rich', 'link', 'flag'];
    sheet.getRow(3).values = [
      'C001',
      new Date(Date.UTC(2024, 0, 15)),
      new Date(Date.UTC(2024, 0, 15, 9, 30, 0)),
      { error: '#N/A' },
      { formula: 'VLOOKUP(A3,X:Y,2,FALSE)', result: { error: '#N/A' } },
      { formula: 'B3+30', result: 45336 },
      { richText: [{ text: '客' }, { text: '户', font: { bold: true } }] },
      { text: 'site', hyperlink: 'https://example.com' },
      { formula: 'TRUE()', result: true },
    ];
    sheet.getCell('F3').numFmt = 'yyyy-mm-dd';
    sheet.getCell('C7').value = { error: '#DIV/0!' };
    await workbook.xlsx.writeFile(path);

    const table = await collectTable(path);
    // The date, the time and the formula with a date format: a writer can put them back as dates.
    expect(table.result).toEqual({ format: 'xlsx', dataRows: 2, sheet: 'Orders', dateColumns: [1, 2, 5] });
    expect(table.headerRow).toBe(2);
    expect(table.header).toEqual(['id', 'date', 'time', 'error', 'lookup', 'due', 'rich', 'link', 'flag']);
    expect(table.dataRows).toEqual([
      // exceljs' streaming reader gives a formula's boolean result as 1.
      [3, ['C001', '2024-01-15', '2024-01-15 09:30:00', '#N/A', '#N/A', '2024-02-14', '客户', 'site', 1]],
      [7, [null, null, '#DIV/0!']],
    ]);
  });

  it('reads the sheet asked for, by name (any case) or by position', async () => {
    const path = `${temp.dir}/sheets.xlsx`;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('First').addRow(['a']);
    workbook.addWorksheet('Second').addRows([['b'], [2]]);
    await workbook.xlsx.writeFile(path);

    expect((await collectTable(path, { sheet: 'second' })).result).toEqual({
      format: 'xlsx',
      dataRows: 1,
      sheet: 'Second',
    });
    expect((await collectTable(path, { sheet: 2 })).header).toEqual(['b']);
    expect((await collectTable(path)).header).toEqual(['a']);
    const missing = await rejection(readTable(path, noSink, { sheet: 'Third' }));
    expect(missing.issues[0]).toMatchObject({
      code: 'unsupported-file',
      message: 'sheets.xlsx has no sheet "Third"; its sheets are "First", "Second"',
    });
  });

  it('throws empty-file for an empty sheet', async () => {
    const path = `${temp.dir}/blank.xlsx`;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Data');
    await workbook.xlsx.writeFile(path);
    const error = await rejection(readTable(path, noSink));
    expect(error.issues[0]).toMatchObject({
      code: 'empty-file',
      message: 'blank.xlsx is empty (sheet "Data" has no data)',
    });
  });

  it('keeps Chinese text whole across zip chunk boundaries (exceljs#2063)', async () => {
    const path = `${temp.dir}/chinese.xlsx`;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    const names = Array.from({ length: 8000 }, (_, i) => `客户名称${i}${'测试数据'.repeat(1 + (i % 3))}`);
    sheet.addRow(['编号', '名称']);
    names.forEach((name, i) => sheet.addRow([i, name]));
    await workbook.xlsx.writeFile(path);

    const table = await collectTable(path);
    expect(table.dataRows.map(([, cells]) => cells[1])).toEqual(names);
  });

  it('reads a 5,000-column sheet and refuses it when maxColumns is lower', async () => {
    const path = `${temp.dir}/wide.xlsx`;
    const header = Array.from({ length: 5000 }, (_, i) => `c${i}`);
    const row = Array.from({ length: 5000 }, (_, i) => i);
    const writer = await openTableWriter(path);
    writer.writeRow(header);
    writer.writeRow(row);
    await writer.close();

    const table = await collectTable(path);
    expect(table.header).toEqual(header);
    expect(table.dataRows).toEqual([[2, row]]);
    const error = await rejection(readTable(path, noSink, { maxColumns: 4999 }));
    expect(error.issues[0]).toMatchObject({ code: 'too-many-columns', row: 1, value: '5000' });
  });

  it('reports a damaged workbook instead of hanging (exceljs alone never settles)', async () => {
    const path = `${temp.dir}/whole.xlsx`;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    for (let i = 0; i < 3000; i++) sheet.addRow([i, `name ${i}`, i * 1.5]);
    await workbook.xlsx.writeFile(path);
    const whole = readFileSync(path);
    const garbled = Buffer.from(whole);
    for (let i = 2000; i < 3000; i++) garbled[i] = i & 0xff;

    for (const [name, bytes] of [
      ['truncated.xlsx', whole.subarray(0, whole.length >> 1)],
      ['garbled.xlsx', garbled],
    ] as const) {
      const error = await rejection(readTable(temp.file(name, bytes), noSink));
      expect(error.issues[0]?.code).toBe('unsupported-file');
      expect(error.message).toMatch(
        new RegExp(
          `^${name.replace('.', '\\.')} could not be read as an Excel workbook \\(.+\\); open it in Excel and save it again as \\.xlsx or \\.csv$`,
        ),
      );
    }
  });

  it("passes the sink's own errors through unchanged", async () => {
    const boom = new Error('sink failed');
    const failing: TableSink = {
      header: () => {},
      rows: () => {
        throw boom;
      },
    };
    const xlsx = `${temp.dir}/sink.xlsx`;
    const writer = await openTableWriter(xlsx);
    writer.writeRow(['id']);
    writer.writeRow([1]);
    await writer.close();
    await expect(readTable(xlsx, failing)).rejects.toBe(boom);
    await expect(readTable(temp.file('sink.csv', 'id\n1\n'), failing)).rejects.toBe(boom);
  });

  it('reads a workbook whose file name says csv', async () => {
    const path = `${temp.dir}/book.xlsx`;
    const writer = await openTableWriter(path);
    writer.writeRow(['id']);
    writer.writeRow([1]);
    await writer.close();
    const renamed = temp.file('book.csv', readFileSync(path));
    expect((await collectTable(renamed)).result.format).toBe('xlsx');
  });
});

describe('readTable csv properties', () => {
  // No CR: the reader turns CRLF inside a cell into LF (documented).
  const cellText = fc.string({
    unit: fc.constantFrom('a', 'Z', '7', ' ', ',', '"', '\n', '\t', ';', '|', '客', '户', "'", '='),
  });

  it('reads back what openTableWriter wrote, rows numbered consecutively', async () => {
    const table = fc
      .integer({ min: 1, max: 6 })
      .chain((width) =>
        fc.tuple(
          fc.constant(width),
          fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { maxLength: 40 }),
        ),
      );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(table, fc.boolean(), async ([width, random], afterFiller) => {
        // With 150 K characters of plain rows first, the random rows fall past
        // the first 128 K piece, where the fast fixed-width parser and its
        // checks take over.
        const fillerRows = afterFiller ? Math.ceil(150_000 / (10 * width)) : 0;
        const filler = Array.from({ length: fillerRows }, (_, i) =>
          Array.from({ length: width }, (_, k) => `r${i}c${k}`.padEnd(9, '.')),
        );
        const rows = [...filler, ...random];
        const header = Array.from({ length: width }, (_, i) => `h${i}`);
        const path = `${temp.dir}/prop-${run++}.csv`;
        const writer = await openTableWriter(path);
        writer.writeRow(header);
        rows.forEach((row) => writer.writeRow(row));
        await writer.close();

        const read = await collectTable(path, { delimiter: ',' });
        expect(read.header).toEqual(header);
        const blank = (row: readonly string[]): boolean => row.every((c) => c.trim() === '');
        // Row i of the file is rows[i - 2]: data rows come back whole, blank
        // rows either inside a batch as [] or not at all.
        // The writer escapes formula-looking text ('=…) so spreadsheets show it: read back as written.
        expect(read.dataRows).toEqual(
          rows.map((row, i) => [i + 2, row.map(escapeFormulaText)] as const).filter(([, row]) => !blank(row)),
        );
        for (const [rowNumber, cells] of read.rows) {
          if (cells.length === 0) expect(blank(rows[rowNumber - 2]!)).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('reads ragged rows: each row as many cells as written', async () => {
    let run = 0;
    const filler = Array.from({ length: 6000 }, (_, i) => [`r${i}`, 'filler', 'row']);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { maxLength: 30 }),
        fc.boolean(),
        async (random, afterFiller) => {
          // After the filler the rows reach udsv's fast parser, whose checks must send them to the tolerant one.
          const rows = afterFiller ? [...filler, ...random] : random;
          const path = `${temp.dir}/ragged-${run++}.csv`;
          const writer = await openTableWriter(path);
          writer.writeRow(['a', 'b', 'c']);
          rows.forEach((row) => writer.writeRow(row));
          await writer.close();

          const table = await collectTable(path, { delimiter: ',' });
          const blank = (row: readonly Cell[]): boolean => row.every((c) => String(c).trim() === '');
          const expected = new Map(
            rows.map((row, i) => [i + 2, row.map(escapeFormulaText)] as const).filter(([, row]) => !blank(row)),
          );
          expect(new Map(table.dataRows)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
