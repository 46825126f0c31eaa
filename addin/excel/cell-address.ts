/** Excel's grid limits (every current Excel: 2^20 rows, 2^14 columns). */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;

/** A rectangle of cells by 0-based indexes, as `getRangeByIndexes` takes it. */
export interface CellBox {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/**
 * The column letters of a 0-based column index.
 * @example formatColumn(0) === 'A'; formatColumn(27) === 'AB'
 */
export function formatColumn(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const digit = (n - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The 0-based index of column letters.
 * @example parseColumn('AB') === 27
 */
export function parseColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a box without the sheet, e.g. `B2:D10` (or `B2` for one cell). */
export function formatBox(box: CellBox): string {
  const first = `${formatColumn(box.column)}${box.row + 1}`;
  if (box.rowCount === 1 && box.columnCount === 1) return first;
  return `${first}:${formatColumn(box.column + box.columnCount - 1)}${box.row + box.rowCount}`;
}

/** `Sheet1!A1`, quoting sheet names that need it (`'My sheet'!A1`). */
export function qualifyAddress(sheet: string, address: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replaceAll("'", "''")}'`}!${address}`;
}

/**
 * Parses one area of an address as Excel reports it (`Sheet1!B2:D9`,
 * `'My sheet'!C3`, `$A$1:$B$2`, `A:C`, `3:5`).
 * @returns undefined for text that is not a cell or range address.
 */
export function parseBox(address: string): CellBox | undefined {
  const bang = address.lastIndexOf('!');
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replaceAll('$', '');
  const [from, to = from] = local.split(':');
  const corner = (text: string | undefined) => /^([A-Za-z]{0,3})(\d*)$/.exec(text ?? '');
  const a = corner(from),
    b = corner(to);
  if (!a || !b || (a[1] === '' && a[2] === '') || (b[1] === '' && b[2] === '')) return undefined;
  const c1 = a[1] ? parseColumn(a[1]) : 0,
    c2 = b[1] ? parseColumn(b[1]) : MAX_SHEET_COLUMNS - 1;
  const r1 = a[2] ? Number(a[2]) - 1 : 0,
    r2 = b[2] ? Number(b[2]) - 1 : MAX_SHEET_ROWS - 1;
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rowCount: Math.abs(r2 - r1) + 1,
    columnCount: Math.abs(c2 - c1) + 1,
  };
}

/** Splits a multi-area address (`A1:B2,D4`) into its boxes. */
export function parseAreas(address: string): CellBox[] {
  // Sheet names with commas are not split correctly; Tierline only parses
  // addresses of its own areas and of special-cell lookups inside them.
  return address
    .split(',')
    .map((part) => parseBox(part.trim()))
    .filter((box): box is CellBox => box !== undefined);
}

/** The overlap of two boxes, or undefined. */
export function intersectBoxes(a: CellBox, b: CellBox): CellBox | undefined {
  const row = Math.max(a.row, b.row),
    column = Math.max(a.column, b.column);
  const rowEnd = Math.min(a.row + a.rowCount, b.row + b.rowCount),
    columnEnd = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  return rowEnd > row && columnEnd > column
    ? { row, column, rowCount: rowEnd - row, columnCount: columnEnd - column }
    : undefined;
}

/** `a` minus `b` as at most four disjoint boxes (above, below, left, right of the overlap). */
export function subtractBox(a: CellBox, b: CellBox | undefined): CellBox[] {
  const overlap = b && intersectBoxes(a, b);
  if (!overlap) return [a];
  const parts: CellBox[] = [];
  const aEnd = a.row + a.rowCount,
    oEnd = overlap.row + overlap.rowCount;
  if (overlap.row > a.row)
    parts.push({ row: a.row, column: a.column, rowCount: overlap.row - a.row, columnCount: a.columnCount });
  if (aEnd > oEnd) parts.push({ row: oEnd, column: a.column, rowCount: aEnd - oEnd, columnCount: a.columnCount });
  if (overlap.column > a.column)
    parts.push({
      row: overlap.row,
      column: a.column,
      rowCount: overlap.rowCount,
      columnCount: overlap.column - a.column,
    });
  const aColEnd = a.column + a.columnCount,
    oColEnd = overlap.column + overlap.columnCount;
  if (aColEnd > oColEnd)
    parts.push({ row: overlap.row, column: oColEnd, rowCount: overlap.rowCount, columnCount: aColEnd - oColEnd });
  return parts;
}
