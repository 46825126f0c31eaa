import { findOwnColumns, type Cell } from '../../core/index.js';

/**
 * Where Tierline's own result columns start at the right end of a header
 * row that this workbook has no record of (the CLI's `--out` file opened in
 * Excel, a copied sheet, settings lost): the first column of the trailing
 * block in which every header is one of Tierline's result columns (either
 * locale), or one Excel renamed with a number in a table (`Frequency2`).
 * The block must carry core's signature (the segment column and six more),
 * so a source that merely names one column like a result is read as usual.
 * @returns the 0-based column in `header`, or undefined (no such block, or nothing left of the data).
 */
export function findResultColumns(header: readonly Cell[]): number | undefined {
  const texts = header.map((cell) => String(cell ?? ''));
  const plain = texts.map((text) => text.replace(/\d+$/, ''));
  const own = findOwnColumns(texts).columns;
  const renamed = findOwnColumns(plain).columns;
  let first = texts.length;
  while (first > 0 && (own.has(first - 1) || renamed.has(first - 1))) first--;
  if (first === 0 || first === texts.length) return undefined;
  const block = texts.slice(first).map((text, j) => (own.has(first + j) ? text : plain[first + j]!));
  return findOwnColumns(block).columns.size === block.length ? first : undefined;
}
