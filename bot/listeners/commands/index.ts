import type { App } from '@slack/bolt';
import type { BotDeps } from '../../bot-deps.js';
import { createCrmCommand } from './crm.js';

/** Registers the slash commands (the manifest declares `/crm`). */
export function register(app: App, deps: BotDeps): void {
  app.command('/crm', createCrmCommand(deps));
}
