import { z } from 'zod';
import type { CustomerFeatures } from '../features/customer-features.js';
import { label, type LabelKey, type Locale } from '../i18n/labels.js';
import { ConfigError, formatConfigIssues } from '../rules/config-error.js';
import {
  CATEGORY_FIELDS,
  fieldLabel,
  readRuleField,
  RULE_FIELD_IDS,
  type CategoryField,
  type RuleFieldId,
} from '../rules/rule-fields.js';
import { pearson } from './pearson.js';

export type DimensionField = RuleFieldId | CategoryField;
const DIMENSION_FIELDS = [...RULE_FIELD_IDS, ...CATEGORY_FIELDS] as const;
const isCategory = (field: DimensionField): field is CategoryField =>
  (CATEGORY_FIELDS as readonly string[]).includes(field);

/**
 * Default operability 1–5 per field (SPEC §4, default not in source):
 * 5 = a direct column of the CRM or transaction system, or computed from
 * orders alone (Table 3: 近6个月消费频次 "direct extract", 客单价 "direct
 * compute"); 4 = derived or needs another system's interface, a survey or a
 * model (Table 3: 近3个月登录频次 "needs data interface" from the app back end;
 * likewise complaints from customer service, campaign data from marketing,
 * satisfaction surveys, rates and values that need a definition or a model).
 */
export const DEFAULT_OPERABILITY: Readonly<Record<DimensionField, number>> = {
  recencyDays: 5,
  frequency6m: 5,
  historicalFrequency: 5,
  amount6m: 5,
  averageOrderValue: 5,
  cumulativeSpend: 5,
  tenureDays: 5,
  firstPurchaseAmount: 5,
  annualFrequency: 5,
  accountBalance: 5,
  assetSize: 5,
  age: 5,
  logins3m: 4,
  consultations: 4,
  complaints6m: 4,
  promotionsJoined6m: 4,
  couponUses: 4,
  satisfaction: 4,
  interactionCount: 4,
  purchaseCycleDays: 4,
  profitContribution: 4,
  referralRate: 4,
  repurchaseRate: 4,
  serviceCost: 4,
  ltv: 4,
  industry: 5,
  region: 5,
  companySize: 5,
  channel: 5,
  gender: 5,
  membershipLevel: 5,
};

const score15 = z.number().int().min(1).max(5);

/** Dimension evaluation options (SPEC §4); every default lives here. */
export const dimensionOptionsSchema = z
  .object({
    /** The goal metric r is computed against (A Table 1: raise repurchase → 6-month frequency). */
    goal: z.enum(RULE_FIELD_IDS).default('frequency6m'),
    /** Columns to evaluate; default every numeric and category column the table has, except the goal. */
    candidates: z.array(z.enum(DIMENSION_FIELDS)).optional(),
    /** Score = relevance · w + operability · (1 − w); the Table 3 examples fit 0.5/0.5. */
    weights: z
      .object({ relevance: z.number().min(0).max(1).default(0.5), operability: z.number().min(0).max(1).default(0.5) })
      .strict()
      .prefault({}),
    /** Selected when score ≥ threshold (SPEC §4 default 4.0). */
    threshold: z.number().min(1).max(5).default(4),
    /** Availability bands on the non-missing share: ≥ high → 高, ≥ mid → 中, else 低. */
    availability: z
      .object({ high: z.number().min(0).max(1).default(0.9), mid: z.number().min(0).max(1).default(0.6) })
      .strict()
      .prefault({}),
    /** Expert overrides per field (A: business experts confirm; the score stays editable). */
    overrides: z
      .partialRecord(
        z.enum(DIMENSION_FIELDS),
        z
          .object({ relevance: score15.optional(), operability: score15.optional(), selected: z.boolean().optional() })
          .strict(),
      )
      .default({}),
  })
  .strict()
  .superRefine((options, ctx) => {
    const { relevance, operability } = options.weights;
    if (Math.abs(relevance + operability - 1) > 1e-9)
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: 'config.dimension-weights',
        params: { relevance, operability, sum: Number((relevance + operability).toFixed(12)) },
      });
    if (options.availability.mid > options.availability.high)
      ctx.addIssue({
        code: 'custom',
        path: ['availability'],
        message: 'config.availability-order',
        params: { mid: options.availability.mid, high: options.availability.high },
      });
  });

export type DimensionOptionsInput = z.input<typeof dimensionOptionsSchema>;
export type DimensionOptions = z.output<typeof dimensionOptionsSchema>;

/**
 * Validates dimension options once; `root` prefixes key paths in messages.
 * @throws ConfigError `invalid-config` naming every bad key.
 * @example resolveDimensionOptions({}).threshold === 4
 */
export function resolveDimensionOptions(input: unknown = {}, root = 'dimensions'): DimensionOptions {
  const parsed = dimensionOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) throw new ConfigError(formatConfigIssues(parsed.error.issues, root));
  return parsed.data;
}

/** Availability band of a non-missing share. */
export type AvailabilityBand = 'high' | 'mid' | 'low';

/** One row of Table 3 细分维度评估表. */
export interface DimensionRow {
  readonly field: DimensionField;
  readonly kind: 'numeric' | 'category';
  /** Share of customers with a value, 0–1. */
  readonly availability: number;
  readonly availabilityBand: AvailabilityBand;
  /** Pearson r with the goal metric; null for categories, the goal column missing, < 3 pairs or no variation. */
  readonly r: number | null;
  readonly pairs: number;
  /** 1–5; null when neither r nor an override gives one. */
  readonly relevance: number | null;
  readonly relevanceSource: 'correlation' | 'override' | 'none';
  readonly operability: number;
  readonly operabilitySource: 'default' | 'override';
  /** Weighted score; null without relevance. */
  readonly score: number | null;
  readonly selected: boolean;
  readonly selectedSource: 'threshold' | 'override';
}

