// Value tiers with sub-tiers and service levels (SPEC §5d `c-value-tiers`).
export {
  assignValueTiers,
  DEFAULT_SLA_HOURS,
  DEFAULT_SUB_TIERS,
  resolveValueTierOptions,
  VALUE_TIER_SEGMENTS,
  VALUE_TIERS,
  valueTierOptionsSchema,
  type SubTierDefinition,
  type ValueTier,
  type ValueTierOptions,
  type ValueTierOptionsInput,
  type ValueTierResult,
} from './value-tiers.js';
