// Dimension evaluation (SPEC §4, Table 3 细分维度评估表).
export { dimensionTable, type LocalizedTable } from './dimension-table.js';
export {
  DEFAULT_OPERABILITY,
  dimensionName,
  dimensionOptionsSchema,
  dimensionScore,
  evaluateDimensions,
  relevanceFromCorrelation,
  resolveDimensionOptions,
  type AvailabilityBand,
  type DimensionEvaluation,
  type DimensionField,
  type DimensionOptions,
  type DimensionOptionsInput,
  type DimensionRow,
} from './evaluate-dimensions.js';
export { pearson, type Correlation } from './pearson.js';
