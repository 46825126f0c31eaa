import type { App } from '@slack/bolt';
import type { BotDeps } from '../../bot-deps.js';
import { createAppHomeOpened } from './app-home-opened.js';
import { createAppMention } from './app-mention.js';

/** Registers the Events API listeners the manifest subscribes to. */
export function register(app: App, deps: BotDeps): void {
  app.event('app_mention', createAppMention(deps));
  app.event('app_home_opened', createAppHomeOpened(deps));
}
