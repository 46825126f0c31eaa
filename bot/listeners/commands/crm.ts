import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { runCrmCommand } from '../../answers/run-crm-command.js';
import type { BotDeps } from '../../bot-deps.js';
import { errorCode } from '../../error-code.js';
import { message } from '../../i18n/messages.js';
import { readCommand } from '../read-payload.js';

/**
 * `/crm …`: acks at once (Slack's 3-second limit), then answers by
 * response_url, ephemeral: only the asker sees their customers. Names are
 * shown in full only when the command was typed in the DM with the bot.
 */
export function createCrmCommand(deps: BotDeps) {
  return async ({ ack, command, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const cmd = readCommand(command);
    // Bolt gives `respond` only when the payload has a response_url, the one way a command is answered.
    if (!cmd || typeof respond !== 'function') {
      deps.log('command ignored: malformed-payload');
      return;
    }
    const surface = cmd.channel_name === 'directmessage' || cmd.channel_id.startsWith('D') ? 'dm' : 'channel';
    try {
      const reply = await runCrmCommand(deps, cmd.user_id, cmd.text, surface, {
        teamId: cmd.team_id,
        enterpriseId: cmd.enterprise_id,
      });
      await respond({ response_type: 'ephemeral', blocks: reply.blocks, text: reply.text });
    } catch (error) {
      const code = errorCode(error);
      deps.log(`crm command failed: ${code}`);
      await respond({ response_type: 'ephemeral', text: message('error.slack', deps.defaultLocale, { code }) });
    }
  };
}
