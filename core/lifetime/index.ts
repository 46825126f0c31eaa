// Buy-till-you-die models (issue 7): from purchase days to P(alive), expected
// purchases, CLV, value at risk and holdout diagnostics. Pure and deterministic.
export { LIFETIME_ERROR_CODES, LifetimeModelError, type LifetimeErrorCode } from './lifetime-error.js';
export { logGamma, digamma, logBeta, logAddExp, logHyp2f1, hyp2f1 } from './special-functions.js';
export {
  buildLifetimeSummary,
  summaryFromColumns,
  checkRepeatData,
  lifetimeSummaryOptionsSchema,
  TIME_UNITS,
  DAYS_PER_UNIT,
  type LifetimeSummary,
  type LifetimeSummaryOptions,
  type SummaryColumns,
  type RepeatPurchaseData,
  type TimeUnit,
} from './build-summary.js';
export { fitOptionsSchema, type FitOptions, type ParameterFit } from './fit-model.js';
export {
  TRANSACTION_PARAMETERS,
  type FittedTransactionModel,
  type TransactionModel,
  type TransactionModelName,
  type TransactionParams,
  type TransactionParameter,
} from './transaction-model.js';
export {
  fitBgNbd,
  bgNbdPAlive,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchasesIfAlive,
  bgNbdExpectedPurchasesIfAliveCurve,
  bgNbdExpectedPurchases,
  bgNbdProbabilityOfPurchases,
  BG_NBD,
} from './bg-nbd.js';
export {
  fitMbgNbd,
  mbgNbdPAlive,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdExpectedPurchasesIfAlive,
  mbgNbdExpectedPurchasesIfAliveCurve,
  mbgNbdExpectedPurchases,
  mbgNbdProbabilityOfPurchases,
  MBG_NBD,
} from './mbg-nbd.js';
export { TRANSACTION_MODELS } from './models.js';
export {
  fitGammaGamma,
  gammaGammaExpectedValue,
  GAMMA_GAMMA_PARAMETERS,
  type FittedGammaGamma,
  type GammaGammaParams,
  type GammaGammaParameter,
  type RepeatSpendData,
} from './gamma-gamma.js';
export {
  assessReliability,
  reliabilityOptionsSchema,
  type Reliability,
  type ReliabilityCode,
  type ReliabilityOptions,
  type ReliabilityReason,
} from './assess-reliability.js';
export {
  scoreLifetimes,
  churnReasonsOf,
  rankByValueAtRisk,
  scoreOptionsSchema,
  CHURN_REASON_BITS,
  MONTH_LENGTH,
  type ChurnReason,
  type LifetimeIntervals,
  type LifetimeModels,
  type LifetimeScores,
  type ScoreOptions,
} from './score-lifetimes.js';
export {
  evaluateHoldout,
  holdoutChartSpec,
  rankAuc,
  holdoutOptionsSchema,
  type HoldoutBucket,
  type HoldoutEvaluation,
  type HoldoutOptions,
  type VegaLiteSpec,
} from './evaluate-holdout.js';
export {
  simulateRepeatPurchases,
  sampleGamma,
  simulateOptionsSchema,
  type SimulateOptions,
  type SimulatedCustomers,
} from './simulate.js';
