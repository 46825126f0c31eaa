import type { Cell } from '../core/table/cell.js';

// RFC 4180 §2.6 quotes fields with the delimiter, quotes or line breaks;
// leading/trailing whitespace is quoted too because Excel and many readers
// trim it from unquoted fields.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Formats one row as an RFC 4180 csv line ending in CRLF (§2.1): empty for
 * null/undefined, numbers at full precision (String(n)), booleans as Excel's
 * TRUE/FALSE, quotes doubled inside quoted fields (§2.7).
 * @example formatCsvRow(['a,b', 1.5, null, true]) === '"a,b",1.5,,TRUE\r\n'
 */
export function formatCsvRow(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += formatCsvCell(cells[i]);
  }
  return line + '\r\n';
}

function formatCsvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
