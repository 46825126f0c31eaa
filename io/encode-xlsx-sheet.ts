import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell } from '../core/index.js';
import { createSpoolDeflater } from './deflate-to-spool.js';
import { createPieceWriter } from './write-utf8-pieces.js';
import { createZipStream, type ZipSink } from './zip-stream.js';

/** A cell the xlsx writer takes: a table cell, or a Date written as an Excel date. */
export type OutputCell = Cell | Date;

/** Encodes one worksheet as an xlsx workbook, row by row, into a byte sink. */
export interface XlsxSheetEncoder {
  /** Adds the next row (row 1 is the header: bold, and frozen in the view). */
  addRow(cells: readonly OutputCell[]): void;
  /** Ends the sheet and the zip; the sink has every byte when this returns. */
  finish(): void;
  /** Removes the temp file of the deflated sheet; never throws, safe to call twice (finish calls it). */
  dispose(): void;
}

// The deflated sheet is read back from its temp file in pieces this large.
const PIECE_BYTES = 1024 * 1024;
// Distinct strings kept in the shared string table; later new strings go
// inline. The appended result columns (segment, strategy texts) repeat a few
// dozen strings on every row and are met in the first rows; unique ids would
// otherwise grow the table, and memory, with the file.
const MAX_SHARED_STRINGS = 65_536;
// Days from Excel's day 0 (1899-12-30 in the 1900 system, counting the
// fictional 1900-02-29) to 1970-01-01; the same constant as convert-xlsx-cell.
const EXCEL_EPOCH_1900 = 25569;
const MS_PER_DAY = 86_400_000;

// Style indices into cellXfs below.
const STYLE_BOLD = 1;
const STYLE_DATE = 2;
const STYLE_DATE_TIME = 3;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const CONTENT_TYPES =
  XML_HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  '</Types>';

const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

const WORKBOOK_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
  '</Relationships>';

