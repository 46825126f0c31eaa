import type { types } from '@slack/bolt';
import type { Answer } from '../answers/answer-question.js';
import type { Locale } from '../intents/match-intent.js';
import { message } from '../i18n/messages.js';
import type { Block } from './build-answer.js';
import { buildAnswerBlocks } from './build-answer.js';
import { formatMoney, segmentName } from './format.js';

/**
 * The App Home tab: the viewer's tier counts, top churn risks (with the
 * same buttons as in a DM) and contacts logged this week. An error answer
 * (not mapped, no snapshot) shows as the only section. `notice` is a line
 * under the title confirming what a click just did (the Home tab has no
 * other way to answer).
 */
export function buildHome(
  summary: Answer,
  churn: Answer,
  contactsThisWeek: number,
  locale: Locale,
  notice?: string,
): types.HomeView & { blocks: Block[] } {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: message('home.title', locale) } }];
  if (notice) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: notice }] });
  if (summary.kind !== 'summary') {
    blocks.push(...buildAnswerBlocks(summary, locale));
    return { type: 'home', blocks };
  }
  const lines = summary.counts.map(
    (s) =>
      `• ${segmentName(summary.snapshot, s.segment, locale)}: *${s.count}* · ${formatMoney(s.revenue, summary.snapshot, locale)}`,
  );
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*${message('home.tiers', locale)}* (${summary.snapshot.asOf})\n${lines.join('\n') || '—'}`,
    },
  });
  blocks.push(
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `*${message('home.top-risk', locale)}*` } },
  );
  // The churn list without its header: the home tab has its own.
  blocks.push(...buildAnswerBlocks(churn, locale).filter((b) => b.type !== 'header'));
  blocks.push(
    { type: 'divider' },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: message('home.contacts', locale, { count: contactsThisWeek }) }],
    },
  );
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
