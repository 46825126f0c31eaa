/**
 * Seeded RFM features with cluster structure for `kmeans-auto-k-1m`, written
 * in the same layout as bench/generate-features.ts (raw little-endian
 * float64, three columns of `customers` values back to back: recency days,
 * frequency, monetary) so Node and numpy load the very same numbers.
 *
 *   node dist/bench/generate-kmeans-features.js [--customers 1000000]
 *
 * The scoring benchmark's features are one smooth blob (good for quintile
 * ties, useless for clustering); these mix four personas, so k-means has
 * something to find and auto-K a real choice to make:
 * - champions (15%): recent (exponential, mean 12 days), frequent (geometric,
 *   mean 12), order value log-normal with median 150.00;
 * - regulars (35%): recency mean 45 days, frequency mean 5, median order 80.00;
 * - one-timers (20%): bought once, 1–120 days ago, median order 60.00;
 * - lapsed (30%): last purchase 180–730 days ago, frequency mean 2, median 70.00.
 * Recency and frequency are whole numbers (ties and duplicates included),
 * monetary = frequency × order value, 2 decimals; 0.1% of customers have a
 * net refund (monetary ≤ 0), which the log1p transform clamps at 0.
 */

import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng, type Rng } from '../core/index.js';
import type { FeatureColumns } from './generate-features.js';
import { DATA_DIR } from './paths.js';

export const KMEANS_FEATURES_SEED = 20261201;

interface Persona {
  readonly share: number;
  recency(rng: Rng): number;
  frequency(rng: Rng): number;
  /** Median order value in yuan. */
  readonly medianOrder: number;
}

const exponential = (rng: Rng, mean: number): number => -mean * Math.log(1 - rng.next());
/** Geometric on 1, 2, … with the given mean, capped so generation stays O(customers). */
function geometric(rng: Rng, mean: number, cap = 200): number {
  const stay = 1 - 1 / mean;
  let f = 1;
  while (f < cap && rng.next() < stay) f++;
  return f;
}

const PERSONAS: readonly Persona[] = [
  {
    share: 0.15,
    recency: (rng) => 1 + Math.floor(exponential(rng, 12)),
    frequency: (rng) => geometric(rng, 12),
    medianOrder: 150,
  },
  {
    share: 0.35,
    recency: (rng) => 1 + Math.floor(exponential(rng, 45)),
    frequency: (rng) => geometric(rng, 5),
    medianOrder: 80,
  },
  { share: 0.2, recency: (rng) => rng.int(1, 120), frequency: () => 1, medianOrder: 60 },
  { share: 0.3, recency: (rng) => rng.int(180, 730), frequency: (rng) => geometric(rng, 2), medianOrder: 70 },
];

/** Where the file for `customers` lives (count and seed in the name). */
export function kmeansFeaturesPath(customers: number, dir = DATA_DIR): string {
  return join(dir, `kmeans-features-${customers}-seed${KMEANS_FEATURES_SEED}.f64`);
}

/** Draws the columns; pure: same count ⇒ same numbers. */
export function drawKmeansFeatures(customers: number): FeatureColumns {
  const rng = createRng(KMEANS_FEATURES_SEED);
  const recencyDays = new Float64Array(customers),
    frequency = new Float64Array(customers),
    monetary = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    let u = rng.next();
    let p = 0;
    while (p < PERSONAS.length - 1 && u >= PERSONAS[p]!.share) u -= PERSONAS[p++]!.share;
    const persona = PERSONAS[p]!;
    recencyDays[c] = Math.min(730, persona.recency(rng));
    const f = persona.frequency(rng);
    frequency[c] = f;
    const order = Math.exp(Math.log(persona.medianOrder) + 0.6 * rng.normal());
    const refund = rng.next() < 0.001;
    monetary[c] = refund ? -Math.round(order * 100) / 100 : Math.round(order * f * 100) / 100;
  }
  return { customers, recencyDays, frequency, monetary };
}

/** Returns the file for `customers`, writing it first unless it is there. */
export function ensureKmeansFeatures(customers: number, log: (line: string) => void = () => {}): string {
  const path = kmeansFeaturesPath(customers);
  if (existsSync(path)) {
    log(`reusing ${path}`);
    return path;
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const { recencyDays, frequency, monetary } = drawKmeansFeatures(customers);
  const all = new Float64Array(customers * 3);
  all.set(recencyDays, 0);
  all.set(frequency, customers);
  all.set(monetary, customers * 2);
  writeFileSync(`${path}.partial`, new Uint8Array(all.buffer));
  renameSync(`${path}.partial`, path);
  log(`wrote ${customers.toLocaleString('en-US')} customers' clustered features to ${path}`);
  return path;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { customers: { type: 'string', default: '1000000' } } });
  const customers = Number(values.customers);
  if (!Number.isInteger(customers) || customers < 2)
    throw new Error(`--customers must be a whole number ≥ 2, got "${values.customers}"`);
  console.log(ensureKmeansFeatures(customers, (line) => console.error(line)));
}
