/**
 * Our side of `churn-gbdt-1m`, run as its own process by bench/run.ts:
 *
 *   node dist/bench/ours/churn-gbdt.js FEATURES.bin CUSTOMERS
 *
 * Loads the matrix and labels (not timed; layout in
 * bench/generate-churn-features.ts), then times what the churn back-test
 * does with them: `fitGradientBoosting` on the first 80% of customers
 * (sklearn's defaults: 100 iterations, 31 leaves, 255 bins, early stopping
 * off) and `predictGradientBoosting` on the last 20%. AUC is not timed.
 * Prints one JSON line: { seconds, peakMemoryMB, customers, timing, phases,
 * trainRows, testRows, testAuc, cpuSeconds, threads, trees, leaves }.
 */

import { fitGradientBoosting, predictGradientBoosting, rankAuc } from '../../core/index.js';
import { readChurnFeatures } from '../generate-churn-features.js';

/** The hyper-parameters both sides use (sklearn's defaults, early stopping off). */
export const CHURN_GBDT_PARAMS = {
  maxIter: 100,
  learningRate: 0.1,
  maxLeafNodes: 31,
  minSamplesLeaf: 20,
  l2Regularization: 0,
  maxBins: 255,
  earlyStopping: false,
  seed: 0,
} as const;
export const TRAIN_SHARE = 0.8;

function main(argv: readonly string[]): void {
  const [path, countText] = argv;
  if (path === undefined || countText === undefined) throw new Error('usage: churn-gbdt.js FEATURES.bin CUSTOMERS');
  const { customers, cols, features, labels } = readChurnFeatures(path, Number(countText));
  const trainRows = Math.floor(customers * TRAIN_SHARE),
    testRows = customers - trainRows;
  const train = {
    features: features.subarray(0, trainRows * cols),
    rows: trainRows,
    cols,
    labels: labels.subarray(0, trainRows),
  };
  const test = { features: features.subarray(trainRows * cols), rows: testRows, cols };

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const model = fitGradientBoosting(train, CHURN_GBDT_PARAMS);
  const fitted = performance.now();
  const proba = predictGradientBoosting(model, test);
  const finished = performance.now();
  const cpu = process.cpuUsage(cpuBefore);

  console.log(
    JSON.stringify({
      seconds: (finished - started) / 1000,
      peakMemoryMB: process.resourceUsage().maxRSS / 1024,
      customers,
      timing:
        'fitGradientBoosting on 80% (binning + 100 trees) + predictGradientBoosting on 20%, data loaded before the clock starts',
      phases: { fit: (fitted - started) / 1000, score: (finished - fitted) / 1000 },
      trainRows,
      testRows,
      testAuc: rankAuc(proba, labels.subarray(trainRows)),
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      threads: 1,
      trees: model.trees.length,
      leaves: model.trees.reduce((n, tree) => n + tree.feature.filter((f) => f < 0).length, 0),
    }),
  );
}

main(process.argv.slice(2));
