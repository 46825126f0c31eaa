/**
 * Seeded buy-till-you-die summary for `lifetime-fit-score-1m`, written once
 * as raw little-endian float64 so that Node and numpy load the very same
 * numbers: four columns of `customers` values back to back, x (repeat
 * purchase days), t_x and T (weeks) and the mean repeat spend m.
 *
 *   node dist/bench/generate-lifetime-summary.js [--customers 1000000]
 *
 * Drawn from known parameters (the published CDNOW fits, so the data look
 * like a real retailer's):
 * - purchases: `simulateRepeatPurchases` with BG/NBD r 0.243, α 4.414,
 *   a 0.793, b 2.426 (weeks); first purchases spread uniformly over the two
 *   years (104 weeks) before the calibration end.
 * - whole days, as real exports have: T and t_x are rounded up to whole days
 *   (⌈7·t⌉ / 7 weeks), which keeps t_x ≤ T and t_x > 0 when x > 0. Two
 *   simulated purchases on the same day still count twice; at a mean rate of
 *   one purchase per ~18 weeks that is rare enough not to matter here.
 * - spend: the Gamma-Gamma process with p 6.25, q 3.74, v 15.44: each
 *   customer's ν ~ Gamma(q, rate v), and the mean of x transactions of
 *   Gamma(p, rate ν) is Gamma(p·x, rate ν·x); in cents, at least 0.01;
 *   0 when x = 0 (no repeat purchase).
 */

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createRng,
  type GammaGammaParams,
  sampleGamma,
  simulateRepeatPurchases,
  type TransactionParams,
} from '../core/index.js';
import { DATA_DIR } from './paths.js';

export const LIFETIME_SUMMARY_SEED = 20261203;
/** The parameters the data are drawn from (Fader, Hardie & Lee 2005; Fader & Hardie 2013, CDNOW). */
export const TRUE_BG_NBD: TransactionParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
export const TRUE_GAMMA_GAMMA: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };
/** Ages T (weeks) are uniform on [0, MAX_AGE_WEEKS], then rounded up to whole days. */
export const MAX_AGE_WEEKS = 104;

export interface LifetimeSummaryColumns {
  readonly customers: number;
  readonly frequency: Float64Array;
  /** t_x in weeks, a whole number of days / 7. */
  readonly recency: Float64Array;
  /** T in weeks, a whole number of days / 7. */
  readonly age: Float64Array;
  readonly monetaryValue: Float64Array;
}

/** Where the file for `customers` lives (count and seed in the name). */
export function lifetimeSummaryPath(customers: number, dir = DATA_DIR): string {
  return join(dir, `lifetime-summary-${customers}-seed${LIFETIME_SUMMARY_SEED}.f64`);
}

/** Draws the columns; pure: same count ⇒ same numbers. */
export function drawLifetimeSummary(customers: number): LifetimeSummaryColumns {
  const simulated = simulateRepeatPurchases(TRUE_BG_NBD, {
    customers,
    minAge: 0,
    maxAge: MAX_AGE_WEEKS,
    seed: LIFETIME_SUMMARY_SEED,
  });
  const frequency = simulated.frequency;
  const recency = new Float64Array(customers),
    age = new Float64Array(customers),
    monetaryValue = new Float64Array(customers);
  // A stream of its own, so the spend draws do not shift the purchase draws.
  const rng = createRng(LIFETIME_SUMMARY_SEED + 1);
  const { p, q, v } = TRUE_GAMMA_GAMMA;
  for (let c = 0; c < customers; c++) {
    // A purchase at time t (weeks after the first) falls on day ⌈7t⌉.
    age[c] = Math.ceil(7 * simulated.age[c]!) / 7;
    recency[c] = Math.ceil(7 * simulated.recency[c]!) / 7;
    const x = frequency[c]!;
    const nu = sampleGamma(rng, q) / v;
    monetaryValue[c] = x > 0 ? Math.max(1, Math.round((100 * sampleGamma(rng, p * x)) / (nu * x))) / 100 : 0;
  }
  return { customers, frequency, recency, age, monetaryValue };
}

/** Returns the file for `customers`, writing it first unless it is there. */
export function ensureLifetimeSummary(customers: number, log: (line: string) => void = () => {}): string {
  const path = lifetimeSummaryPath(customers);
  if (existsSync(path)) {
    log(`reusing ${path}`);
    return path;
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const { frequency, recency, age, monetaryValue } = drawLifetimeSummary(customers);
  const all = new Float64Array(customers * 4);
  all.set(frequency, 0);
  all.set(recency, customers);
  all.set(age, customers * 2);
  all.set(monetaryValue, customers * 3);
  // Typed arrays are host-endian; every platform Node and numpy run this on is little-endian.
  writeFileSync(`${path}.partial`, new Uint8Array(all.buffer));
  renameSync(`${path}.partial`, path);
  log(`wrote ${customers.toLocaleString('en-US')} customers' lifetime summary to ${path}`);
  return path;
}

/**
 * Loads a lifetime summary file.
 * @throws Error when its size does not match `customers`.
 */
export function readLifetimeSummary(path: string, customers: number): LifetimeSummaryColumns {
  const file = readFileSync(path);
  if (file.byteLength !== customers * 4 * 8)
    throw new Error(`${path}: expected ${customers * 32} bytes, found ${file.byteLength}`);
  // Copy into an 8-byte-aligned buffer: a Buffer's byteOffset need not be.
  const all = new Float64Array(customers * 4);
  new Uint8Array(all.buffer).set(file);
  return {
    customers,
    frequency: all.subarray(0, customers),
    recency: all.subarray(customers, customers * 2),
    age: all.subarray(customers * 2, customers * 3),
    monetaryValue: all.subarray(customers * 3),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { customers: { type: 'string', default: '1000000' } } });
  const customers = Number(values.customers);
  if (!Number.isInteger(customers) || customers < 2)
    throw new Error(`--customers must be a whole number ≥ 2, got "${values.customers}"`);
  console.log(ensureLifetimeSummary(customers, (line) => console.error(line)));
}
