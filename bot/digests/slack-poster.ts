import type { WebClient } from '@slack/web-api';
import { findBotToken, type InstallationStore } from '../store/installation-store.js';
import type { ExecutionLogStore, PeopleStore, SnapshotStore, Subscription } from '../store/store.js';
import { digestChartSpec, type ChartRenderer } from './digest-chart.js';
import type { DigestPoster } from './digest-scheduler.js';
import { renderDigest } from './render-digest.js';

/** The metadata event type that marks a digest message, so a restarted bot can find what it already posted. */
export const DIGEST_EVENT_TYPE = 'tierline_digest';

/**
 * Posts digests with chat.postMessage, then (with a renderer) the tier chart
 * as a PNG in the digest's thread. A chart that fails is logged and skipped:
 * the digest itself is already posted, and posting it again would break
 * exactly-once. Each message carries metadata
 * (subscription, period); `alreadyPosted` looks for it in the channel's
 * history since the period began. Rate limits (429) are retried by the
 * WebClient after the Retry-After the API sends.
 *
 * In OAuth mode (`installations` given; the client has no token of its own)
 * every call carries the bot token of the workspace the subscription was made
 * in, fetched at post time; a workspace that has uninstalled the app rejects
 * with code `workspace-not-installed` (the scheduler skips it). In token mode
 * the client's own token is used, as before.
 */
export function createSlackPoster(
  store: SnapshotStore & ExecutionLogStore & PeopleStore,
  client: WebClient,
  options: {
    readonly renderChart?: ChartRenderer;
    readonly log?: (line: string) => void;
    readonly installations?: Pick<InstallationStore, 'findInstallation'>;
  } = {},
): DigestPoster {
  // {} in token mode; { token } of the subscription's workspace in OAuth mode.
  const tokenOf = async (subscription: Subscription): Promise<{ token?: string }> => {
    if (!options.installations) return {};
    const token = await findBotToken(options.installations, subscription);
    if (!token)
      throw Object.assign(new Error('The workspace of this subscription has no installation.'), {
        code: 'workspace-not-installed',
      });
    return { token };
  };
  return {
    async post(subscription: Subscription, period: string): Promise<string | null> {
      const auth = await tokenOf(subscription);
      const owner = subscription.scope.kind === 'owner' ? subscription.scope.owner : undefined;
      // Full names only in a DM to the owner of every customer in it (SPEC §10); anywhere else masked.
      const toOwner =
        /^[UW]/.test(subscription.channel) &&
        owner !== undefined &&
        (await store.ownerOfSlackUser(subscription.channel)) === owner;
      const { blocks, text, digest } = await renderDigest(
        store,
        owner,
        subscription.locale,
        toOwner ? 'dm-owner' : 'channel',
      );
      const result = await client.chat.postMessage({
        ...auth,
        channel: subscription.channel,
        blocks,
        text,
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { subscription: subscription.id, period } },
      });
      if (options.renderChart && digest && digest.total > 0 && result.ts) {
        try {
          const png = await options.renderChart(digestChartSpec(digest, subscription.locale));
          await client.files.uploadV2({
            ...auth,
            channel_id: subscription.channel,
            thread_ts: result.ts,
            file: png,
            filename: `tiers-${digest.snapshot.asOf}.png`,
            alt_text: text.split('\n')[0] ?? 'tiers',
          });
        } catch (error) {
          options.log?.(
            `digest chart skipped: subscription ${subscription.id}, ${(error as { code?: string }).code ?? (error as Error).name}`,
          );
        }
      }
      return result.ts ?? null;
    },
    async alreadyPosted(subscription: Subscription, period: string, since: Date): Promise<string | null | false> {
      const auth = await tokenOf(subscription);
      // A digest sent to a user lives in the app's DM with them: history needs that D… channel.
      const channel = /^[UW]/.test(subscription.channel)
        ? ((await client.conversations.open({ ...auth, users: subscription.channel })).channel?.id ??
          subscription.channel)
        : subscription.channel;
      const history = await client.conversations.history({
        ...auth,
        channel,
        oldest: String(since.getTime() / 1000),
        include_all_metadata: true,
        limit: 200,
      });
      for (const m of history.messages ?? []) {
        const meta = m.metadata as
          { event_type?: string; event_payload?: { subscription?: number; period?: string } } | undefined;
        if (
          meta?.event_type === DIGEST_EVENT_TYPE &&
          meta.event_payload?.subscription === subscription.id &&
          meta.event_payload.period === period
        )
          return m.ts ?? null;
      }
      return false;
    },
  };
}
