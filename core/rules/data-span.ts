import type { CustomerFeatures } from '../features/customer-features.js';
import { addMonths, formatDay } from '../parse/civil-day.js';

/** How much history the data covers: first order of any customer → asOf. */
export interface DataSpan {
  readonly days: number;
  readonly from: string;
  readonly asOf: string;
}

/**
 * The span of the data, or undefined when it is unknown (no first-purchase
 * dates, no analysis date): rules are then never switched off for it.
 * @example dataSpan(features)?.days // 40 for orders from 2024-01-22 with asOf 2024-03-02
 */
export function dataSpan(features: CustomerFeatures): DataSpan | undefined {
  if (!Number.isFinite(features.asOfDay)) return undefined;
  let first = Infinity;
  for (let c = 0; c < features.count; c++) {
    const day = features.firstPurchaseDay[c]!;
    if (day < first) first = day;
  }
  if (!Number.isFinite(first)) return undefined;
  return { days: features.asOfDay - first, from: formatDay(first), asOf: formatDay(features.asOfDay) };
}

/** Days "N months" reaches back from asOf (SPEC §2 calendar months). */
export function monthsInDays(asOfDay: number, months: number): number {
  return asOfDay - addMonths(asOfDay, -months);
}

/**
 * Days of history a condition needs to mean anything: "no purchase in more
 * than N days" needs more than N days of data; a 6-month window needs 6
 * months. 0 when the condition needs no span.
 */
export function spanNeeded(field: string, lowerBoundDays: number, asOfDay: number): number {
  if (field === 'recencyDays' && Number.isFinite(lowerBoundDays) && lowerBoundDays > 0) return lowerBoundDays + 1;
  if ((field === 'frequency6m' || field === 'amount6m') && Number.isFinite(asOfDay)) return monthsInDays(asOfDay, 6);
  return 0;
}
