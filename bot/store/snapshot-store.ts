/**
 * Snapshots: dated imports of segmented customers, and the questions asked of
 * them (customer cards, searches, churn and segment lists, digest columns).
 */

import type { ChurnSort } from '../intents/match-intent.js';

export type { ChurnSort };

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
  /** The run's one churn decision (result.churn.atRisk); never set for a customer with no purchase. */
  readonly churnRisk: boolean;
  /** Why at risk (or why not, when the segment implies risk), in both locales: result.churn.reason at import. */
  readonly churnReasonEn: string | null;
  readonly churnReasonZh: string | null;
  /** P(no purchase in the next H days), 0–1; null without a probability (rule union, never bought, old snapshots). */
  readonly churnProbability: number | null;
  /**
   * Expected loss: churn probability × expected value over the next year, in
   * the snapshot's currency; null when unknown. Snapshots stored before
   * migration 3 hold the old lifetime model's value at risk here.
   */
  readonly expectedLoss: number | null;
  /** SPEC §7 strategy group id (`churn-risk` …), rendered in the reader's locale. */
  readonly strategyGroup: string | null;
  readonly dueDate: string | null;
}

/** A dated import of segmented customers. */
export interface SnapshotInfo extends NewSnapshot {
  readonly id: number;
  readonly customerCount: number;
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
  /** 'model' when a back-tested model (or its cadence fallback) gave probabilities, else 'spec-rule' (the rule union). */
  readonly churnSource: 'model' | 'spec-rule';
  /** The run's churn evidence; undefined on snapshots stored before migration 3. */
  readonly churn?: SnapshotChurn;
  /** The money columns' currency; undefined on snapshots stored before migration 3 (shown as yuan, as they were). */
  readonly currency?: { readonly code: string; readonly symbol: string };
}

/** What every churn answer shows as evidence (issue 11): the ranking model, its back-test and the definition of "at risk". */
export interface SnapshotChurn {
  /** ChurnTruth.model: `gbdt`, `bg-nbd`, `cadence`, `rules-and-cadence`, `rules` … */
  readonly model: string;
  readonly horizonDays: number;
  /** null for the rule union or a top-k decision. */
  readonly threshold: number | null;
  /** Back-test of the ranking model; null when not measured (rule union). */
  readonly auc: number | null;
  readonly precisionAt20: number | null;
  readonly baseRate: number | null;
  /** ChurnTruth.definition in both locales. */
  readonly definition: { readonly en: string; readonly zh: string };
}

/** Filters of the per-owner customer queries; `owner: undefined` means every owner (manager view). */
export interface CustomerQuery {
  readonly snapshotId: number;
  readonly owner?: string;
  readonly limit: number;
  readonly offset: number;
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

/** Snapshots and their customers. */
export interface SnapshotStore {
  /** Writes a snapshot and its customers in one transaction; returns the new snapshot. */
  addSnapshot(snapshot: NewSnapshot, customers: Iterable<StoredCustomer>): Promise<SnapshotInfo>;
  latestSnapshot(): Promise<SnapshotInfo | undefined>;
  /** The snapshot imported before `snapshotId` (by as-of date, then import order). */
  previousSnapshot(snapshotId: number): Promise<SnapshotInfo | undefined>;
  snapshotById(id: number): Promise<SnapshotInfo | undefined>;
  customer(snapshotId: number, customerId: string): Promise<StoredCustomer | undefined>;
  /** Customers whose name or company contains `text` (case-insensitive), owner-scoped. */
  searchCustomers(
    snapshotId: number,
    text: string,
    owner: string | undefined,
    limit: number,
  ): Promise<StoredCustomer[]>;
  /**
   * Churn-risk customers not snoozed at `today`. `sort: 'risk'` (default):
   * churn probability first, ties by expected loss, then spend; `'value'`:
   * expected loss first, then spend. Ties by id. Returns the page and the total.
   */
  churnRisks(query: CustomerQuery & { readonly today: string; readonly sort?: ChurnSort }): Promise<{
    customers: StoredCustomer[];
    total: number;
  }>;
  customersInSegment(query: CustomerQuery & { readonly segment: string }): Promise<{
    customers: StoredCustomer[];
    total: number;
  }>;
  /** Customers per segment (and their spend) for one owner or all. */
  segmentCounts(
    snapshotId: number,
    owner: string | undefined,
  ): Promise<{ segment: string; count: number; revenue: number; churnRisks: number }[]>;
  /** The digest's columns of a snapshot, for one owner or all, in import order. */
  digestColumns(snapshotId: number, owner: string | undefined): Promise<DigestColumns>;
  owners(snapshotId: number): Promise<string[]>;
}
