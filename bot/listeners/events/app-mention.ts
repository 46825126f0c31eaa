import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { replyToQuestion } from '../../answers/reply-to-question.js';
import type { BotDeps } from '../../bot-deps.js';
import { readMention } from '../read-payload.js';

/**
 * An @mention in a channel: answered in a thread, names masked (the channel
 * is not a DM to the owner, SPEC §10), scoped to the asker's customers.
 */
export function createAppMention(deps: BotDeps) {
  return async ({
    event,
    say,
    context,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const mention = readMention(event);
    // Bolt gives `say` only when the event names a channel.
    if (!mention || typeof say !== 'function') return;
    const reply = await replyToQuestion(deps, mention.user, mention.text, 'channel', context.botUserId);
    await say({ blocks: reply.blocks, text: reply.text, thread_ts: mention.thread_ts ?? mention.ts });
  };
}
