import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CustomerFeatures } from '../../../core/features/customer-features.js';
import {
  clusterCustomers,
  clusterNoteMessage,
  KMeansError,
  NOT_CLUSTERED,
  type ClusterInput,
  type ClusterOptionsInput,
  type ClusterResult,
} from '../../../core/kmeans/index.js';
import { createRng } from '../../../core/random/create-rng.js';
import { OptionsError } from '../../../core/segment/segment-options.js';

type Rfm = readonly [recencyDays: number, frequency: number, monetary: number];

function features(rows: readonly Rfm[]): ClusterInput {
  return {
    count: rows.length,
    recencyDays: Float64Array.from(rows, (r) => r[0]),
    windowFrequency: Float64Array.from(rows, (r) => r[1]),
    windowMonetary: Float64Array.from(rows, (r) => r[2]),
  };
}

/** Three well-separated customer groups: recent big spenders, regulars, lapsed one-timers. */
function threeBlobs(perBlob: number, seed = 11): Rfm[] {
  const rng = createRng(seed);
  const blob = (r: number, f: number, m: number, sr: number, sf: number, sm: number): Rfm[] =>
    Array.from(
      { length: perBlob },
      () =>
        [
          Math.max(1, Math.round(r + sr * rng.normal())),
          Math.max(1, Math.round(f + sf * rng.normal())),
          Math.max(1, Math.round(m + sm * rng.normal())),
        ] as const,
    );
  return [...blob(10, 12, 3000, 3, 2, 300), ...blob(60, 5, 800, 8, 1, 100), ...blob(300, 1.5, 150, 30, 0.5, 30)];
}

const codes = (result: ClusterResult) => result.report.notes.map((n) => n.code);

