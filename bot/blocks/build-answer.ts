import type { types } from '@slack/bolt';
import type { Answer, Page, ShownCustomer } from '../answers/answer-question.js';
import type { ChurnSort, Locale } from '../intents/match-intent.js';
import { message } from '../i18n/messages.js';
import { helpLines } from '../intents/question-registry.js';
import type { SnapshotInfo } from '../store/store.js';
import {
  churnEvidenceLines,
  churnFacts,
  churnReason,
  customerTitle,
  escapeMrkdwn,
  formatMoney,
  segmentName,
  suggestedAction,
} from './format.js';

export type Block = types.KnownBlock;

/**
 * Action ids of the bot's buttons (listeners/actions registers one listener
 * per id). The list's Sort button is `${page}_sort`: a re-ask of the list
 * from its first page in the other order, handled by the page listener.
 */
export const ACTION_IDS = {
  logContact: 'tierline_log_contact',
  snooze: 'tierline_snooze',
  details: 'tierline_details',
  page: 'tierline_page',
} as const;

/** What a pagination button carries; the viewer is re-resolved on click, so forging it gains nothing. */
export interface PageValue {
  readonly kind: 'churn' | 'segment';
  readonly offset: number;
  readonly pageSize: number;
  readonly segment?: string;
  /** The Slack user a manager asked about (`/crm churn @maria`). */
  readonly user?: string;
  readonly locale?: Locale;
  /** A churn list's order; absent = by risk. */
  readonly sort?: ChurnSort;
}

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: text.slice(0, 150), emoji: false },
});

function customerButtons(customer: ShownCustomer, locale: Locale): Block {
  // The locale rides along so the click is answered in the language of the list.
  const value = JSON.stringify(
    locale === 'zh-CN' ? { c: customer.customerId, l: 'zh-CN' } : { c: customer.customerId },
  );
  return {
    type: 'actions',
    block_id: `customer:${customer.customerId}`.slice(0, 255),
    elements: [
      {
        type: 'button',
        action_id: ACTION_IDS.logContact,
        text: { type: 'plain_text', text: message('button.log-contact', locale) },
        style: 'primary',
        value,
      },
      {
        type: 'button',
        action_id: ACTION_IDS.snooze,
        text: { type: 'plain_text', text: message('button.snooze', locale) },
        value,
      },
      {
        type: 'button',
        action_id: ACTION_IDS.details,
        text: { type: 'plain_text', text: message('button.details', locale) },
        value,
      },
    ],
  };
}

function customerLines(
  snapshot: SnapshotInfo,
  c: ShownCustomer,
  locale: Locale,
  withReason: boolean,
  withTitle = true,
): string {
  const lines = withTitle ? [`*${escapeMrkdwn(customerTitle(c))}*`] : [];
  if (withReason) lines.push(`${message('field.reason', locale)}: ${escapeMrkdwn(churnReason(c, locale))}`);
  // An at-risk customer's probability and expected loss come first: what the list is ranked by.
  if (c.churnRisk) lines.push(churnFacts(snapshot, c, locale).join(' · '));
  const facts = [
    `${message('field.last-purchase', locale)}: ${c.lastPurchaseDate ?? message('never', locale)}`,
    `${message('field.spend', locale)}: ${formatMoney(c.monetary, snapshot, locale)}`,
    `${message('field.segment', locale)}: ${segmentName(snapshot, c.segment, locale)}`,
  ];
  lines.push(facts.join(' · '));
  const action = suggestedAction(c, locale);
  if (action) lines.push(`${message('field.action', locale)}: ${escapeMrkdwn(action)}`);
  return lines.join('\n');
}

