import type { Cell } from '../core/index.js';
import { formatExcelDate } from './convert-xlsx-cell.js';
import { decodeTwice, decodeXmlText } from './decode-xml-text.js';

/** What a sheet scanner needs from the rest of the workbook. */
export interface SheetContext {
  /** Shared strings by index: rich text joined, null for an empty one. */
  readonly sharedStrings: readonly (string | null)[];
  /** Per cell style index (the `s` attribute): true when its number format shows a date or time. */
  readonly dateStyles: readonly boolean[];
  /** workbookPr date1904: serials count from 1904-01-01. */
  readonly date1904: boolean;
}

/** Receives each `<row>` of the sheet: its 1-based number and its cells (nulls fill column gaps). */
export type SheetRowHandler = (rowNumber: number, cells: Cell[]) => void;

/** A push scanner over a worksheet's XML bytes, fed in pieces as they are inflated. */
export interface SheetScanner {
  /** Scans a piece; a row or a cell cut at the end of the piece is kept for the next one. */
  push(bytes: Buffer): void;
  /** 0-based columns where a date cell was met, ascending. */
  dateColumns(): number[];
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;
const EQUALS = 61;
const COLON = 58;
const BANG = 33;
const QUESTION = 63;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const A = 65;
const Z = 90;

// exceljs' utils.excelToDate: days from Excel's day 0 to 1970-01-01 (the
// 1900 system counts the fictional 1900-02-29), 1462 more in the 1904 system.
const EXCEL_EPOCH_1900 = 25569;
const DATE_1904_OFFSET = 1462;
const MS_PER_DAY = 86_400_000;

// Powers of ten a double holds exactly: m / 10^k is then correctly rounded,
// the same double parseFloat gives (Clinger's fast path).
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_FAST_DIGITS = 15;
// Bytes of a new piece joined to the cut element carried from the last one.
const BRIDGE_BYTES = 64 * 1024;

/** Cell types (the `t` attribute) the scanner tells apart. */
const enum CellType {
  Number,
  Shared,
  String,
  Boolean,
}

/**
 * Creates a byte-level scanner of a worksheet's XML (no DOM, no SAX events):
 * it looks for `<row>` and `<c>` inside `<sheetData>` and reads each cell's
 * `r`, `s` and `t` attributes and its `<v>`, `<f>` and `<is>` children,
 * with the results exceljs' streaming reader gives, so the switch from it
 * changes no row:
 * - numbers as numbers; a plain number whose style has a date format as
 *   'YYYY-MM-DD' (or with the time), its column noted as a date column;
 * - shared strings by index; inline strings and formula strings decoded
 *   twice, as exceljs does; error cells (t="e") as their text ('#N/A');
 * - booleans as booleans, but a formula's cached boolean as 1 (exceljs
 *   parses every formula result that is not t="str" as a number);
 * - a formula's numeric result with a date format as a date;
 * - column gaps (`r="C12"` after `r="A12"`) as nulls; a cell without `r`
 *   takes the next column, a row without `r` the next row.
 * Unlike exceljs, an inline string with rich-text runs is all its runs
 * (exceljs kept the last one), and phonetic runs (`<rPh>`) are left out.
 * Element names may carry a namespace prefix (`<x:c>`).
 * @example
 *   const scanner = createSheetScanner(context, (row, cells) => rows.push([row, cells]));
 *   for await (const piece of streamZipEntry(handle, entry)) scanner.push(piece);
 */
export function createSheetScanner(context: SheetContext, onRow: SheetRowHandler): SheetScanner {
  return new Scanner(context, onRow);
}

class Scanner implements SheetScanner {
  private carry: Buffer | undefined;
  private inSheetData = false;
  private done = false;
  private inRow = false;
  private rowNumber = 0;
  private cells: Cell[] = [];
  private lastColumn = 0;
  private readonly dates: boolean[] = [];
  private readonly dateCache = new Map<number, string | null>();
  // Attributes of the tag just read by readTag (offsets into the buffer, -1 when absent).
  private attrR = -1;
  private attrREnd = -1;
  private attrS = -1;
  private attrSEnd = -1;
  private attrT = -1;
  private attrTEnd = -1;
  private tagEnd = 0;
  private selfClosing = false;

  constructor(
    private readonly context: SheetContext,
    private readonly onRow: SheetRowHandler,
  ) {}

