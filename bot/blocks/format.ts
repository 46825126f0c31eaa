import {
  type Currency,
  DEFAULT_CURRENCY,
  formatMoney as formatCurrency,
  label,
  type LabelKey,
  STRATEGY_GROUPS,
  type StrategyGroup,
  strategyLabelKeys,
} from '../../core/index.js';
import type { Locale } from '../intents/match-intent.js';
import { message } from '../i18n/messages.js';
import type { SnapshotInfo, StoredCustomer } from '../store/store.js';

/**
 * A whole amount in the snapshot's currency (core formatMoney: £1,234;
 * 1,234元 in Chinese for yuan); '—' when unknown. Snapshots stored before
 * the currency was recorded were yuan.
 */
export function formatMoney(amount: number | null, snapshot: Pick<SnapshotInfo, 'currency'>, locale: Locale): string {
  if (amount === null || !Number.isFinite(amount)) return '—';
  return formatCurrency(amount, currencyOfSnapshot(snapshot), locale, 0);
}

/** The snapshot's currency (yuan for snapshots stored before migration 3). */
export function currencyOfSnapshot(snapshot: Pick<SnapshotInfo, 'currency'>): Currency {
  return snapshot.currency ?? DEFAULT_CURRENCY;
}

/** A probability 0–1 as a whole percentage. */
export function formatProbability(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** Two decimals, or – when not measured. */
const twoDecimals = (x: number | null): string => (x !== null && Number.isFinite(x) ? x.toFixed(2) : '–');

/**
 * The evidence under every churn answer (issue 11): which model ranks the
 * list, its back-test AUC, precision in the top 20 and the base rate, then
 * the definition of "at risk". Old snapshots (no stored evidence) say how
 * they were ranked.
 */
export function churnEvidenceLines(snapshot: SnapshotInfo, locale: Locale): string[] {
  const churn = snapshot.churn;
  if (!churn) return [message(snapshot.churnSource === 'model' ? 'churn.ranked-model' : 'churn.ranked-rule', locale)];
  const model = label(`churn.model.${churn.model}` as LabelKey, locale);
  const evidence =
    churn.auc === null
      ? message('churn.evidence-unmeasured', locale, { model })
      : message('churn.evidence', locale, {
          model,
          auc: twoDecimals(churn.auc),
          p20: twoDecimals(churn.precisionAt20),
          base: twoDecimals(churn.baseRate),
        });
  const definition = locale === 'zh-CN' ? churn.definition.zh : churn.definition.en;
  // A back-tested model's definition already names the model and its AUC, precision in the top 20 and base rate (ChurnTruth.definition).
  if (churn.auc !== null && churn.model !== 'rules-and-cadence' && definition !== '') return [definition];
  return [evidence, definition].filter((line) => line !== '');
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
export function suggestedAction(customer: Pick<StoredCustomer, 'strategyGroup'>, locale: Locale): string | null {
  const group = customer.strategyGroup;
  if (group === null || !(STRATEGY_GROUPS as readonly string[]).includes(group)) return null;
  const keys = strategyLabelKeys(group as StrategyGroup);
  return `${label(keys.measures, locale)} (${label(keys.channel, locale)})`;
}

/** Why the customer is (or, for a risky segment, is not) on the churn list, as the run worded it; else the probability. */
export function churnReason(customer: StoredCustomer, locale: Locale): string {
  const words = locale === 'zh-CN' ? customer.churnReasonZh : customer.churnReasonEn;
  if (words) return words;
  if (customer.churnProbability !== null)
    return `${message('field.churn-probability', locale)} ${formatProbability(customer.churnProbability)}`;
  return '—';
}

/**
 * What losing the customer would cost, beside the churn probability: the
 * expected loss in the snapshot's currency; when it is 0 or unknown (a model
 * with no value estimate, the rule union) never a 0 — say so, as the spend
 * is shown beside it.
 */
export function churnFacts(snapshot: SnapshotInfo, customer: StoredCustomer, locale: Locale): string[] {
  const facts: string[] = [];
  if (customer.churnProbability !== null)
    facts.push(`${message('field.churn-probability', locale)}: ${formatProbability(customer.churnProbability)}`);
  const loss = customer.expectedLoss;
  facts.push(
    loss !== null && loss > 0
      ? `${message('field.expected-loss', locale)}: ${formatMoney(loss, snapshot, locale)}`
      : message('field.expected-loss-unknown', locale),
  );
  return facts;
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
