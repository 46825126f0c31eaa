/**
 * Seeded per-customer features for the scoring benchmark, written once as
 * raw little-endian float64 so that Node and numpy load the very same
 * numbers without parsing: three columns of `customers` values back to back,
 * recency days, frequency, monetary.
 *
 * Shapes follow what the transactions benchmark produces, ties included
 * (ties are what make quintile scoring interesting):
 * - recency: whole days 1–730, skewed towards recent (⌈730·u²⌉);
 * - frequency: whole purchase days ≥ 1, geometric with mean 5 (a third of
 *   customers bought on one day only);
 * - monetary: frequency × a log-normal order value (median 80.00), 2 decimals.
 */

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../core/index.js';
import { DATA_DIR } from './paths.js';

export const FEATURES_SEED = 20261126;

export interface FeatureColumns {
  readonly customers: number;
  readonly recencyDays: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
}

/** Where the file for `customers` lives (the count is in the name). */
export function featuresPath(customers: number, dir = DATA_DIR): string {
  return join(dir, `features-${customers}-seed${FEATURES_SEED}.f64`);
}

/** Draws the columns; pure: same count ⇒ same numbers. */
export function drawFeatures(customers: number): FeatureColumns {
  const rng = createRng(FEATURES_SEED);
  const recencyDays = new Float64Array(customers),
    frequency = new Float64Array(customers),
    monetary = new Float64Array(customers);
  const stayProbability = 1 - 1 / 5;
  for (let c = 0; c < customers; c++) {
    const u = rng.next();
    recencyDays[c] = Math.max(1, Math.ceil(730 * u * u));
    let f = 1;
    while (f < 730 && rng.next() < stayProbability) f++;
    frequency[c] = f;
    let cents = 0;
    for (let k = 0; k < Math.min(f, 8); k++)
      cents += Math.max(100, Math.round(Math.exp(Math.log(8000) + rng.normal())));
    // Beyond 8 orders, scale the mean of the first 8 (keeps generation O(customers)).
    monetary[c] = Math.round((cents * f) / Math.min(f, 8)) / 100;
  }
  return { customers, recencyDays, frequency, monetary };
}

/** Returns the file for `customers`, writing it first unless it is there. */
export function ensureFeatures(customers: number, log: (line: string) => void = () => {}): string {
  const path = featuresPath(customers);
  if (existsSync(path)) {
    log(`reusing ${path}`);
    return path;
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const { recencyDays, frequency, monetary } = drawFeatures(customers);
  const bytes = new Float64Array(customers * 3);
  bytes.set(recencyDays, 0);
  bytes.set(frequency, customers);
  bytes.set(monetary, customers * 2);
  // Typed arrays are host-endian; every platform Node and numpy run this on is little-endian.
  writeFileSync(`${path}.partial`, new Uint8Array(bytes.buffer));
  renameSync(`${path}.partial`, path);
  log(`wrote ${customers.toLocaleString('en-US')} customers' features to ${path}`);
  return path;
}

/**
 * Loads a features file.
 * @throws Error when its size does not match `customers`.
 */
export function readFeatures(path: string, customers: number): FeatureColumns {
  const file = readFileSync(path);
  if (file.byteLength !== customers * 3 * 8)
    throw new Error(`${path}: expected ${customers * 24} bytes, found ${file.byteLength}`);
  // Copy into an 8-byte-aligned buffer: a Buffer's byteOffset need not be.
  const all = new Float64Array(customers * 3);
  new Uint8Array(all.buffer).set(file);
  return {
    customers,
    recencyDays: all.subarray(0, customers),
    frequency: all.subarray(customers, customers * 2),
    monetary: all.subarray(customers * 2),
  };
}
