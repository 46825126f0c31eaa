import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/random/create-rng.js';
import { OptionsError } from '../../../core/util/parse-options.js';
import {
  featureImportance,
  fitGradientBoosting,
  GradientBoostingError,
  predictGradientBoosting,
  rankAuc,
  type GradientBoostingData,
  type GradientBoostingModel,
} from '../../../core/ml/index.js';

const column = (values: readonly number[], labels?: readonly number[]): GradientBoostingData => ({
  features: Float64Array.from(values),
  rows: values.length,
  cols: 1,
  ...(labels ? { labels: Uint8Array.from(labels) } : {}),
});
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const leaves = (model: GradientBoostingModel) => model.trees.map((tree) => tree.feature.filter((f) => f < 0).length);

function thrown(run: () => unknown): GradientBoostingError {
  try {
    run();
  } catch (error) {
    if (error instanceof GradientBoostingError) return error;
    throw error;
  }
  throw new Error('expected a GradientBoostingError');
}

describe('fitGradientBoosting: hand-computed stumps', () => {
  it('balanced 1-D data: baseline 0, split at 2.5, Newton leaves ∓0.1 × 2', () => {
    // p = ½ everywhere: g = ∓½, h = ¼. Split after x = 2: left G = 1, H = ½ → −2; right +2; gain 2 + 2 − 0 = 4.
    const data = column([1, 2, 3, 4], [0, 0, 1, 1]);
    const model = fitGradientBoosting(data, { maxIter: 1, minSamplesLeaf: 1, maxDepth: 1 });
    expect(model.baseline).toBe(0);
    expect(model.binEdges).toEqual([[1.5, 2.5, 3.5]]);
    const [tree] = model.trees;
    expect(tree!.feature).toEqual([0, -1, -1]);
    expect(tree!.threshold[0]).toBe(2.5);
    // −G / (H + λ + 1e-15) × 0.1: sklearn's guard moves the 16th digit.
    expect(tree!.value[0]).toBe(0);
    expect(tree!.value[1]).toBeCloseTo(-0.2, 14);
    expect(tree!.value[2]).toBeCloseTo(0.2, 14);
    expect(tree!.gain[0]).toBeCloseTo(4, 12);
    const p = predictGradientBoosting(model, data);
    [-0.2, -0.2, 0.2, 0.2].forEach((raw, r) => expect(p[r]).toBeCloseTo(sigmoid(raw), 14));
  });

  it('one positive in four: baseline log(1/3), split at 3.5, leaves −0.1 × 4/3 and +0.1 × 4', () => {
    // p = ¼: g = ¼ (y = 0) or −¾ (y = 1), h = 3/16. Split after x = 3: left G = ¾, H = 9/16 → −4/3; right G = −¾, H = 3/16 → 4.
    const data = column([1, 2, 3, 4], [0, 0, 0, 1]);
    const model = fitGradientBoosting(data, { maxIter: 1, minSamplesLeaf: 1, maxDepth: 1 });
    expect(model.baseline).toBeCloseTo(Math.log(1 / 3), 15);
    const [tree] = model.trees;
    expect(tree!.threshold[0]).toBe(3.5);
    expect(tree!.value[1]).toBeCloseTo((-0.1 * 4) / 3, 12);
    expect(tree!.value[2]).toBeCloseTo(0.4, 12);
    // Gains by threshold: 1.5 → 4/9, 2.5 → 4/3, 3.5 → 4: the last wins.
    expect(tree!.gain[0]).toBeCloseTo(4, 6);
  });

  it('missing values go the learned way: NaN rows behave like the low x', () => {
    const data = column([1, 2, 3, 4, Number.NaN, Number.NaN], [1, 1, 0, 0, 1, 1]);
    const model = fitGradientBoosting(data, { maxIter: 1, minSamplesLeaf: 1, maxDepth: 1 });
    const [tree] = model.trees;
    expect(tree!.threshold[0]).toBe(2.5);
    expect(tree!.missingLeft[0]).toBe(true);
    const p = predictGradientBoosting(model, column([1, 4, Number.NaN]));
    expect(p[2]).toBe(p[0]);
    expect(p[2]).toBeGreaterThan(p[1]!);
  });

  it('NaN never seen in training goes to the child with more rows (sklearn)', () => {
    const data = column([1, 2, 3, 4, 5], [0, 0, 1, 1, 1]);
    const model = fitGradientBoosting(data, { maxIter: 1, minSamplesLeaf: 1, maxDepth: 1 });
    expect(model.trees[0]!.threshold[0]).toBe(2.5);
    expect(model.trees[0]!.missingLeft[0]).toBe(false); // 2 rows left, 3 right
    const p = predictGradientBoosting(model, column([5, Number.NaN]));
    expect(p[1]).toBe(p[0]);
  });

  it('minSamplesLeaf forbids a split that would leave fewer rows on a side', () => {
    const data = column([1, 2, 3, 4], [0, 0, 0, 1]);
    const model = fitGradientBoosting(data, { maxIter: 1, minSamplesLeaf: 2, maxDepth: 1 });
    expect(model.trees[0]!.threshold[0]).toBe(2.5); // 3.5 would leave one row on the right
  });

  it('a node with fewer than 2 × minSamplesLeaf rows is a leaf of value 0 at the root (sklearn)', () => {
    const model = fitGradientBoosting(column([1, 2, 3], [0, 1, 1]), { maxIter: 3 });
    expect(model.trees.map((tree) => tree.value)).toEqual([[0], [0], [0]]);
    expect(Array.from(featureImportance(model))).toEqual([0]);
  });
});