// Four cell formats: 0 plain, 1 bold (header), 2 date, 3 date and time.
const STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const SHEET_HEAD =
  XML_HEAD +
  `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft"/></sheetView></sheetViews><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * Creates a streaming encoder of a one-sheet workbook, written straight as
 * SpreadsheetML (ECMA-376 Part 1 §18) into a zip: strings in a shared
 * string table up to 65,536 distinct ones, inline after that (memory stays
 * bounded), four fixed cell formats instead of a style per cell, numbers at full precision, booleans as booleans, Dates as
 * date serials with a yyyy-mm-dd (or yyyy-mm-dd hh:mm:ss) format. Null,
 * undefined and '' leave the cell out. NaN and ±Infinity go in as text
 * (a non-finite number cell makes Excel call the file corrupt); characters
 * XML 1.0 cannot carry (C0 controls other than tab and line breaks, lone
 * surrogates, U+FFFE/U+FFFF) are dropped.
 * @example
 *   const encoder = createXlsxSheetEncoder('Tierline', (bytes) => chunks.push(bytes));
 *   encoder.addRow(['id', 'day']);
 *   encoder.addRow(['C1', new Date(Date.UTC(2026, 10, 1))]);
 *   encoder.finish();
 */
export function createXlsxSheetEncoder(sheetName: string, sink: ZipSink): XlsxSheetEncoder {
  const zip = createZipStream(sink);
  const part = (name: string, xml: string): void => {
    zip.startEntry(name);
    zip.write(Buffer.from(xml, 'utf8'));
  };
  part('[Content_Types].xml', CONTENT_TYPES);
  part('_rels/.rels', ROOT_RELS);
  part(
    'xl/workbook.xml',
    XML_HEAD +
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
      `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  part('xl/styles.xml', STYLES);

  // The sheet is deflated into a temp file and placed after the shared
  // strings at the end: a streaming reader (exceljs', so Tierline's own)
  // resolves a sheet's shared strings only when their part came first.
  const spoolDir = mkdtempSync(join(tmpdir(), 'tierline-xlsx-'));
  const spoolPath = join(spoolDir, 'sheet1.xml.deflated');
  const spool = openSync(spoolPath, 'w+', 0o600);
  let spoolOpen = true;
  const deflater = createSpoolDeflater(spool, 0);
  const dispose = (): void => {
    if (!spoolOpen) return;
    spoolOpen = false;
    deflater.dispose();
    try {
      closeSync(spool);
    } catch {
      // Already closed.
    }
    rmSync(spoolDir, { recursive: true, force: true });
  };

  // Each distinct string with the tail of its cell ('" t="s"><v>7</v></c>'), built once.
  const shared = new Map<string, string>();
  // `start` is a cell's opening up to its reference's end: '<c r="B7'.
  const stringCell = (start: string, value: string, bold: boolean): string => {
    let tail = shared.get(value);
    if (tail === undefined && shared.size < MAX_SHARED_STRINGS)
      shared.set(value, (tail = `" t="s"><v>${shared.size}</v></c>`));
    if (tail === undefined) return inlineString(start, value, bold);
    return bold ? `${start}" s="${STYLE_BOLD}${tail}` : start + tail;
  };
  // '<c r="B' per column, built once.
  const columns: string[] = [];
  const cellOpening = (i: number): string => (columns[i] ??= `<c r="${columnLetters(i)}`);
  const sheetXml = createPieceWriter((bytes) => deflater.write(bytes));
  sheetXml.write(SHEET_HEAD);
  let row = 0;

  return {
    addRow(cells) {
      row++;
      const header = row === 1;
      const rowText = String(row);
      let text = `<row r="${rowText}">`;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (cell === null || cell === undefined || cell === '') continue;
        const start = cellOpening(i) + rowText;
        if (typeof cell === 'number') {
          text += Number.isFinite(cell) ? `${start}"><v>${cell}</v></c>` : stringCell(start, String(cell), header);
        } else if (typeof cell === 'string') {
          text += stringCell(start, cell, header);
        } else if (typeof cell === 'boolean') {
          text += `${start}" t="b"><v>${cell ? 1 : 0}</v></c>`;
        } else if (cell instanceof Date) {
          text += dateCell(start, cell);
        }
      }
      sheetXml.write(text + '</row>');
    },
    finish() {
      sheetXml.write(SHEET_TAIL);
      sheetXml.flush();
      const sheetEntry = deflater.end();
      const spooled = sheetEntry.compressed;
      zip.startEntry('xl/sharedStrings.xml');
      const stringsXml = createPieceWriter((bytes) => zip.write(bytes));
      stringsXml.write(`${XML_HEAD}<sst xmlns="${MAIN_NS}" uniqueCount="${shared.size}">`);
      for (const value of shared.keys()) stringsXml.write(`<si>${textElement(value)}</si>`);
      stringsXml.write('</sst>');
      stringsXml.flush();
      zip.addDeflated('xl/worksheets/sheet1.xml', sheetEntry, (emit) => {
        const piece = Buffer.alloc(PIECE_BYTES);
        for (let at = 0; at < spooled;) {
          const n = readSync(spool, piece, 0, Math.min(piece.length, spooled - at), at);
          if (n === 0) throw new Error('xlsx: the deflated sheet ended early');
          emit(Buffer.from(piece.subarray(0, n)));
          at += n;
        }
      });
      zip.finish();
      dispose();
    },
    dispose,
  };
}

function inlineString(start: string, value: string, bold: boolean): string {
  return `${start}"${bold ? ` s="${STYLE_BOLD}"` : ''} t="inlineStr"><is>${textElement(value)}</is></c>`;
}

/** A <t> element; xml:space="preserve" keeps leading and trailing spaces that XML would let a reader drop. */
function textElement(value: string): string {
  const space = isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1));
  return space ? `<t xml:space="preserve">${escapeXml(value)}</t>` : `<t>${escapeXml(value)}</t>`;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000;
}

function dateCell(start: string, date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return '';
  // Dates before 1900-03-01 (Excel's fictional 1900-02-29) come out a day
  // late in Excel, exactly as the reader (and exceljs) read them back: a
  // round trip through Tierline keeps the date, and no customer is that old.
  const serial = time / MS_PER_DAY + EXCEL_EPOCH_1900;
  const style = time % MS_PER_DAY === 0 ? STYLE_DATE : STYLE_DATE_TIME;
  return `${start}" s="${style}"><v>${serial}</v></c>`;
}

// Characters XML 1.0 forbids (§2.2), and '&' '<' '>' which it reserves.
// eslint-disable-next-line no-control-regex -- matching C0 controls is the point: XML cannot carry them.
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Escapes text for an XML element or attribute, dropping characters XML 1.0
 * cannot carry; well-formed surrogate pairs are kept.
 * @example escapeXml('a<b & "c"\u0001') === 'a&lt;b &amp; &quot;c&quot;'
 */
export function escapeXml(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(
    // eslint-disable-next-line no-control-regex -- as NEEDS_ESCAPE.
    /[&<>"]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g,
    (match) => (match.length === 2 ? match : (ESCAPES[match] ?? '')),
  );
}

/** 0 → A, 25 → Z, 26 → AA (Excel's column names). */
function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
