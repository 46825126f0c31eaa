import { describe, expect, it } from 'vitest';
import { sortByLabel } from '../../../core/ml/sort-by-label.js';

describe('sortByLabel', () => {
  it('splits scores by label (> 0 is positive) and sorts each side ascending', () => {
    const { positives, negatives } = sortByLabel([0.9, 0.2, 0.4, 0.7, 0.1], [1, 0, 1, 0, 2]);
    expect([...positives]).toEqual([0.1, 0.4, 0.9]);
    expect([...negatives]).toEqual([0.2, 0.7]);
  });

  it('gives empty sides for no rows or one class', () => {
    expect(sortByLabel([], []).positives).toHaveLength(0);
    expect(sortByLabel([3, 1], [0, 0]).negatives).toEqual(Float64Array.of(1, 3));
  });
});
