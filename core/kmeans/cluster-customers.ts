import type { CustomerFeatures } from '../features/customer-features.js';
import { label, type Locale } from '../i18n/labels.js';
import { createRng } from '../random/create-rng.js';
import type { Rfm8Segment } from '../rfm/rfm8-classes.js';
import { resolveClusterOptions, type ClusterOptions, type ClusterOptionsInput } from './cluster-options.js';
import { KMeansError } from './kmeans-error.js';
import type { LloydStop } from './lloyd.js';
import { nameClusters, type RfmPoint } from './name-clusters.js';
import { runKMeans, type KMeansRun } from './run-kmeans.js';
import { silhouette, type SilhouetteResult } from './silhouette.js';
import { standardize, type Standardization } from './standardize.js';

/** What clustering reads from the features: recency and the scoring window's frequency and spend (SPEC §5a R, F, M). */
export type ClusterInput = Pick<CustomerFeatures, 'count' | 'recencyDays' | 'windowFrequency' | 'windowMonetary'>;

/** Label of a customer that was not clustered (a non-finite R, F or M). */
export const NOT_CLUSTERED = 255;

/** SPEC §5c business guard: K above this is "too fine". */
const MAX_RECOMMENDED_K = 6;
/** SPEC §5c: silhouette > 0.5 = effective clustering. */
const GOOD_SILHOUETTE = 0.5;
/** SPEC §5c: warn when a cluster holds less than this share (default, not in source). */
const MIN_CLUSTER_SHARE = 0.05;

const RFM_COLUMNS = ['recencyDays', 'frequency', 'monetary'] as const;
type RfmColumn = (typeof RFM_COLUMNS)[number];

export type ClusterNoteCode =
  | 'rows-excluded'
  | 'negative-money-clamped'
  | 'zero-variance'
  | 'identical-customers'
  | 'k-capped'
  | 'k-above-guard'
  | 'weak-silhouette'
  | 'small-cluster'
  | 'silhouette-sampled'
  | 'silhouette-undefined'
  | 'not-converged';

/** A recoverable finding of the run, with its message in the options' locale (`clusterNoteMessage` renders others). */
export interface ClusterNote {
  readonly code: ClusterNoteCode;
  readonly severity: 'warning' | 'info';
  readonly params: Readonly<Record<string, string | number>>;
  readonly message: string;
}

/** One K tried: its silhouette (null = undefined) and inertia on the standardised data. */
export interface KCandidate {
  readonly k: number;
  readonly silhouette: number | null;
  readonly inertia: number;
  readonly iterations: number;
  readonly stop: LloydStop;
}

export interface ClusterProfile {
  /** The cluster's label in `labels` (0-based, as SPEC §5c step 3 numbers them). */
  readonly id: number;
  readonly size: number;
  /** size ÷ clustered customers. */
  readonly share: number;
  /** Σ spend of its customers (the scoring window's net spend). */
  readonly revenue: number;
  /** revenue ÷ the clustered customers' revenue; null when that total is 0. */
  readonly revenueShare: number | null;
  /**
   * The centroid in original units (SPEC §5c step 4: R/F/M means): the mean
   * days, purchases and spend of its customers. Mapping `centroidZ` back
   * instead would give a geometric-type mean of spend when money is logged.
   * NaN for an empty cluster (possible, rarely, after a stop on the
   * tolerance or `maxIter`; see `lloyd`).
   */
  readonly centroid: RfmPoint;
  /** The k-means centre in z-scores (recency, frequency, money after log1p). */
  readonly centroidZ: readonly number[];
  /** Mean silhouette of its scored customers; null when undefined. */
  readonly silhouette: number | null;
  readonly segment: Rfm8Segment;
  /** 0 when its rfm8 name is unique, else its rank among the clusters sharing it. */
  readonly duplicate: number;
  /** "Cluster 2 · Important value (auto-named from centroid)" per locale. */
  readonly labels: Readonly<Record<Locale, string>>;
}

