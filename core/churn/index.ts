// Churn answers a salesperson can trust (issue 11): P(no purchase in the next
// H days) from a model chosen by back-test on the customer's own history.
export { CHURN_ERROR_CODES, ChurnInputError, type ChurnErrorCode } from './churn-error.js';
export {
  indexPurchases,
  spendInLastYear,
  churnEventsFromFeatures,
  type ChurnEvents,
  type ChurnAttributes,
  type PurchaseIndex,
} from './churn-events.js';
export {
  computeOriginFeatures,
  featureMatrix,
  findOriginPopulation,
  MODEL_FEATURES,
  type OriginFeatures,
  type OriginPopulation,
} from './origin-features.js';
export { CHURN_RULES, CHURN_RULE_THRESHOLDS, ruleChurnBits, type ChurnRule } from './churn-rules.js';
export { fitIsotonic, applyIsotonic, type IsotonicMap } from './calibrate-isotonic.js';
export { precisionAtK, maxF1Threshold } from './churn-metrics.js';
export {
  noPurchaseProbability,
  assessBtydFit,
  fitBtydAt,
  type DegenerateFit,
  type BtydOriginFit,
} from './btyd-churn.js';
export { churnReasonsAt, formatChurnReasons, type ChurnReasonItem } from './churn-reasons.js';
export {
  predictChurn,
  churnOptionsSchema,
  CHURN_MODELS,
  CHURN_NOTE_CODES,
  type ChurnOptions,
  type ChurnPrediction,
  type ChurnCandidate,
  type ChurnModelName,
  type CandidateStatus,
  type ChurnNote,
  type ChurnNoteCode,
} from './predict-churn.js';
