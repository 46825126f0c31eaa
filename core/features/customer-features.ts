import type { Currency } from '../money/currency.js';
import type { FieldId } from '../schema/fields.js';

/** Numeric behaviour fields a customer table may carry (SPEC §2), kept per customer. */
export const BEHAVIOUR_FIELDS = [
  'logins3m',
  'consultations',
  'complaints6m',
  'promotionsJoined6m',
  'couponUses',
  'satisfaction',
  'interactionCount',
  'age',
  'accountBalance',
  'assetSize',
  'firstPurchaseAmount',
  'annualFrequency',
  'purchaseCycleDays',
  'profitContribution',
  'referralRate',
  'repurchaseRate',
  'serviceCost',
  'ltv',
] as const satisfies readonly FieldId[];
export type BehaviourField = (typeof BEHAVIOUR_FIELDS)[number];

/** Text attributes carried through to summaries, cross-tabs and the bot. */
export const ATTRIBUTE_FIELDS = [
  'customerName',
  'company',
  'contact',
  'industry',
  'region',
  'companySize',
  'accountManager',
  'channel',
  'gender',
  'membershipLevel',
] as const satisfies readonly FieldId[];
export type AttributeField = (typeof ATTRIBUTE_FIELDS)[number];

/**
 * Per-customer features in columnar form (SPEC §2 derived metrics): one
 * index per customer, Float64Array columns with NaN for "unknown", so scoring
 * 1M customers touches flat memory only.
 */
export interface CustomerFeatures {
  readonly count: number;
  readonly ids: readonly string[];
  /** First source row of each customer (1-based, as the user sees it). */
  readonly firstRow: Int32Array;
  /** The analysis date as a day number, and where it came from. */
  readonly asOfDay: number;
  readonly asOfSource: 'given' | 'newest-transaction' | 'newest-last-purchase' | 'none';
  readonly recencyDays: Float64Array;
  /** Purchases over the whole history (distinct days or orders). */
  readonly frequency: Float64Array;
  /** Net spend over the whole history. */
  readonly monetary: Float64Array;
  readonly frequency6m: Float64Array;
  readonly amount6m: Float64Array;
  /** Purchases and net spend over the scoring window (= frequency/monetary when the window is 'all'). */
  readonly windowFrequency: Float64Array;
  readonly windowMonetary: Float64Array;
  readonly averageOrderValue: Float64Array;
  readonly tenureDays: Float64Array;
  readonly firstPurchaseDay: Float64Array;
  readonly lastPurchaseDay: Float64Array;
  readonly behaviour: Readonly<Partial<Record<BehaviourField, Float64Array>>>;
  readonly attributes: Readonly<Partial<Record<AttributeField, readonly (string | undefined)[]>>>;
  /**
   * Kept only when asked for (transactions input, `keepPurchaseDays`): each
   * customer's distinct purchase days before asOf, ascending, with the day's
   * gross purchase amount (same-day orders grouped, refunds and duplicates
   * excluded) — the input of the buy-till-you-die models.
   */
  readonly purchaseDays?: PurchaseDays;
  /**
   * Transaction ids left out because they have no purchase (refunds only,
   * reported as `refund-only`), so a joined customer table does not bring
   * them back as customers.
   */
  readonly leftOut?: readonly string[];
  /** The money columns' currency (detected from cells and headers, or the `currency` option). */
  readonly currency?: Currency;
}

/** Customer c's days are `days[offsets[c]] .. days[offsets[c + 1] - 1]`. */
export interface PurchaseDays {
  readonly offsets: Int32Array;
  readonly days: Int32Array;
  readonly amounts: Float64Array;
}

/** A Float64Array of `n` NaNs. */
export function nanColumn(n: number): Float64Array {
  return new Float64Array(n).fill(Number.NaN);
}
