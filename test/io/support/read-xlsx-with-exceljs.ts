/**
 * The xlsx reader Tierline used before io/read-xlsx.ts (exceljs' streaming
 * reader, with its defects worked around), kept as the oracle the new reader is
 * compared against (test/io/read-xlsx.test.ts).
 */
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { type Cell, DataValidationError } from '../../../core/index.js';
import { convertXlsxCell, isDateFormat } from '../../../io/convert-xlsx-cell.js';
import { createFileError } from '../../../io/file-error.js';
import type { RowBatcher } from '../../../io/row-batcher.js';

export interface XlsxReadOptions {
  /** File name for messages. */
  readonly fileName: string;
  readonly size: number;
  /** Sheet name, or 1-based position in the workbook's sheet order; default the first visible sheet. */
  readonly sheet: string | number | undefined;
  readonly onProgress: ((bytesRead: number, totalBytes: number) => void) | undefined;
}

const READ_CHUNK_BYTES = 1024 * 1024;
const PROGRESS_EVERY_BYTES = 1024 * 1024;

/** The parts of exceljs' streaming WorkbookReader its typings leave out. */
interface WorkbookReaderInternals {
  model?: { sheets?: readonly { name: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
}

/** The parts of exceljs' streaming WorksheetReader its typings leave out. */
interface WorksheetReaderInternals {
  name: string;
  iterator: AsyncIterable<Buffer | string>;
  on(event: 'row', listener: (row: ExcelJS.Row) => void): void;
  on(event: 'finished', listener: () => void): void;
  on(event: 'error', listener: (error: unknown) => void): void;
  read(): Promise<void>;
}

/**
 * Streams one sheet of an xlsx workbook into `batcher` with exceljs'
 * streaming reader. Row numbers are Excel's; rows missing from the sheet are
 * blank rows; cells convert as `convertXlsxCell` says. The result names the
 * columns that hold date cells, so a writer can put them back as dates.
 *
 * Three exceljs 4.4.0 defects are worked around here, all invisible in
 * tests with small ASCII workbooks: it decodes each zip chunk on its own, so
 * a Chinese character split between chunks turns into U+FFFD (exceljs#2063,
 * #2084); it reads a formula's cached error ('#N/A' from a failed VLOOKUP)
 * as parseFloat('#N/A'), losing it; and on a damaged zip it never settles.
 * @throws DataValidationError `unsupported-file` when the sheet does not exist
 *   or the workbook cannot be unzipped or parsed.
 * @example await readXlsx('book.xlsx', batcher, { fileName: 'book.xlsx', size, sheet: 'Orders', onProgress: undefined })
 */
export async function readXlsxWithExceljs(
  path: string,
  batcher: RowBatcher,
  options: XlsxReadOptions,
): Promise<{ sheet: string; dateColumns: number[] }> {
  const { fileName, size, onProgress } = options;
  let bytesRead = 0;
  let reported = 0;
  const file = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  const counted = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      bytesRead += chunk.length;
      if (onProgress && bytesRead - reported >= PROGRESS_EVERY_BYTES) {
        reported = bytesRead;
        onProgress(bytesRead, size);
      }
      done(null, chunk);
    },
  });
  file.pipe(counted);

  // exceljs 4.4.0 never settles when the zip is damaged: the unzip parser
  // emits 'error' while exceljs waits for an entry that will not finish. So
  // errors of the file, of the counter and of the unzip parser (caught as
  // exceljs pipes into it) end the read themselves.
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  file.on('error', (error) => fail(error));
  counted.on('error', (error) => fail(error));
  const pipe = counted.pipe.bind(counted);
  counted.pipe = ((destination: NodeJS.WritableStream, pipeOptions?: { end?: boolean }) => {
    destination.on('error', (error: unknown) => fail(error));
    return pipe(destination, pipeOptions);
  }) as typeof counted.pipe;

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const internals = reader as unknown as WorkbookReaderInternals;
  decodeSharedStringsWhole(internals);

  const sheets = reader[Symbol.asyncIterator]();
  // undefined until the first sheet arrives (by then exceljs has read the
  // workbook part that lists the sheets); null when the wanted sheet does not exist.
  let target: string | null | undefined;
  try {
    for (;;) {
      let step: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
      try {
        step = await Promise.race([sheets.next(), failed]);
      } catch (error) {
        throw unreadable(fileName, error);
      }
      if (step.done) break;
      const worksheet = step.value as unknown as WorksheetReaderInternals;
      if (target === undefined) {
        const picked = pickSheetName(internals.model?.sheets, options.sheet);
        target = picked === undefined ? worksheet.name : picked;
      }
      if (target === null) break;
      if (worksheet.name !== target) continue;

      const dateColumns = new Set<number>();
      await Promise.race([
        readSheet(worksheet, batcher, fileName, internals.properties?.model?.date1904 === true, dateColumns),
        failed.catch((error: unknown) => Promise.reject(unreadable(fileName, error))),
      ]);
      if (onProgress) onProgress(size, size);
      return { sheet: worksheet.name, dateColumns: [...dateColumns].sort((a, b) => a - b) };
    }
  } finally {
    // Stop unzipping the rest once the wanted sheet is read.
    file.destroy();
    counted.destroy();
  }

  if (options.sheet === undefined) throw createFileError('unsupported-file', `${fileName} has no worksheet to read`);
  const names = (internals.model?.sheets ?? []).map((s) => `"${s.name}"`).join(', ');
  const wanted = typeof options.sheet === 'number' ? `number ${options.sheet}` : `"${options.sheet}"`;
  throw createFileError('unsupported-file', `${fileName} has no sheet ${wanted}; its sheets are ${names || 'none'}`, {
    value: String(options.sheet),
  });
}

