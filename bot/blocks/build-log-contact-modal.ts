import type { types } from '@slack/bolt';
import type { Locale } from '../intents/match-intent.js';
import { message } from '../i18n/messages.js';

/** callback_id of the modal and the block/action ids of its inputs (views/log-contact-submit reads them). */
export const LOG_CONTACT = {
  callbackId: 'tierline_log_contact_submit',
  date: { block: 'date', action: 'date' },
  action: { block: 'action', action: 'action' },
  feedback: { block: 'feedback', action: 'feedback' },
  result: { block: 'result', action: 'result' },
} as const;

/** What the modal remembers between opening and submission (private_metadata). */
export interface LogContactMetadata {
  readonly customerId: string;
  readonly locale: Locale;
}

/**
 * SPEC Template 3 as a modal: date, action (prefilled with the suggested
 * action), customer feedback, and result success / follow-up.
 * @example buildLogContactModal('C003', 'A公司', '2026-11-25', 'Phone call', 'en').callback_id // 'tierline_log_contact_submit'
 */
export function buildLogContactModal(
  customerId: string,
  title: string,
  today: string,
  suggested: string | null,
  locale: Locale,
): types.ModalView {
  const metadata: LogContactMetadata = { customerId, locale };
  return {
    type: 'modal',
    callback_id: LOG_CONTACT.callbackId,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: message('log.title', locale) },
    submit: { type: 'plain_text', text: message('log.submit', locale) },
    close: { type: 'plain_text', text: message('log.cancel', locale) },
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: title }] },
      {
        type: 'input',
        block_id: LOG_CONTACT.date.block,
        label: { type: 'plain_text', text: message('log.date', locale) },
        element: { type: 'datepicker', action_id: LOG_CONTACT.date.action, initial_date: today },
      },
      {
        type: 'input',
        block_id: LOG_CONTACT.action.block,
        label: { type: 'plain_text', text: message('log.action', locale) },
        element: {
          type: 'plain_text_input',
          action_id: LOG_CONTACT.action.action,
          max_length: 500,
          ...(suggested ? { initial_value: suggested.slice(0, 500) } : {}),
        },
      },
      {
        type: 'input',
        block_id: LOG_CONTACT.feedback.block,
        label: { type: 'plain_text', text: message('log.feedback', locale) },
        element: {
          type: 'plain_text_input',
          action_id: LOG_CONTACT.feedback.action,
          multiline: true,
          max_length: 2000,
        },
      },
      {
        type: 'input',
        block_id: LOG_CONTACT.result.block,
        label: { type: 'plain_text', text: message('log.result', locale) },
        element: {
          type: 'radio_buttons',
          action_id: LOG_CONTACT.result.action,
          options: [
            { text: { type: 'plain_text', text: message('log.success', locale) }, value: 'success' },
            { text: { type: 'plain_text', text: message('log.follow-up', locale) }, value: 'follow-up' },
          ],
        },
      },
    ],
  };
}
