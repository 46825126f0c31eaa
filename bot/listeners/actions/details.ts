import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { customerIdOfValue, localeOfValue } from '../../access/customer-for-action.js';
import { resolveViewer } from '../../access/resolve-viewer.js';
import { replyToIntent } from '../../answers/reply-to-question.js';
import type { BotDeps } from '../../bot-deps.js';

/** "Details": the customer card, through the same scoped lookup as a typed "C003". */
export function createDetails(deps: BotDeps) {
  return async ({ ack, action, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const viewer = resolveViewer(deps.store, body.user.id, deps.access);
    const customerId = customerIdOfValue(action.value) ?? '?';
    const surface = body.channel?.id?.startsWith('D') ? 'dm' : 'channel';
    const reply = replyToIntent(deps, viewer, { kind: 'lookup', customerId }, surface, localeOfValue(action.value, deps.defaultLocale));
    await respond({ response_type: 'ephemeral', replace_original: false, blocks: reply.blocks, text: reply.text });
  };
}
