import { open } from 'node:fs/promises';
import { DataValidationError } from '../core/index.js';
import { createFileError } from './file-error.js';
import {
  createSharedStringsScanner,
  findRelationship,
  parseDateStyles,
  parseRelationships,
  parseWorkbookPart,
  type WorkbookSheet,
} from './read-xlsx-parts.js';
import { readZipDirectory, readZipEntry, streamZipEntry, ZipFormatError, type ZipEntry } from './read-zip-entries.js';
import type { RowBatcher } from './row-batcher.js';
import { createSheetScanner } from './scan-xlsx-sheet.js';

export interface XlsxReadOptions {
  /** File name for messages. */
  readonly fileName: string;
  readonly size: number;
  /** Sheet name, or 1-based position in the workbook's sheet order; default the first visible sheet. */
  readonly sheet: string | number | undefined;
  readonly onProgress: ((bytesRead: number, totalBytes: number) => void) | undefined;
}

const PROGRESS_EVERY_BYTES = 1024 * 1024;

/**
 * Streams one sheet of an xlsx workbook into `batcher`. The zip's central
 * directory leads straight to xl/workbook.xml (sheet list, 1904 flag; else
 * the part _rels/.rels names), its relationships, the styles part (which
 * styles are dates) and the shared strings, in whatever order they were
 * written and whatever their names (exceljs knew only Excel's); the sheet's
 * XML is then inflated with node:zlib and scanned byte by byte as it
 * arrives (scan-xlsx-sheet.ts), never held whole. Row numbers are Excel's;
 * rows missing from the sheet are blank rows. The cells are those exceljs'
 * streaming reader gave (Tierline's reader before this one); the result
 * names the columns that hold date cells, so a writer can put them back as
 * dates.
 * @throws DataValidationError `unsupported-file` when the sheet does not
 *   exist, the workbook is password-protected, or it cannot be unzipped or
 *   parsed (truncated, damaged, no xl/workbook.xml). Errors of the batcher
 *   and of its sink pass through unchanged.
 * @example await readXlsx('book.xlsx', batcher, { fileName: 'book.xlsx', size, sheet: 'Orders', onProgress: undefined })
 */
