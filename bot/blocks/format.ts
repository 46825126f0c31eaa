import { label } from '../../core/index.js';
import { STRATEGY_GROUPS, strategyLabelKeys, type StrategyGroup } from '../../core/strategies/strategy-groups.js';
import type { Locale } from '../intents/match-intent.js';
import { message } from '../i18n/messages.js';
import type { SnapshotInfo, StoredCustomer } from '../store/store.js';

/** Whole yuan with thousands separators (¥ in both locales: the data is in yuan). */
export function formatMoney(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return '—';
  return `¥${Math.round(amount).toLocaleString('en-US')}`;
}

/** A count with thousands separators. */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

/** A share 0–1 as a percentage with one decimal. */
export function formatShare(share: number): string {
  return `${(Number.isFinite(share) ? share * 100 : 0).toFixed(1)}%`;
}

/** The snapshot's label of a segment in the locale (the id when the snapshot does not know it). */
export function segmentName(snapshot: SnapshotInfo, segment: string, locale: Locale): string {
  const i = snapshot.segments.indexOf(segment);
  const labels = locale === 'zh-CN' ? snapshot.segmentLabels.zh : snapshot.segmentLabels.en;
  return (i >= 0 ? labels[i] : undefined) ?? segment;
}

/** SPEC §7 Table 6 measures and channel of the customer's strategy group, or null without one. */
export function suggestedAction(customer: StoredCustomer, locale: Locale): string | null {
  const group = customer.strategyGroup;
  if (group === null || !(STRATEGY_GROUPS as readonly string[]).includes(group)) return null;
  const keys = strategyLabelKeys(group as StrategyGroup);
  return `${label(keys.measures, locale)} (${label(keys.channel, locale)})`;
}

/** Why the customer is on the churn list: the SPEC rule that fired, or the model's probability. */
export function churnReason(customer: StoredCustomer, locale: Locale): string {
  const rule = locale === 'zh-CN' ? customer.churnReasonZh : customer.churnReasonEn;
  if (rule) return rule;
  if (customer.churnProbability !== null) return `${message('field.churn-probability', locale)} ${Math.round(customer.churnProbability * 100)}%`;
  return '—';
}

/** "C003 · A公司" or "C003" when there is no name to show. */
export function customerTitle(customer: { readonly customerId: string; readonly displayName: string | null }): string {
  return customer.displayName ? `${customer.customerId} · ${customer.displayName}` : customer.customerId;
}

/**
 * Slack mrkdwn with the control characters escaped, so data never becomes
 * markup or a mention. mrkdwn cannot escape `*`, and masked names are full of
 * them (「*先生」), so they are shown as the full-width ＊.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\*/g, '＊');
}
