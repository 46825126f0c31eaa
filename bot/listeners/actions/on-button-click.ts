import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../bot-deps.js';
import { readClick, type Click } from '../read-payload.js';
import { clickSurface, type ClickSurface } from './answer-click.js';

/** What a button listener works from once the click is acknowledged and checked. */
export interface ButtonClick {
  readonly click: Click;
  readonly surface: ClickSurface;
  readonly client: AllMiddlewareArgs['client'];
}

/**
 * A button listener: acks first (Slack retries after 3 s), drops a malformed
 * payload with a log line (no personal data), and hands the checked click and
 * its surface to `handle`.
 */
export function onButtonClick(deps: Pick<BotDeps, 'log'>, handle: (button: ButtonClick) => Promise<void>) {
  return async ({ ack, action, body, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    if (!click) {
      deps.log('click ignored: malformed-payload');
      return;
    }
    await handle({ click, surface: clickSurface(click, respond), client });
  };
}
