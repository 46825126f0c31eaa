import type { Cell } from './cell.js';

const FORMULA_ERRORS = new Set([
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

/** True for null, undefined and strings that are empty or only whitespace. */
export function isEmptyCell(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  // Fast exit for the usual cell that starts with a visible character.
  if (cell.charCodeAt(0) > 32 && cell.charCodeAt(0) !== 0x3000) return false;
  return cell.trim().length === 0;
}

/** True for Excel error values (`#N/A`, `#VALUE!`, …) as csv, xlsx and Office.js show them. */
export function isFormulaError(cell: Cell): boolean {
  return (
    typeof cell === 'string' &&
    cell.length > 1 &&
    cell.charCodeAt(0) === 35 &&
    FORMULA_ERRORS.has(cell.trim().toUpperCase())
  );
}

/** The cell as the text the user sees, for messages and pass-through output. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell : String(cell);
}
