import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { localeOf, replyToQuestion } from '../../answers/reply-to-question.js';
import type { BotDeps } from '../../bot-deps.js';
import { handleUpload, type SharedFile } from './handle-upload.js';

/**
 * A message in the DM with the bot: a question (answered with full names
 * of the asker's own customers — a DM to the owner) or a file upload.
 * Messages in channels are left to app_mention.
 */
export function createDirectMessage(deps: BotDeps) {
  return async ({ message: msg, say, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (msg.channel_type !== 'im') return;
    if (msg.subtype === 'file_share') {
      const file = (msg.files?.[0] ?? {}) as SharedFile;
      const text = await handleUpload(deps, { userId: msg.user, channel: msg.channel, file, token: context.botToken, client, locale: localeOf(msg.text ?? file.name ?? '', deps.defaultLocale) });
      await say({ text });
      return;
    }
    // Edits, joins and the bot's own messages carry a subtype or a bot_id: not questions.
    if (msg.subtype !== undefined || 'bot_id' in msg || !msg.user || typeof msg.text !== 'string') return;
    const reply = replyToQuestion(deps, msg.user, msg.text, 'dm', context.botUserId);
    await say({ blocks: reply.blocks, text: reply.text });
  };
}
