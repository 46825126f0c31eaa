import type { WebClient } from '@slack/web-api';
import { publishHome } from '../../answers/publish-home.js';
import type { BotDeps } from '../../bot-deps.js';
import { message, type MessageId } from '../../i18n/messages.js';
import type { Locale } from '../../intents/match-intent.js';
import { directMessage, type ClickSurface } from './answer-click.js';

/** An ephemeral reply for a refused button click (wording from the message table). */
export function refusal(
  deps: BotDeps,
  id: MessageId,
  values?: Record<string, string>,
  locale: Locale = deps.defaultLocale,
): { response_type: 'ephemeral'; replace_original: false; text: string } {
  return { response_type: 'ephemeral', replace_original: false, text: message(id, locale, values) };
}

/**
 * Tells the clicker why a click was refused, on the surface it came from:
 * ephemeral under the message, a line on the re-published Home tab, else a DM.
 */
export async function answerRefusal(
  deps: BotDeps,
  surface: ClickSurface,
  client: Pick<WebClient, 'chat' | 'views'>,
  slackUserId: string,
  id: MessageId,
  values?: Record<string, string>,
  locale: Locale = deps.defaultLocale,
): Promise<void> {
  const reply = refusal(deps, id, values, locale);
  if (surface.kind === 'message') await surface.respond(reply);
  else if (surface.kind === 'home') await publishHome(deps, client, slackUserId, { notice: reply.text });
  else await directMessage(client, slackUserId, reply);
}
