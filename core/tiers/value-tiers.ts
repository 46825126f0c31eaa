import { z } from 'zod';
import type { CustomerFeatures } from '../features/customer-features.js';
import { markScoreable, maskUnscoreable } from '../features/mark-scoreable.js';
import { label, type LabelKey, type Locale } from '../i18n/labels.js';
import { midRankFromBest, percentileRanks } from '../rfm/percentile-rank.js';
import { ConfigError, formatConfigIssues } from '../rules/config-error.js';
import { formatNumber } from '../rules/rule-fields.js';
import type { Cell } from '../table/cell.js';

/** C's three value tiers, best first (SPEC §5d). */
export const VALUE_TIERS = ['high', 'mid', 'low'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

/** Segment ids of the `c-value-tiers` scheme, in display order; 'unclassified' = not scored. */
export const VALUE_TIER_SEGMENTS = ['value-high', 'value-mid', 'value-low', 'unclassified'] as const;

const inlineLabel = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();

/**
 * One row of the editable sub-tier table: customers ranked by composite RFM
 * score from the best, the share [fromPercent, toPercent) of them.
 */
const subTierSchema = z
  .object({
    id: z.number().int().min(1).max(254),
    label: inlineLabel.optional(),
    tier: z.enum(VALUE_TIERS),
    fromPercent: z.number().min(0).max(100),
    toPercent: z.number().min(0).max(100),
  })
  .strict();
export type SubTierDefinition = z.output<typeof subTierSchema>;

/** SPEC §5d default (not in source): ten deciles, 1–2 high, 3–5 mid, 6–10 low. */
export const DEFAULT_SUB_TIERS: readonly SubTierDefinition[] = Array.from({ length: 10 }, (_, i) => ({
  id: i + 1,
  tier: i < 2 ? 'high' : i < 5 ? 'mid' : 'low',
  fromPercent: i * 10,
  toPercent: (i + 1) * 10,
}));

/** SPEC §5d response times: high ≤ 1 h, mid ≤ 2 h, low ≤ 24 h. */
export const DEFAULT_SLA_HOURS: Readonly<Record<ValueTier, number>> = { high: 1, mid: 2, low: 24 };

/** Options of the `c-value-tiers` scheme; every default lives here. */
export const valueTierOptionsSchema = z
  .object({
    subTiers: z
      .array(subTierSchema)
      .min(1)
      .default(() => DEFAULT_SUB_TIERS.map((s) => ({ ...s }))),
    slaHours: z
      .object({
        high: z.number().positive().default(DEFAULT_SLA_HOURS.high),
        mid: z.number().positive().default(DEFAULT_SLA_HOURS.mid),
        low: z.number().positive().default(DEFAULT_SLA_HOURS.low),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((options, ctx) => {
    // The table must tile 0–100% in order, ids 1..k, parent tiers never going back up.
    const rows = options.subTiers;
    rows.forEach((row, i) => {
      if (row.id !== i + 1)
        ctx.addIssue({
          code: 'custom',
          path: ['subTiers', i, 'id'],
          message: 'config.sub-tier-id',
          params: { expected: i + 1 },
        });
      if (row.fromPercent >= row.toPercent)
        ctx.addIssue({
          code: 'custom',
          path: ['subTiers', i],
          message: 'config.sub-tier-range',
          params: { from: row.fromPercent, to: row.toPercent },
        });
      if (i === 0 && row.fromPercent !== 0)
        ctx.addIssue({
          code: 'custom',
          path: ['subTiers', 0, 'fromPercent'],
          message: 'config.sub-tier-first',
        });
      if (i > 0 && row.fromPercent !== rows[i - 1]!.toPercent) {
        ctx.addIssue({
          code: 'custom',
          path: ['subTiers', i, 'fromPercent'],
          message: 'config.sub-tier-gap',
          params: { from: row.fromPercent, previous: rows[i - 1]!.toPercent },
        });
      }
      if (i > 0 && VALUE_TIERS.indexOf(row.tier) < VALUE_TIERS.indexOf(rows[i - 1]!.tier)) {
        ctx.addIssue({
          code: 'custom',
          path: ['subTiers', i, 'tier'],
          message: 'config.sub-tier-order',
          params: { tier: row.tier, previous: rows[i - 1]!.tier },
        });
      }
    });
    const last = rows[rows.length - 1];
    if (last && last.toPercent !== 100)
      ctx.addIssue({
        code: 'custom',
        path: ['subTiers', rows.length - 1, 'toPercent'],
        message: 'config.sub-tier-last',
      });
  });

export type ValueTierOptionsInput = z.input<typeof valueTierOptionsSchema>;
export type ValueTierOptions = z.output<typeof valueTierOptionsSchema>;

/**
 * Validates value-tier options once; `root` prefixes key paths in messages.
 * @throws ConfigError `invalid-config` naming every bad key.
 * @example resolveValueTierOptions({}).slaHours.mid === 2
 */
export function resolveValueTierOptions(input: unknown = {}, root = 'tiers'): ValueTierOptions {
  const parsed = valueTierOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) throw new ConfigError(formatConfigIssues(parsed.error.issues, root));
  return parsed.data;
}

/** The value tiers of every customer, columnar (SPEC §5d). */
export interface ValueTierResult {
  readonly scheme: 'tiers';
  readonly segments: typeof VALUE_TIER_SEGMENTS;
  /** Index into `segments` = index into VALUE_TIERS; 3 = unclassified (missing R, F or M). */
  readonly segment: Uint8Array;
  /** Sub-tier id 1..k per customer (1 best); 0 = not scored. */
  readonly subTier: Uint8Array;
  /** Composite RFM score 0–100: mean of the R, F and M percentile ranks; NaN = not scored. */
  readonly composite: Float64Array;
  /** The percentile ranks the composite averages (R inverted: recent = high). */
  readonly ranks: { readonly r: Float64Array; readonly f: Float64Array; readonly m: Float64Array };
  readonly options: ValueTierOptions;
  readonly notes: readonly { readonly code: 'few-customers'; readonly message: string }[];
  segmentLabel(s: number, locale?: Locale): string;
  subTierLabel(id: number, locale?: Locale): string;
  /** SLA hours of customer `c`, NaN when not scored. */
  slaHours(c: number): number;
  /** 个性化服务 / 定期维护 / 挽留措施 of customer `c`, or null. */
  strategyLabel(c: number, locale?: Locale): string | null;
  /** Localized headers of the tier columns: tier, sub-tier, SLA, strategy. */
  headers(locale?: Locale): string[];
  /** The tier cells of customer `c`, in `headers` order. */
  cells(c: number, locale?: Locale): Cell[];
  /** Why: `RFM score 83.3 (R 90 · F 80 · M 80), top 10% → sub-tier 2`. */
  explain(c: number, locale?: Locale): string;
}

const NOT_SCORED = 3;

/**
 * Value tiers with SLAs (SPEC §5d `c-value-tiers`, default not in source):
 * composite RFM score = mean of the percentile ranks (0–100) of inverted
 * recency, frequency and spend over the scoring window (`windowFrequency`,
 * `windowMonetary`, as the rfm scheme); customers are ranked by it from the
 * best and cut into the sub-tier table's shares (default deciles; a
 * customer's position is its mid-rank, so equal scores share a sub-tier and a
 * better score never gets a worse sub-tier); each sub-tier has its parent
 * tier, SLA and strategy. Customers lacking R, F or M are unclassified.
 * A single customer is sub-tier 1 (nobody is better); all-equal customers
 * share the middle sub-tier.
 * @throws ConfigError for invalid options.
 * @example assignValueTiers(features).subTier  // 1..10, 1 = best decile
 */
export function assignValueTiers(
  features: CustomerFeatures,
  optionsInput: ValueTierOptionsInput = {},
  locale: Locale = 'en',
): ValueTierResult {
  const options = resolveValueTierOptions(optionsInput);
  const n = features.count;
  const scored = markScoreable(features);
  const masked = (values: Float64Array): Float64Array => maskUnscoreable(values, scored);
  const r = percentileRanks(masked(features.recencyDays), 'lower-better');
  const f = percentileRanks(masked(features.windowFrequency), 'higher-better');
  const m = percentileRanks(masked(features.windowMonetary), 'higher-better');
  const composite = new Float64Array(n);
  for (let c = 0; c < n; c++) composite[c] = scored[c] ? (r[c]! + f[c]! + m[c]!) / 3 : Number.NaN;

  // Position p = twice / (2 total) in [0, 1); sub-tier i holds from/100 ≤ p < to/100,
  // compared as from · 2 total ≤ 100 · twice < to · 2 total to stay exact.
  const { twice, n: total } = midRankFromBest(composite);
  const rows = options.subTiers;
  const segment = new Uint8Array(n).fill(NOT_SCORED);
  const subTier = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    if (!scored[c]) continue;
    const x = 100 * twice[c]!;
    let i = rows.length - 1;
    for (let j = 0; j < rows.length; j++) {
      if (x < rows[j]!.toPercent * 2 * total) {
        i = j;
        break;
      }
    }
    subTier[c] = rows[i]!.id;
    segment[c] = VALUE_TIERS.indexOf(rows[i]!.tier);
  }

  const notes: ValueTierResult['notes'] =
    total > 0 && total < rows.length
      ? [
          {
            code: 'few-customers',
            message: label('tiers.note.few-customers', locale, { count: total, subTiers: rows.length }),
          },
        ]
      : [];
  const tierName = (t: number, l: Locale): string => label(`segment.${VALUE_TIER_SEGMENTS[t]}` as LabelKey, l);
  const subTierLabel = (id: number, l: Locale = locale): string => {
    const row = rows[id - 1];
    if (!row) return '';
    if (row.label) return l === 'zh-CN' ? row.label.zh : row.label.en;
    return label('tiers.sub-tier', l, { tier: tierName(VALUE_TIERS.indexOf(row.tier), l), n: id });
  };
  const slaHours = (c: number): number =>
    segment[c]! < NOT_SCORED ? options.slaHours[VALUE_TIERS[segment[c]!]!] : Number.NaN;
  const strategyLabel = (c: number, l: Locale = locale): string | null =>
    segment[c]! < NOT_SCORED ? label(`tiers.strategy.${VALUE_TIERS[segment[c]!]}` as LabelKey, l) : null;

  return {
    scheme: 'tiers',
    segments: VALUE_TIER_SEGMENTS,
    segment,
    subTier,
    composite,
    ranks: { r, f, m },
    options,
    notes,
    segmentLabel: (s, l = locale) => label(`segment.${VALUE_TIER_SEGMENTS[s]}` as LabelKey, l),
    subTierLabel,
    slaHours,
    strategyLabel,
    headers: (l = locale) => [
      label('column.valueTier', l),
      label('column.subTier', l),
      label('column.responseSla', l),
      label('column.tierStrategy', l),
    ],
    cells: (c, l = locale) => {
      if (segment[c] === NOT_SCORED) return [label('segment.unclassified', l), null, null, null];
      return [
        tierName(segment[c]!, l),
        subTierLabel(subTier[c]!, l),
        label('tiers.sla', l, { hours: formatNumber(slaHours(c)) }),
        strategyLabel(c, l),
      ];
    },
    explain: (c, l = locale) => {
      if (segment[c] === NOT_SCORED) return label('tiers.explain.not-scored', l);
      const row = rows[subTier[c]! - 1]!;
      return label('tiers.explain', l, {
        score: formatNumber(Math.round(composite[c]! * 10) / 10),
        r: formatNumber(Math.round(r[c]!)),
        f: formatNumber(Math.round(f[c]!)),
        m: formatNumber(Math.round(m[c]!)),
        from: formatNumber(row.fromPercent),
        to: formatNumber(row.toPercent),
        subTier: subTierLabel(row.id, l),
      });
    },
  };
}
