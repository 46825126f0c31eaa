import { maskName } from '../../core/index.js';
import type { SnapshotStore } from '../store/store.js';
import type { Digest } from './build-digest.js';

/**
 * The names the digest may show: masked in a channel (SPEC §10); full only
 * when the digest goes by DM to the owner of those customers.
 */
export async function digestNames(
  store: SnapshotStore,
  digest: Digest,
  surface: 'channel' | 'dm-owner',
  locale: 'en' | 'zh-CN',
): Promise<Map<string, string | null>> {
  const names = new Map<string, string | null>();
  const listed = [...digest.upgrades, ...digest.downgrades, ...digest.newChurnRiskCustomers];
  for (const [i, c] of listed.entries()) {
    if (names.has(c.customerId)) continue;
    const stored = await store.customer(digest.snapshot.id, c.customerId);
    const name = stored?.company ?? stored?.name ?? null;
    names.set(c.customerId, surface === 'dm-owner' ? name : maskName(name, i, locale));
  }
  return names;
}
