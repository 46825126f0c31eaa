import { describe, expect, it } from 'vitest';
import { seedPlusPlus } from '../../../core/kmeans/index.js';
import { createRng } from '../../../core/random/create-rng.js';

describe('seedPlusPlus (sklearn _kmeans_plusplus, greedy)', () => {
  // Three tight groups of four points on a line.
  const X = new Float64Array([0, 0.1, 0.2, 0.3, 50, 50.1, 50.2, 50.3, 100, 100.1, 100.2, 100.3]);
  const group = (row: number) => Math.floor(row / 4);

  it('puts one seed in each well-separated group, as copies of data rows', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { centroids, indices } = seedPlusPlus(X, 1, 3, createRng(seed));
      expect(new Set(Array.from(indices, group)).size).toBe(3);
      indices.forEach((row, c) => expect(centroids[c]).toBe(X[row]));
    }
  });

  it('uses 2 + ⌊ln k⌋ local trials by default and is deterministic for a seed', () => {
    const a = seedPlusPlus(X, 1, 3, createRng(42));
    const b = seedPlusPlus(X, 1, 3, createRng(42));
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    // One trial per centre is plain k-means++ (still valid rows).
    const plain = seedPlusPlus(X, 1, 3, createRng(42), 1);
    expect(plain.indices.every((i) => i >= 0 && i < 12)).toBe(true);
  });

  it('never picks a row twice while some row is still at a positive distance', () => {
    const { indices } = seedPlusPlus(new Float64Array([0, 0, 0, 1, 1, 2]), 1, 3, createRng(5));
    expect(new Set(Array.from(indices, (i) => [0, 0, 0, 1, 1, 2][i])).size).toBe(3);
  });
});
