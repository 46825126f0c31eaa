import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { publishHome } from '../../answers/publish-home.js';
import type { BotDeps } from '../../bot-deps.js';

/** The App Home tab, published for the user who opened it (see publishHome). */
export function createAppHomeOpened(deps: BotDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home' || typeof event.user !== 'string') return;
    await publishHome(deps, client, event.user);
  };
}
