import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataValidationError } from '../../core/report/cell-issue.js';
import { openTableWriter, readTable, type TableSink } from '../../io/index.js';
import { readXlsx, type XlsxReadOptions } from '../../io/read-xlsx.js';
import { parseDateStyles } from '../../io/read-xlsx-parts.js';
import { createRowBatcher, type RowBatcher } from '../../io/row-batcher.js';
import { createZipStream } from '../../io/zip-stream.js';
import { collectTable, createTempDir, noSink, rejection } from './collect-table.js';
import { readXlsxWithExceljs } from './support/read-xlsx-with-exceljs.js';

const temp = createTempDir('read-xlsx');
afterAll(() => temp.cleanup());

type Reader = (path: string, batcher: RowBatcher, options: XlsxReadOptions) => Promise<unknown>;

/** Everything a reader hands a batcher (header, batches with their first row) and what it returns. */
async function readWith(reader: Reader, path: string, sheet?: string | number): Promise<unknown> {
  const seen: unknown[] = [];
  const sink: TableSink = {
    header: (cells, row) => seen.push(['header', row, [...cells]]),
    rows: (batch, first) => seen.push(['rows', first, batch.map((cells) => [...cells])]),
  };
  const batcher = createRowBatcher(sink, { fileName: basename(path), maxColumns: 16_384 });
  try {
    const result = await reader(path, batcher, {
      fileName: basename(path),
      size: statSync(path).size,
      sheet,
      onProgress: undefined,
    });
    batcher.finish();
    return { result, seen };
  } catch (error) {
    return { error: error instanceof DataValidationError ? error.issues : String(error) };
  }
}

/** A zip of the given parts (the repo's own zip writer), as an .xlsx file in the temp folder. */
function zipFile(name: string, parts: Readonly<Record<string, string>>): string {
  const chunks: Buffer[] = [];
  const zip = createZipStream((bytes) => chunks.push(bytes));
  for (const [part, xml] of Object.entries(parts)) {
    zip.startEntry(part);
    zip.write(Buffer.from(xml, 'utf8'));
  }
  zip.finish();
  return temp.file(name, Buffer.concat(chunks));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';
const STYLES =
  `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>` +
  '<cellXfs count="4"><xf numFmtId="14"/><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>';

/** A one-sheet workbook written by hand: the sheet's `<sheetData>` body, shared strings, workbookPr. */
function handWorkbook(
  name: string,
  rows: string,
  options: { strings?: readonly string[]; workbookPr?: string; sheetName?: string } = {},
): string {
  const parts: Record<string, string> = {
    '[Content_Types].xml': CONTENT_TYPES,
    'xl/workbook.xml':
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.workbookPr ?? ''}` +
      `<sheets><sheet name="${options.sheetName ?? 'Data'}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`,
  };
  if (options.strings) {
    parts['xl/sharedStrings.xml'] =
      `<sst xmlns="${MAIN}">${options.strings.map((s) => `<si>${s}</si>`).join('')}</sst>`;
  }
  return zipFile(name, parts);
}

