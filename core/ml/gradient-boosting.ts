import { createRng, type Rng } from '../random/create-rng.js';
import { parseOptions } from '../util/parse-options.js';
import { binFeatures, findFeatureEdges, type BinnedFeatures } from './bin-features.js';
import { GradientBoostingError } from './gradient-boosting-error.js';
import {
  gradientBoostingOptionsSchema,
  type GradientBoostingOptions,
  type ResolvedGradientBoostingOptions,
} from './gradient-boosting-options.js';
import { createWorkspace, growTree, type RegressionTree } from './grow-tree.js';
import { baselineLogOdds, logLossGradients, meanLogLoss, sigmoid } from './log-loss.js';

export { gradientBoostingOptionsSchema, type GradientBoostingOptions } from './gradient-boosting-options.js';
export type { RegressionTree } from './grow-tree.js';

export interface GradientBoostingData {
  /** Row-major matrix, rows × cols; NaN = missing. */
  readonly features: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** 0/1 per row (only for fitting). */
  readonly labels?: Uint8Array;
}

/** A fitted binary classifier as plain data (JSON round-trips it): bin edges, trees, baseline. */
export interface GradientBoostingModel {
  readonly kind: 'gradient-boosting-classifier';
  readonly version: 1;
  /** Features per row the model was fitted on. */
  readonly cols: number;
  /** Log-odds of the training positive rate: every score starts here. */
  readonly baseline: number;
  /** Per feature, the bin edges found at fit time (value ≤ edges[b] is in bin ≤ b). */
  readonly binEdges: number[][];
  readonly trees: RegressionTree[];
  /** Trees grown (= maxIter unless early stopping ended the fit). */
  readonly iterations: number;
  /** With early stopping: validation log-loss before the first tree and after each; else empty. */
  readonly validationLoss: number[];
  /** The options after defaults, for the record. */
  readonly options: ResolvedGradientBoostingOptions;
}

/**
 * Fits a histogram gradient-boosted tree classifier on the log-loss, as
 * scikit-learn's HistGradientBoostingClassifier (1.2) does: features binned
 * into ≤ `maxBins` quantile bins (NaN in a bin of its own, sent down the side
 * that gains most), Newton leaf values, leaf-wise trees. Deterministic: the
 * only random draws (bin subsample above `binSubsample` rows, early-stopping
 * split) come from `seed`. The input is not modified.
 * @throws GradientBoostingError `no-rows`, `shape-mismatch`, `missing-labels`, `invalid-label`, `one-class`.
 * @throws OptionsError (code `invalid-options`) naming every wrong option.
 * @example
 * const data = { features: Float64Array.of(1, 2, 3, 4), rows: 4, cols: 1, labels: Uint8Array.of(0, 0, 1, 1) };
 * const model = fitGradientBoosting(data, { minSamplesLeaf: 1, maxIter: 10 });
 * predictGradientBoosting(model, data)[3]! > 0.5 // true
 */
export function fitGradientBoosting(
  data: GradientBoostingData,
  options?: GradientBoostingOptions,
): GradientBoostingModel {
  const opts = parseOptions(gradientBoostingOptionsSchema, options);
  checkShape(data);
  const labels = checkLabels(data);
  const rng = createRng(opts.seed);
  const { train, validation } = opts.earlyStopping
    ? stratifiedSplit(labels, opts.validationFraction, rng)
    : { train: identity(data.rows), validation: new Uint32Array(0) };

  const edges = findFeatureEdges(data.features, data.cols, train, opts.maxBins, opts.binSubsample, rng);
  const binned = binFeatures(data.features, data.cols, train, edges, opts.maxBins);
  const trainLabels = pick(labels, train);
  const baseline = baselineLogOdds(trainLabels);
  const raw = new Float64Array(train.length).fill(baseline);
  const gradHess = new Float32Array(2 * train.length);
  const work = createWorkspace(train.length);
  const params = {
    maxLeafNodes: opts.maxLeafNodes,
    maxDepth: opts.maxDepth ?? Number.POSITIVE_INFINITY,
    minSamplesLeaf: opts.minSamplesLeaf,
    l2: opts.l2Regularization,
    learningRate: opts.learningRate,
  };

  // Too few rows to hold any back (each class keeps at least one training row): no early stopping.
  const validationBinned =
    opts.earlyStopping && validation.length > 0
      ? binFeatures(data.features, data.cols, validation, edges, opts.maxBins)
      : null;
  const validationLabels = pick(labels, validation);
  const validationRaw = new Float64Array(validation.length).fill(baseline);
  const validationLoss: number[] = validationBinned ? [meanLogLoss(validationRaw, validationLabels)] : [];

  const trees: RegressionTree[] = [];
  for (let iteration = 0; iteration < opts.maxIter; iteration++) {
    logLossGradients(raw, trainLabels, gradHess);
    const tree = growTree(binned, edges, gradHess, params, work, raw);
    trees.push(tree);
    if (validationBinned) {
      addBinnedTree(tree, validationBinned, validationRaw);
      validationLoss.push(meanLogLoss(validationRaw, validationLabels));
      if (shouldStop(validationLoss, opts.nIterNoChange, opts.tol)) break;
    }
  }
  return {
    kind: 'gradient-boosting-classifier',
    version: 1,
    cols: data.cols,
    baseline,
    binEdges: edges,
    trees,
    iterations: trees.length,
    validationLoss,
    options: opts,
  };
}

