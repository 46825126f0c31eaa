import { createReadStream } from 'node:fs';
import { detectDelimiter } from './detect-delimiter.js';
import { createFileError } from './file-error.js';
import { createRecordParser, looksParsed, parseRecordsTolerant, type RecordParser } from './parse-records.js';
import type { RowBatcher } from './row-batcher.js';
import { scanRecords, type RecordScan } from './scan-records.js';
import type { CsvEncoding } from './sniff-file.js';

export interface CsvReadOptions {
  /** File name for messages. */
  readonly fileName: string;
  readonly size: number;
  readonly encoding: CsvEncoding;
  /** undefined = detect from the first records. */
  readonly delimiter: string | undefined;
  readonly onProgress: ((bytesRead: number, totalBytes: number) => void) | undefined;
}

// Large reads keep the number of chunk hand-offs (and udsv calls) low.
const READ_CHUNK_BYTES = 1024 * 1024;
const PROGRESS_EVERY_BYTES = 1024 * 1024;
// Text looked at before choosing the delimiter and the line-break style.
const SNIFF_CHARS = 64 * 1024;
// Text handed to udsv at a time (see push).
const PIECE_CHARS = 128 * 1024;
// One record bigger than this is a quote that never closes, not data; stop
// instead of buffering the rest of a 400 MB file.
const MAX_RECORD_CHARS = 32 * 1024 * 1024;

/**
 * Streams a delimited text file into `batcher`: decodes with a streaming
 * TextDecoder, cuts the text at record boundaries (`scanRecords`), parses
 * each ~1 MB piece with udsv's fast fixed-width parser and checks the result,
 * re-parsing the piece with the tolerant parser when rows are ragged.
 *
 * Line breaks are normalised to '\n' first (CRLF, and lone CR in old Mac
 * files), also inside quoted cells: udsv needs one row separator, and Excel
 * keeps line breaks inside a cell as '\n' anyway.
 * @throws DataValidationError `unsupported-file` for a quote that never closes.
 * @example await readCsv('orders.csv', batcher, { fileName: 'orders.csv', size, encoding: 'utf-8', delimiter: undefined, onProgress: undefined })
 */
export async function readCsv(path: string, batcher: RowBatcher, options: CsvReadOptions): Promise<{ delimiter: string }> {
  const reader = new CsvChunkReader(batcher, options.fileName, options.delimiter);
  const decoder = new TextDecoder(options.encoding);
  const { onProgress, size } = options;
  let bytesRead = 0;
  let reported = 0;

  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    reader.push(decoder.decode(chunk, { stream: true }), false);
    if (onProgress && bytesRead - reported >= PROGRESS_EVERY_BYTES) {
      reported = bytesRead;
      onProgress(bytesRead, size);
    }
  }
  reader.push(decoder.decode(), true);
  if (onProgress && reported !== bytesRead) onProgress(bytesRead, size);
  return { delimiter: reader.delimiter ?? ',' };
}

/** Turns decoded text, chunk by chunk, into numbered rows. */
class CsvChunkReader {
  delimiter: string | undefined;
  private sniffed = false;
  private rawSample = '';
  private crOnly = false;
  private heldCr = false;
  private carry = '';
  private width = 0;
  private fast: RecordParser | undefined;

  constructor(
    private readonly batcher: RowBatcher,
    private readonly fileName: string,
    delimiter: string | undefined,
  ) {
    this.delimiter = delimiter;
  }

