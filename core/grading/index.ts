// Weighted grading scorecard (SPEC §5e `d-grading-scorecard`).
export { gradeCustomers, type GradingNote, type GradingResult, type IndicatorUse } from './grade-customers.js';
export {
  gradingOptionsSchema,
  INDICATOR_GROUPS,
  isQualitative,
  QUALITATIVE_FIELDS,
  resolveGradingOptions,
  type GradingOptions,
  type GradingOptionsInput,
  type IndicatorGroup,
  type IndicatorOptions,
  type QualitativeField,
} from './grading-options.js';
