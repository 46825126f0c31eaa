import { label, type Locale } from '../i18n/labels.js';
import { formatNumber } from '../rules/rule-fields.js';
import { CHURN_RULES, type ChurnRule } from './churn-rules.js';
import type { OriginFeatures } from './origin-features.js';

/** Why a customer is (or is not) at risk, from the model's own inputs as of t. */
export type ChurnReasonItem =
  | { readonly code: 'silent-vs-gap'; readonly days: number; readonly ratio: number; readonly usualGap: number }
  /** Silence without a usual gap: a one-time buyer, or customer rows without purchase dates (`onlyPurchase` false). */
  | { readonly code: 'silent'; readonly days: number; readonly onlyPurchase: boolean }
  | { readonly code: 'orders'; readonly orders: number; readonly spend: number }
  | { readonly code: 'rule'; readonly rule: ChurnRule }
  | { readonly code: 'complaints'; readonly complaints: number };

/**
 * The reasons of population row `r` of the features as of t: silence against
 * the customer's own usual gap (or plain silence for a one-time buyer), orders
 * and spend, the SPEC rules matched, complaints.
 * @example churnReasonsAt(now, r, bits[r]) // [{ code: 'silent-vs-gap', days: 150, ratio: 5, usualGap: 30 }, { code: 'orders', orders: 6, spend: 6900 }, { code: 'rule', rule: 'b-churn-warning' }]
 */
export function churnReasonsAt(
  now: OriginFeatures,
  r: number,
  ruleBits: number,
  complaints?: number,
): ChurnReasonItem[] {
  const reasons: ChurnReasonItem[] = [];
  const days = now.recencyDays[r]!;
  if (now.purchaseDays[r]! > 1) {
    const usualGap = Math.round(now.meanGapDays[r]!);
    reasons.push({ code: 'silent-vs-gap', days, ratio: Math.round((days / now.meanGapDays[r]!) * 10) / 10, usualGap });
  } else reasons.push({ code: 'silent', days, onlyPurchase: now.purchaseDays[r] === 1 });
  reasons.push({ code: 'orders', orders: now.orders[r]!, spend: now.spend[r]! });
  CHURN_RULES.forEach((rule, i) => {
    if (ruleBits & (1 << i)) reasons.push({ code: 'rule', rule });
  });
  if (complaints !== undefined && complaints >= 1) reasons.push({ code: 'complaints', complaints });
  return reasons;
}

/**
 * Reasons in words for a salesperson; money through the caller's formatter
 * (currency lives outside this module).
 * @example formatChurnReasons(reasons, 'en', (v) => formatNumber(v)) // 'silent 150 days, 5× their usual 30-day gap; 6 orders, 6,900 in all'
 */
export function formatChurnReasons(
  reasons: readonly ChurnReasonItem[],
  locale: Locale,
  formatMoney: (value: number) => string,
): string {
  const parts = reasons.map((reason) => {
    switch (reason.code) {
      case 'silent-vs-gap':
        return label('churn.reason.silent-vs-gap', locale, {
          days: formatNumber(reason.days),
          ratio: formatNumber(reason.ratio),
          gap: formatNumber(reason.usualGap),
        });
      case 'silent':
        return label(reason.onlyPurchase ? 'churn.reason.silent' : 'churn.reason.silent-since-last', locale, {
          days: formatNumber(reason.days),
        });
      case 'orders':
        return label(reason.orders === 1 ? 'churn.reason.one-order' : 'churn.reason.orders', locale, {
          orders: formatNumber(reason.orders),
          spend: formatMoney(reason.spend),
        });
      case 'rule':
        return label('churn.reason.rule', locale, { rule: label(`churn.rule.${reason.rule}`, locale) });
      case 'complaints':
        return label('churn.reason.complaints', locale, { n: formatNumber(reason.complaints) });
    }
  });
  return parts.join(locale === 'zh-CN' ? '；' : '; ');
}