  push(raw: string, eof: boolean): void {
    if (!this.sniffed) {
      this.rawSample += raw;
      if (this.rawSample.length < SNIFF_CHARS && !eof) return;
      raw = this.rawSample;
      this.rawSample = '';
      this.sniffed = true;
      // Old Mac files end lines with a lone CR; everywhere else a lone CR is data.
      this.crOnly = !raw.includes('\n') && raw.includes('\r');
    }

    let text = this.normalizeLineBreaks(raw, eof);
    this.delimiter ??= detectDelimiter(text);
    const delimiter = this.delimiter;

    const parts = [this.carry, text];
    if (eof && (text.length > 0 ? !text.endsWith('\n') : this.carry.length > 0)) parts.push('\n');
    // join, not +: a concatenated (cons) string makes every indexOf in
    // scanRecords and udsv take V8's slow path, about 20× slower; join
    // returns a flat copy (the copy of 1 MB costs well under a millisecond).
    text = this.carry.length === 0 && parts.length === 2 ? text : parts.join('');
    // Parse in pieces of ~PIECE_CHARS so each piece's rows reach the sink
    // while still young: holding a whole 1 MB chunk's rows doubles GC time.
    let start = 0;
    for (;;) {
      const scan = scanRecords(text, delimiter, start, start + PIECE_CHARS);
      if (scan.end === start) break;
      this.parse(start === 0 && scan.end === text.length ? text : text.slice(start, scan.end), scan, delimiter);
      start = scan.end;
    }
    this.carry = start === 0 ? text : text.slice(start);

    if (this.carry.length > 0 && (eof || this.carry.length > MAX_RECORD_CHARS)) {
      const row = this.batcher.nextRow;
      throw createFileError(
        'unsupported-file',
        `${this.fileName} has a quoted cell starting in row ${row} whose closing quote (") is missing`,
        { row, value: this.carry.slice(0, 40) },
      );
    }
  }

  /** CRLF → LF (or CR → LF); a CR ending the chunk waits for the next one, which may start with LF. */
  private normalizeLineBreaks(raw: string, eof: boolean): string {
    let text = raw;
    if (this.heldCr) {
      text = '\r' + text;
      this.heldCr = false;
    }
    if (!eof && text.endsWith('\r')) {
      text = text.slice(0, -1);
      this.heldCr = true;
    }
    if (text.includes('\r')) text = this.crOnly ? text.replaceAll('\r', '\n') : text.replaceAll('\r\n', '\n');
    return text;
  }

  /** Parses complete records: fast path when udsv's result checks out, tolerant otherwise. */
  private parse(piece: string, scan: RecordScan, delimiter: string): void {
    const nonBlank = scan.records - scan.blanks.length;
    if (nonBlank === 0) {
      this.batcher.addBlankRows(scan.records);
      return;
    }
    if (this.fast) {
      const rows = this.fast(piece);
      if (looksParsed(rows, nonBlank, this.width, delimiter)) {
        this.emit(rows, scan.blanks);
        return;
      }
    }

    const ends: number[] = [];
    scanRecords(piece, delimiter, 0, piece.length, ends);
    const rows = parseRecordsTolerant(piece, delimiter, ends);
    if (rows.length !== ends.length) {
      // Cannot happen for text scanRecords accepted; refuse rather than misnumber rows.
      throw createFileError('unsupported-file', `${this.fileName} could not be read after row ${this.batcher.nextRow - 1}`, {
        row: this.batcher.nextRow,
      });
    }
    for (let i = 0; i < rows.length; i++) this.batcher.addRow(rows[i]!);
    this.adoptWidth(rows, delimiter);
  }

  /** Hands udsv's rows over with the blank lines it skipped put back in place. */
  private emit(rows: readonly string[][], blanks: readonly number[]): void {
    const batcher = this.batcher;
    if (blanks.length === 0) {
      for (let i = 0; i < rows.length; i++) batcher.addRow(rows[i]!);
      return;
    }
    let next = 0;
    let record = 0;
    for (let i = 0; i < rows.length; i++) {
      while (next < blanks.length && blanks[next] === record) {
        batcher.addBlankRows(1);
        next++;
        record++;
      }
      batcher.addRow(rows[i]!);
      record++;
    }
    if (next < blanks.length) batcher.addBlankRows(blanks.length - next);
  }

  /**
   * Sizes the fast parser to the most common field count of the rows just
   * read, so a file whose rows all carry one more field than the header (a
   * trailing delimiter) stays on the fast path. Fewer than two fields: udsv
   * cannot read one-field records at all, so such files stay tolerant.
   */
  private adoptWidth(rows: readonly string[][], delimiter: string): void {
    const seen = new Map<number, number>();
    let width = 0;
    let most = 0;
    for (const row of rows) {
      if (row.length === 1 && row[0] === '') continue;
      const n = (seen.get(row.length) ?? 0) + 1;
      seen.set(row.length, n);
      if (n > most || (n === most && row.length > width)) {
        most = n;
        width = row.length;
      }
    }
    if (width === 0 || width === this.width) return;
    this.width = width;
    this.fast = width >= 2 ? createRecordParser(delimiter, width) : undefined;
  }
}