  push(bytes: Buffer): void {
    if (this.done) return;
    let buffer = bytes;
    let from = 0;
    const carry = this.carry;
    this.carry = undefined;
    if (carry !== undefined) {
      // The cut element is finished in a small bridge (the carry and the
      // start of the new piece), so the whole piece is not copied behind it.
      const bridge = Buffer.concat([carry, bytes.subarray(0, Math.min(bytes.length, BRIDGE_BYTES))]);
      const consumed = this.scan(bridge, 0);
      if (this.done) return;
      // 0: the element is longer than the bridge; else it ended past the carry.
      if (consumed === 0) buffer = Buffer.concat([carry, bytes]);
      else if (consumed - carry.length >= bytes.length) {
        if (consumed < bridge.length) this.carry = bridge.subarray(consumed);
        return;
      } else from = consumed - carry.length;
    }
    const consumed = this.scan(buffer, from);
    if (consumed < buffer.length && !this.done) this.carry = buffer.subarray(consumed);
  }

  dateColumns(): number[] {
    const columns: number[] = [];
    this.dates.forEach((isDate, column) => {
      if (isDate) columns.push(column);
    });
    return columns;
  }

  /** Scans whole elements; returns where an unfinished one starts (or the buffer's length). */
  private scan(b: Buffer, start: number): number {
    const length = b.length;
    let p = start;
    while (p < length) {
      const lt = b.indexOf(LT, p);
      if (lt === -1) return length;
      if (lt + 1 >= length) return lt;
      const first = b[lt + 1]!;
      if (first === BANG || first === QUESTION) {
        const end = skipMarkup(b, lt);
        if (end === -1) return lt;
        p = end;
        continue;
      }
      const closing = first === SLASH;
      const nameStart = closing ? lt + 2 : lt + 1;
      const nameEnd = endOfName(b, nameStart);
      if (nameEnd === -1) return lt;
      const local = localNameStart(b, nameStart, nameEnd);
      const name = nameCode(b, local, nameEnd);
      if (closing) {
        const gt = b.indexOf(GT, nameEnd);
        if (gt === -1) return lt;
        p = gt + 1;
        if (name === NAME_ROW) this.endRow();
        else if (name === NAME_SHEET_DATA) {
          this.done = true;
          return length;
        }
        continue;
      }
      if (!this.inSheetData) {
        if (!this.readTag(b, nameEnd)) return lt;
        p = this.tagEnd;
        if (name === NAME_SHEET_DATA) {
          this.inSheetData = true;
          if (this.selfClosing) {
            this.done = true;
            return length;
          }
        }
        continue;
      }
      if (name === NAME_C) {
        const end = this.readCell(b, nameEnd);
        if (end === -1) return lt;
        p = end;
        continue;
      }
      if (!this.readTag(b, nameEnd)) return lt;
      p = this.tagEnd;
      if (name === NAME_ROW) {
        this.startRow(b);
        if (this.selfClosing) this.endRow();
      }
    }
    return length;
  }

  private startRow(b: Buffer): void {
    if (this.inRow) this.endRow();
    this.inRow = true;
    this.rowNumber = this.attrR === -1 ? this.rowNumber + 1 : parseDigits(b, this.attrR, this.attrREnd);
    this.cells = [];
    this.lastColumn = 0;
  }

  private endRow(): void {
    if (!this.inRow) return;
    this.inRow = false;
    this.onRow(this.rowNumber, this.cells);
  }

  /**
   * Reads one `<c …>…</c>` (or `<c …/>`) starting after its name; returns the
   * offset after it, or -1 when it is not all in the buffer.
   */
  private readCell(b: Buffer, nameEnd: number): number {
    if (!this.readTag(b, nameEnd)) return -1;
    const column = this.attrR === -1 ? this.lastColumn + 1 : parseColumn(b, this.attrR, this.attrREnd);
    const style = this.attrS === -1 ? 0 : parseDigits(b, this.attrS, this.attrSEnd);
    const type = this.attrT === -1 ? CellType.Number : cellType(b, this.attrT, this.attrTEnd);
    let hasFormula = false;
    let hasValue = false;
    let valueStart = -1;
    let valueEnd = -1;
    let inline: string | undefined;
    let end = this.tagEnd;

    if (!this.selfClosing) {
      // Children until </c>: <f>, <v>, <is> with <t> or <r><t>, <rPh>, <extLst> …
      let phonetic = 0;
      for (;;) {
        const lt = b.indexOf(LT, end);
        if (lt === -1 || lt + 1 >= b.length) return -1;
        const first = b[lt + 1]!;
        if (first === BANG || first === QUESTION) {
          end = skipMarkup(b, lt);
          if (end === -1) return -1;
          continue;
        }
        const closing = first === SLASH;
        const nameStart = closing ? lt + 2 : lt + 1;
        const childEnd = endOfName(b, nameStart);
        if (childEnd === -1) return -1;
        const name = nameCode(b, localNameStart(b, nameStart, childEnd), childEnd);
        const gt = b.indexOf(GT, childEnd);
        if (gt === -1) return -1;
        end = gt + 1;
        if (closing) {
          if (name === NAME_C) break;
          if (name === NAME_RPH) phonetic--;
          continue;
        }
        const empty = b[gt - 1] === SLASH;
        if (name === NAME_F) hasFormula = true;
        else if (name === NAME_V) {
          hasValue = true;
          if (empty) valueStart = valueEnd = end;
          else {
            valueStart = end;
            valueEnd = b.indexOf(LT, end);
            if (valueEnd === -1) return -1;
            end = valueEnd;
          }
        } else if (name === NAME_IS) {
          hasValue = true;
          inline = '';
        } else if (name === NAME_RPH) {
          if (!empty) phonetic++;
        } else if (name === NAME_T && !empty && phonetic === 0) {
          hasValue = true;
          const textEnd = b.indexOf(LT, end);
          if (textEnd === -1) return -1;
          inline = (inline ?? '') + b.toString('utf8', end, textEnd);
          end = textEnd;
        }
      }
    }

    this.lastColumn = column;
    if (!this.inRow || column < 1) return end;
    let value: Cell = null;
    if (hasValue) {
      if (hasFormula) value = this.formulaResult(b, type, style, column, valueStart, valueEnd, inline);
      else value = this.plainValue(b, type, style, column, valueStart, valueEnd, inline);
    }
    const cells = this.cells;
    if (column > cells.length) {
      while (cells.length < column - 1) cells.push(null);
      cells.push(value);
    } else {
      cells[column - 1] = value;
    }
    return end;
  }

