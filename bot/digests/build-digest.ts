import { compareSnapshots, parseDay, type Snapshot } from '../../core/index.js';
import type { DigestColumns, ExecutionLogStore, SnapshotInfo, SnapshotStore } from '../store/store.js';

/** One tier line of the digest. */
export interface DigestTier {
  readonly segment: string;
  readonly count: number;
  /** Count in the previous snapshot (0 when the tier was empty or there is none). */
  readonly previousCount: number;
  readonly revenue: number;
  readonly revenueShare: number;
}

/** A customer the digest names; names are filled (masked or not) by the caller's surface. */
export interface DigestCustomer {
  readonly customerId: string;
  readonly from?: string;
  readonly to?: string;
  readonly segment?: string;
  readonly revenue: number;
}

/** The weekly digest as data: what the Block Kit builder and the text preview render. */
export interface Digest {
  readonly snapshot: SnapshotInfo;
  readonly previous: SnapshotInfo | undefined;
  /** undefined: every owner. */
  readonly owner: string | undefined;
  readonly total: number;
  readonly totalRevenue: number;
  readonly tiers: readonly DigestTier[];
  readonly upgrades: readonly DigestCustomer[];
  readonly downgrades: readonly DigestCustomer[];
  readonly upgraded: number;
  readonly downgraded: number;
  /** At churn risk now, not before (or new). */
  readonly newChurnRisks: number;
  readonly newChurnRiskCustomers: readonly DigestCustomer[];
  readonly churnRisks: number;
  /** At risk in the previous snapshot and bought again since. */
  readonly winBack: {
    readonly atRisk: number;
    readonly won: number;
    readonly contacts: number;
    readonly successes: number;
  };
}

// Stored snapshots keep their day as text; core's one day reader turns it back.
const dayOf = (iso: string): number => parseDay(iso)!;

/** Keeps the `limit` largest by revenue, ties by id, in one pass. */
function topBy<T extends { customerId: string; revenue: number }>(items: T[], item: T, limit: number): void {
  items.push(item);
  items.sort((a, b) => b.revenue - a.revenue || (a.customerId < b.customerId ? -1 : 1));
  if (items.length > limit) items.pop();
}

/**
 * The digest of the newest snapshot against the one before it, for one owner
 * or all: tier counts and change, revenue share, top upgrades and downgrades
 * (core's compareSnapshots on snapshots rebuilt from stored rows), new churn
 * risks, and win-back — customers at risk last time whose recency shows a
 * purchase since, with the execution log's success rate over the period.
 * @returns undefined when the store has no snapshot.
 */
export async function buildDigest(
  store: SnapshotStore & ExecutionLogStore,
  owner: string | undefined,
  top = 5,
): Promise<Digest | undefined> {
  const snapshot = await store.latestSnapshot();
  if (!snapshot) return undefined;
  const previous = await store.previousSnapshot(snapshot.id);
  const now = await store.digestColumns(snapshot.id, owner);
  const before = previous ? await store.digestColumns(previous.id, owner) : undefined;

  const counts = new Float64Array(snapshot.segments.length),
    revenues = new Float64Array(snapshot.segments.length);
  let totalRevenue = 0,
    churnRisks = 0;
  for (let i = 0; i < now.ids.length; i++) {
    counts[now.segment[i]!]!++;
    const r = Number.isFinite(now.monetary[i]!) ? now.monetary[i]! : 0;
    revenues[now.segment[i]!]! += r;
    totalRevenue += r;
    churnRisks += now.churn[i]!;
  }
  const previousCounts = new Map<string, number>();
  if (before && previous)
    for (let i = 0; i < before.ids.length; i++) {
      const s = previous.segments[before.segment[i]!]!;
      previousCounts.set(s, (previousCounts.get(s) ?? 0) + 1);
    }
  const tiers: DigestTier[] = snapshot.segments
    .map((segment, s) => ({
      segment,
      count: counts[s]!,
      previousCount: previousCounts.get(segment) ?? 0,
      revenue: revenues[s]!,
      revenueShare: totalRevenue > 0 ? revenues[s]! / totalRevenue : 0,
    }))
    .filter((t) => t.count > 0 || t.previousCount > 0);

  let upgrades: DigestCustomer[] = [],
    downgrades: DigestCustomer[] = [],
    upgraded = 0,
    downgraded = 0;
  let newChurnRisks = 0;
  const newChurnRiskCustomers: DigestCustomer[] = [];
  const winBack = { atRisk: 0, won: 0, contacts: 0, successes: 0 };
  if (before && previous) {
    const toSnapshot = (c: DigestColumns, info: SnapshotInfo): Snapshot => ({
      ids: c.ids,
      segments: info.segments,
      segment: c.segment,
      revenue: c.monetary,
      scheme: info.scheme,
    });
    const migration = compareSnapshots(toSnapshot(before, previous), toSnapshot(now, snapshot), { top });
    upgrades = migration.upgrades.map((m) => ({ customerId: m.id, from: m.from, to: m.to, revenue: m.revenue }));
    downgrades = migration.downgrades.map((m) => ({ customerId: m.id, from: m.from, to: m.to, revenue: m.revenue }));
    upgraded = migration.counts.upgraded;
    downgraded = migration.counts.downgraded;
    const beforeIndex = new Map<string, number>();
    for (let i = 0; i < before.ids.length; i++) beforeIndex.set(before.ids[i]!, i);
    const gap = dayOf(snapshot.asOf) - dayOf(previous.asOf);
    for (let i = 0; i < now.ids.length; i++) {
      const b = beforeIndex.get(now.ids[i]!);
      if (now.churn[i] === 1 && (b === undefined || before.churn[b] === 0)) {
        newChurnRisks++;
        topBy(
          newChurnRiskCustomers,
          { customerId: now.ids[i]!, segment: snapshot.segments[now.segment[i]!]!, revenue: now.monetary[i]! },
          top,
        );
      }
      if (b !== undefined && before.churn[b] === 1) {
        winBack.atRisk++;
        // Recency grows by the days between snapshots unless the customer bought again.
        if (now.recency[i]! < before.recency[b]! + gap) winBack.won++;
      }
    }
    const log = await store.executionLog({ ...(owner !== undefined ? { owner } : {}), since: previous.asOf });
    winBack.contacts = log.length;
    winBack.successes = log.filter((e) => e.result === 'success').length;
  } else {
    // First snapshot: every churn risk is new.
    newChurnRisks = churnRisks;
    for (let i = 0; i < now.ids.length; i++)
      if (now.churn[i] === 1)
        topBy(
          newChurnRiskCustomers,
          { customerId: now.ids[i]!, segment: snapshot.segments[now.segment[i]!]!, revenue: now.monetary[i]! },
          top,
        );
  }
  return {
    snapshot,
    previous,
    owner,
    total: now.ids.length,
    totalRevenue,
    tiers,
    upgrades,
    downgrades,
    upgraded,
    downgraded,
    newChurnRisks,
    newChurnRiskCustomers,
    churnRisks,
    winBack,
  };
}
