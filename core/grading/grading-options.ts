import { z } from 'zod';
import { ConfigError, formatConfigIssues } from '../rules/config-error.js';
import { CATEGORY_FIELDS, RULE_FIELD_IDS, type RuleFieldId } from '../rules/rule-fields.js';

/** D's indicator groups (SPEC §5e). */
export const INDICATOR_GROUPS = ['financial', 'behavioural', 'qualitative'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/** Text attributes that can be scored through a points table (SPEC §5e qualitative: industry, region, …). */
export const QUALITATIVE_FIELDS = CATEGORY_FIELDS;
export type QualitativeField = (typeof QUALITATIVE_FIELDS)[number];

/** Narrows a field id to a qualitative (text) indicator. */
export function isQualitative(field: string): field is QualitativeField {
  return (QUALITATIVE_FIELDS as readonly string[]).includes(field);
}

const points = z.number().min(0).max(100);

const indicatorSchema = z
  .object({
    field: z.enum([...RULE_FIELD_IDS, ...QUALITATIVE_FIELDS]),
    /** Relative weight inside its group (normalised within the group). */
    weight: z.number().positive().default(1),
    /** Numeric indicators: which end scores 100. */
    direction: z.enum(['higher-better', 'lower-better']).default('higher-better'),
    /** Qualitative indicators: value → points 0–100 (matched after trimming). */
    points: z.record(z.string(), points).optional(),
    /** Qualitative indicators: points of a value the table does not list; without it the value counts as missing. */
    otherPoints: points.optional(),
  })
  .strict()
  .superRefine((indicator, ctx) => {
    if (!isQualitative(indicator.field) && (indicator.points !== undefined || indicator.otherPoints !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['points'],
        message: 'config.points-qualitative',
        params: { fields: [...QUALITATIVE_FIELDS], field: indicator.field },
      });
    }
  });
export type IndicatorOptions = z.output<typeof indicatorSchema>;

const inlineLabel = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();

// SPEC §5e defaults (not in source): 50/30/20, equal weights inside a group.
// "Transaction amount" is lifetime spend and "transaction frequency" the
// 6-month count; "activity" is app logins (3 months).
const group = (weight: number, fields: readonly (RuleFieldId | QualitativeField)[]) =>
  z
    .object({
      weight: z.number().min(0).max(1).default(weight),
      indicators: z
        .array(indicatorSchema)
        .default(() => fields.map((field) => ({ field, weight: 1, direction: 'higher-better' as const }))),
    })
    .strict()
    .prefault({});

/** Scorecard options (SPEC §5e); every default lives here. */
export const gradingOptionsSchema = z
  .object({
    groups: z
      .object({
        financial: group(0.5, ['accountBalance', 'cumulativeSpend']),
        behavioural: group(0.3, ['frequency6m', 'logins3m']),
        qualitative: group(0.2, ['industry', 'region']),
      })
      .strict()
      .prefault({}),
    /** Grades from the best: a score ≥ min gets the grade; mins strictly decreasing, the last 0. */
    grades: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/i, 'config.grade-ids'),
            label: inlineLabel.optional(),
            min: points,
          })
          .strict(),
      )
      .min(1)
      .default(() => [
        { id: 'high', min: 70 },
        { id: 'mid', min: 40 },
        { id: 'low', min: 0 },
      ]),
  })
  .strict()
  .superRefine((options, ctx) => {
    // Group weights must sum to 1 (within 1e-9): a typo should not be silently rescaled.
    const weights = INDICATOR_GROUPS.map((g) => options.groups[g].weight);
    const sum = weights.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: 'config.group-weights',
        params: {
          terms: INDICATOR_GROUPS.map((g, i) => `${g} ${weights[i]}`).join(' + '),
          sum: Number(sum.toFixed(12)),
        },
      });
    }
    const count = INDICATOR_GROUPS.reduce((a, g) => a + options.groups[g].indicators.length, 0);
    if (count > 32)
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: 'config.too-many-indicators',
        params: { count, max: 32 },
      });
    const grades = options.grades;
    grades.forEach((grade, i) => {
      if (i > 0 && grade.min >= grades[i - 1]!.min)
        ctx.addIssue({
          code: 'custom',
          path: ['grades', i, 'min'],
          message: 'config.grade-mins-decrease',
          params: { min: grade.min, previous: i - 1, previousMin: grades[i - 1]!.min },
        });
      if (grades.findIndex((g) => g.id === grade.id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['grades', i, 'id'],
          message: 'config.duplicate-grade',
          params: { id: grade.id },
        });
    });
    if (grades.length > 0 && grades[grades.length - 1]!.min !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['grades', grades.length - 1, 'min'],
        message: 'config.last-grade-zero',
      });
  });

export type GradingOptionsInput = z.input<typeof gradingOptionsSchema>;
export type GradingOptions = z.output<typeof gradingOptionsSchema>;

/**
 * Validates scorecard options once; `root` prefixes key paths in messages.
 * @throws ConfigError `invalid-config` naming every bad key, weights not summing to 1, mins not decreasing.
 * @example resolveGradingOptions({}).groups.financial.weight === 0.5
 */
export function resolveGradingOptions(input: unknown = {}, root = 'grading'): GradingOptions {
  const parsed = gradingOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) throw new ConfigError(formatConfigIssues(parsed.error.issues, root));
  return parsed.data;
}
