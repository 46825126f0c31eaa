import type { WebClient } from '@slack/web-api';
import type { Store, Subscription } from '../store/store.js';
import type { DigestPoster } from './digest-scheduler.js';
import { renderDigest } from './render-digest.js';

/** The metadata event type that marks a digest message, so a restarted bot can find what it already posted. */
export const DIGEST_EVENT_TYPE = 'tierline_digest';

/**
 * Posts digests with chat.postMessage. Each message carries metadata
 * (subscription, period); `alreadyPosted` looks for it in the channel's
 * history since the period began. Rate limits (429) are retried by the
 * WebClient after the Retry-After the API sends.
 */
export function createSlackPoster(store: Store, client: WebClient): DigestPoster {
  return {
    async post(subscription: Subscription, period: string): Promise<string | null> {
      const owner = subscription.scope.kind === 'owner' ? subscription.scope.owner : undefined;
      const { blocks, text } = renderDigest(store, owner, subscription.locale, 'channel');
      const result = await client.chat.postMessage({
        channel: subscription.channel,
        blocks,
        text,
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { subscription: subscription.id, period } },
      });
      return result.ts ?? null;
    },
    async alreadyPosted(subscription: Subscription, period: string, since: Date): Promise<string | null | false> {
      const history = await client.conversations.history({ channel: subscription.channel, oldest: String(since.getTime() / 1000), include_all_metadata: true, limit: 200 });
      for (const m of history.messages ?? []) {
        const meta = m.metadata as { event_type?: string; event_payload?: { subscription?: number; period?: string } } | undefined;
        if (meta?.event_type === DIGEST_EVENT_TYPE && meta.event_payload?.subscription === subscription.id && meta.event_payload.period === period) return m.ts ?? null;
      }
      return false;
    },
  };
}
