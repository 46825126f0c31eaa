import type { App } from '@slack/bolt';
import { ACTION_IDS } from '../blocks/build-answer.js';
import { LOG_CONTACT } from '../blocks/build-log-contact-modal.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Matches any id except the listed ones (Bolt runs every matching listener, so the known ones must not match twice). */
const anyBut = (ids: readonly string[]) => new RegExp(`^(?!(?:${ids.map(escape).join('|')})$)`);

export const KNOWN_ACTION_IDS: readonly string[] = [
  ACTION_IDS.logContact,
  ACTION_IDS.snooze,
  ACTION_IDS.details,
  `${ACTION_IDS.page}_next`,
  `${ACTION_IDS.page}_previous`,
  `${ACTION_IDS.page}_sort`,
];

/**
 * Acks at once what no listener claims — an unknown or forged action id,
 * view callback, command, shortcut or options request — instead of letting
 * Slack wait 3 seconds for an answer that never comes.
 */
export function register(app: App): void {
  const ack = async ({ ack }: { ack: () => Promise<void> }) => ack();
  app.action({ action_id: anyBut(KNOWN_ACTION_IDS) }, ack);
  app.view({ callback_id: anyBut([LOG_CONTACT.callbackId]), type: 'view_submission' }, ack);
  app.view({ callback_id: /.*/, type: 'view_closed' }, ack);
  app.command(anyBut(['/crm']), ack);
  app.shortcut(/.*/, ack);
  app.options(/.*/, async ({ ack }) => ack({ options: [] }));
}