  private plainValue(
    b: Buffer,
    type: CellType,
    style: number,
    column: number,
    start: number,
    end: number,
    inline: string | undefined,
  ): Cell {
    switch (type) {
      case CellType.Shared: {
        if (inline !== undefined) return this.context.sharedStrings[parseInt(inline, 10)] ?? null;
        const index = parseDigits(b, start, end);
        return index < 0 ? null : (this.context.sharedStrings[index] ?? null);
      }
      case CellType.String:
        return decodeTwice(decodeXmlText(inline ?? b.toString('utf8', start, end)));
      case CellType.Boolean:
        return parseInt(inline ?? b.toString('latin1', start, end), 10) !== 0;
      default: {
        const serial = inline === undefined ? parseNumber(b, start, end) : parseFloat(inline);
        if (!this.context.dateStyles[style]) return Number.isNaN(serial) ? null : serial;
        this.dates[column - 1] = true;
        return this.formatSerial(serial);
      }
    }
  }

  private formulaResult(
    b: Buffer,
    type: CellType,
    style: number,
    column: number,
    start: number,
    end: number,
    inline: string | undefined,
  ): Cell {
    const text = inline ?? (type === CellType.String ? b.toString('utf8', start, end) : undefined);
    if (type === CellType.String) return decodeTwice(decodeXmlText(text!));
    const result = text === undefined ? parseNumber(b, start, end) : parseFloat(text);
    if (this.context.dateStyles[style]) {
      this.dates[column - 1] = true;
      if (Number.isFinite(result)) return this.formatSerial(result);
    }
    return Number.isNaN(result) ? null : result;
  }

  private formatSerial(serial: number): string | null {
    let text = this.dateCache.get(serial);
    if (text === undefined) {
      const offset = this.context.date1904 ? DATE_1904_OFFSET : 0;
      text = formatExcelDate(new Date(Math.round((serial - EXCEL_EPOCH_1900 + offset) * MS_PER_DAY)));
      // Whole days repeat across rows; times rarely do, so only days are kept.
      if (Number.isInteger(serial) && this.dateCache.size < 100_000) this.dateCache.set(serial, text);
    }
    return text;
  }

