/**
 * Our side of `rfm-score-1m-customers`, run as its own process by bench/run.ts:
 *
 *   node dist/bench/ours/score-features.js FEATURES.f64 CUSTOMERS
 *
 * Loads the feature columns and builds a CustomerFeatures around them (not
 * timed), then times what the engine does to score them:
 * `applyScheme('rfm', features, assignTags(features))` — quintile scores with
 * ties kept together, the 11 named segments and a strategy per customer.
 * Prints one JSON line: { seconds, peakMemoryMB, customers, timing, phases, scoreCounts }.
 */

import { applyScheme, assignTags, type CustomerFeatures, nanColumn } from '../../core/index.js';
import { END_DAY } from '../generate-transactions.js';
import { readFeatures, type FeatureColumns } from '../generate-features.js';

/** A transactions-like CustomerFeatures around the three columns. */
export function featuresOf(columns: FeatureColumns): CustomerFeatures {
  const n = columns.customers;
  const { recencyDays, frequency, monetary } = columns;
  const frequency6m = new Float64Array(n),
    averageOrderValue = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    // Purchases spread evenly over the history: a quarter of them fall in the last 6 months if still active.
    frequency6m[c] = recencyDays[c]! <= 182 ? Math.ceil(frequency[c]! / 4) : 0;
    averageOrderValue[c] = monetary[c]! / frequency[c]!;
  }
  return {
    count: n,
    ids: Array.from({ length: n }, (_, c) => `C${c + 1}`),
    firstRow: new Int32Array(n),
    asOfDay: END_DAY + 1,
    asOfSource: 'given',
    recencyDays,
    frequency,
    monetary,
    frequency6m,
    amount6m: nanColumn(n),
    windowFrequency: frequency,
    windowMonetary: monetary,
    averageOrderValue,
    tenureDays: nanColumn(n),
    firstPurchaseDay: nanColumn(n),
    lastPurchaseDay: nanColumn(n),
    behaviour: {},
    attributes: {},
  };
}

function main(argv: readonly string[]): void {
  const [path, countText] = argv;
  if (path === undefined || countText === undefined) throw new Error('usage: score-features.js FEATURES.f64 CUSTOMERS');
  const features = featuresOf(readFeatures(path, Number(countText)));

  const started = performance.now();
  const tags = assignTags(features);
  const tagged = performance.now();
  const scheme = applyScheme('rfm', features, tags);
  const finished = performance.now();

  const scoreCounts = Object.fromEntries(
    (['r', 'f', 'm'] as const).map((name) => {
      const counts = [0, 0, 0, 0, 0];
      for (const s of scheme[name]) if (s >= 1) counts[s - 1]!++;
      return [name.toUpperCase(), counts];
    }),
  );
  console.log(
    JSON.stringify({
      seconds: (finished - started) / 1000,
      peakMemoryMB: process.resourceUsage().maxRSS / 1024,
      customers: features.count,
      timing: 'scoring only (data loaded before the clock starts)',
      phases: { assignTags: (tagged - started) / 1000, applyScheme: (finished - tagged) / 1000 },
      scoreCounts,
    }),
  );
}

main(process.argv.slice(2));
