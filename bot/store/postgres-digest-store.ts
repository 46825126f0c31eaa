import type pg from 'pg';
import type { DigestRun, DigestStore, Subscription } from './digest-store.js';
import { runInTransaction } from './postgres-client.js';
import {
  SUBSCRIPTION_COLUMNS,
  subscriptionValues,
  toRun,
  toSubscription,
  type RunRow,
  type SubscriptionRow,
} from './sqlite-digest-store.js';

// First key of the two-int advisory locks that guard digest claims ("dgst");
// the second is the hash of (subscription, period).
const DIGEST_LOCK_SPACE = 0x6467_7374;

/**
 * Digest subscriptions and runs on a migrated PostgreSQL database
 * (postgres-store.ts). Several bot instances share one database: a claim
 * takes a transaction-scoped advisory lock on (subscription, period) with
 * pg_try_advisory_xact_lock, so at most one instance decides at a time and
 * one that finds the lock taken backs off at once; the row it then writes
 * (claimed, then posted) tells every later instance the period is done.
 */
export function createPostgresDigestStore(pool: pg.Pool): DigestStore {
  return {
    async addSubscription(s: Omit<Subscription, 'id'>): Promise<Subscription> {
      const { rows } = await pool.query<{ id: number }>(
        `INSERT INTO subscriptions (${SUBSCRIPTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        subscriptionValues(s),
      );
      return { ...s, teamId: s.teamId ?? null, enterpriseId: s.enterpriseId ?? null, id: rows[0]!.id };
    },

    async subscriptions(): Promise<Subscription[]> {
      const { rows } = await pool.query<SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id');
      return rows.map(toSubscription);
    },

    async removeSubscription(id: number): Promise<boolean> {
      return ((await pool.query('DELETE FROM subscriptions WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },

    async claimDigestRun(
      subscriptionId: number,
      period: string,
      worker: string,
      now: string,
      staleAfterMs: number,
    ): Promise<DigestRun | undefined> {
      return runInTransaction(pool, async (client) => {
        const { rows: locked } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
          [DIGEST_LOCK_SPACE, `${subscriptionId}/${period}`],
        );
        // Another instance is deciding this very period right now: it owns it.
        if (!locked[0]!.locked) return undefined;
        const { rows } = await client.query<RunRow>(
          'SELECT * FROM digest_runs WHERE subscription_id = $1 AND period = $2 FOR UPDATE',
          [subscriptionId, period],
        );
        const row = rows[0];
        if (!row) {
          await client.query(
            "INSERT INTO digest_runs (subscription_id, period, status, claimed_by, claimed_at) VALUES ($1, $2, 'claimed', $3, $4)",
            [subscriptionId, period, worker, now],
          );
        } else {
          const stale = row.status === 'claimed' && Date.parse(now) - Date.parse(row.claimed_at) > staleAfterMs;
          if (row.status === 'posted' || (row.status === 'claimed' && !stale)) return undefined;
          await client.query(
            "UPDATE digest_runs SET status = 'claimed', claimed_by = $1, claimed_at = $2, attempts = attempts + 1 WHERE subscription_id = $3 AND period = $4",
            [worker, now, subscriptionId, period],
          );
        }
        const { rows: claimed } = await client.query<RunRow>(
          'SELECT * FROM digest_runs WHERE subscription_id = $1 AND period = $2',
          [subscriptionId, period],
        );
        return toRun(claimed[0]!);
      });
    },

    async finishDigestRun(
      subscriptionId: number,
      period: string,
      outcome:
        { status: 'posted'; messageTs: string | null; at: string } | { status: 'failed'; error: string; at: string },
    ): Promise<void> {
      if (outcome.status === 'posted')
        await pool.query(
          "UPDATE digest_runs SET status = 'posted', posted_at = $1, message_ts = $2, error = NULL WHERE subscription_id = $3 AND period = $4",
          [outcome.at, outcome.messageTs, subscriptionId, period],
        );
      else
        await pool.query(
          "UPDATE digest_runs SET status = 'failed', error = $1 WHERE subscription_id = $2 AND period = $3",
          [outcome.error, subscriptionId, period],
        );
    },

    async digestRuns(subscriptionId: number): Promise<DigestRun[]> {
      const { rows } = await pool.query<RunRow>(
        'SELECT * FROM digest_runs WHERE subscription_id = $1 ORDER BY period COLLATE "C"',
        [subscriptionId],
      );
      return rows.map(toRun);
    },
  };
}
