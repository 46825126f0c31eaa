import { fitGradientBoosting, predictGradientBoosting, type GradientBoostingModel } from '../ml/index.js';
import type { ChurnAttributes } from './churn-events.js';
import { featureMatrix, MODEL_FEATURES, type OriginFeatures } from './origin-features.js';
import type { BacktestData, CandidateRun } from './predict-churn.js';
import { sampleRows } from './sample-rows.js';

/** sklearn's threshold for early_stopping='auto'. */
const EARLY_STOPPING_ROWS = 10_000;

/**
 * The supervised candidate: gradient-boosted trees (core/ml, sklearn
 * HistGradientBoosting defaults) on MODEL_FEATURES. Trains on the origin
 * t − 2H (labels [t − 2H, t − H)), is measured at t − H; when chosen it is
 * refit at t − H (labels [t − H, t)) and scores features as of t. Large
 * origins train on a seeded sample of `maxTrainingRows` rows.
 * @throws GradientBoostingError when a fit is impossible (e.g. one class only).
 */
export function gradientBoostingCandidate(data: BacktestData): CandidateRun {
  const { train, test, now, events } = data;
  const cols = MODEL_FEATURES.length;
  // The test origin is both predicted and refit on: build each matrix once.
  const matrices = new Map<OriginFeatures, Float64Array>();
  const matrix = (f: OriginFeatures): Float64Array => {
    let m = matrices.get(f);
    if (!m) matrices.set(f, (m = featureMatrix(f, events.attributes)));
    return m;
  };
  const fit = (f: OriginFeatures, lapsed: Uint8Array) => {
    const rows = sampleRows(f.population.length, data.maxTrainingRows, data.seed);
    const all = matrix(f);
    const features = rows ? new Float64Array(rows.length * cols) : all;
    const labels = rows ? new Uint8Array(rows.length) : lapsed;
    if (rows)
      rows.forEach((r, i) => {
        features.set(all.subarray(r * cols, (r + 1) * cols), i * cols);
        labels[i] = lapsed[r]!;
      });
    // sklearn's early_stopping='auto': on above 10,000 rows (10% held out, stop after 10 trees without gain).
    // Churn signals are weak, so the fit stops early and the back-test and refit cost a fraction of 100 trees.
    return fitGradientBoosting(
      { features, rows: labels.length, cols, labels },
      { seed: data.seed, earlyStopping: labels.length > EARLY_STOPPING_ROWS },
    );
  };
  const predict = (model: ReturnType<typeof fit>, f: OriginFeatures) =>
    predictGradientBoosting(model, { features: matrix(f), rows: f.population.length, cols });
  const testProbability = predict(fit(train, train.lapsed), test);
  matrices.delete(train); // only the test origin's matrix is needed again (the refit)
  const final = () => {
    const model = fit(test, test.lapsed);
    matrices.clear();
    return predictInBlocks(model, now, events.attributes);
  };
  return { testScore: testProbability, testProbability, final };
}

/** Rows per feature block when scoring everyone: 64k × 15 doubles = 7.9 MB instead of 120 MB at 1M customers. */
const PREDICT_BLOCK_ROWS = 65_536;

/** Probabilities for the whole origin, its feature matrix built and scored a block of rows at a time (rows are independent). */
function predictInBlocks(
  model: GradientBoostingModel,
  f: OriginFeatures,
  attributes: ChurnAttributes | undefined,
): Float64Array {
  const m = f.population.length;
  if (m <= PREDICT_BLOCK_ROWS)
    return predictGradientBoosting(model, {
      features: featureMatrix(f, attributes),
      rows: m,
      cols: MODEL_FEATURES.length,
    });
  const out = new Float64Array(m);
  for (let from = 0; from < m; from += PREDICT_BLOCK_ROWS) {
    const rows = Math.min(PREDICT_BLOCK_ROWS, m - from);
    const features = featureMatrix(f, attributes, from, rows);
    out.set(predictGradientBoosting(model, { features, rows, cols: MODEL_FEATURES.length }), from);
  }
  return out;
}