/** Workbooks written by exceljs covering every kind of cell its reader knew. */
async function exceljsWorkbooks(): Promise<string[]> {
  const cells = new ExcelJS.Workbook();
  cells.addWorksheet('Hidden notes').state = 'hidden';
  const sheet = cells.addWorksheet('Orders');
  sheet.getRow(2).values = ['id', 'date', 'time', 'error', 'lookup', 'due', 'rich', 'link', 'flag', 'n', 'text'];
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
    -12.5e-7,
    'a < b & "c" \'d\' &amp;',
  ];
  sheet.getRow(4).values = [
    'C002',
    null,
    null,
    null,
    { formula: 'A4&"x"', result: 'C002x' },
    { formula: 'NOW()', result: 45336.75 },
  ];
  sheet.getCell('F3').numFmt = 'yyyy-mm-dd';
  sheet.getCell('F4').numFmt = 'yyyy-mm-dd hh:mm';
  sheet.getCell('C7').value = { error: '#DIV/0!' };
  sheet.getCell('Z9').value = false;
  sheet.getCell('B9').value = 0.1 + 0.2;
  sheet.getCell('C9').value = 123456789012345680000;
  sheet.getCell('D9').value = 45000;
  sheet.getCell('D9').numFmt = 'd-mmm-yy';
  const paths = [join(temp.dir, 'exceljs-cells.xlsx')];
  await cells.xlsx.writeFile(paths[0]!);

  const book1904 = new ExcelJS.Workbook();
  book1904.properties.date1904 = true;
  const dates = book1904.addWorksheet('Dates');
  dates.addRow(['id', 'day']);
  dates.addRow([1, new Date(Date.UTC(2020, 1, 29))]);
  paths.push(join(temp.dir, 'exceljs-1904.xlsx'));
  await book1904.xlsx.writeFile(paths[1]!);

  const chinese = new ExcelJS.Workbook();
  const names = chinese.addWorksheet('客户');
  names.addRow(['编号', '名称', '金额']);
  for (let i = 0; i < 6000; i++) names.addRow([i, `客户名称${i}${'测试数据'.repeat(1 + (i % 3))}`, i * 1.25]);
  paths.push(join(temp.dir, 'exceljs-chinese.xlsx'));
  await chinese.xlsx.writeFile(paths[2]!);
  return paths;
}

/** Workbooks written by Tierline's own streaming writer (shared strings after the sheet). */
async function tierlineWorkbook(): Promise<string> {
  const path = join(temp.dir, 'tierline-writer.xlsx');
  const writer = await openTableWriter(path, { format: 'xlsx', sheetName: 'Tierline' });
  writer.writeRow(['客户编号', 'amount', 'vip', 'note', 'day']);
  for (let i = 0; i < 3000; i++) {
    writer.writeRow([
      `C${i}`,
      i * 1.5 - 7,
      i % 2 === 0,
      i % 5 === 0 ? null : `第${i % 70_000}`,
      new Date(Date.UTC(2024, 0, 1 + i)),
    ]);
  }
  writer.writeRow([]);
  writer.writeRow(['=1+1', 1e21, null, '']);
  await writer.close();
  return path;
}

/** Every xlsx in the repository's test fixtures, sample/, the shared data and Excel-made templates in node_modules. */
function repositoryWorkbooks(): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (!existsSync(dir) || depth > 6) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.name.endsWith('.xlsx')) found.push(path);
    }
  };
  for (const dir of ['test/fixtures', 'sample', '../shared/data', 'node_modules/office-addin-dev-settings/templates']) {
    walk(dir, 0);
  }
  return found;
}

describe('readXlsx matches the exceljs reader it replaces', () => {
  it('reads every workbook at hand with identical rows, results and errors', async () => {
    const workbooks = [...repositoryWorkbooks(), ...(await exceljsWorkbooks()), await tierlineWorkbook()];
    // The two Excel add-in templates in node_modules, the three exceljs books and Tierline's own.
    expect(workbooks.length).toBeGreaterThanOrEqual(6);
    for (const path of workbooks) {
      for (const sheet of [undefined, 1, 2, 'orders', 'Nope']) {
        const ours = await readWith(readXlsx, path, sheet);
        const theirs = await readWith(readXlsxWithExceljs, path, sheet);
        if (path.includes('office-addin-dev-settings') && sheet === undefined) {
          // OpenXML SDK output: x:-prefixed elements and a part named sheet.xml, which
          // exceljs never found ("no worksheet"); its one sheet is empty.
          expect(theirs).toMatchObject({ error: [{ message: `${basename(path)} has no worksheet to read` }] });
          expect(ours).toEqual({ result: { sheet: 'Sheet1', dateColumns: [] }, seen: [] });
          continue;
        }
        if (path.includes('office-addin-dev-settings')) continue;
        expect({ path, sheet, ...(ours as object) }).toEqual({ path, sheet, ...(theirs as object) });
      }
    }
  }, 120_000);

  // bench/data is generated by `npm run bench` and ignored by git: skipped (visibly) without it.
  const benchSheet = 'bench/data/segment-customers-100000.xlsx';
  it.skipIf(!existsSync(benchSheet))(
    'reads the 100,000-row benchmark sheet identically',
    async () => {
      const path = benchSheet;
      expect(await readWith(readXlsx, path)).toEqual(await readWith(readXlsxWithExceljs, path));
    },
    300_000,
  );
});

