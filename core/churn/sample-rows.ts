import { createRng } from '../random/create-rng.js';

/**
 * A seeded sample of `max` row indices out of `rows`, ascending, or
 * undefined when all rows fit. Population-level fits (BTYD parameters, the
 * supervised model) train on it and then score everyone.
 * @example sampleRows(1_000_000, 50_000, 42)?.length === 50_000
 */
export function sampleRows(rows: number, max: number, seed: number): Int32Array | undefined {
  if (rows <= max) return undefined;
  const rng = createRng(seed);
  // Selection sampling (Knuth's algorithm S): exactly `max` rows, in order.
  const out = new Int32Array(max);
  let chosen = 0;
  for (let r = 0; r < rows && chosen < max; r++) if (rng.next() * (rows - r) < max - chosen) out[chosen++] = r;
  return out;
}
