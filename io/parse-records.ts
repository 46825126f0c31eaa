import { inferSchema, initParser, type Schema, type SchemaColumn } from 'udsv';

/** Parses complete '\n'-terminated csv records into string arrays. */
export type RecordParser = (text: string) => string[][];

/**
 * Creates udsv's fast parser for records of exactly `width` (≥ 2) fields.
 *
 * udsv fixes the field count up front and does not check it: a shorter record
 * is merged with the next line, a longer one has its extra fields glued onto
 * the last cell, a one-field record is dropped as if blank. The caller must
 * therefore check the result (see `looksParsed`) and fall back to
 * `parseRecordsTolerant` for text where the check fails.
 * @example createRecordParser(',', 2)('a,b\n1,2\n') // [['a','b'],['1','2']]
 */
export function createRecordParser(delimiter: string, width: number): RecordParser {
  const column: SchemaColumn = { name: '', type: 's', repl: { empty: null, null: undefined, NaN: undefined } };
  // `skip` is udsv's count of header lines to drop; it is missing from its typings.
  const schema: Schema & { skip: number } = {
    skip: 0,
    col: delimiter,
    row: '\n',
    encl: '"',
    esc: '"',
    trim: false,
    cols: Array.from({ length: width }, () => column),
  };
  const parser = initParser(schema);
  return (text) => parser.stringArrs(text);
}

/**
 * True when `rows` can be udsv's correct reading of text holding
 * `nonBlankRecords` records: one row per record, every row `width` wide, and no
 * last cell holding the delimiter. The last test also trips on a quoted last
 * cell that legitimately contains the delimiter; that only costs a slower
 * re-parse.
 * @example looksParsed([['1', '2']], 1, 2, ',') === true
 */
export function looksParsed(rows: readonly (readonly string[])[], nonBlankRecords: number, width: number, delimiter: string): boolean {
  if (rows.length !== nonBlankRecords) return false;
  const last = width - 1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length !== width || row[last]!.includes(delimiter)) return false;
  }
  return true;
}

/**
 * Parses complete records with any number of fields each, one row per record
 * (a blank line gives ['']). `ends` holds the index of every record's
 * terminating '\n' (from `scanRecords`). About 3× slower than the fast parser.
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
    padded.push(text.slice(start, end), delimiter + '\n');
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
