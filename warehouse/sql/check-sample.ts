import { parseDate, parseNumber } from '../../core/index.js';
import { DATE_COMPACT, DATE_YMD, DATE_ZERO, FORMULA_ERROR, NUMBER_COMMA, NUMBER_DOT } from './build-feature-query.js';

/** A sample cell the SQL reads differently from the Node path. */
export interface UnsupportedCell {
  /** 1-based data row of the sample. */
  readonly index: number;
  readonly column: string;
  readonly value: string;
}

const re = (pattern: string) => new RegExp(pattern);
const YMD = re(DATE_YMD),
  COMPACT = re(DATE_COMPACT),
  ZERO = re(DATE_ZERO),
  FORMULA = re(FORMULA_ERROR),
  DOT = re(NUMBER_DOT),
  COMMA = re(NUMBER_COMMA);

/**
 * The sample cells whose reading in SQL (the regular expressions of
 * build-feature-query.ts) would differ from core's readers: a date form SQL
 * does not know (an Excel serial, 5/3/2024, full-width digits), or a number
 * written with affixes (`12万`, `100元`, `(5.00)`). A file with any keeps the
 * Node path, so both executions agree.
 */
export function findUnsupportedCells(
  rows: readonly (readonly (string | null)[])[],
  columns: { readonly date: number; readonly numbers: readonly number[] },
  headers: readonly string[],
  decimal: '.' | ',',
): UnsupportedCell[] {
  const found: UnsupportedCell[] = [];
  const numberRe = decimal === '.' ? DOT : COMMA;
  rows.forEach((row, k) => {
    const date = (row[columns.date] ?? '').trim();
    if (date !== '' && !FORMULA.test(date) && !ZERO.test(date)) {
      const node = parseDate(date);
      const sql = YMD.test(date) || COMPACT.test(date);
      if ((node.ok || node.reason === 'ambiguous') !== sql && !(!node.ok && node.reason === 'impossible' && sql))
        found.push({ index: k + 1, column: headers[columns.date] ?? '', value: date });
    }
    for (const c of columns.numbers) {
      const text = (row[c] ?? '').trim();
      if (text === '' || FORMULA.test(text)) continue;
      const node = parseNumber(text, 'money', decimal);
      const sql = numberRe.test(text);
      if (node.ok !== sql) found.push({ index: k + 1, column: headers[c] ?? '', value: text });
    }
  });
  return found;
}