/** Reads one worksheet with row events (one await per XML chunk, not per row). */
async function readSheet(
  worksheet: WorksheetReaderInternals,
  batcher: RowBatcher,
  fileName: string,
  date1904: boolean,
  dateColumns: Set<number>,
): Promise<void> {
  worksheet.iterator = decodeSheetXml(worksheet.iterator);
  // Errors thrown by the batcher or the caller's sink pass through unchanged;
  // anything else comes from exceljs and means the sheet is damaged.
  let ownError: unknown;
  await new Promise<void>((resolve, reject) => {
    worksheet.on('row', (row) => {
      try {
        const gap = row.number - batcher.nextRow;
        if (gap > 0) batcher.addBlankRows(gap);
        batcher.addRow(convertRow(row, date1904, dateColumns));
      } catch (error) {
        ownError = error;
        throw error;
      }
    });
    worksheet.on('finished', resolve);
    worksheet.on('error', (error) => reject(error === ownError ? error : unreadable(fileName, error)));
    void worksheet.read();
  });
}

/** Converts a row's cells, noting (0-based) the columns where a date cell was met. */
function convertRow(row: ExcelJS.Row, date1904: boolean, dateColumns: Set<number>): Cell[] {
  const cells: Cell[] = new Array<Cell>(row.cellCount).fill(null);
  // row.values is 1-based and sparse; eachCell skips empty cells, the rest stay null.
  row.eachCell((cell, column) => {
    const value = cell.value;
    cells[column - 1] = convertXlsxCell(value, cell.numFmt, date1904);
    if (value instanceof Date || (isFormulaDate(value) && isDateFormat(cell.numFmt))) dateColumns.add(column - 1);
  });
  return cells;
}

/** A formula whose cached result is a number (a date when the cell's format says so, as convertXlsxCell reads it). */
function isFormulaDate(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('result' in value)) return false;
  const result = (value as { result?: unknown }).result;
  return result instanceof Date || typeof result === 'number';
}

/**
 * The name of the sheet to read: by name (exact, then ignoring case, as Excel
 * does), by 1-based position, or the first visible one. null when there is no
 * such sheet; undefined when exceljs has not seen the list of sheets (the
 * workbook part came late in the zip), in which case the first sheet met wins.
 */
function pickSheetName(
  sheets: readonly { name: string; state?: string }[] | undefined,
  wanted: string | number | undefined,
): string | null | undefined {
  if (!sheets || sheets.length === 0) return typeof wanted === 'string' ? wanted : undefined;
  if (typeof wanted === 'string') {
    const lower = wanted.toLowerCase();
    return (sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === lower))?.name ?? null;
  }
  if (typeof wanted === 'number') return sheets[wanted - 1]?.name ?? null;
  return (sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0])?.name;
}

/**
 * Decodes the sheet XML with one streaming TextDecoder (so multi-byte
 * characters survive chunk boundaries) and retypes error cells from t="e" to
 * t="str": exceljs then keeps a formula's cached error text as a string
 * result instead of parseFloat-ing it to NaN, and a plain error cell as the
 * same text. A chunk is cut before an unfinished tag so that the rewrite
 * always sees whole tags ('<' cannot occur in XML text, so the last '<' with
 * no '>' after it starts a partial tag).
 */
async function* decodeSheetXml(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let tail = '';
  for await (const chunk of chunks) {
    const text = tail + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    const open = text.lastIndexOf('<');
    const cut = open !== -1 && text.indexOf('>', open) === -1 ? open : text.length;
    tail = text.slice(cut);
    yield keepErrorText(text.slice(0, cut));
  }
  const rest = tail + decoder.decode();
  if (rest.length > 0) yield keepErrorText(rest);
}

const ERROR_CELL_TYPE = /(<c\s[^>]*?\bt=)(["'])e\2/g;

function keepErrorText(xml: string): string {
  return xml.includes('t="e"') || xml.includes("t='e'") ? xml.replace(ERROR_CELL_TYPE, '$1$2str$2') : xml;
}

/** Makes exceljs decode shared strings with a stream decoder too (setEncoding uses a StringDecoder). */
function decodeSharedStringsWhole(reader: WorkbookReaderInternals): void {
  const parseSharedStrings = reader._parseSharedStrings;
  reader._parseSharedStrings = function (this: unknown, entry: NodeJS.ReadableStream) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
}

function unreadable(fileName: string, error: unknown): DataValidationError {
  if (error instanceof DataValidationError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return createFileError(
    'unsupported-file',
    `${fileName} could not be read as an Excel workbook (${reason}); open it in Excel and save it again as .xlsx or .csv`,
  );
}