describe('fitGradientBoosting: behaviour', () => {
  /** 400 rows: x0 decides (x0 ≥ 100), x1 is noise, x2 is constant. */
  function toy(seed: number): GradientBoostingData {
    const rng = createRng(seed);
    const rows = 400,
      cols = 3;
    const features = new Float64Array(rows * cols),
      labels = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) {
      const x0 = Math.floor(rng.next() * 200);
      features.set([x0, rng.normal(), 7], r * cols);
      labels[r] = x0 >= 100 ? 1 : 0;
    }
    return { features, rows, cols, labels };
  }

  it('monotone toy data: every row on the right side of ½, AUC 1, all importance on x0', () => {
    const data = toy(1);
    const model = fitGradientBoosting(data, { maxIter: 20 });
    const p = predictGradientBoosting(model, data);
    for (let r = 0; r < data.rows; r++) expect(p[r]! > 0.5).toBe(data.labels![r] === 1);
    expect(rankAuc(p, data.labels!)).toBe(1);
    const importance = featureImportance(model);
    expect(importance[0]).toBeGreaterThan(0.99);
    expect(importance[2]).toBe(0); // a constant column has no bin edge to split on
    expect(importance.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('respects maxLeafNodes and maxDepth', () => {
    const data = toy(2);
    data.labels!.forEach((_, r) => (data.labels![r] = data.features[r * 3]! % 7 < 3 ? 1 : 0)); // many thresholds to find
    expect(Math.max(...leaves(fitGradientBoosting(data, { maxIter: 5, maxLeafNodes: 5, minSamplesLeaf: 2 })))).toBe(5);
    const shallow = fitGradientBoosting(data, { maxIter: 5, maxDepth: 2, minSamplesLeaf: 2 });
    expect(Math.max(...leaves(shallow))).toBeLessThanOrEqual(4);
  });

  it('is deterministic: same data, options and seed give the same model; the seed matters only where it draws', () => {
    const data = toy(3);
    const options = { maxIter: 15, binSubsample: 150, earlyStopping: true, seed: 7 } as const;
    expect(fitGradientBoosting(data, options)).toEqual(fitGradientBoosting(data, options));
    expect(fitGradientBoosting(data, { ...options, seed: 8 }).binEdges).not.toEqual(
      fitGradientBoosting(data, options).binEdges,
    );
    // Without subsampling or early stopping the seed draws nothing.
    expect(fitGradientBoosting(data, { maxIter: 5, seed: 1 })).toEqual({
      ...fitGradientBoosting(data, { maxIter: 5, seed: 2 }),
      options: expect.anything(),
    });
  });

  it('early stopping ends the fit when the validation loss stops improving', () => {
    const data = toy(4);
    const model = fitGradientBoosting(data, {
      maxIter: 500,
      earlyStopping: true,
      nIterNoChange: 3,
      tol: 1e-3,
      learningRate: 0.5,
    });
    expect(model.iterations).toBeLessThan(500);
    expect(model.validationLoss).toHaveLength(model.iterations + 1);
    const last = model.validationLoss.slice(-4);
    expect(Math.min(...last.slice(1))).toBeGreaterThanOrEqual(last[0]! - 1e-3);
  });

  it('early stopping on data too small to hold rows back grows every tree', () => {
    const model = fitGradientBoosting(column([1, 2], [0, 1]), {
      maxIter: 12,
      earlyStopping: true,
      nIterNoChange: 2,
      minSamplesLeaf: 1,
    });
    expect([model.iterations, model.validationLoss]).toEqual([12, []]);
  });

  it('a model survives a JSON round trip with the same predictions, and the input is not modified', () => {
    const data = toy(5);
    const before = Float64Array.from(data.features);
    const model = fitGradientBoosting(data, { maxIter: 10 });
    expect(data.features).toEqual(before);
    const copy = JSON.parse(JSON.stringify(model)) as GradientBoostingModel;
    expect(predictGradientBoosting(copy, data)).toEqual(predictGradientBoosting(model, data));
  });

  it('rows in another order give the same predictions (seeded data, 30 trees)', () => {
    const data = toy(6);
    const order = Array.from({ length: data.rows }, (_, r) => r).reverse();
    const permuted = permute(data, order);
    const a = predictGradientBoosting(fitGradientBoosting(data, { maxIter: 30 }), data);
    const b = predictGradientBoosting(fitGradientBoosting(permuted, { maxIter: 30 }), data);
    for (let r = 0; r < data.rows; r++) expect(b[r]).toBeCloseTo(a[r]!, 9);
  });
});

function permute(data: GradientBoostingData, order: readonly number[]): GradientBoostingData {
  const features = new Float64Array(data.features.length),
    labels = new Uint8Array(data.rows);
  order.forEach((from, to) => {
    features.set(data.features.subarray(from * data.cols, (from + 1) * data.cols), to * data.cols);
    labels[to] = data.labels![from]!;
  });
  return { features, rows: data.rows, cols: data.cols, labels };
}

describe('fitGradientBoosting: properties', () => {
  const value = fc.oneof(
    { weight: 1, arbitrary: fc.constant(Number.NaN) },
    { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  );
  /** Small tables with both classes; `balanced` makes exactly half the labels 1. */
  const table = (balanced: boolean) =>
    fc
      .record({ half: fc.integer({ min: 1, max: 30 }), cols: fc.integer({ min: 1, max: 3 }), seed: fc.integer() })
      .chain(({ half, cols, seed }) =>
        fc.record({
          features: fc.array(value, { minLength: 2 * half * cols, maxLength: 2 * half * cols }),
          labels: balanced
            ? fc.shuffledSubarray(
                Array.from({ length: 2 * half }, (_, i) => (i < half ? 1 : 0)),
                { minLength: 2 * half, maxLength: 2 * half },
              )
            : fc
                .array(fc.integer({ min: 0, max: 1 }), { minLength: 2 * half, maxLength: 2 * half })
                .map((ys) => [1, 0, ...ys.slice(2)]),
          cols: fc.constant(cols),
          seed: fc.constant(seed),
        }),
      )
      .map(({ features, labels, cols, seed }): GradientBoostingData & { seed: number } => ({
        features: Float64Array.from(features),
        rows: labels.length,
        cols,
        labels: Uint8Array.from(labels),
        seed,
      }));

  it('probabilities are finite and strictly between 0 and 1, one per row', () => {
    fc.assert(
      fc.property(table(false), (data) => {
        const p = predictGradientBoosting(
          fitGradientBoosting(data, { maxIter: 10, minSamplesLeaf: 1, seed: data.seed }),
          data,
        );
        expect(p).toHaveLength(data.rows);
        for (const v of p) expect(v > 0 && v < 1).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('permuting the rows leaves the first tree and its predictions unchanged (balanced labels: every sum is exact)', () => {
    // With half the labels 1 the baseline is 0, gradients ±½ and hessians ¼: all sums are exact in float64,
    // so the split search sees the same numbers in any row order and the tree must be identical.
    fc.assert(
      fc.property(table(true), fc.integer(), (data, shuffleSeed) => {
        const rng = createRng(shuffleSeed);
        const order = Array.from({ length: data.rows }, (_, r) => r);
        for (let i = order.length - 1; i > 0; i--) {
          const j = rng.int(0, i);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        const options = { maxIter: 1, minSamplesLeaf: 1 };
        const a = predictGradientBoosting(fitGradientBoosting(data, options), data);
        const b = predictGradientBoosting(fitGradientBoosting(permute(data, order), options), data);
        expect(b).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });
});

describe('errors as data', () => {
  it('no rows', () => {
    const error = thrown(() =>
      fitGradientBoosting({ features: new Float64Array(0), rows: 0, cols: 1, labels: new Uint8Array(0) }),
    );
    expect([error.code, error.message]).toEqual(['no-rows', 'rows must be a whole number ≥ 1, got 0.']);
  });

  it('features of the wrong length', () => {
    const error = thrown(() =>
      fitGradientBoosting({ features: new Float64Array(5), rows: 3, cols: 2, labels: new Uint8Array(3) }),
    );
    expect([error.code, error.message]).toEqual([
      'shape-mismatch',
      'features must be a Float64Array of rows × cols = 6 values, got 5.',
    ]);
  });

  it('no labels, or too few', () => {
    expect(thrown(() => fitGradientBoosting(column([1, 2]))).code).toBe('missing-labels');
    expect(thrown(() => fitGradientBoosting({ ...column([1, 2]), labels: Uint8Array.of(1) })).message).toBe(
      'Fitting needs one 0/1 label per row: 2 rows, 1 labels.',
    );
  });

  it('a label that is not 0 or 1 (NaN included) names its row', () => {
    const error = thrown(() => fitGradientBoosting({ ...column([1, 2, 3]), labels: Uint8Array.of(0, 2, 1) }));
    expect([error.code, error.message, error.rows]).toEqual([
      'invalid-label',
      'Labels must be 0 or 1: row 1 has 2.',
      [1],
    ]);
    const nan = thrown(() =>
      fitGradientBoosting({ ...column([1, 2, 3]), labels: Float64Array.of(0, 1, Number.NaN) as unknown as Uint8Array }),
    );
    expect([nan.code, nan.message]).toEqual(['invalid-label', 'Labels must be 0 or 1: row 2 has NaN.']);
  });

  it('one class only', () => {
    const error = thrown(() => fitGradientBoosting(column([1, 2, 3], [1, 1, 1])));
    expect([error.code, error.message]).toEqual(['one-class', 'Every label is 1: fitting needs rows of both classes.']);
  });

  it('scoring data with other columns than the model, or something that is not a model', () => {
    const model = fitGradientBoosting(column([1, 2, 3, 4], [0, 0, 1, 1]), { maxIter: 1, minSamplesLeaf: 1 });
    const error = thrown(() => predictGradientBoosting(model, { features: new Float64Array(4), rows: 2, cols: 2 }));
    expect([error.code, error.message]).toEqual([
      'shape-mismatch',
      'The data has 2 feature columns but the model was fitted on 1.',
    ]);
    expect(
      thrown(() => predictGradientBoosting({ ...model, version: 2 } as unknown as GradientBoostingModel, column([1])))
        .code,
    ).toBe('invalid-model');
    expect(thrown(() => featureImportance({} as GradientBoostingModel)).code).toBe('invalid-model');
  });

  it('bad options are named, all at once', () => {
    expect(() => fitGradientBoosting(column([1, 2], [0, 1]), { maxIter: 0, maxBins: 300 })).toThrow(OptionsError);
    expect(() => fitGradientBoosting(column([1, 2], [0, 1]), { maxIter: 0, maxBins: 300 })).toThrow(
      /"maxIter"[\s\S]*"maxBins"/,
    );
    expect(() => fitGradientBoosting(column([1, 2], [0, 1]), { learning_rate: 0.1 } as never)).toThrow(
      'Unknown option "learning_rate".',
    );
  });
});
