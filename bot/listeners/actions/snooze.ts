import { publishHome } from '../../answers/publish-home.js';
import { todayOf, type BotDeps } from '../../bot-deps.js';
import { addDays } from '../../clock/calendar-day.js';
import { message } from '../../i18n/messages.js';
import { directMessage } from './answer-click.js';
import { onCustomerButtonClick } from './on-button-click.js';

/** Days a snooze keeps a customer off the churn list (issue 6). */
export const SNOOZE_DAYS = 30;

/**
 * "Snooze 30 days": hides the customer from churn lists until then (from
 * today on the bot's clock, in its zone). Confirmed under the message, or on
 * the re-published Home tab, which no longer lists the customer.
 */
export function createSnooze(deps: BotDeps) {
  return onCustomerButtonClick(deps, async ({ click, surface, client, locale, customer }) => {
    const until = addDays(todayOf(deps), SNOOZE_DAYS);
    await deps.store.snooze(customer.customerId, customer.owner, until, click.userId);
    const text = message('snooze.done', locale, { customer: customer.customerId, until });
    if (surface.kind === 'message')
      await surface.respond({ response_type: 'ephemeral', replace_original: false, text });
    else if (surface.kind === 'home') await publishHome(deps, client, click.userId, { notice: text });
    else await directMessage(client, click.userId, { text });
  });
}
