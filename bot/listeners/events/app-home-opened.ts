import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { publishHome } from '../../answers/publish-home.js';
import type { BotDeps } from '../../bot-deps.js';
import { readHomeOpened } from '../read-payload.js';

/** The App Home tab, published for the user who opened it (see publishHome). */
export function createAppHomeOpened(deps: BotDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    const user = readHomeOpened(event);
    if (user) await publishHome(deps, client, user);
  };
}
