import { basename, extname } from 'node:path';
import {
  CustomersJoinError,
  readSegmented as readSegmentedFile,
  type SegmentedFile,
  type SegmentFileRequest,
} from '../io/read-segmented.js';
import { UsageError, type ConsoleIo } from './console-io.js';

export { readInput, statInputFile, type SegmentedFile } from '../io/read-segmented.js';

// About 100k rows of a typical export: below that a run takes a second or two.
const PROGRESS_BYTES = 3_000_000;

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
    throw new UsageError(
      `--sheet picks a sheet of an .xlsx workbook; ${basename(file)} is not one (leave --sheet out).`,
    );
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new UsageError(`--sheet must be a sheet name or a number from 1 (the first sheet); got "${value}".`);
    return n;
  }
  if (value.trim() === '') throw new UsageError('--sheet must be a sheet name or a number from 1; got an empty name.');
  return value;
}

/**
 * Reads and segments a file the way `tierline segment` does (io's one
 * pipeline), showing progress on stderr for a large file; shared by the
 * commands that start from a segmented file.
 * @throws UsageError when --customers is given for a customer-row file; DataValidationError, OptionsError and file errors from reading.
 */
export async function readSegmented(request: ReadRequest, io: ConsoleIo): Promise<SegmentedFile> {
  let lastShown = 0;
  let large = false;
  let segmented: SegmentedFile;
  try {
    segmented = await readSegmentedFile({
      ...request,
      sheet: sheetOption(request.sheet, request.file),
      onProgress: (bytes, total) => {
        if (total < PROGRESS_BYTES || bytes - lastShown < total / 50) return;
        large = true;
        lastShown = bytes;
        io.err(
          `${io.interactive ? '\r' : ''}reading ${request.file}: ${Math.round((bytes / total) * 100)}%${io.interactive ? '' : '\n'}`,
        );
      },
    });
  } catch (error) {
    if (error instanceof CustomersJoinError) throw new UsageError(error.message);
    throw error;
  }
  if (large && io.interactive) io.err('\n');
  return segmented;
}
