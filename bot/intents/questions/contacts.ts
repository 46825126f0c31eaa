import { scopeOwner } from '../../access/resolve-viewer.js';
import { mondayOf } from '../../clock/calendar-day.js';
import { message } from '../../i18n/messages.js';
import type { Question } from '../question.js';

/**
 * "who did I contact this week", 「本周联系记录」: the contacts logged since
 * Monday (the execution log), newest first, for the asker's customers (a
 * manager: everyone's, or one owner's with @user). Ids and actions only, no
 * names, so it is the same on every surface.
 */
export const contactsQuestion: Question = {
  id: 'contacts',
  phrasings: {
    en: ['who did I contact this week', 'contacts logged this week', 'my contact log', 'what did I log'],
    'zh-CN': ['本周联系记录', '我这周联系了谁', '这周的跟进记录', '看看联系记录'],
  },
  keywords: {
    en: ['contacts', 'contacts logged', 'contact log', 'did i contact', 'i contacted', 'did i log', 'logged contacts'],
    'zh-CN': ['联系记录', '跟进记录', '联系了谁', '联系过谁'],
  },
  help: 'help.contacts',
  // `/crm contacts [@owner]` reaches it as a question (run-crm-command reads unknown subcommands as questions).
  command: { name: 'contacts', usage: '/crm contacts [@owner]' },
  async answer(ctx, intent) {
    const since = mondayOf(ctx.today);
    const scope = await scopeOwner(ctx.store, ctx.viewer, intent.ownerMention);
    if ('error' in scope) return [section(message(`error.${scope.error}`, ctx.locale, { user: scope.user ?? '' }))];
    const entries = (await ctx.store.executionLog({ ...(scope.owner ? { owner: scope.owner } : {}), since }))
      .slice()
      .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
    const title = message('contacts.title', ctx.locale, { since });
    if (entries.length === 0) return [header(title), section(message('contacts.none', ctx.locale, { since }))];
    const lines = entries.map(
      (e) =>
        `• ${e.date} · ${e.customerId} · ${e.action} → ${message(e.result === 'success' ? 'log.success' : 'log.follow-up', ctx.locale)}`,
    );
    return [header(title), section(lines.join('\n'))];
  },
};

const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } });
const header = (text: string) => ({
  type: 'header' as const,
  text: { type: 'plain_text' as const, text: text.slice(0, 150), emoji: false },
});
