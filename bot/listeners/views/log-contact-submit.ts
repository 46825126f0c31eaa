import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { customerForAction } from '../../access/customer-for-action.js';
import type { BotDeps } from '../../bot-deps.js';
import { LOG_CONTACT, type LogContactMetadata } from '../../blocks/build-log-contact-modal.js';
import { message } from '../../i18n/messages.js';
import type { Locale } from '../../intents/match-intent.js';

/** YYYY-MM-DD that names a real day (the round trip rejects 2026-02-30, which Date.parse rolls over). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

function metadataOf(text: string): Partial<LogContactMetadata> {
  try {
    return JSON.parse(text) as Partial<LogContactMetadata>;
  } catch {
    return {};
  }
}

/**
 * The Log contact modal's submission: validated (errors shown on the
 * fields, the modal stays open), scope re-checked against the submitting
 * user, then one SPEC Template 3 row in the execution log and a DM to the
 * user confirming it.
 */
export function createLogContactSubmit(deps: BotDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = metadataOf(view.private_metadata);
    const locale: Locale = meta.locale === 'zh-CN' ? 'zh-CN' : 'en';
    const values = view.state.values;
    const date = values[LOG_CONTACT.date.block]?.[LOG_CONTACT.date.action]?.selected_date ?? '';
    const action = (values[LOG_CONTACT.action.block]?.[LOG_CONTACT.action.action]?.value ?? '').trim();
    const feedback = (values[LOG_CONTACT.feedback.block]?.[LOG_CONTACT.feedback.action]?.value ?? '').trim();
    const result = values[LOG_CONTACT.result.block]?.[LOG_CONTACT.result.action]?.selected_option?.value;
    const errors: Record<string, string> = {};
    if (!isCalendarDate(date)) errors[LOG_CONTACT.date.block] = message('log.bad-date', locale);
    if (!action) errors[LOG_CONTACT.action.block] = message('log.required', locale);
    if (result !== 'success' && result !== 'follow-up') errors[LOG_CONTACT.result.block] = message('log.required', locale);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const found = customerForAction(deps, body.user.id, meta.customerId);
    if ('error' in found) {
      await ack({ response_action: 'errors', errors: { [LOG_CONTACT.action.block]: message(found.error, locale, found.values) } });
      return;
    }
    await ack();
    const entry = deps.store.addExecutionLog({
      date,
      customerId: found.customer.customerId,
      owner: found.customer.owner,
      executor: body.user.id,
      action,
      feedback,
      result: result as 'success' | 'follow-up',
      createdAt: deps.now().toISOString(),
    });
    deps.log(`execution log ${entry.id} added`);
    await client.chat.postMessage({ channel: body.user.id, text: message('log.saved', locale, { customer: entry.customerId, date: entry.date, result: message(entry.result === 'success' ? 'log.success' : 'log.follow-up', locale) }) });
  };
}
