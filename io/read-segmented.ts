import { stat } from 'node:fs/promises';
import {
  DataValidationError,
  createAttributeReader,
  createSegmenter,
  type AttributeTable,
  type CellIssue,
  type CleaningReport,
  type SegmentOptionsInput,
  type SegmentationResult,
  type Segmenter,
} from '../core/index.js';
import { withPath } from './file-error.js';
import { readTable, type ReadTableResult, type TableSink } from './read-table.js';

/** What to read: the file, the run's options and an optional customer table to join. */
export interface SegmentFileRequest {
  readonly file: string;
  readonly segmentOptions: SegmentOptionsInput;
  /** A customer table joined onto a transaction file by customer id. */
  readonly customers?: string;
  /** Sheet name or 1-based number of an xlsx file. */
  readonly sheet?: string | number;
  /** Sees every cleaning issue of both files. */
  readonly onIssue?: (issue: CellIssue) => void;
  /** Keep each customer's purchase days (transactions) for the lifetime models. */
  readonly keepPurchaseDays?: boolean;
  /** Bytes of the file read so far, of `total` (a face may show progress). */
  readonly onProgress?: (bytes: number, total: number) => void;
  /**
   * Given the header row as read and the shape it tells; the rows sink it
   * returns sees the file's data rows too, so a face that writes every input
   * row beside its results reads the file once.
   */
  readonly tap?: (shape: 'customers' | 'transactions', header: readonly string[]) => TableSink['rows'] | undefined;
  /**
   * Rows from somewhere else than `file` (a database `--source`), streamed
   * into the sink as readTable would; `file` then only names them in messages.
   */
  readonly readRows?: (sink: TableSink) => Promise<ReadTableResult>;
}

/** A finished run with the cleaning report of each file read: the file first, then the customer table. */
export interface SegmentedFile {
  readonly result: SegmentationResult;
  readonly reports: { readonly name: string; readonly report: CleaningReport }[];
  /** How the file itself was read (format, xlsx date columns, …). */
  readonly table: ReadTableResult;
}

/** A customer table was given for a file that is already one row per customer (a usage problem, not a data one). */
export class CustomersJoinError extends Error {
  constructor() {
    super('--customers joins a customer table to a transaction file; this file is already one row per customer.');
    this.name = 'CustomersJoinError';
  }
}

/**
 * The size of an input file; a folder or a missing file is a Node fs error
 * naming `path` (a face turns it into one line), never a bare EISDIR.
 */
export async function statInputFile(path: string): Promise<number> {
  const stats = await stat(path);
  if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path} is a folder`), { code: 'EISDIR', path });
  return stats.size;
}

/** readTable with every fs error naming `file` (a read error from a stream has no path). */
export async function readInput(
  file: string,
  ...rest: Parameters<typeof readTable> extends [string, ...infer R] ? R : never
): ReturnType<typeof readTable> {
  await statInputFile(file);
  try {
    return await readTable(file, ...rest);
  } catch (error) {
    throw withPath(error, file);
  }
}

/** Streams a file into a segmenter; returns the run (header detection happens on the header row). */
async function readIntoSegmenter(request: SegmentFileRequest): Promise<{ run: Segmenter; table: ReadTableResult }> {
  const { file } = request;
  let run: Segmenter | undefined;
  let tap: TableSink['rows'] | undefined;
  const sink: TableSink = {
    header: (cells, rowNumber) => {
      run = createSegmenter(cells, request.segmentOptions, {
        headerRow: rowNumber,
        onIssue: request.onIssue,
        keepPurchaseDays: request.keepPurchaseDays ?? false,
      });
      tap = request.tap?.(run.plan.shape === 'transactions' ? 'transactions' : 'customers', cells);
    },
    rows: (batch, firstRowNumber) => {
      run!.addRows(batch, firstRowNumber);
      tap?.(batch, firstRowNumber);
    },
  };
  const table = request.readRows
    ? await request.readRows(sink)
    : await readInput(file, sink, {
        sheet: request.sheet,
        ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      });
  if (!run)
    throw new DataValidationError([
      { code: 'empty-file', row: 0, column: '', value: file, message: `${file} has no header row.` },
    ]);
  return { run, table };
}

async function readAttributes(
  file: string,
  request: SegmentFileRequest,
): Promise<AttributeTable & { report: CleaningReport }> {
  let reader: ReturnType<typeof createAttributeReader> | undefined;
  await readInput(file, {
    header: (cells, rowNumber) => {
      reader = createAttributeReader(cells, request.segmentOptions, { headerRow: rowNumber, onIssue: request.onIssue });
    },
    rows: (batch, first) => reader!.addRows(batch, first),
  });
  if (!reader)
    throw new DataValidationError([
      { code: 'empty-file', row: 0, column: '', value: file, message: `${file} has no header row.` },
    ]);
  return reader.finish();
}

/** The first few cleaning issues, so an unscorable run says why on its one line. */
function firstIssues(report: CleaningReport): string {
  const shown = report.issues.slice(0, 2).map((issue) => issue.message.replace(/\.$/, ''));
  return shown.length === 0
    ? ''
    : `, e.g. ${shown.join('; ')}${report.issues.length > 2 ? ` (${(report.issues.length - 2).toLocaleString('en-US')} more)` : ''}`;
}

/**
 * Reads and segments a file — the customer table first (when given), then
 * the file streamed into a segmenter, then the join — the one way every face
 * (the CLI's commands, the bot's import) turns a file into a segmented run.
 * @throws CustomersJoinError when a customer table is given for a customer-row file; DataValidationError, OptionsError and file errors from reading.
 */
export async function readSegmented(request: SegmentFileRequest): Promise<SegmentedFile> {
  const reports: { name: string; report: CleaningReport }[] = [];
  let join: AttributeTable | undefined;
  if (request.customers !== undefined) {
    const attributes = await readAttributes(request.customers, request);
    join = attributes;
    reports.push({ name: request.customers, report: attributes.report });
  }
  const { run, table } = await readIntoSegmenter(request);
  if (join && run.plan.shape !== 'transactions') throw new CustomersJoinError();
  const result = run.finish(join);
  if (result.features.count > 0 && result.quality.scored === 0) {
    // Nothing to segment: a run that scores nobody must not look like a success.
    throw new DataValidationError([
      {
        code: 'no-customers',
        row: 0,
        column: '',
        value: request.file,
        message: `${request.file}: none of the ${result.features.count.toLocaleString('en-US')} customers could be scored (no usable recency, frequency or spend)${firstIssues(result.report)}; check the column mapping (--map) and --as-of.`,
      },
    ]);
  }
  reports.unshift({ name: request.file, report: result.report });
  return { result, reports, table };
}
