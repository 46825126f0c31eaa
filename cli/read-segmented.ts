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
import { readTable } from '../io/index.js';
import { withPath } from '../io/file-error.js';
import { UsageError, type ConsoleIo } from './console-io.js';

// About 100k rows of a typical export: below that a run takes a second or two.
const PROGRESS_BYTES = 3_000_000;

/** What to read: the file, the run's options and an optional customer table to join. */
export interface ReadRequest {
  readonly file: string;
  readonly segmentOptions: SegmentOptionsInput;
  /** A customer table joined onto a transaction file by customer id (`--customers`). */
  readonly customers?: string;
  /** `--sheet` as given on the command line (name or 1-based number). */
  readonly sheet?: string | boolean;
  /** Sees every cleaning issue of both files (for `--issues`). */
  readonly onIssue?: (issue: CellIssue) => void;
  /** Keep each customer's purchase days (transactions) for the lifetime models. */
  readonly keepPurchaseDays?: boolean;
}

/** A finished run with the cleaning report of each file read: the file first, then the customer table. */
export interface SegmentedFile {
  readonly result: SegmentationResult;
  readonly reports: { readonly name: string; readonly report: CleaningReport }[];
}

/**
 * `--sheet` as readTable takes it: a number when all digits, else a sheet name.
 * @throws UsageError for sheet number 0 or an empty name (sheets count from 1).
 */
export function sheetOption(value: string | boolean | undefined): string | number | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--sheet must be a sheet name or a number from 1 (the first sheet); got "${value}".`);
    return n;
  }
  if (value.trim() === '') throw new UsageError('--sheet must be a sheet name or a number from 1; got an empty name.');
  return value;
}

/**
 * The size of an input file; a folder or a missing file is a Node fs error
 * naming `path` (reportError turns it into one line), never a bare EISDIR.
 */
export async function statInputFile(path: string): Promise<number> {
  const stats = await stat(path);
  if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path} is a folder`), { code: 'EISDIR', path });
  return stats.size;
}

/** readTable with every fs error naming `file` (a read error from a stream has no path). */
export async function readInput(file: string, ...rest: Parameters<typeof readTable> extends [string, ...infer R] ? R : never): ReturnType<typeof readTable> {
  await statInputFile(file);
  try {
    return await readTable(file, ...rest);
  } catch (error) {
    throw withPath(error, file);
  }
}

/** Streams a file into a segmenter; returns the run (header detection happens on the header row). */
async function readIntoSegmenter(request: ReadRequest, io: ConsoleIo): Promise<Segmenter> {
  const { file } = request;
  let run: Segmenter | undefined;
  const size = await statInputFile(file);
  let lastShown = 0;
  await readInput(
    file,
    {
      header: (cells, rowNumber) => {
        run = createSegmenter(cells, request.segmentOptions, { headerRow: rowNumber, onIssue: request.onIssue, keepPurchaseDays: request.keepPurchaseDays ?? false });
      },
      rows: (batch, firstRowNumber) => run!.addRows(batch, firstRowNumber),
    },
    {
      sheet: sheetOption(request.sheet),
      onProgress: (bytes, total) => {
        if (size < PROGRESS_BYTES || bytes - lastShown < total / 50) return;
        lastShown = bytes;
        io.err(`${io.interactive ? '\r' : ''}reading ${file}: ${Math.round((bytes / total) * 100)}%${io.interactive ? '' : '\n'}`);
      },
    },
  );
  if (size >= PROGRESS_BYTES && io.interactive) io.err('\n');
  if (!run) throw new DataValidationError([{ code: 'empty-file', row: 0, column: '', value: file, message: `${file} has no header row.` }]);
  return run;
}

async function readAttributes(file: string, request: ReadRequest): Promise<AttributeTable & { report: CleaningReport }> {
  let reader: ReturnType<typeof createAttributeReader> | undefined;
  await readInput(file, {
    header: (cells, rowNumber) => {
      reader = createAttributeReader(cells, request.segmentOptions, { headerRow: rowNumber, onIssue: request.onIssue });
    },
    rows: (batch, first) => reader!.addRows(batch, first),
  });
  if (!reader) throw new DataValidationError([{ code: 'empty-file', row: 0, column: '', value: file, message: `${file} has no header row.` }]);
  return reader.finish();
}

/** The first few cleaning issues, so an unscorable run says why on its one line. */
function firstIssues(report: CleaningReport): string {
  const shown = report.issues.slice(0, 2).map((issue) => issue.message.replace(/\.$/, ''));
  return shown.length === 0 ? '' : `, e.g. ${shown.join('; ')}${report.issues.length > 2 ? ` (${(report.issues.length - 2).toLocaleString('en-US')} more)` : ''}`;
}

/**
 * Reads and segments a file the way `tierline segment` does — the customer
 * table first (when given), then the file streamed into a segmenter, then the
 * join — shared by the commands that start from a segmented file.
 * @throws UsageError when --customers is given for a customer-row file; DataValidationError, OptionsError and file errors from reading.
 */
export async function readSegmented(request: ReadRequest, io: ConsoleIo): Promise<SegmentedFile> {
  const reports: { name: string; report: CleaningReport }[] = [];
  let join: AttributeTable | undefined;
  if (request.customers !== undefined) {
    const attributes = await readAttributes(request.customers, request);
    join = attributes;
    reports.push({ name: request.customers, report: attributes.report });
  }
  const run = await readIntoSegmenter(request, io);
  if (join && run.plan.shape !== 'transactions') throw new UsageError('--customers joins a customer table to a transaction file; this file is already one row per customer.');
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
  return { result, reports };
}