/**
 * P(label = 1) per row: sigmoid(baseline + Σ tree outputs), each tree
 * followed on the raw values (x ≤ threshold left, NaN the learned way).
 * @throws GradientBoostingError `no-rows`, `shape-mismatch` (cols differ from the model's), `invalid-model`.
 * @example predictGradientBoosting(model, { features: Float64Array.of(NaN), rows: 1, cols: 1 }) // one probability
 */
export function predictGradientBoosting(model: GradientBoostingModel, data: GradientBoostingData): Float64Array {
  checkModel(model);
  checkShape(data);
  if (data.cols !== model.cols)
    throw new GradientBoostingError('shape-mismatch', {
      key: 'error.gbdt.model-columns',
      params: { cols: data.cols, fitted: model.cols },
    });
  const { features, rows, cols } = data;
  const forest = compileForest(model.trees);
  const { roots, feature, threshold, missingLeft, left, right, value } = forest;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const offset = r * cols;
    let score = model.baseline;
    for (let t = 0; t < roots.length; t++) {
      let node = roots[t]!;
      let f = feature[node]!;
      while (f >= 0) {
        const x = features[offset + f]!;
        const cut = threshold[node]!;
        node = x <= cut ? left[node]! : x > cut ? right[node]! : missingLeft[node] ? left[node]! : right[node]!;
        f = feature[node]!;
      }
      score += value[node]!;
    }
    out[r] = sigmoid(score);
  }
  return out;
}

/**
 * Total split gain (loss reduction) per feature over all trees, normalised
 * to sum 1; all zeros when no tree split at all.
 * @example featureImportance(model).reduce((a, b) => a + b, 0) // 1
 */
export function featureImportance(model: GradientBoostingModel): Float64Array {
  checkModel(model);
  const gains = new Float64Array(model.cols);
  for (const tree of model.trees)
    for (let node = 0; node < tree.feature.length; node++)
      if (tree.feature[node]! >= 0) gains[tree.feature[node]!] = gains[tree.feature[node]!]! + tree.gain[node]!;
  let total = 0;
  for (const gain of gains) total += gain;
  if (total > 0) for (let f = 0; f < gains.length; f++) gains[f] = gains[f]! / total;
  return gains;
}