export interface ClusterReport {
  /** The K used. */
  readonly k: number;
  /** How K was set: best silhouette, the analyst's K, or the all-identical fallback (K = 1). */
  readonly kChoice: 'auto' | 'fixed' | 'identical';
  /** Per K tried, in increasing K (empty for the identical fallback). */
  readonly candidates: readonly KCandidate[];
  /** Overall silhouette of the chosen K; null when undefined. */
  readonly silhouette: number | null;
  /** Customers the silhouette was computed on, and whether that was all of them. */
  readonly silhouetteScored: number;
  readonly silhouetteExact: boolean;
  /** Σ squared distance to the centroids, in z-scores. */
  readonly inertia: number;
  readonly clusters: readonly ClusterProfile[];
  /** Means of the clustered customers, the reference of the names. */
  readonly means: RfmPoint;
  readonly customers: number;
  readonly clustered: number;
  /** Customers with a NaN or infinite R, F or M: label NOT_CLUSTERED. */
  readonly excluded: number;
  /** The z-score parameters (money after log1p when `logMonetary`), for mapping centres back. */
  readonly standardization: {
    readonly columns: readonly RfmColumn[];
    readonly means: readonly number[];
    readonly stds: readonly number[];
    readonly logMonetary: boolean;
  };
  readonly notes: readonly ClusterNote[];
}

export interface ClusterResult {
  readonly k: number;
  /** Cluster of each customer (0..k−1), NOT_CLUSTERED (255) when excluded. */
  readonly labels: Uint8Array;
  readonly report: ClusterReport;
}

/**
 * k-means on standardised RFM with automatic K (SPEC §5c `a-kmeans-rfm`).
 *
 * 1. Customers with a NaN or ±Infinity recency, window frequency or window
 *    spend are left out (label 255) and counted in a note.
 * 2. Money goes through log1p(max(m, 0)) (`logMonetary`, negatives counted),
 *    then every column is z-scored with the population standard deviation.
 * 3. For each K (the analyst's, or `kRange` for 'auto'): `restarts` ×
 *    (k-means++ + Lloyd), lowest inertia kept; silhouette exact up to
 *    `silhouetteSampleSize` customers, on a stratified sample above.
 *    Random draws come from `seed` and K only, so fixing K reproduces what
 *    'auto' found for that K.
 * 4. 'auto' keeps the best silhouette (the smaller K on a tie).
 *
 * Fallbacks (notes, not errors): K above the number of distinct customers
 * is capped there (`k-capped`); all customers identical → one cluster,
 * silhouette null (`identical-customers`); silhouette undefined for every
 * K (two distinct customers) → the smallest K (`silhouette-undefined`).
 * Warnings: chosen K > 6, silhouette ≤ 0.5, a cluster under 5%, no
 * convergence in `maxIter`.
 * @throws OptionsError (`invalid-options`) for wrong options; KMeansError
 *   `invalid-features` (short columns), `no-customers`, `too-few-customers`
 *   (fewer than 2 customers with finite R, F and M).
 * @example clusterCustomers(features, { k: 'auto' }).report.k // the best K in 2..8
 */
