/** Where the complete records of a stretch of csv text end. */
export interface RecordScan {
  /** Index just past the last complete record scanned; text after it is unscanned or partial. */
  readonly end: number;
  /** Complete records before `end`, blank lines included. */
  readonly records: number;
  /** 0-based indexes, among those records, of blank lines (nothing between two line breaks). */
  readonly blanks: readonly number[];
  /** How many of those records end in CRLF rather than a bare LF. */
  readonly crlfEnds: number;
}

const QUOTE = 34;
const CR = 13;

/**
 * Finds the record boundaries of csv text without splitting
 * fields: udsv parses fields but skips blank lines silently and reports no
 * positions, so row numbers (blank lines included, as Excel shows them) and
 * the cut between streamed chunks come from here. One indexOf per line and
 * per quote, no per-character loop.
 *
 * A record ends at a '\n' outside quotes; a '\r' right before it belongs to
 * the line break (CRLF), so a line holding only '\r' is blank too. Quote
 * rules are udsv's (and Excel's): a quote opens a quoted field only at
 * the start of a field (start of record or right after the delimiter); inside
 * it `""` is a literal quote and a lone `"` closes it; a quote anywhere else
 * is an ordinary character.
 *
 * The scan starts at `from` (a record start) and stops at the first record
 * end at or past `limit`, so callers can parse big text in smaller pieces.
 * When `ends` is given, the index of each record's terminating '\n' is pushed.
 * @example scanRecords('a,b\n\n"x\ny",2\n1,', ',') // { end: 13, records: 3, blanks: [1], crlfEnds: 0 }
 */
export function scanRecords(
  text: string,
  delimiter: string,
  from = 0,
  limit = text.length,
  ends?: number[],
): RecordScan {
  const delimiterCode = delimiter.charCodeAt(0);
  const blanks: number[] = [];
  let records = 0;
  let crlfEnds = 0;
  let end = from;
  let recordStart = from;
  let pos = from;
  let nextQuote = text.indexOf('"', from);

  for (;;) {
    const newline = text.indexOf('\n', pos);
    if (newline === -1) break;

    if (nextQuote === -1 || newline < nextQuote) {
      const crlf = newline > recordStart && text.charCodeAt(newline - 1) === CR;
      if (crlf) crlfEnds++;
      if (newline === recordStart || (crlf && newline === recordStart + 1)) blanks.push(records);
      ends?.push(newline);
      records++;
      pos = recordStart = end = newline + 1;
      if (end >= limit) break;
      continue;
    }

    const quote = nextQuote;
    if (quote === recordStart || text.charCodeAt(quote - 1) === delimiterCode) {
      const closing = findClosingQuote(text, quote + 1);
      // The quoted field runs past this text: the record is partial.
      if (closing === -1) break;
      pos = closing + 1;
    } else {
      pos = quote + 1;
    }
    nextQuote = text.indexOf('"', pos);
  }
  return { end, records, blanks, crlfEnds };
}

/**
 * True when `text`, which starts at a record start and holds no complete
 * record, stops inside a quoted field (a quote that never closes); false when
 * it is simply one long line with no line break.
 * @example hasOpenQuote('1,"abc', ',') === true; hasOpenQuote('1,ab"c', ',') === false
 */
export function hasOpenQuote(text: string, delimiter: string): boolean {
  const delimiterCode = delimiter.charCodeAt(0);
  let pos = 0;
  for (;;) {
    const quote = text.indexOf('"', pos);
    if (quote === -1) return false;
    if (quote === 0 || text.charCodeAt(quote - 1) === delimiterCode) {
      const closing = findClosingQuote(text, quote + 1);
      if (closing === -1) return true;
      pos = closing + 1;
    } else pos = quote + 1;
  }
}

/**
 * Index of the quote closing a quoted field whose content starts at `from`,
 * or -1 when the text ends first. A quote that is the very last character is
 * undecidable (it may be the first half of `""`), so it also gives -1.
 */
function findClosingQuote(text: string, from: number): number {
  let pos = from;
  for (;;) {
    const quote = text.indexOf('"', pos);
    if (quote === -1 || quote + 1 >= text.length) return -1;
    if (text.charCodeAt(quote + 1) !== QUOTE) return quote;
    pos = quote + 2;
  }
}
