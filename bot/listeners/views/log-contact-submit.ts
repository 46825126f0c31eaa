import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { parseDay } from '../../../core/index.js';
import { customerForAction } from '../../access/customer-for-action.js';
import type { BotDeps } from '../../bot-deps.js';
import { LOG_CONTACT, type LogContactMetadata } from '../../blocks/build-log-contact-modal.js';
import { message } from '../../i18n/messages.js';
import type { Locale } from '../../intents/match-intent.js';
import { readSubmission, stateField } from '../read-payload.js';

/** YYYY-MM-DD that names a real day (core's one day reader rejects 2026-02-30, which Date.parse rolls over). */
function isCalendarDate(text: string): boolean {
  return parseDay(text) !== undefined;
}

/** The modal's private_metadata; it comes back from the client, so anything but an object of strings is ignored. */
function metadataOf(text: string): Partial<LogContactMetadata> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { customerId, locale } = parsed as Record<string, unknown>;
    return {
      ...(typeof customerId === 'string' ? { customerId } : {}),
      ...(locale === 'zh-CN' || locale === 'en' ? { locale } : {}),
    };
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
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const submission = readSubmission(body, view);
    if (!submission) {
      await ack();
      deps.log('submission ignored: malformed-payload');
      return;
    }
    const meta = metadataOf(submission.metadata);
    const locale: Locale = meta.locale === 'zh-CN' ? 'zh-CN' : 'en';
    const { values } = submission;
    const text = (v: unknown): string => (typeof v === 'string' ? v : '');
    const date = text(stateField(values, LOG_CONTACT.date.block, LOG_CONTACT.date.action, 'selected_date'));
    const action = text(stateField(values, LOG_CONTACT.action.block, LOG_CONTACT.action.action, 'value')).trim();
    const feedback = text(stateField(values, LOG_CONTACT.feedback.block, LOG_CONTACT.feedback.action, 'value')).trim();
    const option = stateField(values, LOG_CONTACT.result.block, LOG_CONTACT.result.action, 'selected_option');
    const result = typeof option === 'object' && option !== null ? (option as { value?: unknown }).value : undefined;
    const errors: Record<string, string> = {};
    if (!isCalendarDate(date)) errors[LOG_CONTACT.date.block] = message('log.bad-date', locale);
    if (!action) errors[LOG_CONTACT.action.block] = message('log.required', locale);
    if (result !== 'success' && result !== 'follow-up')
      errors[LOG_CONTACT.result.block] = message('log.required', locale);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const found = await customerForAction(deps, submission.userId, meta.customerId);
    if ('error' in found) {
      await ack({
        response_action: 'errors',
        errors: { [LOG_CONTACT.action.block]: message(found.error, locale, found.values) },
      });
      return;
    }
    await ack();
    const entry = await deps.store.addExecutionLog({
      date,
      customerId: found.customer.customerId,
      owner: found.customer.owner,
      executor: submission.userId,
      action,
      feedback,
      result: result as 'success' | 'follow-up',
      createdAt: deps.now().toISOString(),
    });
    deps.log(`execution log ${entry.id} added`);
    await client.chat.postMessage({
      channel: submission.userId,
      text: message('log.saved', locale, {
        customer: entry.customerId,
        date: entry.date,
        result: message(entry.result === 'success' ? 'log.success' : 'log.follow-up', locale),
      }),
    });
  };
}
