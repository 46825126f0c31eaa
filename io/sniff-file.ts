import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { createFileError } from './file-error.js';

/** Text encodings the csv reader decodes (utf-16be is only ever auto-detected). */
export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** The encoding a caller may ask for; 'auto' sniffs the first bytes. */
export type EncodingOption = 'auto' | 'utf-8' | 'gb18030' | 'utf-16le';

/** What the first bytes of a readable file say it is. */
export type SniffedFile =
  | { readonly format: 'xlsx'; readonly size: number }
  | { readonly format: 'csv'; readonly size: number; readonly encoding: CsvEncoding };

// 64 KB of text is thousands of rows: plenty to tell UTF-8 from GB18030.
const HEAD_BYTES = 64 * 1024;
// A zip's central directory (the list of entry names) sits at the end.
const TAIL_BYTES = 1024 * 1024;
// The "binary" test looks at the first 8 KB only, like git and file(1) do.
const BINARY_PROBE_BYTES = 8 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Magic numbers of files people attach by mistake, with what to call them. */
const LOOKALIKES: readonly { readonly magic: readonly number[]; readonly what: string }[] = [
  { magic: bytes('%PDF'), what: 'a PDF document' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: bytes('GIF8'), what: 'a GIF image' },
  { magic: bytes('RIFF'), what: 'a RIFF media file (WebP image, WAV or AVI)' },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: bytes('Rar!'), what: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { magic: bytes('{\\rtf'), what: 'an RTF document' },
];

/**
 * Tells an xlsx workbook from a text table by its first bytes (not its name),
 * and picks the text encoding of a csv.
 * @throws DataValidationError `empty-file` for a 0-byte file; `unsupported-file`
 *   for .xls, .xlsb, .ods, PDFs, images, archives and other binary content.
 * @example (await sniffFile('orders.csv')).format === 'csv'
 */
export async function sniffFile(path: string, encoding: EncodingOption = 'auto'): Promise<SniffedFile> {
  const name = basename(path);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw createFileError('empty-file', `${name} is empty`);
    const head = await readAt(handle, 0, Math.min(size, HEAD_BYTES));

    if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) {
      const tail =
        size <= head.length
          ? head
          : await readAt(handle, size - Math.min(size, TAIL_BYTES), Math.min(size, TAIL_BYTES));
      const what = describeZip(head, tail);
      if (what === undefined) return { format: 'xlsx', size };
      throw createFileError('unsupported-file', what.replace('$FILE', name));
    }
    if (startsWith(head, OLE)) {
      // An encrypted .xlsx is an OLE container too; its stream names are UTF-16LE.
      const encrypted = head.includes(Buffer.from('EncryptedPackage', 'utf16le'));
      throw createFileError(
        'unsupported-file',
        encrypted
          ? `${name} is password-protected; remove the password in Excel and save it again as .xlsx or .csv`
          : `${name} is an old Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx or .csv`,
      );
    }
    const lookalike = describeLookalike(head);
    if (lookalike !== undefined) {
      throw createFileError(
        'unsupported-file',
        `${name} looks like ${lookalike}, not a table; save the data as .xlsx or .csv`,
      );
    }
    const office = describeOfficeText(head);
    if (office !== undefined) {
      throw createFileError('unsupported-file', `${name} is ${office}; open it in Excel and save it as .xlsx or .csv`);
    }

    const detected = detectEncoding(head, size > head.length);
    const chosen = encoding === 'auto' ? detected : encoding;
    if (detected === 'binary' && !chosen.startsWith('utf-16')) {
      throw createFileError(
        'unsupported-file',
        `${name} looks like a binary file, not a table; save the data as .xlsx or .csv`,
      );
    }
    return { format: 'csv', size, encoding: chosen === 'binary' ? 'utf-8' : chosen };
  } finally {
    await handle.close();
  }
}

/**
 * Picks the encoding of csv bytes: a BOM wins; NUL bytes mean UTF-16 (when
 * they sit at every other byte) or binary; valid UTF-8 is UTF-8; anything
 * else is taken as GB18030, what Chinese Excel writes for "CSV".
 * @example detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), false) === 'utf-8'
 */
export function detectEncoding(head: Uint8Array, truncated: boolean): CsvEncoding | 'binary' {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';

  const probe = Math.min(head.length, BINARY_PROBE_BYTES);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < probe; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
  }
  if (evenNuls + oddNuls > 0) {
    // BOM-less UTF-16 of mostly-ASCII text has a NUL in every high byte.
    if (evenNuls === 0 && oddNuls * 8 >= probe) return 'utf-16le';
    if (oddNuls === 0 && evenNuls * 8 >= probe) return 'utf-16be';
    return 'binary';
  }

  try {
    // stream: true when the head was cut from a longer file, so a character
    // split at the 64 KB boundary is held back instead of failing.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: truncated });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Returns a message template for a zip that is not an xlsx, or undefined for an xlsx. */
function describeZip(head: Buffer, tail: Buffer): string | undefined {
  const has = (entry: string): boolean => head.includes(entry) || tail.includes(entry);
  // The central directory at the end lists every part; a truncated file has
  // lost it, but the parts near the start still say "workbook". Such a file
  // goes to the xlsx reader, whose error then says the workbook is damaged.
  if (has('xl/workbook.xml') || has('xl/_rels/') || has('xl/worksheets/')) return undefined;
  if (has('xl/workbook.bin')) {
    return '$FILE is a binary Excel workbook (.xlsb); open it in Excel and save it as .xlsx or .csv';
  }
  if (has('application/vnd.oasis.opendocument.spreadsheet')) {
    return '$FILE is an OpenDocument spreadsheet (.ods); save it as .xlsx or .csv';
  }
  if (has('word/document.xml')) return '$FILE looks like a Word document, not a table; save the data as .xlsx or .csv';
  if (has('ppt/presentation.xml'))
    return '$FILE looks like a PowerPoint file, not a table; save the data as .xlsx or .csv';
  return '$FILE looks like a zip archive, not an Excel workbook; unzip it or save the data as .xlsx or .csv';
}

function describeLookalike(head: Uint8Array): string | undefined {
  for (const { magic, what } of LOOKALIKES) {
    if (startsWith(head, magic)) return what;
  }
  return undefined;
}

/** Web pages and Excel 2003 XML often wear a .xls name; they are text, so they would parse as garbage. */
function describeOfficeText(head: Buffer): string | undefined {
  const start = head
    .subarray(0, 1024)
    .toString('latin1')
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '')
    .trimStart()
    .toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<table')) {
    return 'a web page (HTML), not a csv or xlsx file';
  }
  if (start.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return 'an Excel 2003 XML spreadsheet';
  }
  if (start.startsWith('<?xml')) return 'an XML document, not a table';
  // A csv never starts with '{' or '[{' / '["': that is JSON (an API export).
  if (/^(\{\s*"|\[\s*[{["\]])/.test(start)) return 'a JSON document, not a table';
  return undefined;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  if (data.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) {
    if (data[i] !== magic[i]) return false;
  }
  return true;
}

function bytes(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}
