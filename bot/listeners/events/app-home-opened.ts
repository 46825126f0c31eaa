import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuestion } from '../../answers/answer-question.js';
import { resolveViewer } from '../../access/resolve-viewer.js';
import { todayOf, type BotDeps } from '../../bot-deps.js';
import { buildHome } from '../../blocks/build-home.js';

/** Monday of the ISO week of `today` (YYYY-MM-DD), for "contacts logged this week". */
export function weekStart(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The App Home tab, published for the user who opened it: their tier
 * counts, top churn risks and contacts this week. The Home tab is private to
 * the user, so their own customers' names are shown in full.
 */
export function createAppHomeOpened(deps: BotDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const viewer = resolveViewer(deps.store, event.user, deps.access);
    const ctx = { store: deps.store, viewer, locale: deps.defaultLocale, surface: 'dm' as const, today: todayOf(deps) };
    const summary = answerQuestion({ kind: 'summary' }, ctx);
    const churn = answerQuestion({ kind: 'churn' }, ctx);
    const contacts = deps.store.executionLog({ ...(viewer.manager ? {} : { owner: viewer.owner ?? '\u0000' }), since: weekStart(ctx.today) }).length;
    await client.views.publish({ user_id: event.user, view: buildHome(summary, churn, contacts, deps.defaultLocale) });
  };
}
