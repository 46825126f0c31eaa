/**
 * The bot's persistence boundary, one interface per concern (snapshots,
 * people, digests, execution log) so a caller can ask for only what it
 * uses; `Store` is all of them on one connection. A later PostgreSQL
 * implementation (several bot instances) implements the same interfaces
 * without touching listeners or digests. Every method returns a promise:
 * PostgreSQL answers over the network, and SQLite's synchronous answers are
 * wrapped (promise-methods.ts). A transaction never spans two calls: each
 * method that needs one (addSnapshot, claimDigestRun) runs it inside itself.
 */

import type { DigestStore } from './digest-store.js';
import type { ExecutionLogStore } from './execution-log-store.js';
import type { PeopleStore } from './people-store.js';
import type { SnapshotStore } from './snapshot-store.js';

export type { DigestRun, DigestRunStatus, DigestStore, Subscription } from './digest-store.js';
export type { ExecutionLogEntry, ExecutionLogStore } from './execution-log-store.js';
export type { PeopleStore, Role } from './people-store.js';
export type {
  ChurnSort,
  CustomerQuery,
  DigestColumns,
  NewSnapshot,
  SnapshotChurn,
  SnapshotInfo,
  SnapshotStore,
  StoredCustomer,
} from './snapshot-store.js';

/** The store the bot runs on: every concern, sharing one connection. */
export interface Store extends SnapshotStore, PeopleStore, DigestStore, ExecutionLogStore {
  close(): Promise<void>;
}
