import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { customerForAction, customerIdOfValue, localeOfValue } from '../../access/customer-for-action.js';
import type { Viewer } from '../../access/resolve-viewer.js';
import type { BotDeps } from '../../bot-deps.js';
import type { Locale } from '../../intents/match-intent.js';
import type { StoredCustomer } from '../../store/store.js';
import { readClick, type Click } from '../read-payload.js';
import { clickSurface, type ClickSurface } from './answer-click.js';
import { answerRefusal } from './respond-error.js';

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
  return async ({
    ack,
    action,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    if (!click) {
      deps.log('click ignored: malformed-payload');
      return;
    }
    await handle({ click, surface: clickSurface(click, respond), client });
  };
}

/** A click on a button about one customer, with the customer as the clicker may see it. */
export interface CustomerButtonClick extends ButtonClick {
  readonly locale: Locale;
  readonly viewer: Viewer;
  readonly customer: StoredCustomer;
}

/**
 * A listener of a button about one customer (Log contact, Snooze): the
 * customer is looked up again for the clicker (a button value can be forged)
 * and a refusal is answered on the click's surface in the button's language.
 */
export function onCustomerButtonClick(deps: BotDeps, handle: (button: CustomerButtonClick) => Promise<void>) {
  return onButtonClick(deps, async (button) => {
    const { click, surface, client } = button;
    const locale = localeOfValue(click.value, deps.defaultLocale);
    const found = await customerForAction(deps, click.userId, customerIdOfValue(click.value));
    if ('error' in found) {
      await answerRefusal(deps, surface, client, click.userId, found.error, found.values, locale);
      return;
    }
    await handle({ ...button, locale, viewer: found.viewer, customer: found.customer });
  });
}
