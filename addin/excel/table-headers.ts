import type { Cell } from '../../core/index.js';

/**
 * Whether Excel can make a table over this header row without renaming any
 * of its cells: every name is non-empty text, and no two are equal (Excel
 * compares table column names case-insensitively). A header that fails
 * stays a plain range, since the analyst's cells are never changed.
 */
export function isTableSafeHeader(header: readonly Cell[]): boolean {
  const seen = new Set<string>();
  for (const cell of header) {
    if (typeof cell !== 'string' || cell.trim() === '') return false;
    const key = cell.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/**
 * The names Excel gives `wanted` columns added to a table that already has
 * `taken`: a name already used (any case) gets 2, 3 … appended, as Excel
 * does, so Tierline writes the very header Excel would keep and can
 * recognise its columns later.
 * @example makeUniqueHeaders(['Customer ID', 'Frequency'], ['Frequency', 'Segment']) → ['Frequency2', 'Segment']
 */
export function makeUniqueHeaders(taken: readonly string[], wanted: readonly string[]): string[] {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  return wanted.map((name) => {
    let unique = name;
    for (let n = 2; used.has(unique.toLowerCase()); n++) unique = `${name}${n}`;
    used.add(unique.toLowerCase());
    return unique;
  });
}
