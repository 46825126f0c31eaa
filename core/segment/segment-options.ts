import { z } from 'zod';
import { DEFAULT_DATE_FLOOR } from '../clean/check-date.js';
import { CHURN_MODELS } from '../churn/predict-churn.js';
import { LOCALES } from '../i18n/labels.js';
import { parseDay } from '../parse/civil-day.js';
import { parseRulesConfig, type RulesConfig } from '../rules/rules-config.js';
import { parseSchemeId, SCHEME_IDS, type SchemeChoice } from './scheme-id.js';
import { OptionsError, parseOptions } from '../util/parse-options.js';

const YYYY_MM_DD = /^\d{4}-\d{2}-\d{2}$/;
// Two messages: a wrong shape is named as such, not also as an impossible date.
const isoDate = z
  .string()
  .regex(YYYY_MM_DD, 'error.options.date-format')
  .refine((s) => !YYYY_MM_DD.test(s) || parseDay(s) !== undefined, 'error.options.impossible-date');

/** Options of a segmentation run; every default lives here (SPEC §5a, §3). */
export const segmentOptionsSchema = z
  .object({
    /** An id or alias of the scheme registry (core/segment/scheme-registry.ts, SPEC §5); `rfm` by default. */
    scheme: z
      .string()
      .refine((value) => parseSchemeId(value) !== undefined, { message: `must be one of ${SCHEME_IDS.join(', ')}` })
      .default('rfm'),
    /** k-means: 'auto' = best silhouette over K = 2…8 (SPEC §5c), or the analyst's K. */
    k: z.union([z.literal('auto'), z.number().int().min(2).max(20)]).default('auto'),
    /**
     * Threshold overrides, the value-tier table and the scorecard, as read
     * from a JSON/YAML config file (validated here: every bad key is named).
     */
    config: z.unknown().optional(),
    /** Analysis date; default the day after the newest purchase. */
    asOf: isoDate.optional(),
    /** Today's date, supplied by the face (core has no clock): later dates are future-date issues. */
    today: isoDate.optional(),
    locale: z.enum(LOCALES).default('en'),
    /** field id or alias → header text; wins over detection. */
    mapping: z.record(z.string(), z.string()).default({}),
    shape: z.enum(['auto', 'customers', 'transactions']).default('auto'),
    /**
     * Purchases counted as orders (distinct order ids whose net value is > 0;
     * without an order id column, a customer's purchase day is one order), or
     * as distinct purchase days. AOV and the monthly order limit always count orders.
     */
    frequencyBy: z.enum(['day', 'order']).default('order'),
    /** ISO 4217 code of the money columns (GBP, USD, EUR, CNY…); default: what the cells and headers show, else CNY. */
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter ISO 4217 code such as GBP, USD, EUR or CNY')
      .transform((s) => s.toUpperCase())
      .optional(),
    /** SPEC §3 refund-excluded: refunds netted against spend, or ignored. */
    refunds: z.enum(['net', 'exclude']).default('net'),
    /** F and M for scoring: the whole history, or the last N calendar months (SPEC §5a N = 6). */
    window: z.union([z.literal('all'), z.number().int().min(1).max(120)]).default('all'),
    /** Dates before this are invalid-date issues (typos, "unknown" placeholders); rows excluded. */
    dateFloor: isoDate.default(DEFAULT_DATE_FLOOR),
    /** Decimal mark of number cells: inferred per column (`1.000,50`, `2.500.000`), or forced. */
    decimal: z.enum(['auto', '.', ',']).default('auto'),
    /** How `5/3/2024` is read; `auto` reads only unambiguous ones. */
    dateOrder: z.enum(['auto', 'dmy', 'mdy']).default('auto'),
    /** Known industries (SPEC §3 industry-unrecognized); default GB/T 4754 sections and common names. */
    industries: z.array(z.string()).optional(),
    /** SPEC §3 id-unified: user-supplied old id → master id. */
    idMap: z.record(z.string(), z.string()).default({}),
    /** Issues kept per code in the report (counts stay exact). */
    maxIssuesPerCode: z.number().int().min(0).default(10000),
    /** SPEC §3 spot check: share of customers sampled for manual review. */
    spotCheckShare: z.number().min(0).max(1).default(0.1),
    seed: z.number().int().default(42),
    /**
     * The one churn truth (issue 11): churn = no purchase in the next
     * `horizonDays`; `models` = the candidates to back-test (default all);
     * `enabled: false` = the SPEC rule union decides (no probability).
     */
    churn: z
      .object({
        enabled: z.boolean().default(true),
        horizonDays: z.number().int().min(7).max(3650).default(90),
        models: z.array(z.enum(CHURN_MODELS)).min(1).optional(),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type SegmentOptionsInput = z.input<typeof segmentOptionsSchema>;

/** Options after validation, with day numbers resolved. */
export type SegmentOptions = Omit<z.output<typeof segmentOptionsSchema>, 'config'> & {
  readonly asOfDay: number | undefined;
  readonly todayDay: number | undefined;
  readonly dateFloorDay: number;
  readonly schemeChoice: SchemeChoice;
  readonly config: RulesConfig | undefined;
};

export { OptionsError };

const toDay = (s: string | undefined): number | undefined => (s === undefined ? undefined : parseDay(s));

/**
 * Validates options once at the entry; inner code trusts the result.
 * @throws OptionsError naming every wrong key; ConfigError (`invalid-config`) for a bad `config`.
 * @example resolveSegmentOptions({ scheme: 'rfm8' }).locale === 'en'
 */
export function resolveSegmentOptions(input: SegmentOptionsInput = {}): SegmentOptions {
  const data = parseOptions(segmentOptionsSchema, input);
  return {
    ...data,
    asOfDay: toDay(data.asOf),
    todayDay: toDay(data.today),
    dateFloorDay: toDay(data.dateFloor)!,
    schemeChoice: parseSchemeId(data.scheme)!,
    config: data.config === undefined ? undefined : parseRulesConfig(data.config),
  };
}
