/**
 * The bot's persistence boundary. Everything the bot remembers goes through
 * this interface, so a later PostgreSQL implementation (several bot
 * instances) replaces `SqliteStore` without touching listeners or digests.
 * All methods are synchronous because better-sqlite3 is; a networked store
 * would wrap them, which is why callers never hold a transaction open across
 * an await.
 */

/** One customer of a stored snapshot: what the answers and digests need, nothing more. */
export interface StoredCustomer {
  readonly customerId: string;
  /** Person or company name as imported; masked before it reaches a channel (SPEC §10). */
  readonly name: string | null;
  readonly company: string | null;
  /** The owner / salesperson column (客户经理) as written in the file. */
  readonly owner: string | null;
  /** Segment id of the snapshot's scheme (`champions`, `at-risk` …). */
  readonly segment: string;
  readonly recencyDays: number | null;
  readonly frequency: number | null;
  readonly monetary: number | null;
  readonly averageOrderValue: number | null;
  readonly lastPurchaseDate: string | null;
  readonly churnRisk: boolean;
  /** Why the SPEC rule fired, in both locales (the engine localizes it at import). */
  readonly churnReasonEn: string | null;
  readonly churnReasonZh: string | null;
  /** Lifetime-model outputs when the import fitted a reliable model; null otherwise. */
  readonly churnProbability: number | null;
  readonly valueAtRisk: number | null;
  /** SPEC §7 strategy group id (`churn-risk` …), rendered in the reader's locale. */
  readonly strategyGroup: string | null;
  readonly dueDate: string | null;
}

/** A dated import of segmented customers. */
export interface SnapshotInfo extends NewSnapshot {
  readonly id: number;
  readonly customerCount: number;
}

export type Role = 'manager' | 'admin';

export interface Subscription {
  readonly id: number;
  readonly channel: string;
  /** Croner pattern, e.g. `0 9 * * 1`. */
  readonly cron: string;
  readonly timeZone: string;
  /** `all`, `team` (the creator's owners: all for a manager) or one owner's customers. */
  readonly scope: { readonly kind: 'all' } | { readonly kind: 'owner'; readonly owner: string };
  readonly locale: 'en' | 'zh-CN';
  readonly createdBy: string;
  readonly createdAt: string;
}

/** SPEC Template 3 维护执行记录表: one row per contact. */
export interface ExecutionLogEntry {
  readonly id: number;
  /** 执行日期 YYYY-MM-DD. */
  readonly date: string;
  readonly customerId: string;
  readonly owner: string | null;
  /** 执行人: the Slack user who logged it. */
  readonly executor: string;
  readonly action: string;
  readonly feedback: string;
  readonly result: 'success' | 'follow-up';
  readonly createdAt: string;
}

export type DigestRunStatus = 'claimed' | 'posted' | 'failed';

export interface DigestRun {
  readonly subscriptionId: number;
  /** The scheduled instant (UTC ISO) that names the period. */
  readonly period: string;
  readonly status: DigestRunStatus;
  readonly claimedBy: string;
  readonly claimedAt: string;
  readonly postedAt: string | null;
  readonly messageTs: string | null;
  readonly attempts: number;
  readonly error: string | null;
}

/** A snapshot as `addSnapshot` takes it (the store assigns the id and counts the customers). */
export interface NewSnapshot {
  readonly asOf: string;
  readonly importedAt: string;
  readonly source: string;
  readonly scheme: string;
  /** Segment ids in the scheme's order, with their labels. */
  readonly segments: readonly string[];
  readonly segmentLabels: { readonly en: readonly string[]; readonly zh: readonly string[] };
  /** 'model' when churnProbability/valueAtRisk are filled by a reliable lifetime model, else 'spec-rule'. */
  readonly churnSource: 'model' | 'spec-rule';
}

/** Filters of the per-owner customer queries; `owner: undefined` means every owner (manager view). */
export interface CustomerQuery {
  readonly snapshotId: number;
  readonly owner?: string;
  readonly limit: number;
  readonly offset: number;
}

/** The store the bot runs on. */
export interface Store {
  /** Writes a snapshot and its customers in one transaction; returns the new snapshot. */
  addSnapshot(snapshot: NewSnapshot, customers: Iterable<StoredCustomer>): SnapshotInfo;
  latestSnapshot(): SnapshotInfo | undefined;
  /** The snapshot imported before `snapshotId` (by as-of date, then import order). */
  previousSnapshot(snapshotId: number): SnapshotInfo | undefined;
  snapshotById(id: number): SnapshotInfo | undefined;
  customer(snapshotId: number, customerId: string): StoredCustomer | undefined;
  /** Customers whose name or company contains `text` (case-insensitive), owner-scoped. */
  searchCustomers(snapshotId: number, text: string, owner: string | undefined, limit: number): StoredCustomer[];
  /**
   * Churn-risk customers not snoozed at `today`, ranked by value at risk when
   * the snapshot has a model, else by spend; ties by id. Returns the page and the total.
   */
  churnRisks(query: CustomerQuery & { readonly today: string }): { customers: StoredCustomer[]; total: number };
  customersInSegment(query: CustomerQuery & { readonly segment: string }): { customers: StoredCustomer[]; total: number };
  /** Customers per segment (and their spend) for one owner or all. */
  segmentCounts(snapshotId: number, owner: string | undefined): { segment: string; count: number; revenue: number; churnRisks: number }[];
  /** The digest's columns of a snapshot, for one owner or all, in import order. */
  digestColumns(snapshotId: number, owner: string | undefined): DigestColumns;
  owners(snapshotId: number): string[];

  mapOwner(owner: string, slackUserId: string, source: 'manual' | 'email'): void;
  ownerOfSlackUser(slackUserId: string): string | undefined;
  slackUserOfOwner(owner: string): string | undefined;
  ownerMappings(): { owner: string; slackUserId: string; source: string }[];
  setRole(slackUserId: string, role: Role | undefined): void;
  roleOf(slackUserId: string): Role | undefined;

  addSubscription(subscription: Omit<Subscription, 'id'>): Subscription;
  subscriptions(): Subscription[];
  removeSubscription(id: number): boolean;

  /**
   * Claims (subscription, period) for `worker` in one write transaction.
   * Returns true when this caller owns the claim: no run existed, or a run
   * claimed more than `staleAfterMs` ago never reached `posted`, or it failed.
   */
  claimDigestRun(subscriptionId: number, period: string, worker: string, now: string, staleAfterMs: number): DigestRun | undefined;
  finishDigestRun(subscriptionId: number, period: string, outcome: { status: 'posted'; messageTs: string | null; at: string } | { status: 'failed'; error: string; at: string }): void;
  digestRuns(subscriptionId: number): DigestRun[];

  addExecutionLog(entry: Omit<ExecutionLogEntry, 'id'>): ExecutionLogEntry;
  executionLog(filter: { readonly owner?: string; readonly customerId?: string; readonly since?: string }): ExecutionLogEntry[];

  snooze(customerId: string, owner: string | null, until: string, by: string): void;
  snoozedUntil(customerId: string): string | undefined;

  close(): void;
}

/** The digest's per-customer columns, one index per customer. */
export interface DigestColumns {
  readonly ids: readonly string[];
  /** Index into the snapshot's segments. */
  readonly segment: Uint8Array;
  readonly churn: Uint8Array;
  /** NaN when unknown. */
  readonly recency: Float64Array;
  /** 0 when unknown. */
  readonly monetary: Float64Array;
}
