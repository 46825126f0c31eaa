import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { customerForAction, customerIdOfValue, localeOfValue } from '../../access/customer-for-action.js';
import { todayOf, type BotDeps } from '../../bot-deps.js';
import { message } from '../../i18n/messages.js';
import { refusal } from './respond-error.js';

/** Days a snooze keeps a customer off the churn list (issue 6). */
export const SNOOZE_DAYS = 30;

/** "Snooze 30 days": hides the customer from churn lists until then. */
export function createSnooze(deps: BotDeps) {
  return async ({ ack, action, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const locale = localeOfValue(action.value, deps.defaultLocale);
    const found = customerForAction(deps, body.user.id, customerIdOfValue(action.value));
    if ('error' in found) {
      await respond(refusal(deps, found.error, found.values, locale));
      return;
    }
    const until = new Date(Date.parse(`${todayOf(deps)}T00:00:00Z`) + SNOOZE_DAYS * 86_400_000).toISOString().slice(0, 10);
    deps.store.snooze(found.customer.customerId, found.customer.owner, until, body.user.id);
    await respond({ response_type: 'ephemeral', replace_original: false, text: message('snooze.done', locale, { customer: found.customer.customerId, until }) });
  };
}