export async function readXlsx(
  path: string,
  batcher: RowBatcher,
  options: XlsxReadOptions,
): Promise<{ sheet: string; dateColumns: number[] }> {
  const { fileName, size, onProgress } = options;
  const handle = await open(path, 'r');
  try {
    const entries = await zipStep(fileName, () => readZipDirectory(handle, size));
    const text = async (entry: ZipEntry | undefined): Promise<string> =>
      entry === undefined ? '' : (await zipStep(fileName, () => readZipEntry(handle, entry))).toString('utf8');
    // The workbook part is xl/workbook.xml in every file Excel writes; others name it in _rels/.rels.
    const workbookPath = entries.has('xl/workbook.xml')
      ? 'xl/workbook.xml'
      : findRelationship(parseRelationships(await text(entries.get('_rels/.rels')), ''), 'officeDocument');
    const workbookEntry = workbookPath === undefined ? undefined : entries.get(workbookPath);
    if (workbookPath === undefined || workbookEntry === undefined) {
      throw unreadable(fileName, 'it has no xl/workbook.xml');
    }
    const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
    const partOf = (path: string | undefined): ZipEntry | undefined =>
      path === undefined ? undefined : entries.get(path);

    const workbook = parseWorkbookPart(await text(checked(fileName, workbookEntry)));
    const sheet = pickSheet(workbook.sheets, options.sheet);
    if (sheet === undefined) throw noSuchSheet(fileName, workbook.sheets, options.sheet);
    const relationships = parseRelationships(
      await text(entries.get(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`)),
      folder,
    );
    const sheetEntry = partOf(relationships.get(sheet.relationshipId ?? '')?.target);
    if (sheetEntry === undefined) throw unreadable(fileName, `the part of sheet "${sheet.name}" is missing`);

    const stylesEntry = partOf(findRelationship(relationships, 'styles') ?? `${folder}styles.xml`);
    const dateStyles = parseDateStyles(await text(checked(fileName, stylesEntry)));
    const sharedStrings = createSharedStringsScanner();
    const stringsEntry = partOf(findRelationship(relationships, 'sharedStrings') ?? `${folder}sharedStrings.xml`);
    if (stringsEntry !== undefined) {
      await zipStep(fileName, async () => {
        for await (const piece of streamZipEntry(handle, checked(fileName, stringsEntry)!)) sharedStrings.push(piece);
      });
    }

    let bytesRead = 0;
    let reported = 0;
    const progress = (bytes: number): void => {
      bytesRead += bytes;
      if (onProgress && bytesRead - reported >= PROGRESS_EVERY_BYTES) {
        reported = bytesRead;
        onProgress(Math.min(bytesRead, size), size);
      }
    };
    const scanner = createSheetScanner(
      { sharedStrings: sharedStrings.strings, dateStyles, date1904: workbook.date1904 },
      (rowNumber, cells) => {
        const gap = rowNumber - batcher.nextRow;
        if (gap > 0) batcher.addBlankRows(gap);
        batcher.addRow(cells);
      },
    );
    // Errors thrown by the batcher or the caller's sink (inside push) pass
    // through unchanged; only the zip's own errors are reworded.
    const pieces = streamZipEntry(handle, checked(fileName, sheetEntry)!, progress);
    try {
      for (;;) {
        const next = await zipStep(fileName, () => pieces.next());
        if (next.done) break;
        scanner.push(next.value);
      }
    } finally {
      // Stops the inflater when the sink threw.
      await pieces.return(undefined).catch(() => {});
    }
    if (onProgress) onProgress(size, size);
    return { sheet: sheet.name, dateColumns: scanner.dateColumns() };
  } finally {
    await handle.close();
  }
}

/**
 * The sheet to read: by name (exact, then ignoring case, as Excel does), by
 * 1-based position, or the first visible one.
 */
function pickSheet(sheets: readonly WorkbookSheet[], wanted: string | number | undefined): WorkbookSheet | undefined {
  if (typeof wanted === 'string') {
    const lower = wanted.toLowerCase();
    return sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === lower);
  }
  if (typeof wanted === 'number') return sheets[wanted - 1];
  return sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0];
}

function noSuchSheet(
  fileName: string,
  sheets: readonly WorkbookSheet[],
  wanted: string | number | undefined,
): DataValidationError {
  if (wanted === undefined) return createFileError('unsupported-file', `${fileName} has no worksheet to read`);
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  const what = typeof wanted === 'number' ? `number ${wanted}` : `"${wanted}"`;
  return createFileError('unsupported-file', `${fileName} has no sheet ${what}; its sheets are ${names || 'none'}`, {
    value: String(wanted),
  });
}

/** An encrypted part means the workbook was saved with a password (by a zip tool, as Excel uses OLE). */
function checked(fileName: string, entry: ZipEntry | undefined): ZipEntry | undefined {
  if (entry?.encrypted) {
    throw createFileError(
      'unsupported-file',
      `${fileName} is password-protected; remove the password in Excel and save it again as .xlsx or .csv`,
    );
  }
  return entry;
}

/** Runs a zip step, turning the zip's own errors (and Node's) into one line naming the file. */
async function zipStep<T>(fileName: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DataValidationError) throw error;
    if (error instanceof ZipFormatError) throw unreadable(fileName, error.message);
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_')) {
      throw unreadable(fileName, error.message);
    }
    throw error;
  }
}

function unreadable(fileName: string, reason: string): DataValidationError {
  return createFileError(
    'unsupported-file',
    `${fileName} could not be read as an Excel workbook (${reason}); open it in Excel and save it again as .xlsx or .csv`,
  );
}
