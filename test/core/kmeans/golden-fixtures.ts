import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * scikit-learn 1.2's answers on small data, written by
 * `/usr/bin/python3 bench/reference/kmeans_golden.py`; tests only read them.
 */
export interface GoldenRun {
  readonly k: number;
  /** Row-major k × columns initial centroids given to sklearn. */
  readonly init: number[];
  readonly labels: number[];
  readonly centers: number[];
  readonly inertia: number;
  readonly nIter: number;
  readonly silhouette: number | null;
  readonly note?: string;
}

export interface Golden {
  readonly name: string;
  readonly rows: number;
  readonly columns: number;
  readonly logColumns: boolean[];
  readonly raw: number[];
  readonly standardized: number[];
  readonly mean: number[];
  readonly scale: number[];
  readonly tol: number;
  readonly tolerance: number;
  readonly maxIter: number;
  readonly runs: GoldenRun[];
}

export function loadGolden(name: 'blobs-3x300' | 'rfm-2000'): Golden {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/kmeans', `${name}.json`), 'utf8')) as Golden;
}

/** Rows of a flat row-major array, as ml-kmeans wants them. */
export function toRows(flat: readonly number[], columns: number): number[][] {
  return Array.from({ length: flat.length / columns }, (_, i) => flat.slice(i * columns, (i + 1) * columns));
}
