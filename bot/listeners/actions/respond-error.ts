import type { BotDeps } from '../../bot-deps.js';
import { message, type MessageId } from '../../i18n/messages.js';
import type { Locale } from '../../intents/match-intent.js';

/** An ephemeral reply for a refused button click (wording from the message table). */
export function refusal(deps: BotDeps, id: MessageId, values?: Record<string, string>, locale: Locale = deps.defaultLocale): { response_type: 'ephemeral'; replace_original: false; text: string } {
  return { response_type: 'ephemeral', replace_original: false, text: message(id, locale, values) };
}
