import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { localeOf, replyToQuestion } from '../../answers/reply-to-question.js';
import type { BotDeps } from '../../bot-deps.js';
import { readDirectMessage } from '../read-payload.js';
import { handleUpload, type SharedFile } from './handle-upload.js';

/**
 * A message in the DM with the bot: a question (answered with full names
 * of the asker's own customers — a DM to the owner) or a file upload.
 * Messages in channels are left to app_mention.
 */
export function createDirectMessage(deps: BotDeps) {
  return async ({
    message: msg,
    say,
    client,
    context,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const dm = readDirectMessage(msg);
    // Bolt gives `say` only when the event names a channel.
    if (!dm || typeof say !== 'function') return;
    if (dm.subtype === 'file_share') {
      if (!dm.user) return;
      const file: SharedFile = dm.file ?? {};
      const text = await handleUpload(deps, {
        userId: dm.user,
        channel: dm.channel,
        file,
        token: context.botToken,
        client,
        locale: localeOf(dm.text ?? file.name ?? '', deps.defaultLocale),
      });
      await say({ text });
      return;
    }
    // Edits, joins and the bot's own messages carry a subtype or a bot_id: not questions.
    if (dm.subtype !== undefined || dm.fromBot || !dm.user || dm.text === undefined) return;
    const reply = await replyToQuestion(deps, dm.user, dm.text, 'dm', context.botUserId);
    await say({ blocks: reply.blocks, text: reply.text });
  };
}
