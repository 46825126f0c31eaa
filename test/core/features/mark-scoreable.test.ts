import { describe, expect, it } from 'vitest';
import { markScoreable, maskUnscoreable } from '../../../core/features/mark-scoreable.js';
import { makeFeatures } from '../../fixtures/customer-features.js';

describe('markScoreable', () => {
  it('marks the customers with recency, window frequency and window spend', () => {
    const features = makeFeatures([
      { id: 'C1', recencyDays: 3, frequency: 2, monetary: 50 },
      { id: 'C2', frequency: 2, monetary: 50 },
      { id: 'C3', recencyDays: 3, frequency: 2, monetary: 50, windowFrequency: Number.NaN },
      { id: 'C4', recencyDays: 3, frequency: 2, monetary: 50, windowMonetary: Number.NaN },
      { id: 'C5', recencyDays: 0, frequency: 0, monetary: 0 },
    ]);
    expect([...markScoreable(features)]).toEqual([1, 0, 0, 0, 1]);
  });
});

describe('maskUnscoreable', () => {
  it('copies the values, NaN where the customer is not scoreable', () => {
    const values = Float64Array.of(3, 4, 5);
    const masked = maskUnscoreable(values, Uint8Array.of(1, 0, 1));
    expect([...masked]).toEqual([3, Number.NaN, 5]);
    expect([...values]).toEqual([3, 4, 5]);
  });
});
