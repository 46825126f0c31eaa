import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentTable } from '../../../core/index.js';
import { selectMedian } from '../../../core/summary/select-median.js';
import { summarizeSegments, summarizeTotal } from '../../../core/summary/summarize-segments.js';
import { smallFeatures, smallScheme } from './small-table.js';

describe('summarizeSegments', () => {
  const rows = summarizeSegments(smallFeatures(), smallScheme());
  const bySegment = Object.fromEntries(rows.map((r) => [r.segment, r]));

  it('counts, shares and revenue per segment in scheme order, empty and unscored ones included', () => {
    expect(rows.map((r) => [r.segment, r.count, r.revenue])).toEqual([
      ['champions', 2, 1600],
      ['loyal', 3, 900],
      ['lost', 1, 100],
      ['unclassified', 1, 0],
    ]);
    expect(bySegment.champions!.share).toBeCloseTo(2 / 7, 12);
    expect(bySegment.champions!.revenueShare).toBeCloseTo(1600 / 2600, 12);
  });

  it('gives mean and median R/F/M over scored customers (even counts: mean of the middle two)', () => {
    const pick = (s: string) => {
      const r = bySegment[s]!;
      return [
        r.meanRecencyDays,
        r.medianRecencyDays,
        r.meanFrequency,
        r.medianFrequency,
        r.meanMonetary,
        r.medianMonetary,
      ];
    };
    expect(pick('champions')).toEqual([3, 3, 8, 8, 800, 800]);
    expect(pick('loyal')).toEqual([20, 20, 3, 3, 300, 300]);
    expect(pick('lost')).toEqual([90, 90, 1, 1, 100, 100]);
    expect(pick('unclassified').every(Number.isNaN)).toBe(true);
  });

  it('profiles each segment against the mean of all scored customers (R 26, F 26/6, M 2600/6)', () => {
    expect(bySegment.champions!.profile.recency).toBeCloseTo(3 / 26, 12);
    expect(bySegment.champions!.profile.frequency).toBeCloseTo(48 / 26, 12);
    expect(bySegment.champions!.profile.monetary).toBeCloseTo(4800 / 2600, 12);
    expect(bySegment.loyal!.profile.recency).toBeCloseTo(20 / 26, 12);
    expect(bySegment.loyal!.profile.frequency).toBeCloseTo(18 / 26, 12);
    expect(Object.values(bySegment.unclassified!.profile).every(Number.isNaN)).toBe(true);
  });

  it('has a total row with overall means and medians', () => {
    const total = summarizeTotal(smallFeatures());
    expect(total).toMatchObject({
      segment: 'total',
      count: 7,
      share: 1,
      revenue: 2600,
      revenueShare: 1,
      meanRecencyDays: 26,
      medianRecencyDays: 15,
      medianFrequency: 3.5,
      medianMonetary: 350,
    });
    expect(total.meanFrequency).toBeCloseTo(26 / 6, 12);
    expect(total.profile).toEqual({ recency: 1, frequency: 1, monetary: 1 });
  });

  it('agrees with the run summary and with a sort-based median on a real run', () => {
    const result = segmentTable(
      ['Customer ID', 'Order date', 'Amount'],
      [
        ['C1', '2024-03-01', '100'],
        ['C1', '2024-03-10', '200'],
        ['C2', '2024-01-15', '80'],
        ['C3', '2024-03-20', '500'],
        ['C4', '2023-12-01', '40'],
        ['C4', '2024-02-01', '60'],
      ],
    );
    expect(result.summary).toEqual(summarizeSegments(result.features, result.scheme));
    const total = summarizeTotal(result.features);
    expect(total.count).toBe(4);
    // As of 2024-03-21, recency days are 11, 66, 1 and 49 → median (11 + 49) / 2.
    expect(total.medianRecencyDays).toBe(30);
  });
});

describe('selectMedian', () => {
  const sortedMedian = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const n = sorted.length;
    return n === 0 ? Number.NaN : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  };

  it('is NaN for an empty range and the value itself for one', () => {
    expect(selectMedian(new Float64Array(0), 0, 0)).toBeNaN();
    expect(selectMedian(Float64Array.from([7]), 0, 1)).toBe(7);
  });

  it('equals the sort-based median on any subrange, duplicates included (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 200 }), fc.nat(), fc.nat(), (values, a, b) => {
        const start = values.length ? a % (values.length + 1) : 0;
        const end = start + (values.length ? b % (values.length - start + 1) : 0);
        const buffer = Float64Array.from(values);
        expect(selectMedian(buffer, start, end)).toBe(sortedMedian(values.slice(start, end)));
        // Only the range is reordered.
        expect([...buffer.subarray(0, start), ...buffer.subarray(end)]).toEqual([
          ...values.slice(0, start),
          ...values.slice(end),
        ]);
      }),
    );
  });

  it('stays fast on sorted, reversed, constant and few-valued columns', () => {
    const n = 200_000;
    const started = performance.now();
    for (const fill of [(i: number) => i, (i: number) => n - i, () => 3, (i: number) => i % 7]) {
      const values = Float64Array.from({ length: n }, (_, i) => fill(i));
      const sorted = values.slice().sort();
      expect(selectMedian(values, 0, n)).toBe((sorted[n / 2 - 1]! + sorted[n / 2]!) / 2);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