export interface DimensionEvaluation {
  readonly goal: RuleFieldId;
  readonly rows: readonly DimensionRow[];
  readonly notes: readonly {
    readonly code: 'goal-missing' | 'candidate-missing' | 'relevance-needed';
    readonly message: string;
  }[];
  readonly options: DimensionOptions;
}

/**
 * Suggested relevance 1–5 from |r| (SPEC §4, default not in source):
 * < 0.1 → 1, < 0.3 → 2, < 0.5 → 3, < 0.7 → 4, else 5.
 * @example relevanceFromCorrelation(-0.45) === 3
 */
export function relevanceFromCorrelation(r: number): number {
  const a = Math.abs(r);
  return a < 0.1 ? 1 : a < 0.3 ? 2 : a < 0.5 ? 3 : a < 0.7 ? 4 : 5;
}

/**
 * Score = weighted average of relevance and operability (SPEC §4; Table 3 fits 0.5/0.5).
 * @example dimensionScore(2, 5) === 3.5
 */
export function dimensionScore(
  relevance: number,
  operability: number,
  weights: { readonly relevance: number; readonly operability: number } = { relevance: 0.5, operability: 0.5 },
): number {
  return Math.round((relevance * weights.relevance + operability * weights.operability) * 1e9) / 1e9;
}

/**
 * Evaluates candidate dimensions (SPEC §4, Table 3): availability (non-missing
 * share and band: ≥ 90% 高 — C's data-coverage target — ≥ 60% 中, else 低;
 * defaults not in source), Pearson r with the goal metric, suggested
 * relevance from |r|, operability from DEFAULT_OPERABILITY, score and
 * selection (score ≥ 4.0); expert overrides win. Category columns have no r:
 * they need an expert relevance and are reported until they get one.
 * @throws ConfigError for invalid options.
 * @example evaluateDimensions(features, { goal: 'frequency6m' }).rows.filter((row) => row.selected)
 */
export function evaluateDimensions(
  features: CustomerFeatures,
  optionsInput: DimensionOptionsInput = {},
  locale: Locale = 'en',
): DimensionEvaluation {
  const options = resolveDimensionOptions(optionsInput);
  const n = features.count;
  const notes: DimensionEvaluation['notes'][number][] = [];
  const goal = readRuleField(features, options.goal);
  if (!goal)
    notes.push({
      code: 'goal-missing',
      message: label('dimensions.note.goal-missing', locale, { goal: fieldLabel(options.goal, locale) }),
    });
  const present = (field: DimensionField): boolean =>
    isCategory(field) ? features.attributes[field] !== undefined : readRuleField(features, field) !== undefined;
  const candidates = options.candidates ?? DIMENSION_FIELDS.filter((field) => field !== options.goal && present(field));

  const rows: DimensionRow[] = [];
  const needRelevance: string[] = [];
  for (const field of candidates) {
    if (!present(field)) {
      notes.push({
        code: 'candidate-missing',
        message: label('dimensions.note.candidate-missing', locale, { field: dimensionName(field, locale) }),
      });
      continue;
    }
    let filled = 0;
    let correlation = { r: Number.NaN, pairs: 0 };
    if (isCategory(field)) {
      const values = features.attributes[field]!;
      for (let c = 0; c < n; c++) if ((values[c]?.trim() ?? '') !== '') filled++;
    } else {
      const values = readRuleField(features, field)!;
      for (let c = 0; c < n; c++) if (Number.isFinite(values[c]!)) filled++;
      if (goal) correlation = pearson(values, goal);
    }
    const availability = n > 0 ? filled / n : 0;
    const override = options.overrides[field] ?? {};
    const r = Number.isNaN(correlation.r) ? null : correlation.r;
    const relevance = override.relevance ?? (r === null ? null : relevanceFromCorrelation(r));
    const operability = override.operability ?? DEFAULT_OPERABILITY[field];
    const score = relevance === null ? null : dimensionScore(relevance, operability, options.weights);
    if (relevance === null) needRelevance.push(dimensionName(field, locale));
    rows.push({
      field,
      kind: isCategory(field) ? 'category' : 'numeric',
      availability,
      availabilityBand:
        availability >= options.availability.high ? 'high' : availability >= options.availability.mid ? 'mid' : 'low',
      r,
      pairs: correlation.pairs,
      relevance,
      relevanceSource: override.relevance !== undefined ? 'override' : relevance !== null ? 'correlation' : 'none',
      operability,
      operabilitySource: override.operability !== undefined ? 'override' : 'default',
      score,
      selected: override.selected ?? (score !== null && score >= options.threshold),
      selectedSource: override.selected !== undefined ? 'override' : 'threshold',
    });
  }
  if (needRelevance.length > 0)
    notes.push({
      code: 'relevance-needed',
      message: label('dimensions.note.relevance-needed', locale, {
        fields: needRelevance.join(locale === 'zh-CN' ? '、' : ', '),
      }),
    });
  return { goal: options.goal, rows, notes, options };
}

/** The localized name of a dimension (`近6个月消费频次`, `Region`). */
export function dimensionName(field: DimensionField, locale: Locale): string {
  if (isCategory(field)) return label(`column.${field}` as LabelKey, locale);
  const name = fieldLabel(field, locale);
  // Field labels are lower-case for use inside explanations; a table row starts with a capital.
  return locale === 'en' ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}