describe('readXlsx cells', () => {
  it('reads each kind of cell as the engine expects', async () => {
    const path = handWorkbook(
      'kinds.xlsx',
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c>' +
        '<c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" s="2"><v>45306.5</v></c>' +
        '<c r="G1"><f>1+1</f><v>2</v></c><c r="H1" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c>' +
        '<c r="I1" t="e"><f>NA()</f><v>#N/A</v></c><c r="J1" s="2"><f>F1</f><v>45306</v></c><c r="K1" t="b"><f>TRUE()</f><v>1</v></c></row>' +
        '<row r="3"><c r="C3"><v>-1.25E-3</v></c><c r="E3" t="s"><v>2</v></c><c r="F3" s="3"><v>12.5</v></c><c r="G3" s="2"/></row>',
      {
        strings: [
          '<t>id</t>',
          '<r><t>客</t></r><r><rPr><b/></rPr><t xml:space="preserve">户 </t></r>',
          '<t>a&lt;b</t><rPh sb="0" eb="1"><t>ア</t></rPh>',
        ],
      },
    );
    const table = await collectTable(path);
    expect(table.header).toEqual([
      'id',
      '客户 ',
      'inline',
      'TRUE',
      '#N/A',
      '2024-01-15 12:00:00',
      '2',
      'a&b',
      '#N/A',
      '2024-01-15',
      '1',
    ]);
    // A row number jump leaves row 2 blank; C3 after nothing fills A3 and B3 with null; G3 is styled but empty.
    expect(table.dataRows).toEqual([[3, [null, null, -0.00125, null, 'a<b', 12.5, null]]]);
    expect(table.result).toEqual({ format: 'xlsx', dataRows: 1, sheet: 'Data', dateColumns: [5, 9] });
  });

  it('reads the 1904 date system and numeric-looking strings as strings', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>day</t></is></c></row><row r="2"><c r="A2" s="2"><v>0</v></c></row>';
    const path1900 = handWorkbook('d1900.xlsx', rows);
    const path1904 = handWorkbook('d1904.xlsx', rows, { workbookPr: '<workbookPr date1904="1"/>' });
    expect((await collectTable(path1900)).dataRows).toEqual([[2, ['1899-12-30']]]);
    expect((await collectTable(path1904)).dataRows).toEqual([[2, ['1904-01-01']]]);
  });

  it('joins the runs of a rich inline string (exceljs kept only the last) and reads prefixed element names', async () => {
    const path = handWorkbook(
      'prefixed.xlsx',
      '<x:row r="1" xmlns:x="urn"><x:c r="A1" t="inlineStr"><x:is><x:r><x:t>Cus</x:t></x:r><x:r><x:t>tomer</x:t></x:r></x:is></x:c>' +
        '<x:c r="B1" t="inlineStr"><x:is><x:t>n</x:t></x:is></x:c></x:row>' +
        '<row><c t="inlineStr"><is><t>C1</t></is></c><c><v>7</v></c></row>',
    );
    const table = await collectTable(path);
    expect(table.header).toEqual(['Customer', 'n']);
    // A row without r is the next row, a cell without r the next column.
    expect(table.dataRows).toEqual([[2, ['C1', 7]]]);
  });

  it("finds the parts by their relationships whatever their names (exceljs knew only Excel's)", async () => {
    const path = zipFile('renamed-parts.xlsx', {
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': `<Relationships xmlns="${RELS}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="/xl/workbook2.xml"/></Relationships>`,
      'xl/workbook2.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Only" sheetId="7" r:id="s1"/></sheets></workbook>`,
      'xl/_rels/workbook2.xml.rels':
        `<Relationships xmlns="${RELS}"><Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/one.xml"/>` +
        `<Relationship Id="s2" Type="${REL}/styles" Target="look.xml"/>` +
        `<Relationship Id="s3" Type="${REL}/sharedStrings" Target="../xl/words.xml"/></Relationships>`,
      'xl/look.xml': STYLES,
      'xl/words.xml': `<sst xmlns="${MAIN}"><si><t>day</t></si></sst>`,
      'xl/worksheets/one.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="2"><v>45306</v></c></row></sheetData></worksheet>`,
    });
    const table = await collectTable(path);
    expect(table.header).toEqual(['day']);
    expect(table.dataRows).toEqual([[2, ['2024-01-15']]]);
    expect(table.result).toEqual({ format: 'xlsx', dataRows: 1, sheet: 'Only', dateColumns: [0] });
  });

  it('keeps a row and a multi-byte character whole when the inflated pieces cut through them', async () => {
    const names = Array.from({ length: 40_000 }, (_, i) => `客户${i}é${'数据'.repeat(i % 7)}`);
    // One cell longer than an inflated piece (256 KB) and than the bridge that joins two (64 KB).
    const giant = 'é'.repeat(200_000);
    names[20_000] = giant;
    const rows = names
      .map(
        (name, i) =>
          `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${name}</t></is></c><c r="B${i + 2}"><v>${i}.5</v></c></row>`,
      )
      .join('');
    const path = handWorkbook('long.xlsx', `<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>${rows}`);
    const table = await collectTable(path);
    expect(table.dataRows.length).toBe(names.length);
    expect(table.dataRows.map(([, cells]) => cells[0])).toEqual(names);
    expect(table.dataRows.at(-1)).toEqual([names.length + 1, [names.at(-1), names.length - 1 + 0.5]]);
  });
  it('keeps shared strings whole when the inflated pieces cut through them', async () => {
    const values = Array.from({ length: 30_000 }, (_, i) => (i % 11 === 0 ? '' : `名称${i}${'&é'.repeat(i % 5)}`));
    const items = values.map((value, i) => {
      const text = value.replaceAll('&', '&amp;');
      if (value === '') return '<t></t>';
      return i % 7 === 0
        ? `<r><t>${text.slice(0, 2)}</t></r><r><rPr><b/></rPr><t>${text.slice(2)}</t></r>`
        : `<t>${text}</t>`;
    });
    const rows = values.map(
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c><c r="B${i + 2}" t="s"><v>${i + 1}</v></c></row>`,
    );
    const path = handWorkbook('strings.xlsx', `<row r="1"><c r="A1" t="s"><v>0</v></c></row>${rows.join('')}`, {
      strings: ['<t>name</t>', ...items],
    });
    const table = await collectTable(path);
    expect(table.header).toEqual(['name']);
    // An empty plain string is no value (null), as exceljs read it.
    expect(table.dataRows.map(([, cells]) => cells[1] ?? null)).toEqual(values.map((v) => (v === '' ? null : v)));
  });
});

describe('readXlsx sheets and bad input', () => {
  it('reads a sheet by name and says which sheets exist when the name is wrong', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('First').addRow(['a']);
    book.addWorksheet('Zweite & 第二').addRows([['b'], [2]]);
    const path = join(temp.dir, 'named.xlsx');
    await book.xlsx.writeFile(path);
    expect((await collectTable(path, { sheet: 'zweite & 第二' })).result).toEqual({
      format: 'xlsx',
      dataRows: 1,
      sheet: 'Zweite & 第二',
    });
    const missing = await rejection(readTable(path, noSink, { sheet: 'Third' }));
    expect(missing.issues).toEqual([
      {
        code: 'unsupported-file',
        row: 0,
        column: '',
        value: 'Third',
        message: 'named.xlsx has no sheet "Third"; its sheets are "First", "Zweite & 第二"',
      },
    ]);
    const number = await rejection(readTable(path, noSink, { sheet: 3 }));
    expect(number.message).toBe('named.xlsx has no sheet number 3; its sheets are "First", "Zweite & 第二"');
  });

  it('refuses damaged and foreign files with one line naming the file', async () => {
    const whole = readFileSync(await tierlineWorkbook());
    const garbled = Buffer.from(whole);
    // Inside the sheet's deflated bytes (the sheet is the biggest part).
    for (let i = whole.length >> 2; i < (whole.length >> 2) + 500; i++) garbled[i] = i & 0xff;
    const noWorkbook = zipFile('no-workbook.xlsx', { 'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"/>` });
    const noSheetPart = zipFile('no-sheet-part.xlsx', {
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    });
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const encrypted = Buffer.from(ole);
    Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 512);

    const cases: [string, string][] = [
      [
        temp.file('truncated.xlsx', whole.subarray(0, whole.length >> 1)),
        'truncated.xlsx could not be read as an Excel workbook (the zip directory at its end is missing: the file is truncated or damaged); open it in Excel and save it again as .xlsx or .csv',
      ],
      [
        temp.file('garbled.xlsx', garbled),
        '^garbled\\.xlsx could not be read as an Excel workbook \\(.+\\); open it in Excel and save it again as \\.xlsx or \\.csv$',
      ],
      [
        noWorkbook,
        'no-workbook.xlsx could not be read as an Excel workbook (it has no xl/workbook.xml); open it in Excel and save it again as .xlsx or .csv',
      ],
      [
        noSheetPart,
        'no-sheet-part.xlsx could not be read as an Excel workbook (the part of sheet "S" is missing); open it in Excel and save it again as .xlsx or .csv',
      ],
      [
        temp.file('not-a-zip.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, ...Buffer.from('xl/workbook.xml')])),
        'not-a-zip.xlsx could not be read as an Excel workbook (the zip directory at its end is missing: the file is truncated or damaged); open it in Excel and save it again as .xlsx or .csv',
      ],
      [
        temp.file('legacy.xlsx', ole),
        'legacy.xlsx is an old Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx or .csv',
      ],
      [
        temp.file('locked.xlsx', encrypted),
        'locked.xlsx is password-protected; remove the password in Excel and save it again as .xlsx or .csv',
      ],
    ];
    for (const [path, message] of cases) {
      const error = await rejection(readTable(path, noSink));
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]!.code).toBe('unsupported-file');
      if (message.startsWith('^')) expect(error.message).toMatch(new RegExp(message));
      else expect(error.message).toBe(message);
      expect(error.message).not.toContain('\n');
    }
  });

  it('hands the sink its own error unchanged and stops inflating', async () => {
    const boom = new Error('sink failed');
    const path = await tierlineWorkbook();
    await expect(
      readTable(path, {
        header: () => {},
        rows: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
  });

  it('reports progress in file bytes, ending at the file size', async () => {
    const path = await tierlineWorkbook();
    const size = statSync(path).size;
    const calls: [number, number][] = [];
    await readTable(path, noSink, { onProgress: (read, total) => calls.push([read, total]) });
    expect(calls.at(-1)).toEqual([size, size]);
    expect(calls.every(([read, total]) => read <= total && total === size)).toBe(true);
  });
});

describe('parseDateStyles', () => {
  it('reads the language-dependent built-in formats of Chinese Excel (27–36, 50–58) as dates, the rest by their code', () => {
    const ids = [0, 14, 2, 27, 31, 36, 37, 49, 50, 58, 59, 164];
    const xml =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      `<cellXfs>${ids.map((id) => `<xf numFmtId="${id}"/>`).join('')}</cellXfs>`;
    // Style 0 is never a date; 59 is a built-in without a code (not a date).
    expect(parseDateStyles(xml)).toEqual([false, true, false, true, true, true, false, false, true, true, false, true]);
  });
});
