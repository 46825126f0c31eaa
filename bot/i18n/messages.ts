import { label, type LabelKey, type Locale } from '../../core/index.js';

type BotKey = Extract<LabelKey, `bot.${string}`>;

/** A bot sentence's id: its catalogue key without the `bot.` prefix (core/i18n/bot-messages.ts). */
export type MessageId = BotKey extends `bot.${infer Id}` ? Id : never;

/**
 * The bot sentence `id` in `locale` with `{name}` placeholders filled: the one
 * catalogue's `label` under the `bot.` prefix (issue 14).
 * @example message('churn.none', 'en', { asOf: '2026-11-01' }) // 'No customers at churn risk in the snapshot of 2026-11-01.'
 */
export function message(id: MessageId, locale: Locale, values: Readonly<Record<string, string | number>> = {}): string {
  return label(`bot.${id}` as BotKey, locale, values);
}