  /**
   * Reads a start tag's attributes from after its name to its '>' (quotes
   * respected), keeping r, s and t; false when the tag is not all in the buffer.
   */
  private readTag(b: Buffer, from: number): boolean {
    this.attrR = this.attrS = this.attrT = -1;
    const length = b.length;
    let i = from;
    for (;;) {
      if (i >= length) return false;
      const c = b[i]!;
      if (c === GT) {
        this.selfClosing = b[i - 1] === SLASH;
        this.tagEnd = i + 1;
        return true;
      }
      if (c <= 32 || c === SLASH) {
        i++;
        continue;
      }
      // An attribute: name = "value" or 'value'.
      const nameStart = i;
      while (i < length && b[i] !== EQUALS && b[i]! > 32 && b[i] !== GT) i++;
      const nameEnd = i;
      while (i < length && b[i] !== QUOTE && b[i] !== APOSTROPHE && b[i] !== GT) i++;
      if (i >= length) return false;
      if (b[i] === GT) continue;
      const quote = b[i]!;
      const valueStart = i + 1;
      const valueEnd = b.indexOf(quote, valueStart);
      if (valueEnd === -1) return false;
      i = valueEnd + 1;
      if (nameEnd - nameStart === 1) {
        const n = b[nameStart];
        if (n === 114 /* r */) {
          this.attrR = valueStart;
          this.attrREnd = valueEnd;
        } else if (n === 115 /* s */) {
          this.attrS = valueStart;
          this.attrSEnd = valueEnd;
        } else if (n === 116 /* t */) {
          this.attrT = valueStart;
          this.attrTEnd = valueEnd;
        }
      }
    }
  }
}

// Element local names as small integer codes: up to 4 bytes packed; of the
// longer names only sheetData matters (-2), any other is -1.
const NAME_ROW = packName(Buffer.from('row'), 0, 3);
const NAME_C = packName(Buffer.from('c'), 0, 1);
const NAME_V = packName(Buffer.from('v'), 0, 1);
const NAME_F = packName(Buffer.from('f'), 0, 1);
const NAME_IS = packName(Buffer.from('is'), 0, 2);
const NAME_T = packName(Buffer.from('t'), 0, 1);
const NAME_RPH = packName(Buffer.from('rPh'), 0, 3);
const NAME_SHEET_DATA = -2;
const SHEET_DATA = Buffer.from('sheetData');

function nameCode(b: Buffer, start: number, end: number): number {
  const length = end - start;
  if (length <= 4) return packName(b, start, end);
  return length === SHEET_DATA.length && b.compare(SHEET_DATA, 0, length, start, end) === 0 ? NAME_SHEET_DATA : -1;
}

function packName(b: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 256 + b[i]!;
  return n;
}

/** Offset of the first byte after an element name (space, '>', '/'), or -1 at the buffer's end. */
function endOfName(b: Buffer, start: number): number {
  const length = b.length;
  for (let i = start; i < length; i++) {
    const c = b[i]!;
    if (c <= 32 || c === GT || c === SLASH) return i;
  }
  return -1;
}

/** Skips a namespace prefix ('x:c' → 'c'). */
function localNameStart(b: Buffer, start: number, end: number): number {
  for (let i = start; i < end; i++) if (b[i] === COLON) return i + 1;
  return start;
}

/** The offset after a comment, processing instruction, CDATA or declaration at `lt`; -1 when cut. */
function skipMarkup(b: Buffer, lt: number): number {
  if (b[lt + 1] === BANG && b[lt + 2] === MINUS && b[lt + 3] === MINUS) {
    const end = b.indexOf('-->', lt + 4);
    return end === -1 ? -1 : end + 3;
  }
  if (b[lt + 1] === BANG && b[lt + 2] === 91 /* [ */) {
    const end = b.indexOf(']]>', lt + 3);
    return end === -1 ? -1 : end + 3;
  }
  const end = b.indexOf(GT, lt);
  return end === -1 ? -1 : end + 1;
}

function cellType(b: Buffer, start: number, end: number): CellType {
  const length = end - start;
  const c = b[start];
  if (length === 1) {
    if (c === 115 /* s */) return CellType.Shared;
    if (c === 98 /* b */) return CellType.Boolean;
    // t="e": an error value; exceljs (retyped by Tierline's old reader) gave its text.
    if (c === 101 /* e */) return CellType.String;
    return CellType.Number;
  }
  // 'str' and 'inlineStr' are text; 'n', 'd' and anything else parse as numbers (as exceljs).
  if (length === 3 && c === 115 && b[start + 1] === 116 && b[start + 2] === 114) return CellType.String;
  if (length === 9 && c === 105 /* i */ && b[start + 6] === 83 /* S */) return CellType.String;
  return CellType.Number;
}

/** A cell reference's column: 'AB12' → 28; 0 when it has no letters. */
function parseColumn(b: Buffer, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c >= A && c <= Z) column = column * 26 + c - 64;
    else if (c === 36 /* $ */) continue;
    else break;
  }
  return column;
}

/** Unsigned decimal digits; -1 when there are none (parseInt would give NaN). */
function parseDigits(b: Buffer, start: number, end: number): number {
  let n = 0;
  let i = start;
  while (i < end && b[i]! <= 32) i++;
  if (i >= end || b[i]! < ZERO || b[i]! > NINE) return start === end ? -1 : fallbackInt(b, start, end);
  for (; i < end; i++) {
    const c = b[i]!;
    if (c < ZERO || c > NINE) break;
    n = n * 10 + c - ZERO;
  }
  return n;
}

function fallbackInt(b: Buffer, start: number, end: number): number {
  const n = parseInt(b.toString('latin1', start, end), 10);
  return Number.isNaN(n) || n < 0 ? -1 : n;
}

/** parseFloat of the bytes, with a fast path for plain decimals of up to 15 digits. */
function parseNumber(b: Buffer, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && b[i] === MINUS) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = b[i]!;
    if (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + c - ZERO;
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === DOT && decimals < 0) decimals = 0;
    else break;
  }
  if (i !== end || digits === 0 || digits > MAX_FAST_DIGITS) return parseFloat(b.toString('latin1', start, end));
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -value : value;
}