export function clusterCustomers(features: ClusterInput, options?: ClusterOptionsInput): ClusterResult {
  const o = resolveClusterOptions(options);
  const n = features.count;
  const columns = [features.recencyDays, features.windowFrequency, features.windowMonetary] as const;
  if (columns.some((column) => column.length < n))
    throw new KMeansError('invalid-features', { key: 'error.kmeans.invalid-features', params: { count: n } });
  if (n === 0) throw new KMeansError('no-customers', { key: 'error.kmeans.no-customers' });

  const valid = finiteRows(columns, n);
  const notes: ClusterNote[] = [];
  const note = (
    code: ClusterNoteCode,
    severity: ClusterNote['severity'],
    params: Record<string, string | number> = {},
  ) => notes.push({ code, severity, params, message: clusterNoteMessage({ code, params }, o.locale) });
  if (valid.length < 2) {
    throw new KMeansError(
      'too-few-customers',
      n === 1
        ? { key: 'error.kmeans.one-customer' }
        : { key: 'error.kmeans.too-few-finite', params: { valid: valid.length, count: n } },
    );
  }
  if (valid.length < n) note('rows-excluded', 'warning', { count: n - valid.length });

  const z = standardize(columns, { log1p: [false, false, o.logMonetary], rows: valid });
  if (z.clampedNegatives[2]! > 0) note('negative-money-clamped', 'info', { count: z.clampedNegatives[2]! });
  for (const j of z.zeroVarianceColumns) note('zero-variance', 'info', { column: RFM_COLUMNS[j]! });

  const requested = o.k === 'auto' ? o.kRange : ([o.k, o.k] as const);
  const distinct = countDistinctRows(z.values, z.dimensions, requested[1] + 1);
  if (distinct === 1) {
    note('identical-customers', 'warning', { count: valid.length });
    return assemble(features, o, z, valid, oneCluster(z), [], null, 'identical', notes, note);
  }
  const kMax = Math.min(requested[1], distinct);
  const kMin = Math.min(requested[0], kMax);
  if (requested[1] > distinct && (o.k !== 'auto' || requested[0] > distinct))
    note('k-capped', 'warning', { requested: o.k === 'auto' ? requested[0] : o.k, distinct, k: kMax });

  const candidates: KCandidate[] = [];
  let best: { run: KMeansRun; silhouette: SilhouetteResult } | undefined;
  for (let k = kMin; k <= kMax; k++) {
    const run = runKMeans(z.values, z.dimensions, k, {
      restarts: o.restarts,
      maxIter: o.maxIter,
      tol: o.tol,
      rng: createRng(streamSeed(o.seed, k)),
    });
    const scored = silhouette(z.values, z.dimensions, run.labels, k, {
      sampleSize: o.silhouetteSampleSize,
      rng: createRng(streamSeed(o.seed, 100 + k)),
    });
    candidates.push({ k, silhouette: scored.score, inertia: run.inertia, iterations: run.iterations, stop: run.stop });
    const better =
      best === undefined ||
      (scored.score !== null && (best.silhouette.score === null || scored.score > best.silhouette.score));
    if (better) best = { run, silhouette: scored };
  }
  const chosen = best!;
  if (chosen.silhouette.score === null) note('silhouette-undefined', 'warning', { k: chosen.run.k });
  if (chosen.run.stop === 'max-iterations') note('not-converged', 'warning', { k: chosen.run.k, maxIter: o.maxIter });
  if (!chosen.silhouette.exact)
    note('silhouette-sampled', 'info', { sampled: chosen.silhouette.scored, count: valid.length });
  if (chosen.run.k > MAX_RECOMMENDED_K) note('k-above-guard', 'warning', { k: chosen.run.k });
  if (chosen.silhouette.score !== null && chosen.silhouette.score <= GOOD_SILHOUETTE)
    note('weak-silhouette', 'warning', { silhouette: chosen.silhouette.score });
  return assemble(
    features,
    o,
    z,
    valid,
    chosen.run,
    candidates,
    chosen.silhouette,
    o.k === 'auto' ? 'auto' : 'fixed',
    notes,
    note,
  );
}

/**
 * A note's message in `locale` (notes carry their params, so a face can
 * show them in another language than the run's).
 * @example clusterNoteMessage({ code: 'k-above-guard', params: { k: 7 } }, 'en').startsWith('K = 7 is above 6')
 */
export function clusterNoteMessage(note: Pick<ClusterNote, 'code' | 'params'>, locale: Locale): string {
  const params: Record<string, string | number> = { ...note.params };
  if (typeof params['column'] === 'string') params['column'] = label(`column.${params['column'] as RfmColumn}`, locale);
  if (typeof params['share'] === 'number') params['share'] = `${(params['share'] * 100).toFixed(1)}%`;
  if (typeof params['silhouette'] === 'number') params['silhouette'] = params['silhouette'].toFixed(3);
  return label(`kmeans.note.${note.code}`, locale, params);
}

/** Indices of the customers whose three values are all finite. */
function finiteRows(
  [recency, frequency, money]: readonly [Float64Array, Float64Array, Float64Array],
  n: number,
): Int32Array {
  const rows = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++)
    if (Number.isFinite(recency[i]) && Number.isFinite(frequency[i]) && Number.isFinite(money[i])) rows[m++] = i;
  return rows.slice(0, m);
}