function pageButtons(
  page: Page,
  base: Omit<PageValue, 'offset' | 'pageSize'>,
  locale: Locale,
  sortable = false,
): Block[] {
  const elements: types.Button[] = [];
  if (sortable) {
    // Sort by risk ⇄ by value: the other order, from its first page.
    const other: ChurnSort = base.sort === 'value' ? 'risk' : 'value';
    const { sort: _current, ...rest } = base;
    const value = JSON.stringify({
      ...rest,
      ...(other === 'value' ? { sort: other } : {}),
      offset: 0,
      pageSize: page.pageSize,
    });
    elements.push({
      type: 'button',
      action_id: `${ACTION_IDS.page}_sort`,
      text: { type: 'plain_text', text: message(other === 'value' ? 'button.sort-value' : 'button.sort-risk', locale) },
      value,
    });
  }
  if (page.offset > 0)
    elements.push({
      type: 'button',
      action_id: `${ACTION_IDS.page}_previous`,
      text: { type: 'plain_text', text: message('button.previous', locale) },
      value: JSON.stringify({ ...base, offset: Math.max(0, page.offset - page.pageSize), pageSize: page.pageSize }),
    });
  if (page.offset + page.pageSize < page.total)
    elements.push({
      type: 'button',
      action_id: `${ACTION_IDS.page}_next`,
      text: { type: 'plain_text', text: message('button.next', locale) },
      value: JSON.stringify({ ...base, offset: page.offset + page.pageSize, pageSize: page.pageSize }),
    });
  return elements.length ? [{ type: 'actions', block_id: 'pagination', elements }] : [];
}

function pageLine(snapshot: SnapshotInfo, page: Page, shown: number, locale: Locale): string {
  return message('churn.page', locale, {
    from: page.offset + 1,
    to: page.offset + shown,
    total: page.total,
    asOf: snapshot.asOf,
  });
}

/**
 * The churn-risk list, "who is likely to leave": the order it is in, one
 * section per customer (reason; churn probability and expected loss; last
 * purchase, spend, segment; suggested action) with Log contact / Snooze /
 * Details, then the evidence footer (ranking model, back-test AUC,
 * precision in the top 20, base rate, definition of "at risk"), the page
 * line, and Sort / page buttons.
 * @example buildChurnList(answer, 'zh-CN')[0] // { type: 'header', text: { text: '流失风险客户' } }
 */
export function buildChurnList(
  answer: Extract<Answer, { kind: 'churn' }>,
  locale: Locale,
  requestedUser?: string,
): Block[] {
  const { snapshot, page, customers } = answer;
  const title =
    answer.owner !== undefined
      ? message('churn.title-owner', locale, { owner: answer.owner })
      : message('churn.title', locale);
  const evidence = churnEvidenceLines(snapshot, locale).map(escapeMrkdwn).join('\n');
  if (page.total === 0)
    return [header(title), section(message('churn.none', locale, { asOf: snapshot.asOf })), context(evidence)];
  const blocks: Block[] = [header(title)];
  // Old snapshots (no stored evidence) say their ranking in the evidence line itself.
  if (snapshot.churn)
    blocks.push(context(message(answer.sort === 'value' ? 'churn.ranked-value' : 'churn.ranked-risk', locale)));
  for (const c of customers) blocks.push(section(customerLines(snapshot, c, locale, true)), customerButtons(c, locale));
  const base = {
    kind: 'churn' as const,
    ...(requestedUser ? { user: requestedUser } : {}),
    ...(locale === 'zh-CN' ? { locale } : {}),
    ...(answer.sort === 'value' ? { sort: answer.sort } : {}),
  };
  blocks.push(
    context(evidence),
    context(pageLine(snapshot, page, customers.length, locale)),
    ...pageButtons(page, base, locale, true),
  );
  return blocks;
}

/** A segment's customers, best first, with the same buttons as the churn list. */
export function buildSegmentList(answer: Extract<Answer, { kind: 'segment' }>, locale: Locale): Block[] {
  const { snapshot, page, customers } = answer;
  const name = segmentName(snapshot, answer.segment, locale);
  if (page.total === 0) return [header(name), section(message('segment.none', locale, { segment: name }))];
  const blocks: Block[] = [header(name)];
  for (const c of customers)
    blocks.push(section(customerLines(snapshot, c, locale, c.churnRisk)), customerButtons(c, locale));
  blocks.push(
    context(pageLine(snapshot, page, customers.length, locale)),
    ...pageButtons(
      page,
      { kind: 'segment', segment: answer.segment, ...(locale === 'zh-CN' ? { locale } : {}) },
      locale,
    ),
  );
  return blocks;
}

