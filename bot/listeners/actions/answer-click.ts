import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Block } from '../../blocks/build-answer.js';
import type { Click } from '../read-payload.js';

/**
 * Where a button was clicked, which decides how it can be answered: a
 * message has a response_url (Bolt's `respond`); the App Home tab and a
 * modal have none, so `respond` is absent and calling it threw
 * ("respond is not a function") after the snooze was already saved.
 */
export type ClickSurface =
  { readonly kind: 'message'; readonly respond: RespondFn } | { readonly kind: 'home' } | { readonly kind: 'other' };

/** The surface of a checked click, given Bolt's `respond` as passed. */
export function clickSurface(click: Click, respond: RespondFn | undefined): ClickSurface {
  if (click.home) return { kind: 'home' };
  // Bolt sets `respond` only when the payload has a response_url.
  if (typeof respond === 'function') return { kind: 'message', respond };
  return { kind: 'other' };
}

/** A click's private answer where no response_url exists: a DM from the bot to the clicker. */
export async function directMessage(
  client: Pick<WebClient, 'chat'>,
  slackUserId: string,
  reply: { text: string; blocks?: Block[] },
): Promise<void> {
  await client.chat.postMessage({
    channel: slackUserId,
    text: reply.text,
    ...(reply.blocks ? { blocks: reply.blocks } : {}),
  });
}