describe('clusterCustomers: auto-K on standardised RFM', () => {
  const rows = threeBlobs(200);
  const result = clusterCustomers(features(rows));

  it('chooses K = 3 on three blobs, with a silhouette per K tried', () => {
    expect(result.k).toBe(3);
    expect(result.report.kChoice).toBe('auto');
    expect(result.report.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = Math.max(...result.report.candidates.map((c) => c.silhouette!));
    expect(result.report.silhouette).toBe(best);
    expect(result.report.silhouette).toBeGreaterThan(0.5);
    expect(result.report.silhouetteExact).toBe(true);
    expect(codes(result)).toEqual([]);
    // Inertia falls as K grows (best of 10 restarts each).
    const inertias = result.report.candidates.map((c) => c.inertia);
    for (let i = 1; i < inertias.length; i++) expect(inertias[i]!).toBeLessThan(inertias[i - 1]!);
  });

  it('reports sizes, shares, revenue and centroids in original units, and names the clusters', () => {
    const { clusters, means } = result.report;
    expect(clusters.map((c) => c.size)).toEqual([200, 200, 200]);
    expect(clusters.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
    expect(clusters.reduce((s, c) => s + c.revenueShare!, 0)).toBeCloseTo(1, 12);
    for (const cluster of clusters) {
      const members = rows.filter((_, i) => result.labels[i] === cluster.id);
      expect(cluster.revenue).toBeCloseTo(
        members.reduce((s, r) => s + r[2], 0),
        6,
      );
      expect(cluster.centroid.recencyDays).toBeCloseTo(members.reduce((s, r) => s + r[0], 0) / members.length, 9);
      expect(cluster.silhouette).toBeGreaterThan(0);
    }
    expect(means.monetary).toBeCloseTo(rows.reduce((s, r) => s + r[2], 0) / rows.length, 9);
    const byRecency = [...clusters].sort((a, b) => a.centroid.recencyDays - b.centroid.recencyDays);
    expect(byRecency.map((c) => c.segment)).toEqual(['important-value', 'general-development', 'general-win-back']);
    expect(byRecency.map((c) => c.labels.en.replace(/^Cluster \d/, 'Cluster #'))).toMatchInlineSnapshot(`
      [
        "Cluster # · Important value (auto-named from centroid)",
        "Cluster # · General development (auto-named from centroid)",
        "Cluster # · General win-back (auto-named from centroid)",
      ]
    `);
    expect(byRecency[0]!.labels['zh-CN']).toMatch(/^聚类\d · 重要价值客户（按质心自动命名）$/);
  });

  it('reproduces the auto run for a fixed K (draws depend on seed and K only)', () => {
    const fixed = clusterCustomers(features(rows), { k: 3 });
    expect(fixed.report.kChoice).toBe('fixed');
    expect(Array.from(fixed.labels)).toEqual(Array.from(result.labels));
    expect(fixed.report.candidates).toEqual([result.report.candidates[1]]);
  });

  it('warns when K > 6, when a cluster holds < 5% of customers and when silhouette ≤ 0.5', () => {
    const seven = clusterCustomers(features(rows), { k: 7 });
    expect(codes(seven)).toContain('k-above-guard');
    expect(codes(seven)).toContain('weak-silhouette');
    const small = clusterCustomers(
      features([
        ...threeBlobs(200),
        ...threeBlobs(4, 5)
          .slice(0, 4)
          .map(([, f, m]): Rfm => [700, f, m]),
      ]),
      { k: 4 },
    );
    expect(small.report.notes.find((n) => n.code === 'small-cluster')?.message).toMatch(
      /^Cluster \d holds 0\.7% of customers \(< 5%\)/,
    );
  });

  it('computes the silhouette on a stratified sample above silhouetteSampleSize, and says so', () => {
    const sampled = clusterCustomers(features(rows), { silhouetteSampleSize: 150, restarts: 2 });
    expect(sampled.report.silhouetteExact).toBe(false);
    expect(sampled.report.silhouetteScored).toBe(150);
    expect(sampled.k).toBe(3);
    expect(sampled.report.notes.find((n) => n.code === 'silhouette-sampled')).toMatchObject({
      severity: 'info',
      params: { sampled: 150, count: 600 },
    });
  });
});

describe('clusterCustomers: bad input, documented fallbacks', () => {
  const rows = threeBlobs(20);

  it('leaves customers with NaN or ±Infinity out (label 255) and counts them', () => {
    const input = features([
      ...rows,
      [Number.NaN, 1, 10],
      [5, Number.POSITIVE_INFINITY, 10],
      [5, 1, Number.NEGATIVE_INFINITY],
    ]);
    const result = clusterCustomers(input);
    expect(Array.from(result.labels.slice(60))).toEqual([NOT_CLUSTERED, NOT_CLUSTERED, NOT_CLUSTERED]);
    expect(result.labels.slice(0, 60).every((c) => c < result.k)).toBe(true);
    expect(result.report.excluded).toBe(3);
    expect(result.report.clustered).toBe(60);
    expect(result.report.notes[0]).toMatchObject({ code: 'rows-excluded', severity: 'warning', params: { count: 3 } });
  });

  it('refuses one customer, no customers, and data with fewer than two finite customers', () => {
    const fail = (input: ClusterInput) => {
      try {
        clusterCustomers(input);
      } catch (error) {
        expect(error).toBeInstanceOf(KMeansError);
        return (error as KMeansError).code;
      }
      return 'no error';
    };
    expect(fail(features([[10, 2, 100]]))).toBe('too-few-customers');
    expect(fail(features([]))).toBe('no-customers');
    expect(
      fail(
        features([
          [10, 2, 100],
          [Number.NaN, 2, 100],
        ]),
      ),
    ).toBe('too-few-customers');
    expect(fail({ ...features([[1, 1, 1]]), count: 2 })).toBe('invalid-features');
  });

  it('clusters all-identical customers as one group, silhouette undefined', () => {
    const result = clusterCustomers(features(Array.from({ length: 5 }, (): Rfm => [30, 2, 500])));
    expect(result.k).toBe(1);
    expect(result.report.kChoice).toBe('identical');
    expect(result.report.silhouette).toBeNull();
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 0, 0]);
    expect(result.report.clusters[0]!.centroid).toEqual({ recencyDays: 30, frequency: 2, monetary: 500 });
    expect(codes(result)).toEqual(['zero-variance', 'zero-variance', 'zero-variance', 'identical-customers']);
  });

  it('caps K at the number of distinct customers', () => {
    const three: Rfm[] = [
      [1, 9, 900],
      [1, 9, 900],
      [100, 1, 50],
      [100, 1, 50],
      [40, 4, 300],
      [40, 4, 300],
    ];
    const fixed = clusterCustomers(features(three), { k: 5 });
    expect(fixed.k).toBe(3);
    expect(fixed.report.notes.find((n) => n.code === 'k-capped')?.message).toBe(
      'K = 5 is more than the 3 distinct customers: K = 3 used.',
    );
    const auto = clusterCustomers(features(three));
    expect(auto.report.candidates.map((c) => c.k)).toEqual([2, 3]);
    expect(auto.k).toBe(3);
    expect(auto.report.silhouette).toBe(1);
  });

  it('uses K = 2 with an undefined silhouette for two customers', () => {
    const result = clusterCustomers(
      features([
        [1, 9, 900],
        [100, 1, 50],
      ]),
    );
    expect(result.k).toBe(2);
    expect(result.report.silhouette).toBeNull();
    expect(codes(result)).toContain('silhouette-undefined');
  });

  it('counts negative spend clamped for the log and notes a constant column', () => {
    const result = clusterCustomers(features(rows.map(([r, , m], i): Rfm => [r, 1, i % 10 === 0 ? -m : m])));
    expect(result.report.notes.find((n) => n.code === 'negative-money-clamped')?.params).toEqual({ count: 6 });
    expect(result.report.notes.find((n) => n.code === 'zero-variance')?.message).toBe(
      'Frequency is the same for every customer: it cannot separate clusters (its z-score is 0).',
    );
    expect(
      clusterNoteMessage(
        result.report.notes.find((n) => n.code === 'zero-variance')!,
        'zh-CN',
      ),
    ).toBe('所有客户的消费频次相同，无法区分群体（标准化值为0）。');
  });

  it('validates options at the entry, naming every wrong key', () => {
    const problems = (options: unknown) => {
      try {
        clusterCustomers(features(rows), options as ClusterOptionsInput);
      } catch (error) {
        expect(error).toBeInstanceOf(OptionsError);
        expect((error as OptionsError).code).toBe('invalid-options');
        return (error as OptionsError).problems;
      }
      return [];
    };
    expect(problems({ k: 1 })).toHaveLength(1);
    expect(problems({ kRange: [6, 3], restarts: 0 })).toEqual([
      expect.stringContaining('"kRange"'),
      expect.stringContaining('"restarts"'),
    ]);
    expect(problems({ clusters: 4 })).toEqual(['Unknown option "clusters".']);
  });
});

describe('clusterCustomers properties', () => {
  it('labels in range, every cluster non-empty, same seed ⇒ identical result', () => {
    const customer = fc.tuple(
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: -100, max: 5000 }),
    );
    fc.assert(
      fc.property(fc.array(customer, { minLength: 2, maxLength: 60 }), fc.integer(), (rows, seed) => {
        const input = features(rows);
        let result: ClusterResult;
        try {
          result = clusterCustomers(input, { seed, restarts: 2, kRange: [2, 5] });
        } catch (error) {
          expect((error as KMeansError).code).toBe('too-few-customers');
          return;
        }
        expect(result.labels.length).toBe(rows.length);
        expect(result.labels.every((c) => c < result.k)).toBe(true);
        expect(result.report.clusters.every((c) => c.size > 0)).toBe(true);
        expect(clusterCustomers(input, { seed, restarts: 2, kRange: [2, 5] })).toEqual(result);
      }),
      { numRuns: 40, seed: 4 },
    );
  });

  it('accepts CustomerFeatures as they are', () => {
    expectTypeOf<CustomerFeatures>().toExtend<ClusterInput>();
    expectTypeOf(clusterCustomers).returns.toEqualTypeOf<ClusterResult>();
  });
});
