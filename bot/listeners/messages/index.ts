import type { App } from '@slack/bolt';
import type { BotDeps } from '../../bot-deps.js';
import { createDirectMessage } from './direct-message.js';

/** Registers the message listener (DMs with the bot). */
export function register(app: App, deps: BotDeps): void {
  app.message(createDirectMessage(deps));
}
