import { fitGradientBoosting, predictGradientBoosting } from '../ml/index.js';
import { createRng } from '../random/create-rng.js';
import { featureMatrix, MODEL_FEATURES, type OriginFeatures } from './origin-features.js';
import type { BacktestData, CandidateRun } from './predict-churn.js';

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
  const fit = (f: OriginFeatures, lapsed: Uint8Array) => {
    const rows = sampleRows(f.population.length, data.maxTrainingRows, data.seed);
    const all = featureMatrix(f, events.attributes);
    const features = rows ? new Float64Array(rows.length * cols) : all;
    const labels = rows ? new Uint8Array(rows.length) : lapsed;
    if (rows) rows.forEach((r, i) => { features.set(all.subarray(r * cols, (r + 1) * cols), i * cols); labels[i] = lapsed[r]!; });
    return fitGradientBoosting({ features, rows: labels.length, cols, labels }, { seed: data.seed });
  };
  const predict = (model: ReturnType<typeof fit>, f: OriginFeatures) => predictGradientBoosting(model, { features: featureMatrix(f, events.attributes), rows: f.population.length, cols });
  const testProbability = predict(fit(train, train.lapsed), test);
  return { testScore: testProbability, testProbability, final: () => predict(fit(test, test.lapsed), now) };
}

/** A seeded sample of row indices (ascending), or undefined when all rows fit. */
function sampleRows(rows: number, max: number, seed: number): Int32Array | undefined {
  if (rows <= max) return undefined;
  const rng = createRng(seed);
  // Selection sampling (Knuth's algorithm S): exactly `max` rows, in order.
  const out = new Int32Array(max);
  let chosen = 0;
  for (let r = 0; r < rows && chosen < max; r++) if (rng.next() * (rows - r) < max - chosen) out[chosen++] = r;
  return out;
}
