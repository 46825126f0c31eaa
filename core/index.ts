// The public surface of the engine. Faces (cli, addin, bot) import from here.
export type { Cell, RawRow } from './table/cell.js';
export { cellText, isEmptyCell, isFormulaError } from './table/cell-text.js';
export { DataValidationError, ISSUE_CODES, type CellIssue, type IssueCode } from './report/cell-issue.js';
export { IssueLog, type CleaningReport } from './report/issue-log.js';
export { FIELDS, FIELD_IDS, getField, isFieldId, type FieldDefinition, type FieldId } from './schema/fields.js';
export { detectColumns, matchField, isRequiredField, REQUIRED_COLUMNS, type ColumnPlan, type TableShape } from './headers/detect-columns.js';
export { normalizeHeader } from './headers/normalize-header.js';
export { parseDate, type ParsedDate, type DateFormat } from './parse/parse-date.js';
export { parseNumber, type ParsedNumber } from './parse/parse-number.js';
export { dayFromCivil, formatDay, addMonths, civilFromDay, parseDay, addDays, diffDays, dayInTimeZone } from './parse/civil-day.js';
export { label, formatTags, LOCALES, type Locale, type LabelKey } from './i18n/labels.js';
export { scoreQuintiles, type QuintileScores, type ScoreBin } from './rfm/score-quintiles.js';
export { RFM_SEGMENTS, segmentOfCode, codesOf, type RfmSegment } from './rfm/rfm-segments.js';
export { RFM8_SEGMENTS, classifyRfm8, type Rfm8Segment } from './rfm/rfm8-classes.js';
export { TAG_IDS, TAG_THRESHOLDS, assignTags, tagsOf, hasTag, type TagId, type TagResult } from './tags/assign-tags.js';
export { STRATEGY_GROUPS, STRATEGIES, nextDueDay, strategyLabelKeys, type StrategyGroup } from './strategies/strategy-groups.js';
export { LIFECYCLE_STAGES, type LifecycleStage } from './features/assign-lifecycle.js';
export { nanColumn, type CustomerFeatures } from './features/customer-features.js';
export { applyScheme, strategyGroupOf, type Scheme, type SchemeResult } from './segment/apply-scheme.js';
export { resolveSegmentOptions, segmentOptionsSchema, OptionsError, type SegmentOptions, type SegmentOptionsInput } from './segment/segment-options.js';
export { createSegmenter, createAttributeReader, segmentTable, type Segmenter, type SegmentationResult, type AttributeTable, type RunNote } from './segment/create-segmenter.js';
export { decideChurn, churnSummaryLines, type ChurnTruth, type ChurnSource, type ChurnDecisionModel } from './segment/decide-churn.js';
export { summarizeSegments, summarizeTotal, type SegmentSummary } from './summary/summarize-segments.js';
export { compareSnapshots, snapshotOf, type Snapshot, type Migration, type MovedCustomer, type SnapshotCustomer } from './summary/compare-snapshots.js';
export { crossTabulate, BLANK_VALUE, OTHER_VALUE, type CrossTab } from './summary/cross-tabulate.js';
export { rfmMatrix, type RfmMatrix } from './summary/rfm-matrix.js';
export { segmentName, radarChartSpec, shareBarChartSpec, sharePieChartSpec, scatterChartSpec, migrationHeatmapSpec, type VegaLiteSpec } from './charts/index.js';
export {
  RESULT_COLUMNS,
  CUSTOMER_COLUMNS,
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
export * from './lifetime/index.js';
export { parseSchemeId, SCHEME_IDS, type SchemeChoice, type SchemeKind } from './segment/scheme-id.js';
export { runScheme, clusterSegmentId } from './segment/run-scheme.js';
export type { SchemeColumns, SchemeTags, SchemeChurn, SchemeDetail, SchemeNote } from './segment/apply-scheme.js';
export * from './rules/index.js';
export * from './kmeans/index.js';
export * from './tiers/index.js';
export * from './grading/index.js';
export * from './dimensions/index.js';
export * from './churn/index.js';
// rankAuc comes through './lifetime/index.js' (re-exported from core/ml).
export { fitGradientBoosting, predictGradientBoosting, featureImportance, gradientBoostingOptionsSchema, GradientBoostingError, GRADIENT_BOOSTING_ERROR_CODES, type GradientBoostingData, type GradientBoostingModel, type GradientBoostingOptions, type GradientBoostingErrorCode, type RegressionTree } from './ml/index.js';
export { currencyOf, DEFAULT_CURRENCY, type Currency } from './money/currency.js';
export { formatMoney, excelMoneyFormat } from './money/format-money.js';
export { currencyOfCell, currencyOfHeader } from './money/detect-currency.js';
