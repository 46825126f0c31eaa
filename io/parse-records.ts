import { inferSchema, initParser, type Schema, type SchemaColumn } from 'udsv';

/** Parses complete csv records into string arrays. */
export type RecordParser = (text: string) => string[][];

/**
 * Creates udsv's fast parser for records of exactly `width` (≥ 2) fields,
 * each ending in `lineBreak` ('\n' or '\r\n'; udsv takes one kind only).
 *
 * udsv fixes the field count up front and does not check it: a shorter record
 * is merged with the next line, a longer one has its extra fields glued onto
 * the last cell, a one-field record is dropped as if blank. The caller must
 * therefore check the result (`looksParsed`) and fall back to
 * `parseRecordsTolerant` for text where the check fails.
 * @example createRecordParser(',', 2, '\n')('a,b\n1,2\n') // [['a','b'],['1','2']]
 */
export function createRecordParser(delimiter: string, width: number, lineBreak: '\n' | '\r\n'): RecordParser {
  const column: SchemaColumn = { name: '', type: 's', repl: { empty: null, null: undefined, NaN: undefined } };
  // `skip` is udsv's count of header lines to drop; it is missing from its typings.
  const schema: Schema & { skip: number } = {
    skip: 0,
    col: delimiter,
    row: lineBreak,
    encl: '"',
    esc: '"',
    trim: false,
    cols: Array.from({ length: width }, () => column),
  };
  const parser = initParser(schema);
  return (text) => parser.stringArrs(text);
}

/**
 * True when `rows` is udsv's correct reading of text holding
 * `nonBlankRecords` records: one row per record and every row `width` wide
 * (a short record makes udsv merge lines, so the count drops), and no row
 * whose extra fields udsv glued onto the last cell. A glued last cell is a raw
 * slice of the record, so the record's text ends with it; a quoted last cell
 * that legitimately holds the delimiter does not (the record ends with the
 * closing quote). `recordText(i)` gives the text of the i-th non-blank record
 * without its line break; it is only called for last cells holding the
 * delimiter.
 * @example looksParsed([['1', '2,3']], 1, 2, ',', () => '1,"2,3"') === true
 */
export function looksParsed(
  rows: readonly (readonly string[])[],
  nonBlankRecords: number,
  width: number,
  delimiter: string,
  recordText: (index: number) => string,
): boolean {
  if (rows.length !== nonBlankRecords) return false;
  const last = width - 1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length !== width) return false;
    const cell = row[last]!;
    if (cell.includes(delimiter) && recordText(i).endsWith(cell)) return false;
  }
  return true;
}

/**
 * Parses complete records with any number of fields each, one row per record
 * (a blank line gives ['']), whatever their line breaks. `ends` holds the
 * index of every record's terminating '\n' (from `scanRecords`); a '\r'
 * before it is dropped. About 3× slower than the fast parser.
 *
 * It uses udsv's schema-probing pass (`inferSchema` with every row handed to
 * the header callback), which reads each record to its own end. Two of its
 * quirks are worked around: a record with a single field is skipped as blank,
 * so every record gets one extra empty field that is removed afterwards; and
 * the probe sizes rows from the first line, so a synthetic two-field first
 * record is prepended and dropped.
 * @example parseRecordsTolerant('a,b,c\nd\n', ',', [5, 7]) // [['a','b','c'],['d']]
 */
export function parseRecordsTolerant(text: string, delimiter: string, ends: readonly number[]): string[][] {
  const padded = [delimiter + '\n'];
  let start = 0;
  for (const end of ends) {
    padded.push(text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end), delimiter + '\n');
    start = end + 1;
  }

  let rows: string[][] = [];
  inferSchema(
    padded.join(''),
    {
      col: delimiter,
      row: '\n',
      encl: '"',
      esc: '"',
      header: (probed) => {
        // Take the rows out so udsv's type guessing afterwards sees none (it
        // would scan every row once per column: slow on wide files).
        rows = probed.splice(0);
        return [[]];
      },
    },
    Infinity,
  );

  rows.shift();
  for (const row of rows) row.pop();
  return rows;
}
