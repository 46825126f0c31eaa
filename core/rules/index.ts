// Rule-based segments with explanations (SPEC §5 general rules, §5a B, §5b, §5f flag, §6 tags).
export { ConfigError, configProblem, formatConfigError, formatConfigIssues, parseConfigText } from './config-error.js';
export {
  applyRules,
  type ApplyRulesOptions,
  type IndustryMean,
  type RuleNote,
  type RuleSchemeResult,
  type RuleSkip,
} from './apply-rules.js';
export { ruleChurnFlags, type ChurnFlags } from './churn-flag.js';
export {
  MAINTENANCE_TIERS,
  maintenanceStrategy,
  type MaintenanceStrategy,
  type MaintenanceTier,
} from './maintenance-strategies.js';
export {
  CATEGORY_FIELDS,
  fieldLabel,
  formatNumber,
  formatValue,
  isRuleField,
  readRuleField,
  RULE_FIELD_IDS,
  valueKind,
  type CategoryField,
  type RuleFieldId,
  type ValueKind,
} from './rule-fields.js';
export {
  A_STEP4_RULES,
  A_TABLE5_RULES,
  B_MAINTENANCE_TIERS,
  B_RFM_DEFINITIONS,
  DEFAULT_RULE_PRESET,
  isRulePresetId,
  RULE_PRESET_IDS,
  RULE_PRESETS,
  type RulePresetId,
} from './rule-presets.js';
export { conditionKey, leavesOf } from './rule-tree.js';
export type {
  AllGroup,
  AnyGroup,
  BetweenCondition,
  CompareCondition,
  Comparison,
  Condition,
  InlineLabel,
  RuleNode,
  RulePreset,
  SegmentRule,
  TagRule,
} from './rule-types.js';
export {
  contradictions,
  loadRulesConfig,
  mergeOverrides,
  parseRulesConfig,
  resolveRulePreset,
  type PresetOverrides,
  type RuleOverrides,
  type RulesConfig,
  type ThresholdOverride,
} from './rules-config.js';
