import { basename, extname } from 'node:path';
import {
  CustomersJoinError,
  readSegmented as readSegmentedFile,
  type SegmentedFile,
  type SegmentFileRequest,
} from '../io/read-segmented.js';
import type { Locale } from '../core/index.js';
import { UsageError, type ConsoleIo } from './console-io.js';
import { startProgress, type ProgressPhase } from './progress.js';

export { readInput, statInputFile, type SegmentedFile } from '../io/read-segmented.js';

/** What to read (io's request) with `--sheet` as given on the command line (name or 1-based number). */
export type ReadRequest = Omit<SegmentFileRequest, 'sheet' | 'onProgress'> & { readonly sheet?: string | boolean };

/**
 * `--sheet` as readTable takes it: a number when all digits, else a sheet name.
 * @throws UsageError for sheet number 0 or an empty name (sheets count from 1), or a sheet of a file that is not .xlsx.
 */
export function sheetOption(value: string | boolean | undefined, file?: string): string | number | undefined {
  if (typeof value !== 'string') return undefined;
  // A csv has one table: a --sheet that would be ignored silently is a usage error.
  if (file !== undefined && extname(file).toLowerCase() !== '.xlsx')
    throw new UsageError({ key: 'cli.usage.sheet-not-xlsx', params: { file: basename(file) } });
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw new UsageError({ key: 'cli.usage.sheet-number', params: { value } });
    return n;
  }
  if (value.trim() === '') throw new UsageError({ key: 'cli.usage.sheet-empty' });
  return value;
}

/**
 * Reads and segments a file the way `tierline segment` does (io's one
 * pipeline), with progress on stderr when it is a terminal (reading: rows,
 * rows/s and an ETA from the bytes read; then scoring); shared by the
 * commands that start from a segmented file.
 * @throws UsageError when --customers is given for a customer-row file; DataValidationError, OptionsError and file errors from reading.
 */
export async function readSegmented(request: ReadRequest, io: ConsoleIo): Promise<SegmentedFile> {
  const locale: Locale = request.segmentOptions.locale ?? 'en';
  const file = basename(request.file);
  let phase: ProgressPhase = startProgress(io, 'cli.progress.reading', locale, { file });
  let rows = 0;
  let fraction = 0;
  try {
    return await readSegmentedFile({
      ...request,
      sheet: sheetOption(request.sheet, request.file),
      tap: (shape, header) => {
        const inner = request.tap?.(shape, header);
        return (batch, first) => {
          rows += batch.length;
          phase.update(rows, fraction);
          inner?.(batch, first);
        };
      },
      onProgress: (bytes, total) => {
        fraction = total > 0 ? bytes / total : 0;
        phase.update(rows, fraction);
        if (bytes >= total) {
          // The whole file is read: the engine now scores what it collected.
          phase.end();
          phase = startProgress(io, 'cli.progress.scoring', locale, { file });
          phase.update(rows);
        }
      },
    });
  } catch (error) {
    if (error instanceof CustomersJoinError) throw new UsageError(error.message);
    throw error;
  } finally {
    phase.end();
  }
}
