import type { SnapshotStore } from '../store/store.js';
import type { Digest } from './build-digest.js';

/**
 * The strategy group of each new churn risk the digest lists (the stored
 * customer's, null when it has none), so the Block Kit builder can list
 * customers under the suggested action they share.
 */
export async function digestStrategyGroups(store: SnapshotStore, digest: Digest): Promise<Map<string, string | null>> {
  const groups = new Map<string, string | null>();
  for (const c of digest.newChurnRiskCustomers) {
    if (groups.has(c.customerId)) continue;
    const stored = await store.customer(digest.snapshot.id, c.customerId);
    groups.set(c.customerId, stored?.strategyGroup ?? null);
  }
  return groups;
}
