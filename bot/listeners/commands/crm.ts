import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { runCrmCommand } from '../../answers/run-crm-command.js';
import type { BotDeps } from '../../bot-deps.js';
import { message } from '../../i18n/messages.js';

/**
 * `/crm …`: acks at once (Slack's 3-second limit), then answers by
 * response_url, ephemeral: only the asker sees their customers. Names are
 * shown in full only when the command was typed in the DM with the bot.
 */
export function createCrmCommand(deps: BotDeps) {
  return async ({ ack, command, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const surface = command.channel_name === 'directmessage' || command.channel_id.startsWith('D') ? 'dm' : 'channel';
    try {
      const reply = runCrmCommand(deps, command.user_id, command.text ?? '', surface);
      await respond({ response_type: 'ephemeral', blocks: reply.blocks, text: reply.text });
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'internal';
      deps.log(`crm command failed: ${code}`);
      await respond({ response_type: 'ephemeral', text: message('error.slack', deps.defaultLocale, { code }) });
    }
  };
}
