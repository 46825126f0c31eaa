import type { BacktestData, CandidateRun } from './predict-churn.js';

/**
 * The supervised candidate (gradient-boosted trees on MODEL_FEATURES). The
 * booster (core/ml/gradient-boosting.ts) is being written by another
 * engineer; until it lands this candidate reports itself unavailable.
 */
export function gradientBoostingCandidate(data: BacktestData): CandidateRun {
  void data;
  throw new Error('gradient boosting is not available in this build yet (core/ml)');
}
