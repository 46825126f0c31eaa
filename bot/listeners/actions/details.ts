import { customerIdOfValue, localeOfValue } from '../../access/customer-for-action.js';
import { resolveViewer } from '../../access/resolve-viewer.js';
import { replyToIntent } from '../../answers/reply-to-question.js';
import type { BotDeps } from '../../bot-deps.js';
import { directMessage } from './answer-click.js';
import { onButtonClick } from './on-button-click.js';

/**
 * "Details": the customer card, through the same scoped lookup as a typed
 * "C003". Under a message it is an ephemeral reply; from the Home tab (no
 * response_url) it comes as a DM from the bot, where the owner's names are shown.
 */
export function createDetails(deps: BotDeps) {
  return onButtonClick(deps, async ({ click, surface, client }) => {
    const viewer = await resolveViewer(deps.store, click.userId, deps.access);
    const customerId = customerIdOfValue(click.value) ?? '?';
    const where = surface.kind !== 'message' || click.channelId?.startsWith('D') ? 'dm' : 'channel';
    const reply = await replyToIntent(
      deps,
      viewer,
      { kind: 'lookup', customerId },
      where,
      localeOfValue(click.value, deps.defaultLocale),
    );
    if (surface.kind === 'message')
      await surface.respond({
        response_type: 'ephemeral',
        replace_original: false,
        blocks: reply.blocks,
        text: reply.text,
      });
    else await directMessage(client, click.userId, reply);
  });
}
