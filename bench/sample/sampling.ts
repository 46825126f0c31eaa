import type { Rng } from '../../core/index.js';

/** Uniform real in [min, max). */
export function uniform(rng: Rng, min: number, max: number): number {
  return min + rng.next() * (max - min);
}

/** Log-normal draw with the given median: spend is heavy-tailed, never negative. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * rng.normal());
}

/** One item, chosen with probability proportional to its weight. */
export function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let target = rng.next() * total;
  for (const [item, weight] of items) {
    target -= weight;
    if (target < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('pickWeighted: no items');
  return last[0];
}

export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  const item = items[rng.int(0, items.length - 1)];
  if (item === undefined) throw new Error('pickOne: no items');
  return item;
}

/** A new array in Fisher–Yates order; the input is left alone. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Splits `total` into whole counts proportional to `shares` (largest
 * remainder, ties to the earlier share), so the persona mix is exact.
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((share) => (total * share) / sum);
  const counts = exact.map(Math.floor);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (const { index } of byRemainder) {
    if (left-- <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/**
 * Hands out distinct indices from one shuffled order: `take(k, ok)` returns
 * the next k unused indices satisfying `ok` and marks them used, so no row
 * carries two planted faults and every documented count stays exact.
 * @throws Error when fewer than k indices qualify (sample too small).
 */
export class DistinctPicker {
  private readonly order: number[];
  private readonly used = new Set<number>();

  constructor(rng: Rng, size: number) {
    this.order = shuffled(rng, Array.from({ length: size }, (_, i) => i));
  }

  take(count: number, ok: (index: number) => boolean, what: string): number[] {
    const picked: number[] = [];
    for (const index of this.order) {
      if (picked.length === count) break;
      if (this.used.has(index) || !ok(index)) continue;
      picked.push(index);
    }
    if (picked.length < count) {
      throw new Error(`sample too small: only ${picked.length} of ${count} rows can carry "${what}"`);
    }
    for (const index of picked) this.used.add(index);
    return picked;
  }

  reserve(index: number): void {
    this.used.add(index);
  }

  isUsed(index: number): boolean {
    return this.used.has(index);
  }
}
