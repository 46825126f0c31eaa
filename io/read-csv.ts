import { createReadStream } from 'node:fs';
import { detectDelimiter } from './detect-delimiter.js';
import { createFileError } from './file-error.js';
import { createRecordParser, looksParsed, parseRecordsTolerant, type RecordParser } from './parse-records.js';
import type { RowBatcher } from './row-batcher.js';
import { hasOpenQuote, scanRecords, type RecordScan } from './scan-records.js';
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
// Text handed to udsv at a time (see push).
const PIECE_CHARS = 128 * 1024;
// One record bigger than this is a quote that never closes, not data; stop
// instead of buffering (and rescanning) the rest of a 400 MB file.
const MAX_RECORD_CHARS = 8 * 1024 * 1024;

/**
 * Streams a delimited text file into `batcher`: decodes with a streaming
 * TextDecoder, cuts the text at record boundaries (`scanRecords`), parses
 * each ~128 K piece with udsv's fast fixed-width parser and checks the
 * result, re-parsing the piece with the tolerant parser when rows are ragged.
 *
 * Rows may end in LF or CRLF, even mixed; a piece whose rows do not all end
 * the same way goes to the tolerant parser, since udsv takes one kind of
 * line break. Line breaks inside quoted cells are kept as written. Files
 * using a lone CR (old Mac) are converted to LF first.
 * @throws DataValidationError `unsupported-file` for a quote that never closes, or a line over 8 MB.
 * @example await readCsv('orders.csv', batcher, { fileName: 'orders.csv', size, encoding: 'utf-8', delimiter: undefined, onProgress: undefined })
 */
export async function readCsv(
  path: string,
  batcher: RowBatcher,
  options: CsvReadOptions,
): Promise<{ delimiter: string }> {
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

/** [start, end) of every non-blank record without its line break, flattened, from the '\n' of all records. */
function nonBlankSpans(text: string, ends: readonly number[]): number[] {
  const spans: number[] = [];
  let start = 0;
  for (const end of ends) {
    const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (contentEnd > start) spans.push(start, contentEnd);
    start = end + 1;
  }
  return spans;
}

/** Turns decoded text, chunk by chunk, into numbered rows. */
class CsvChunkReader {
  delimiter: string | undefined;
  private crOnly: boolean | undefined;
  private carry = '';
  private width = 0;
  private fast: { '\n'?: RecordParser; '\r\n'?: RecordParser } = {};

  constructor(
    private readonly batcher: RowBatcher,
    private readonly fileName: string,
    delimiter: string | undefined,
  ) {
    this.delimiter = delimiter;
  }

  push(raw: string, eof: boolean): void {
    // Old Mac files end lines with a lone CR: no LF anywhere in the first chunk.
    this.crOnly ??= !raw.includes('\n') && raw.includes('\r');
    let text = this.crOnly ? raw.replaceAll('\r', '\n') : raw;
    // A last line without a line break gets one. At the end the text is only
    // the decoder's flush, so this copy is tiny.
    const last = text.length > 0 ? text : this.carry;
    if (eof && last.length > 0 && !last.endsWith('\n')) text += '\n';
    // The first chunk is up to 1 MB (or the whole file): plenty to guess from.
    this.delimiter ??= detectDelimiter(text);
    const delimiter = this.delimiter;

    let start = this.carry.length > 0 ? this.finishCarriedRecord(text, delimiter) : 0;
    if (start >= 0) {
      // Parse in pieces of ~PIECE_CHARS so each piece's rows reach the sink
      // while still young: holding a whole 1 MB chunk's rows doubles GC time.
      for (;;) {
        const scan = scanRecords(text, delimiter, start, start + PIECE_CHARS);
        if (scan.end === start) break;
        this.parse(text.slice(start, scan.end), scan, delimiter);
        start = scan.end;
      }
      this.carry = text.slice(start);
    }

    if (this.carry.length > 0 && (eof || this.carry.length > MAX_RECORD_CHARS)) {
      const row = this.batcher.nextRow;
      // A huge line with no quote left open is not a broken cell: the file
      // has no line breaks we know (not a table, or an unknown line ending).
      if (!eof && !hasOpenQuote(this.carry, delimiter)) {
        throw createFileError(
          'unsupported-file',
          `${this.fileName}: line ${row} is longer than ${MAX_RECORD_CHARS / (1024 * 1024)} MB: not a table, or its line endings are not recognised`,
          { row, value: this.carry.slice(0, 40) },
        );
      }
      throw createFileError(
        'unsupported-file',
        `${this.fileName} has a quoted cell starting in row ${row} whose closing quote (") is missing`,
        { row, value: this.carry.slice(0, 40) },
      );
    }
  }

  /**
   * Completes the record the previous chunk left partial, parsing it on its
   * own, and returns where the rest of `text` starts; -1 when the record does
   * not end within `text` (then all of it joins the carry).
   *
   * Why not simply carry + text: a concatenated (cons) string sends every
   * indexOf in scanRecords and udsv down V8's slow path (about 20× slower),
   * and flattening it copies the whole megabyte (about 5 ms). Joining the
   * carry to a short head of the text costs neither.
   */
  private finishCarriedRecord(text: string, delimiter: string): number {
    for (let take = 4096; ; take *= 4) {
      const head = this.carry + text.slice(0, take);
      const scan = scanRecords(head, delimiter, 0, 1);
      if (scan.records > 0) {
        this.parse(head.slice(0, scan.end), scan, delimiter);
        return scan.end - this.carry.length;
      }
      if (take >= text.length) {
        this.carry = head;
        return -1;
      }
    }
  }

  /** Parses complete records: fast path when udsv's result checks out, tolerant otherwise. */
  private parse(piece: string, scan: RecordScan, delimiter: string): void {
    const nonBlank = scan.records - scan.blanks.length;
    if (nonBlank === 0) {
      this.batcher.addBlankRows(scan.records);
      return;
    }
    let ends: number[] | undefined;
    const recordEnds = (): number[] => {
      if (!ends) {
        ends = [];
        scanRecords(piece, delimiter, 0, piece.length, ends);
      }
      return ends;
    };

    const lineBreak = scan.crlfEnds === 0 ? '\n' : scan.crlfEnds === scan.records ? '\r\n' : undefined;
    if (lineBreak && this.width >= 2) {
      const parser = (this.fast[lineBreak] ??= createRecordParser(delimiter, this.width, lineBreak));
      const rows = parser(piece);
      let spans: number[] | undefined;
      const recordText = (index: number): string => {
        spans ??= nonBlankSpans(piece, recordEnds());
        return piece.slice(spans[2 * index], spans[2 * index + 1]);
      };
      if (looksParsed(rows, nonBlank, this.width, delimiter, recordText)) {
        this.emit(rows, scan.blanks);
        return;
      }
    }

    const rows = parseRecordsTolerant(piece, delimiter, recordEnds());
    if (rows.length !== scan.records) {
      // Cannot happen for text scanRecords accepted; refuse rather than misnumber rows.
      throw createFileError(
        'unsupported-file',
        `${this.fileName} could not be read after row ${this.batcher.nextRow - 1}`,
        {
          row: this.batcher.nextRow,
        },
      );
    }
    for (let i = 0; i < rows.length; i++) this.batcher.addRow(rows[i]!);
    this.adoptWidth(rows);
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
  private adoptWidth(rows: readonly string[][]): void {
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
    this.fast = {};
  }
}
