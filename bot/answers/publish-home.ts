import type { WebClient } from '@slack/web-api';
import { resolveViewer } from '../access/resolve-viewer.js';
import { todayOf, type BotDeps } from '../bot-deps.js';
import { buildHome } from '../blocks/build-home.js';
import { mondayOf } from '../clock/calendar-day.js';
import type { ChurnSort } from '../intents/match-intent.js';
import { answerQuestion } from './answer-question.js';

/** What a Home re-publish shows besides the user's data: the churn page, and a line confirming a click. */
export interface HomeRequest {
  readonly offset?: number;
  readonly pageSize?: number;
  /** The churn list's order (the Sort button); default by risk. */
  readonly sort?: ChurnSort;
  readonly notice?: string;
}

/**
 * Publishes the App Home tab for a user: their tier counts, a page of their
 * churn risks and contacts this week, as of the clock now. The Home tab is
 * private to the user, so their own customers' names are shown in full. Used
 * when the tab is opened and to answer clicks in it (Home-tab clicks carry
 * no response_url: the new view is the answer).
 */
export async function publishHome(
  deps: BotDeps,
  client: Pick<WebClient, 'views'>,
  slackUserId: string,
  request: HomeRequest = {},
): Promise<void> {
  const viewer = await resolveViewer(deps.store, slackUserId, deps.access);
  const ctx = { store: deps.store, viewer, locale: deps.defaultLocale, surface: 'dm' as const, today: todayOf(deps) };
  const summary = await answerQuestion({ kind: 'summary' }, ctx);
  const churn = await answerQuestion({ kind: 'churn' }, ctx, {
    offset: request.offset ?? 0,
    ...(request.pageSize ? { pageSize: request.pageSize } : {}),
    ...(request.sort ? { sort: request.sort } : {}),
  });
  const contacts = (
    await deps.store.executionLog({
      ...(viewer.manager ? {} : { owner: viewer.owner ?? '\u0000' }),
      since: mondayOf(ctx.today),
    })
  ).length;
  await client.views.publish({
    user_id: slackUserId,
    view: buildHome(summary, churn, contacts, deps.defaultLocale, request.notice),
  });
}
