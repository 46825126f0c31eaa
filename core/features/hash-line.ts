import type { RawRow } from '../table/cell.js';

/**
 * Two independent 32-bit hashes of a whole line into `out` (`out[0]`,
 * `out[1]`): exact-duplicate detection without keeping the line (collision
 * odds ~2^-64 per pair). Each cell ends with a separator, so `["ab", "c"]`
 * and `["a", "bc"]` differ; an empty cell hashes like `null`.
 * @example hashLine(['C1', '2024-01-05', '100'], buffer)
 */
export function hashLine(row: RawRow, out: Int32Array): void {
  let h1 = 0x811c9dc5,
    h2 = 0x9747b28c;
  for (let k = 0; k < row.length; k++) {
    const cell = row[k];
    const text = typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
    for (let j = 0; j < text.length; j++) {
      const ch = text.charCodeAt(j);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  }
  out[0] = h1;
  out[1] = h2;
}
