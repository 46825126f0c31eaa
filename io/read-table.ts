import { basename } from 'node:path';
import { z } from 'zod';
import type { Cell } from '../core/index.js';
import { createFileError } from './file-error.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { createRowBatcher } from './row-batcher.js';
import { sniffFile } from './sniff-file.js';

/**
 * Receives a table as it streams in. Row numbers are the 1-based rows the
 * user sees in Excel: blank rows and rows before the header keep their
 * numbers, and a quoted cell with line breaks (kept as written) does not add
 * rows.
 */
export interface TableSink {
  /** Called once with the header row (first non-empty row) and its 1-based row number. */
  header(cells: readonly string[], rowNumber: number): void;
  /**
   * Called with batches (up to 4096 rows) of data rows; firstRowNumber is the
   * 1-based sheet/file row of batch[0], and batch[i] is row firstRowNumber + i.
   * Blank rows (every cell empty or whitespace) are numbered but never data:
   * between two data rows of a batch they are passed as empty arrays; a run
   * of more than 64 ends the batch instead; before a batch's first row or at
   * the end of the file they are not passed at all. batch[0] and the last row
   * of a batch are never blank. Rows may be shorter or longer than the header
   * (csv cells are strings, '' when empty; xlsx cells are numbers, booleans,
   * strings or null).
   */
  rows(batch: readonly (readonly Cell[])[], firstRowNumber: number): void;
}

export interface ReadTableOptions {
  /** xlsx only: sheet name, or 1-based position in the workbook; default the first visible sheet. */
  sheet?: string | number;
  /** csv only: one character; default detected among , ; tab | */
  delimiter?: string;
  /** csv only; default 'auto' (BOM, then UTF-16 by NUL pattern, then UTF-8 if valid, else GB18030). */
  encoding?: 'auto' | 'utf-8' | 'gb18030' | 'utf-16le';
  /** Called at most about once per MB read, and once at the end. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Widest row accepted (default 16384, Excel's limit). */
  maxColumns?: number;
}

export interface ReadTableResult {
  format: 'csv' | 'xlsx';
  /** csv: the encoding used ('utf-8', 'gb18030', 'utf-16le' or 'utf-16be'). */
  encoding?: string;
  /** csv: the delimiter used. */
  delimiter?: string;
  /** Non-blank rows after the header. */
  dataRows: number;
  /** xlsx: the name of the sheet read. */
  sheet?: string;
  /**
   * xlsx: 0-based columns holding date cells (read as 'YYYY-MM-DD' text, the
   * engine's form), so that a writer can put them back as dates; left out
   * when there are none.
   */
  dateColumns?: readonly number[];
}

// udsv builds a RegExp character class from the delimiter, and quotes and
// line breaks have their own meaning in csv.
const UNUSABLE_DELIMITERS = ['"', '\r', '\n', '\\', ']', '^'];

const optionsSchema = z.object({
  sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
  delimiter: z
    .string()
    .length(1)
    .refine((d) => !UNUSABLE_DELIMITERS.includes(d), 'delimiter cannot be a quote, a line break, \\, ] or ^')
    .optional(),
  encoding: z.enum(['auto', 'utf-8', 'gb18030', 'utf-16le']).default('auto'),
  onProgress: z.custom<(bytesRead: number, totalBytes: number) => void>((v) => typeof v === 'function').optional(),
  maxColumns: z.number().int().positive().default(16_384),
});

/**
 * Streams a csv or xlsx file into `sink`, never holding the whole file: csv
 * through udsv in ~1 MB pieces, xlsx through Tierline's streaming reader
 * (read-xlsx.ts: one sheet inflated and scanned piece by piece). The
 * format comes from the file's first bytes, not its name.
 * @throws DataValidationError `empty-file` (no bytes, or no non-blank row),
 *   `unsupported-file` (.xls, .xlsb, PDF, images, other binary content, a zip
 *   that is not a workbook, a quote that never closes, a missing sheet),
 *   `too-many-columns` (a row wider than `maxColumns`). A header with no data
 *   rows is not an error here: the result says `dataRows: 0`.
 * @example
 *   const result = await readTable('orders.csv', {
 *     header: (cells) => console.log(cells),
 *     rows: (batch, first) => console.log(batch.length, 'rows from row', first),
 *   });
 *   // result: { format: 'csv', encoding: 'utf-8', delimiter: ',', dataRows: 3 }
 */
export async function readTable(
  path: string,
  sink: TableSink,
  options: ReadTableOptions = {},
): Promise<ReadTableResult> {
  const { sheet, delimiter, encoding, onProgress, maxColumns } = optionsSchema.parse(options);
  const fileName = basename(path);
  const sniffed = await sniffFile(path, encoding);
  const batcher = createRowBatcher(sink, { fileName, maxColumns });

  if (sniffed.format === 'xlsx') {
    const read = await readXlsx(path, batcher, { fileName, size: sniffed.size, sheet, onProgress });
    batcher.finish();
    if (batcher.headerRow === 0)
      throw createFileError('empty-file', `${fileName} is empty (sheet "${read.sheet}" has no data)`);
    return {
      format: 'xlsx',
      dataRows: batcher.dataRows,
      sheet: read.sheet,
      ...(read.dateColumns.length > 0 ? { dateColumns: read.dateColumns } : {}),
    };
  }

  const read = await readCsv(path, batcher, {
    fileName,
    size: sniffed.size,
    encoding: sniffed.encoding,
    delimiter,
    onProgress,
  });
  batcher.finish();
  if (batcher.headerRow === 0) throw createFileError('empty-file', `${fileName} is empty`);
  return { format: 'csv', encoding: sniffed.encoding, delimiter: read.delimiter, dataRows: batcher.dataRows };
}
