/**
 * Seeded churn features with a known label model for `churn-gbdt-1m`,
 * written once so Node and numpy read the very same numbers:
 *
 *   node dist/bench/generate-churn-features.js [--customers 1000000]
 *
 * Layout (little-endian, no header): `customers × CHURN_FEATURES.length`
 * float64 values row-major (NaN = missing), then `customers` label bytes
 * (1 = churned). Rows are in random order, so "first 80% train, last 20%
 * test" is a random split.
 *
 * The features are SPEC §5f's (12 of them): a latent engagement level per
 * customer drives purchase frequency, recency, logins and spend, so the
 * columns are correlated as in a real CRM; 25% never installed the app
 * (logins3m NaN), 40% never answered a survey (satisfaction NaN). The label
 * is Bernoulli(sigmoid(logit)) with a nonlinear logit (a recency cliff at 90
 * days, one-time buyers, complaints that only matter for big spenders, a
 * U-shaped satisfaction effect, unsurveyed customers riskier), so neither a
 * linear model nor a single feature gets it all.
 */

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng, type Rng } from '../core/index.js';
import { DATA_DIR } from './paths.js';

export const CHURN_FEATURES_SEED = 20261207;

/** Column order of the file (SPEC §5f's ML churn features). */
export const CHURN_FEATURES = [
  'recencyDays',
  'frequency6m',
  'amount6m',
  'averageOrderValue',
  'historicalFrequency',
  'cumulativeSpend',
  'tenureDays',
  'logins3m',
  'consultations',
  'complaints6m',
  'couponUses',
  'satisfaction',
] as const;

export interface ChurnFeatures {
  readonly customers: number;
  readonly cols: number;
  /** Row-major, customers × cols. */
  readonly features: Float64Array;
  readonly labels: Uint8Array;
}

/** Poisson by inversion (means here are small), capped so generation stays O(customers). */
function poisson(rng: Rng, mean: number, cap = 500): number {
  const limit = Math.exp(-mean);
  let k = 0,
    product = rng.next();
  while (product > limit && k < cap) {
    k++;
    product *= rng.next();
  }
  return k;
}

/** Where the file for `customers` lives (count and seed in the name). */
export function churnFeaturesPath(customers: number, dir = DATA_DIR): string {
  return join(dir, `churn-features-${customers}-seed${CHURN_FEATURES_SEED}.bin`);
}

/** Draws the matrix and labels; pure: same count ⇒ same numbers. */
export function drawChurnFeatures(customers: number): ChurnFeatures {
  const rng = createRng(CHURN_FEATURES_SEED);
  const cols = CHURN_FEATURES.length;
  const features = new Float64Array(customers * cols);
  const labels = new Uint8Array(customers);
  for (let c = 0; c < customers; c++) {
    const engagement = rng.normal(); // latent, not a column
    const tenureDays = Math.floor(30 + 2000 * rng.next());
    const rate = Math.exp(0.8 + 0.7 * engagement); // orders per 6 months
    const frequency6m = poisson(rng, rate);
    const historicalFrequency = frequency6m + poisson(rng, (rate * tenureDays) / 180);
    const recencyDays =
      frequency6m > 0
        ? Math.floor(rng.next() * Math.min(180, 360 / (frequency6m + 1)))
        : historicalFrequency > 0
          ? Math.floor(180 + rng.next() * 540)
          : tenureDays;
    const orderValue = Math.round(Math.exp(4.6 + 0.2 * engagement + 0.6 * rng.normal()) * 100) / 100;
    const amount6m = Math.round(frequency6m * orderValue * (0.8 + 0.4 * rng.next()) * 100) / 100;
    const cumulativeSpend =
      Math.round((amount6m + (historicalFrequency - frequency6m) * orderValue * (0.7 + 0.6 * rng.next())) * 100) / 100;
    const averageOrderValue =
      historicalFrequency > 0 ? Math.round((cumulativeSpend / historicalFrequency) * 100) / 100 : 0;
    const hasApp = rng.next() >= 0.25;
    const logins3m = hasApp ? poisson(rng, Math.exp(1.5 + 0.8 * engagement)) : Number.NaN;
    const consultations = poisson(rng, 0.6);
    const complaints6m = poisson(rng, 0.15 + 0.1 * consultations);
    const couponUses = poisson(rng, 0.5 + 0.3 * frequency6m);
    const surveyed = rng.next() >= 0.4;
    const satisfaction = surveyed
      ? Math.min(
          5,
          Math.max(1, Math.round((3.6 + 0.5 * engagement - 0.6 * complaints6m + 0.8 * rng.normal()) * 10) / 10),
        )
      : Number.NaN;

    const logit =
      -1.2 +
      (recencyDays > 90 ? 1.4 : 0) +
      (historicalFrequency <= 1 ? 0.9 : 0) -
      0.25 * Math.min(frequency6m, 8) +
      (complaints6m > 0 && cumulativeSpend > 1000 ? 1.1 : 0.3 * complaints6m) +
      (surveyed ? 0.5 * (satisfaction - 3.2) * (satisfaction - 3.2) - 0.3 * (satisfaction - 3.2) : 0.4) +
      (hasApp ? -0.35 * Math.log1p(logins3m) : 0.3) -
      0.0003 * tenureDays -
      0.15 * Math.min(couponUses, 5);
    labels[c] = rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    const row = [
      recencyDays,
      frequency6m,
      amount6m,
      averageOrderValue,
      historicalFrequency,
      cumulativeSpend,
      tenureDays,
      logins3m,
      consultations,
      complaints6m,
      couponUses,
      satisfaction,
    ];
    features.set(row, c * cols);
  }
  return { customers, cols, features, labels };
}

/** Returns the file for `customers`, writing it first unless it is there. */
export function ensureChurnFeatures(customers: number, log: (line: string) => void = () => {}): string {
  const path = churnFeaturesPath(customers);
  if (existsSync(path)) {
    log(`reusing ${path}`);
    return path;
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const { features, labels } = drawChurnFeatures(customers);
  const bytes = new Uint8Array(features.byteLength + labels.byteLength);
  bytes.set(new Uint8Array(features.buffer, features.byteOffset, features.byteLength), 0);
  bytes.set(labels, features.byteLength);
  writeFileSync(`${path}.partial`, bytes);
  renameSync(`${path}.partial`, path);
  log(`wrote ${customers.toLocaleString('en-US')} customers' churn features and labels to ${path}`);
  return path;
}

/** Reads the file back (the layout above). */
export function readChurnFeatures(path: string, customers: number): ChurnFeatures {
  const cols = CHURN_FEATURES.length;
  const bytes = readFileSync(path);
  const expected = customers * cols * 8 + customers;
  if (bytes.byteLength !== expected)
    throw new Error(`${path}: expected ${expected} bytes for ${customers} customers, found ${bytes.byteLength}`);
  const features = new Float64Array(customers * cols);
  new Uint8Array(features.buffer).set(bytes.subarray(0, customers * cols * 8));
  const labels = Uint8Array.from(bytes.subarray(customers * cols * 8));
  return { customers, cols, features, labels };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { customers: { type: 'string', default: '1000000' } } });
  const customers = Number(values.customers);
  if (!Number.isInteger(customers) || customers < 10)
    throw new Error(`--customers must be a whole number ≥ 10, got "${values.customers}"`);
  console.log(ensureChurnFeatures(customers, (line) => console.error(line)));
}
