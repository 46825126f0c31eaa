import type { App, BlockButtonAction } from '@slack/bolt';
import type { BotDeps } from '../../bot-deps.js';
import { ACTION_IDS } from '../../blocks/build-answer.js';
import { createDetails } from './details.js';
import { createLogContact } from './log-contact.js';
import { createPage } from './page.js';
import { createSnooze } from './snooze.js';

/** Registers the button listeners of the churn list and customer card. */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.logContact, createLogContact(deps));
  app.action<BlockButtonAction>(ACTION_IDS.snooze, createSnooze(deps));
  app.action<BlockButtonAction>(ACTION_IDS.details, createDetails(deps));
  app.action<BlockButtonAction>(new RegExp(`^${ACTION_IDS.page}_(next|previous|sort)$`), createPage(deps));
}