/** Distinct rows of a row-major matrix, counted up to `limit` (stops there): O(n·limit·d) at worst. */
function countDistinctRows(values: Float64Array, d: number, limit: number): number {
  const n = values.length / d;
  const seen = new Int32Array(limit);
  let count = 0;
  for (let i = 0; i < n && count < limit; i++) {
    let isNew = true;
    for (let t = 0; t < count && isNew; t++) {
      let same = true;
      for (let j = 0; j < d && same; j++) same = values[seen[t]! * d + j] === values[i * d + j];
      if (same) isNew = false;
    }
    if (isNew) seen[count++] = i;
  }
  return count;
}

/** The identical-customers fallback: every customer in cluster 0 at the common point. */
function oneCluster(z: Standardization): Pick<KMeansRun, 'k' | 'labels' | 'centroids' | 'inertia'> {
  return { k: 1, labels: new Int32Array(z.rows), centroids: z.values.slice(0, z.dimensions), inertia: 0 };
}

/** Independent seeds per purpose and K from the user's seed (a 32-bit integer mix, murmur3's finaliser). */
function streamSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function assemble(
  features: ClusterInput,
  o: ClusterOptions,
  z: Standardization,
  valid: Int32Array,
  run: Pick<KMeansRun, 'k' | 'labels' | 'centroids' | 'inertia'>,
  candidates: readonly KCandidate[],
  scored: SilhouetteResult | null,
  kChoice: ClusterReport['kChoice'],
  notes: readonly ClusterNote[],
  note: (code: ClusterNoteCode, severity: ClusterNote['severity'], params?: Record<string, string | number>) => void,
): ClusterResult {
  const { k } = run;
  const labels = new Uint8Array(features.count).fill(NOT_CLUSTERED);
  const sizes = new Float64Array(k);
  const sums = new Float64Array(k * 3);
  const total = [0, 0, 0];
  const original = [features.recencyDays, features.windowFrequency, features.windowMonetary];
  for (let r = 0; r < valid.length; r++) {
    const customer = valid[r]!,
      c = run.labels[r]!;
    labels[customer] = c;
    sizes[c]!++;
    for (let j = 0; j < 3; j++) {
      const x = original[j]![customer]!;
      sums[c * 3 + j]! += x;
      total[j]! += x;
    }
  }
  const m = valid.length;
  const means: RfmPoint = { recencyDays: total[0]! / m, frequency: total[1]! / m, monetary: total[2]! / m };
  const centroids: RfmPoint[] = Array.from({ length: k }, (_, c) => ({
    recencyDays: sums[c * 3]! / sizes[c]!,
    frequency: sums[c * 3 + 1]! / sizes[c]!,
    monetary: sums[c * 3 + 2]! / sizes[c]!,
  }));
  const names = nameClusters(centroids, means);
  const clusters: ClusterProfile[] = centroids.map((centroid, id) => {
    const silhouetteOfCluster = scored?.perCluster[id];
    return {
      id,
      size: sizes[id]!,
      share: sizes[id]! / m,
      revenue: sums[id * 3 + 2]!,
      revenueShare: total[2] === 0 ? null : sums[id * 3 + 2]! / total[2]!,
      centroid,
      centroidZ: Array.from(run.centroids.subarray(id * 3, id * 3 + 3)),
      silhouette: silhouetteOfCluster === undefined || Number.isNaN(silhouetteOfCluster) ? null : silhouetteOfCluster,
      ...names[id]!,
    };
  });
  if (k > 1)
    for (const cluster of clusters)
      if (cluster.share < MIN_CLUSTER_SHARE) note('small-cluster', 'warning', { id: cluster.id, share: cluster.share });
  return {
    k,
    labels,
    report: {
      k,
      kChoice,
      candidates,
      silhouette: scored?.score ?? null,
      silhouetteScored: scored?.scored ?? 0,
      silhouetteExact: scored?.exact ?? true,
      inertia: run.inertia,
      clusters,
      means,
      customers: features.count,
      clustered: m,
      excluded: features.count - m,
      standardization: {
        columns: RFM_COLUMNS,
        means: Array.from(z.means),
        stds: Array.from(z.stds),
        logMonetary: o.logMonetary,
      },
      notes,
    },
  };
}
