import { maskName } from '../../../core/index.js';
import { todayOf, type BotDeps } from '../../bot-deps.js';
import { suggestedAction } from '../../blocks/format.js';
import { buildLogContactModal } from '../../blocks/build-log-contact-modal.js';
import { onCustomerButtonClick } from './on-button-click.js';

/** "Log contact": opens the execution-log modal for a customer the clicker may see (from a message or the Home tab: views.open needs only the trigger). */
export function createLogContact(deps: BotDeps) {
  return onCustomerButtonClick(deps, async ({ click, client, locale, customer, viewer }) => {
    // Slack always sends one; without it no modal can open.
    if (!click.triggerId) {
      deps.log('click ignored: no-trigger');
      return;
    }
    // A modal is private to the clicker: full name for the owner, masked for a manager looking at someone else's.
    const name = customer.company ?? customer.name;
    const shown = customer.owner === viewer.owner ? name : maskName(name, 0, locale);
    await client.views.open({
      trigger_id: click.triggerId,
      view: buildLogContactModal(
        customer.customerId,
        shown ? `${customer.customerId} · ${shown}` : customer.customerId,
        todayOf(deps),
        suggestedAction(customer, locale),
        locale,
      ),
    });
  });
}
