import type { CustomerFeatures } from '../features/customer-features.js';
import { label, type Locale } from '../i18n/labels.js';
import type { SchemeNote, SchemeResult } from '../segment/apply-scheme.js';
import { STRATEGY_GROUPS } from '../strategies/strategy-groups.js';
import { dataSpan, monthsInDays } from './data-span.js';

/** A first order at most this many days before asOf makes a one-order customer new (SPEC §5f lifecycle, A/B 新客). */
export const NEW_CUSTOMER_DAYS = 30;
/** The churn window of every source (A: 3 months, B: 90 days): data spanning less cannot show anyone stopped. */
const CHURN_WINDOW_MONTHS = 3;

const CHURN = STRATEGY_GROUPS.indexOf('churn-risk');
const CONVERT = STRATEGY_GROUPS.indexOf('potential');
const NO_STRATEGY = 255;
// rfm8 classes with low R, and the class the same F/M has with high R.
const RFM8_RECENT: Readonly<Record<string, string>> = {
  'important-retention': 'important-value',
  'important-win-back': 'important-development',
  'general-retention': 'general-value',
  'general-win-back': 'general-development',
};

/** True for a customer with one order, placed within the last NEW_CUSTOMER_DAYS days. */
export function isNewCustomer(features: CustomerFeatures, c: number): boolean {
  return features.frequency[c]! <= 1 && features.recencyDays[c]! <= NEW_CUSTOMER_DAYS;
}

/**
 * Keeps every scheme from calling a customer at risk on evidence it cannot
 * have. A new customer (one order in the last 30 days) is never at risk:
 * rfm puts it in 'new', rfm8 reads its R as high, a rule preset's churn
 * segment falls through to the catch-all (or unclassified), and every scheme
 * gives it the conversion plan instead of the win-back call and clears its
 * churn flag. When the data spans less than the 3-month churn window, nobody
 * gets the win-back plan (a note names the span).
 * @example guardNewCustomers(runSchemeResult, features, 'en').segment
 */
export function guardNewCustomers(result: SchemeResult, features: CustomerFeatures, locale: Locale): SchemeResult {
  const n = features.count;
  const span = dataSpan(features);
  const shortSpan = span !== undefined && span.days < monthsInDays(features.asOfDay, CHURN_WINDOW_MONTHS);
  const segment = result.segment.slice(),
    strategy = result.strategy.slice(),
    r = result.r.slice();
  const flag = result.churn?.flag.slice();
  const isNew = new Uint8Array(n);
  const segmentIndex = (id: string): number => result.segments.indexOf(id);
  const churnSegment = result.detail?.kind === 'rules' ? result.detail.result.churnSegment : undefined;
  let changed = 0;
  for (let c = 0; c < n; c++) {
    if (isNewCustomer(features, c)) {
      isNew[c] = 1;
      const id = result.segments[segment[c]!]!;
      if (result.scheme === 'rfm' && strategy[c] === CHURN) segment[c] = segmentIndex('new');
      else if (result.scheme === 'rfm8' && RFM8_RECENT[id]) {
        segment[c] = segmentIndex(RFM8_RECENT[id]!);
        r[c] = 2;
      } else if (churnSegment !== undefined && id === churnSegment) segment[c] = result.segments.length - 1;
      if (strategy[c] === CHURN) strategy[c] = CONVERT;
      if (flag) flag[c] = 0;
      if (segment[c] !== result.segment[c] || strategy[c] !== result.strategy[c]) changed++;
    } else if (shortSpan && strategy[c] === CHURN) strategy[c] = NO_STRATEGY;
  }
  const notes: SchemeNote[] = [...result.notes];
  if (changed > 0)
    notes.push({
      code: 'new-customer',
      message: label('rules.note.new-customers', locale, { count: changed, days: NEW_CUSTOMER_DAYS }),
    });
  if (shortSpan)
    notes.push({
      code: 'rule-skipped',
      message: label('rules.note.churn-span', locale, { span: span.days, from: span.from, asOf: span.asOf }),
    });
  if (changed === 0 && !shortSpan) return result;
  return {
    ...result,
    segment,
    strategy,
    r,
    notes,
    explain: (c, l) =>
      isNew[c] && segment[c] !== result.segment[c]
        ? label('rules.explain.new-customer', l, { days: features.recencyDays[c]! })
        : result.explain(c, l),
    ...(result.churn && flag
      ? { churn: { flag, reason: (c: number, l: Locale) => (flag[c] ? result.churn!.reason(c, l) : null) } }
      : {}),
  };
}