/** Several customers matching a name. */
export function buildSearchResults(answer: Extract<Answer, { kind: 'search' }>, locale: Locale): Block[] {
  const blocks: Block[] = [header(message('search.title', locale, { text: answer.text }))];
  for (const c of answer.customers)
    blocks.push(section(customerLines(answer.snapshot, c, locale, c.churnRisk)), customerButtons(c, locale));
  return blocks;
}

/** One customer in full: scores, churn reason, strategy and the contacts logged. */
export function buildCustomerCard(answer: Extract<Answer, { kind: 'customer' }>, locale: Locale): Block[] {
  const { customer: c, snapshot } = answer;
  const facts = [
    `${message('field.owner', locale)}: ${escapeMrkdwn(c.owner ?? '—')}`,
    `${message('field.recency', locale)}: ${c.recencyDays ?? '—'}`,
    `${message('field.frequency', locale)}: ${c.frequency ?? '—'}`,
    `${message('field.aov', locale)}: ${formatMoney(c.averageOrderValue, snapshot, locale)}`,
  ];
  if (c.dueDate) facts.push(`${message('field.due', locale)}: ${c.dueDate}`);
  if (answer.snoozedUntil) facts.push(`${message('field.snoozed', locale)}: ${answer.snoozedUntil}`);
  const blocks: Block[] = [
    header(customerTitle(c)),
    section(customerLines(snapshot, c, locale, c.churnRisk, false)),
    context(facts.join(' · ')),
  ];
  if (answer.contacts.length > 0) {
    const last = answer.contacts
      .slice(-3)
      .map(
        (e) =>
          `${e.date} · ${escapeMrkdwn(e.action)} → ${message(e.result === 'success' ? 'log.success' : 'log.follow-up', locale)}`,
      );
    blocks.push(section(`*${message('field.contacts', locale)}* (${answer.contacts.length})\n${last.join('\n')}`));
  }
  blocks.push(customerButtons(c, locale));
  return blocks;
}

/** Tier counts for one owner or everyone. */
export function buildSummary(answer: Extract<Answer, { kind: 'summary' }>, locale: Locale): Block[] {
  const title = answer.all
    ? message('summary.title-all', locale)
    : answer.owner !== undefined
      ? message('summary.title-owner', locale, { owner: answer.owner })
      : message('summary.title', locale);
  const count = answer.counts.reduce((n, s) => n + s.count, 0);
  const churn = answer.counts.reduce((n, s) => n + s.churnRisks, 0);
  const revenue = answer.counts.reduce((n, s) => n + s.revenue, 0);
  const lines = answer.counts.map(
    (s) =>
      `• ${segmentName(answer.snapshot, s.segment, locale)}: ${s.count} · ${formatMoney(s.revenue, answer.snapshot, locale)}`,
  );
  return [
    header(title),
    section(message('summary.line', locale, { count, churn, revenue: formatMoney(revenue, answer.snapshot, locale) })),
    section(lines.join('\n') || '—'),
    context([answer.snapshot.asOf, ...churnEvidenceLines(answer.snapshot, locale)].map(escapeMrkdwn).join('\n')),
  ];
}

/** The help card; `fallback` when it answers a question nothing matched. */
export function buildHelpCard(fallback: boolean, locale: Locale): Block[] {
  const blocks: Block[] = [];
  if (fallback) blocks.push(section(message('help.fallback', locale)));
  blocks.push(header(message('help.title', locale)), section(helpLines(locale).join('\n')));
  return blocks;
}

/** Any answer as Block Kit. */
export function buildAnswerBlocks(answer: Answer, locale: Locale, requestedUser?: string): Block[] {
  switch (answer.kind) {
    case 'churn':
      return buildChurnList(answer, locale, requestedUser);
    case 'segment':
      return buildSegmentList(answer, locale);
    case 'search':
      return buildSearchResults(answer, locale);
    case 'customer':
      return buildCustomerCard(answer, locale);
    case 'summary':
      return buildSummary(answer, locale);
    case 'help':
      return buildHelpCard(answer.fallback, locale);
    case 'rendered':
      return [...answer.blocks];
    case 'error':
      return [section(message(answer.id, locale, answer.values))];
  }
}
