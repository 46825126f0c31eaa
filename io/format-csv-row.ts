import type { Cell } from '../core/index.js';

// RFC 4180 §2.6 quotes fields with the delimiter, quotes or line breaks;
// leading/trailing whitespace is quoted too because Excel and many readers
// trim it from unquoted fields: /[",\r\n]|^\s|\s$/, tested by needsQuotes below without a regex.

// OWASP CSV Injection: a text cell starting with = + - @ tab or CR is read by
// spreadsheets as a formula (=HYPERLINK(…), +cmd|…, @SUM(…)).
const FORMULA_START = /^[=+\-@\t\r]/;
// Text that is just a decimal number ("-5", "+1.5", "-2e3") is what Excel
// itself makes of the digits: a number, not a formula, and no function or
// reference can hide in it. It is left alone so negative amounts and refunds
// passed through from the input stay numbers; "-2+3" or "-5 " are prefixed.
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Formats one row as an RFC 4180 csv line ending in CRLF (§2.1): empty for
 * null/undefined, numbers at full precision (String(n)), booleans as Excel's
 * TRUE/FALSE, quotes doubled inside quoted fields (§2.7). Text starting with
 * = + - @ tab or CR gets a leading apostrophe (OWASP CSV injection) so a
 * spreadsheet shows it as text; whitespace is kept as is. Typed numbers and
 * text that is only a number ("-5") are not escaped.
 * @example formatCsvRow(['a,b', 1.5, null, true]) === '"a,b",1.5,,TRUE\r\n'
 * @example formatCsvRow(['=1+1', -5, '-5', '\t=1']) === "'=1+1,-5,-5,'\t=1\r\n"
 */
export function formatCsvRow(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += formatCsvCell(cells[i]);
  }
  return line + '\r\n';
}

/** Text as a spreadsheet will show it, not run it: `'` before a formula-looking start. */
export function escapeFormulaText(text: string): string {
  const first = text.charCodeAt(0);
  // Most cells start with a letter or digit: the regexes only for the six formula starts.
  if (first > 64 || (first > 45 && first < 61) || Number.isNaN(first)) return text;
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function formatCsvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const text = escapeFormulaText(cell);
  return needsQuotes(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 quoting (above) without a regex: whitespace (JS `\s`) at either end, or one of `",\r\n` inside. */
function needsQuotes(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  if (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(n - 1))) return true;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 || code === 44 || code === 13 || code === 10) return true;
  }
  return false;
}

/** The characters JavaScript's `\s` matches (WhiteSpace and LineTerminator). */
function isSpace(code: number): boolean {
  if (code < 127) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
