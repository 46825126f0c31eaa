import { groupDigits } from '../money/group-digits.js';
import {
  BEHAVIOUR_FIELDS,
  type AttributeField,
  type BehaviourField,
  type CustomerFeatures,
} from '../features/customer-features.js';
import { label, type LabelKey, type Locale } from '../i18n/labels.js';
import { getField } from '../schema/fields.js';

/** How a field's values read in an explanation. */
export type ValueKind = 'days' | 'count' | 'money' | 'rate' | 'number';

/** The engine's own per-customer columns a rule can test (SPEC §2 derived metrics). */
const CORE_FIELDS = [
  'recencyDays',
  'frequency6m',
  'historicalFrequency',
  'amount6m',
  'averageOrderValue',
  'cumulativeSpend',
  'tenureDays',
] as const;

/**
 * Every numeric field a rule, an indicator or a dimension can name, by the
 * SPEC §2 field id. `historicalFrequency` and `cumulativeSpend` are the
 * engine's lifetime `frequency` and `monetary` (an input column of that name
 * wins over orders there, SPEC §2).
 */
export const RULE_FIELD_IDS = [...CORE_FIELDS, ...BEHAVIOUR_FIELDS] as const;
export type RuleFieldId = (typeof RULE_FIELD_IDS)[number];

/** Text attributes usable as categories (dimension candidates, qualitative indicators). */
export const CATEGORY_FIELDS = [
  'industry',
  'region',
  'companySize',
  'channel',
  'gender',
  'membershipLevel',
] as const satisfies readonly AttributeField[];
export type CategoryField = (typeof CATEGORY_FIELDS)[number];

const CORE_KIND: Readonly<Record<(typeof CORE_FIELDS)[number], ValueKind>> = {
  recencyDays: 'days',
  frequency6m: 'count',
  historicalFrequency: 'count',
  amount6m: 'money',
  averageOrderValue: 'money',
  cumulativeSpend: 'money',
  tenureDays: 'days',
};

const isCore = (id: RuleFieldId): id is (typeof CORE_FIELDS)[number] => (CORE_FIELDS as readonly string[]).includes(id);

/** Narrows a string to a rule field id. */
export function isRuleField(value: string): value is RuleFieldId {
  return (RULE_FIELD_IDS as readonly string[]).includes(value);
}

/** How values of `field` are formatted. */
export function valueKind(field: RuleFieldId): ValueKind {
  if (isCore(field)) return CORE_KIND[field];
  const kind = getField(field).kind;
  return kind === 'money' || kind === 'count' || kind === 'days' || kind === 'rate' ? kind : 'number';
}

function coreColumn(features: CustomerFeatures, field: (typeof CORE_FIELDS)[number]): Float64Array {
  switch (field) {
    case 'recencyDays':
      return features.recencyDays;
    case 'frequency6m':
      return features.frequency6m;
    case 'historicalFrequency':
      return features.frequency;
    case 'amount6m':
      return features.amount6m;
    case 'averageOrderValue':
      return features.averageOrderValue;
    case 'cumulativeSpend':
      return features.monetary;
    case 'tenureDays':
      return features.tenureDays;
  }
}

/**
 * The column of `field`, or undefined when the table does not have it: a
 * behaviour column that was never read, or an engine column that is NaN for
 * every customer (e.g. frequency6m from a customer table without that
 * column). Per-customer NaN inside a present column is a missing value, not a
 * missing column.
 */
export function readRuleField(features: CustomerFeatures, field: RuleFieldId): Float64Array | undefined {
  const column = isCore(field) ? coreColumn(features, field) : features.behaviour[field as BehaviourField];
  if (!column) return undefined;
  if (features.count === 0) return column;
  for (let c = 0; c < column.length; c++) if (!Number.isNaN(column[c]!)) return column;
  return undefined;
}

/** The localized name of a field (`6-month frequency` / `近6个月消费频次`). */
export function fieldLabel(field: RuleFieldId, locale: Locale): string {
  return label(`field.${field}` as LabelKey, locale);
}

// en-US grouping in both locales: the sources themselves write 1,500 and 85,000.
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A number as explanations show it: grouped, at most 2 decimals (1,620; 0.5). */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '—';
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '-∞';
  // Whole numbers (days, orders, most amounts) without the ICU call; -0 is written 0 as Intl would after `+ 0`.
  if (Number.isSafeInteger(x)) return groupDigits(x + 0);
  return NUMBER.format(x + 0);
}

/** A value of `kind` as explanations show it: rates as percentages (0.95 → 95%). */
export function formatValue(x: number, kind: ValueKind): string {
  return kind === 'rate' && Number.isFinite(x) ? `${formatNumber(x * 100)}%` : formatNumber(x);
}
