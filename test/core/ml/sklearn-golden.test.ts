/**
 * Our booster against scikit-learn's HistGradientBoostingClassifier (1.2) on
 * the fixture written by `/usr/bin/python3 bench/reference/hgb_golden.py`
 * (5,000 rows × 8 features with NaN, same split, same hyper-parameters,
 * early stopping off). Tests only read the JSON; CI needs no Python.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitGradientBoosting, predictGradientBoosting, rankAuc } from '../../../core/ml/index.js';

interface Golden {
  rows: number;
  cols: number;
  train: number;
  nanCode: number;
  columns: { scale: number; codes: string }[];
  labels: string;
  params: {
    max_iter: number;
    learning_rate: number;
    max_leaf_nodes: number;
    min_samples_leaf: number;
    l2_regularization: number;
    max_bins: number;
  };
  baseline: number;
  binEdges: number[][];
  leavesPerTree: number[];
  testAuc: number;
  testProba: number[];
}

const golden = JSON.parse(
  readFileSync(new URL('../../fixtures/ml/hgb-golden.json', import.meta.url), 'utf8'),
) as Golden;

/** Row-major float64 matrix of rows [from, to), decoded as the Python script decodes it (code / scale). */
function matrix(from: number, to: number): Float64Array {
  const out = new Float64Array((to - from) * golden.cols);
  golden.columns.forEach((column, f) => {
    const bytes = Buffer.from(column.codes, 'base64');
    const codes = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
    for (let r = from; r < to; r++)
      out[(r - from) * golden.cols + f] = codes[r] === golden.nanCode ? Number.NaN : codes[r]! / column.scale;
  });
  return out;
}

const labels = Uint8Array.from(golden.labels, (c) => Number(c));
const train = {
  features: matrix(0, golden.train),
  rows: golden.train,
  cols: golden.cols,
  labels: labels.subarray(0, golden.train),
};
const test = { features: matrix(golden.train, golden.rows), rows: golden.rows - golden.train, cols: golden.cols };
const testLabels = labels.subarray(golden.train);
const p = golden.params;
const model = fitGradientBoosting(train, {
  maxIter: p.max_iter,
  learningRate: p.learning_rate,
  maxLeafNodes: p.max_leaf_nodes,
  minSamplesLeaf: p.min_samples_leaf,
  l2Regularization: p.l2_regularization,
  maxBins: p.max_bins,
});
const proba = predictGradientBoosting(model, test);

describe('against scikit-learn HistGradientBoostingClassifier', () => {
  it('finds the same bin edges for every feature', () => {
    expect(model.binEdges).toEqual(golden.binEdges);
  });

  it('starts from the same baseline log-odds', () => {
    expect(model.baseline).toBeCloseTo(golden.baseline, 12);
  });

  it('test AUC within 0.01 of sklearn on the same split', () => {
    const auc = rankAuc(proba, testLabels);
    expect(Math.abs(auc - golden.testAuc)).toBeLessThanOrEqual(0.01);
  });

  it('grows the same number of leaves per tree', () => {
    expect(model.trees.map((tree) => tree.feature.filter((f) => f < 0).length)).toEqual(golden.leavesPerTree);
  });

  it('gives the same probabilities row by row (to 1e-6)', () => {
    let worst = 0,
      total = 0;
    for (let i = 0; i < proba.length; i++) {
      const gap = Math.abs(proba[i]! - golden.testProba[i]!);
      worst = Math.max(worst, gap);
      total += gap;
    }
    // Same splits, same float32 gradients as sklearn: the gaps measured were ≤ 5e-10 (the fixture rounds to 1e-9).
    expect(total / proba.length).toBeLessThan(1e-7);
    expect(worst).toBeLessThan(1e-6);
  });
});