/** Every tree's nodes in one set of typed arrays (children as absolute indices), so scoring reads no objects. */
interface CompiledForest {
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly missingLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

function compileForest(trees: readonly RegressionTree[]): CompiledForest {
  let total = 0;
  for (const tree of trees) total += tree.feature.length;
  const forest = {
    roots: new Int32Array(trees.length),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    missingLeft: new Uint8Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
  };
  let at = 0;
  trees.forEach((tree, t) => {
    forest.roots[t] = at;
    for (let node = 0; node < tree.feature.length; node++) {
      forest.feature[at + node] = tree.feature[node]!;
      forest.threshold[at + node] = tree.threshold[node]!;
      forest.missingLeft[at + node] = tree.missingLeft[node] ? 1 : 0;
      forest.left[at + node] = at + tree.left[node]!;
      forest.right[at + node] = at + tree.right[node]!;
      forest.value[at + node] = tree.value[node]!;
    }
    at += tree.feature.length;
  });
  return forest;
}

/** Adds one tree's outputs to `raw` for binned rows (the early-stopping validation rows). */
function addBinnedTree(tree: RegressionTree, data: BinnedFeatures, raw: Float64Array): void {
  for (let r = 0; r < data.rows; r++) {
    let node = 0;
    while (tree.feature[node]! >= 0) {
      const bin = data.binned[r * data.cols + tree.feature[node]!]!;
      const goLeft = bin === data.missingBin ? tree.missingLeft[node]! : bin <= tree.bin[node]!;
      node = goLeft ? tree.left[node]! : tree.right[node]!;
    }
    raw[r] = raw[r]! + tree.value[node]!;
  }
}

/** sklearn's _should_stop on the loss: no loss among the last n beat the one before them by `tol`. */
function shouldStop(losses: readonly number[], n: number, tol: number): boolean {
  if (losses.length <= n) return false;
  const reference = losses[losses.length - n - 1]! - tol;
  for (let i = losses.length - n; i < losses.length; i++) if (losses[i]! < reference) return false;
  return true;
}

/** Seeded stratified split: `fraction` of each class (rounded) to validation, both kept in row order. */
function stratifiedSplit(
  labels: Uint8Array,
  fraction: number,
  rng: Rng,
): { train: Uint32Array; validation: Uint32Array } {
  const held = new Uint8Array(labels.length);
  for (const label of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === label) members.push(i);
    const take = Math.min(members.length - 1, Math.round(fraction * members.length));
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(rng.next() * (members.length - i));
      [members[i], members[j]] = [members[j]!, members[i]!];
      held[members[i]!] = 1;
    }
  }
  const validation: number[] = [],
    train: number[] = [];
  for (let i = 0; i < labels.length; i++) (held[i] ? validation : train).push(i);
  return { train: Uint32Array.from(train), validation: Uint32Array.from(validation) };
}

function identity(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

function pick(labels: Uint8Array, rows: Uint32Array): Uint8Array {
  const out = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = labels[rows[i]!]!;
  return out;
}

function checkShape(data: GradientBoostingData): void {
  const { rows, cols, features } = data;
  if (!Number.isInteger(rows) || rows < 1)
    throw new GradientBoostingError('no-rows', { key: 'error.gbdt.rows', params: { value: rows } });
  if (!Number.isInteger(cols) || cols < 1)
    throw new GradientBoostingError('no-rows', { key: 'error.gbdt.cols', params: { value: cols } });
  if (!(features instanceof Float64Array) || features.length !== rows * cols) {
    throw new GradientBoostingError('shape-mismatch', {
      key: 'error.gbdt.features',
      params: { expected: rows * cols, got: features instanceof Float64Array ? features.length : typeof features },
    });
  }
}

/** The labels as 0/1 bytes, or a one-line error naming the first bad rows. */
function checkLabels(data: GradientBoostingData): Uint8Array {
  const labels: ArrayLike<number> | undefined = data.labels;
  if (labels === undefined || labels.length !== data.rows) {
    throw new GradientBoostingError(
      'missing-labels',
      labels === undefined
        ? { key: 'error.gbdt.no-labels', params: { rows: data.rows } }
        : { key: 'error.gbdt.label-count', params: { rows: data.rows, labels: labels.length } },
    );
  }
  const bad: number[] = [];
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    if (y === 1) positives++;
    else if (y !== 0 && bad.length < 5) bad.push(i);
  }
  if (bad.length > 0)
    throw new GradientBoostingError(
      'invalid-label',
      { key: 'error.gbdt.invalid-label', params: { row: bad[0]!, value: labels[bad[0]!]! } },
      bad,
    );
  if (positives === 0 || positives === labels.length)
    throw new GradientBoostingError('one-class', {
      key: 'error.gbdt.one-class',
      params: { value: positives === 0 ? 0 : 1 },
    });
  return Uint8Array.from(labels);
}

function checkModel(model: GradientBoostingModel): void {
  if (
    model?.kind !== 'gradient-boosting-classifier' ||
    model.version !== 1 ||
    !Array.isArray(model.trees) ||
    !Number.isInteger(model.cols)
  ) {
    throw new GradientBoostingError('invalid-model', { key: 'error.gbdt.invalid-model' });
  }
}
