import { blocksToText } from '../blocks/blocks-to-text.js';
import type { Block } from '../blocks/build-answer.js';
import { buildDigestBlocks } from '../blocks/build-digest-blocks.js';
import type { Locale } from '../intents/match-intent.js';
import { message } from '../i18n/messages.js';
import type { ExecutionLogStore, SnapshotStore } from '../store/store.js';
import { buildDigest, type Digest } from './build-digest.js';
import { digestNames } from './digest-names.js';
import { digestStrategyGroups } from './digest-strategy-groups.js';

/**
 * The digest for one scope as Block Kit and text, names masked for a
 * channel. undefined owner = every owner.
 */
export async function renderDigest(
  store: SnapshotStore & ExecutionLogStore,
  owner: string | undefined,
  locale: Locale,
  surface: 'channel' | 'dm-owner' = 'channel',
): Promise<{ blocks: Block[]; text: string; digest?: Digest }> {
  const digest = await buildDigest(store, owner);
  if (!digest) {
    const text = message('error.no-snapshot', locale);
    return { blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }], text };
  }
  const blocks = buildDigestBlocks(
    digest,
    locale,
    await digestNames(store, digest, surface, locale),
    undefined,
    await digestStrategyGroups(store, digest),
  );
  return { blocks, text: blocksToText(blocks), digest };
}
