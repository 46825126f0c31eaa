/**
 * Our side of `kmeans-auto-k-1m`, run as its own process by bench/run.ts:
 *
 *   node dist/bench/ours/kmeans-auto-k.js FEATURES.f64 CUSTOMERS [--k-min 2] [--k-max 8]
 *
 * Loads the three feature columns (not timed; layout in
 * bench/generate-kmeans-features.ts), then times
 * `clusterCustomers(features, { kRange, restarts: 1 })`: finite-row check,
 * log1p money + z-scores, for each K k-means++ and Lloyd (one restart, as
 * sklearn's n_init=1) and the silhouette on a 10,000-customer stratified
 * sample, the choice of K, centroids, names and notes.
 * Prints one JSON line: { seconds, peakMemoryMB, customers, timing, chosenK,
 * silhouettes, inertias, iterations } (the last three keyed by K).
 */

import { parseArgs } from 'node:util';
import { clusterCustomers } from '../../core/index.js';
import { readFeatures } from '../generate-features.js';

function main(argv: readonly string[]): void {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { 'k-min': { type: 'string', default: '2' }, 'k-max': { type: 'string', default: '8' } },
    allowPositionals: true,
  });
  const [path, countText] = positionals;
  if (path === undefined || countText === undefined)
    throw new Error('usage: kmeans-auto-k.js FEATURES.f64 CUSTOMERS [--k-min 2] [--k-max 8]');
  const columns = readFeatures(path, Number(countText));
  const features = {
    count: columns.customers,
    recencyDays: columns.recencyDays,
    windowFrequency: columns.frequency,
    windowMonetary: columns.monetary,
  };
  const kRange: [number, number] = [Number(values['k-min']), Number(values['k-max'])];

  const started = performance.now();
  const { report } = clusterCustomers(features, { kRange, restarts: 1 });
  const seconds = (performance.now() - started) / 1000;

  const byK = (pick: (c: (typeof report.candidates)[number]) => number | null) =>
    Object.fromEntries(report.candidates.map((c) => [String(c.k), pick(c)]));
  console.log(
    JSON.stringify({
      seconds,
      peakMemoryMB: process.resourceUsage().maxRSS / 1024,
      customers: report.customers,
      timing:
        'clusterCustomers(kRange, restarts: 1): log1p + z-scores + per K (k-means++ + Lloyd + silhouette on a 10,000 stratified sample), data loaded before the clock starts',
      chosenK: report.k,
      silhouettes: byK((c) => c.silhouette),
      inertias: byK((c) => c.inertia),
      iterations: byK((c) => c.iterations),
    }),
  );
}

main(process.argv.slice(2));
