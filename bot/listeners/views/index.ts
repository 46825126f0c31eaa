import type { App, ViewSubmitAction } from '@slack/bolt';
import type { BotDeps } from '../../bot-deps.js';
import { LOG_CONTACT } from '../../blocks/build-log-contact-modal.js';
import { createLogContactSubmit } from './log-contact-submit.js';

/** Registers the modal submission listeners. */
export function register(app: App, deps: BotDeps): void {
  app.view<ViewSubmitAction>(LOG_CONTACT.callbackId, createLogContactSubmit(deps));
}
