// Supervised learning for churn (SPEC §5f): histogram gradient boosting, pure and seeded.
export {
  fitGradientBoosting,
  predictGradientBoosting,
  featureImportance,
  gradientBoostingOptionsSchema,
  type GradientBoostingData,
  type GradientBoostingModel,
  type GradientBoostingOptions,
  type RegressionTree,
} from './gradient-boosting.js';
export {
  GradientBoostingError,
  GRADIENT_BOOSTING_ERROR_CODES,
  type GradientBoostingErrorCode,
} from './gradient-boosting-error.js';
export { findBinEdges, binOf } from './bin-features.js';
export { rankAuc } from './rank-auc.js';
