import { createRng } from '../random/create-rng.js';

/**
 * SPEC §3 spot check: a seeded random sample of `share` of `n` items
 * (A §4: manual check of 10% of the data), as sorted indices. Same seed,
 * same sample.
 * @example sampleSpotCheck(100, 0.1, 42).length === 10
 */
export function sampleSpotCheck(n: number, share: number, seed: number): Int32Array {
  const k = Math.min(n, Math.round(n * share));
  const rng = createRng(seed);
  // Floyd's algorithm: k distinct picks without an n-sized array.
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = rng.int(0, j);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}
