// The public surface of the engine. Faces (cli, addin, bot) import from here.
export type { Cell } from './table/cell.js';
export { DataValidationError, type CellIssue, type IssueCode } from './report/cell-issue.js';
export type { CleaningReport } from './report/issue-log.js';
export { FIELD_IDS, isFieldId, type FieldId } from './schema/fields.js';
export { detectColumns, matchField, isRequiredField, type TableShape } from './headers/detect-columns.js';
export { normalizeHeader } from './headers/normalize-header.js';
export { findOwnColumns } from './headers/find-own-columns.js';
export { dayFromCivil, formatDay, parseDay, addDays, addMonths, diffDays, dayInTimeZone } from './parse/civil-day.js';
export {
  label,
  renderMessage,
  formatTags,
  type Locale,
  type LabelKey,
  type Message,
  type MessageParams,
} from './i18n/labels.js';
export { formatIssue, formatNote } from './i18n/format-issue.js';
export { CodedError, formatCodedError } from './i18n/coded-error.js';
export { RFM_SEGMENTS } from './rfm/rfm-segments.js';
export { RFM8_SEGMENTS } from './rfm/rfm8-classes.js';
export { assignTags, tagsOf, type TagId } from './tags/assign-tags.js';
export { STRATEGY_GROUPS, strategyLabelKeys, type StrategyGroup } from './strategies/strategy-groups.js';
export { nanColumn, type CustomerFeatures } from './features/customer-features.js';
export { applyScheme } from './segment/apply-scheme.js';
export { OptionsError, type SegmentOptionsInput } from './segment/segment-options.js';
export {
  createSegmenter,
  createAttributeReader,
  segmentTable,
  type Segmenter,
  type SegmentationResult,
  type AttributeTable,
  type RunNote,
  createOrderListSegmenter,
  planOrderLines,
  type OrderListSegmenter,
} from './segment/create-segmenter.js';
export type { CustomerOrders, CountedIssue, CellReason, LineTotals } from './features/accumulate-order-lists.js';
export { parseDate, type DateFormat } from './parse/parse-date.js';
export { parseNumber } from './parse/parse-number.js';
export { churnSummaryLines } from './segment/decide-churn.js';
export { summarizeTotal, type SegmentSummary } from './summary/summarize-segments.js';
export {
  compareSnapshots,
  snapshotOf,
  type Snapshot,
  type Migration,
  type MovedCustomer,
  type SnapshotCustomer,
} from './summary/compare-snapshots.js';
export { crossTabulate, BLANK_VALUE, OTHER_VALUE, type CrossTab } from './summary/cross-tabulate.js';
export { rfmMatrix, type RfmMatrix } from './summary/rfm-matrix.js';
export {
  segmentName,
  segmentColors,
  radarChartSpec,
  shareBarChartSpec,
  sharePieChartSpec,
  scatterChartSpec,
  migrationHeatmapSpec,
  type VegaLiteSpec,
} from './charts/index.js';
export {
  RESULT_COLUMNS,
  describeCustomer,
  resultHeaders,
  resultCells,
  customerColumns,
  customerCells,
  segmentLabel,
  tagLabel,
  type CustomerRecord,
} from './segment/describe-customer.js';
export { createRng, type Rng } from './random/create-rng.js';
export {
  LifetimeModelError,
  buildLifetimeSummary,
  summaryFromColumns,
  type LifetimeSummary,
  type TimeUnit,
  type FittedTransactionModel,
  type TransactionParams,
  fitBgNbd,
  fitMbgNbd,
  fitGammaGamma,
  type FittedGammaGamma,
  type GammaGammaParams,
  assessReliability,
  type Reliability,
  scoreLifetimes,
  evaluateHoldout,
  rankAuc,
  type HoldoutEvaluation,
  simulateRepeatPurchases,
  sampleGamma,
} from './lifetime/index.js';
export { parseSchemeId, SCHEME_IDS } from './segment/scheme-id.js';
export {
  SCHEMES,
  findScheme,
  formatSchemeHelp,
  formatSchemeTable,
  type SchemeEntry,
} from './segment/scheme-registry.js';
export { ConfigError, formatConfigError, parseConfigText, RULE_FIELD_IDS } from './rules/index.js';
// The task pane's threshold form (addin/taskpane/config-fields.ts) lists each scheme's editable numbers from these.
export {
  conditionKey,
  fieldLabel,
  leavesOf,
  RULE_PRESETS,
  valueKind,
  type Condition,
  type SegmentRule,
} from './rules/index.js';
export { DEFAULT_SLA_HOURS, VALUE_TIERS } from './tiers/index.js';
export { INDICATOR_GROUPS, resolveGradingOptions } from './grading/index.js';
export { clusterCustomers, type ClusterReport, KMeansError } from './kmeans/index.js';
export { dimensionTable, evaluateDimensions } from './dimensions/index.js';
export { ChurnInputError, churnEventsFromFeatures, predictChurn, type ChurnPrediction } from './churn/index.js';
// rankAuc comes through './lifetime/index.js' (re-exported from core/ml).
export { fitGradientBoosting, predictGradientBoosting } from './ml/index.js';
export { currencyOf, DEFAULT_CURRENCY, type Currency } from './money/currency.js';
export { formatMoney, excelMoneyFormat } from './money/format-money.js';
export { currencyOfCell, currencyOfHeader } from './money/detect-currency.js';
export { maskName } from './text/mask-name.js';
