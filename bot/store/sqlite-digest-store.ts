import type Database from 'better-sqlite3';
import { promiseMethods } from './promise-methods.js';
import type { DigestRun, DigestStore, Subscription } from './digest-store.js';

/** A digest_runs row (both stores). */
export interface RunRow {
  subscription_id: number;
  period: string;
  status: DigestRun['status'];
  claimed_by: string;
  claimed_at: string;
  posted_at: string | null;
  message_ts: string | null;
  attempts: number;
  error: string | null;
}

/** A digest_runs row as a DigestRun. */
export function toRun(row: RunRow): DigestRun {
  return {
    subscriptionId: row.subscription_id,
    period: row.period,
    status: row.status,
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at,
    postedAt: row.posted_at,
    messageTs: row.message_ts,
    attempts: row.attempts,
    error: row.error,
  };
}

/** A subscriptions row (both stores). */
export interface SubscriptionRow {
  id: number;
  channel: string;
  cron: string;
  time_zone: string;
  scope_kind: 'all' | 'owner';
  scope_owner: string | null;
  locale: 'en' | 'zh-CN';
  created_by: string;
  created_at: string;
  team_id: string | null;
  enterprise_id: string | null;
}

/** A subscriptions row as a Subscription. */
export function toSubscription(r: SubscriptionRow): Subscription {
  return {
    id: r.id,
    channel: r.channel,
    cron: r.cron,
    timeZone: r.time_zone,
    scope: r.scope_kind === 'owner' ? { kind: 'owner', owner: r.scope_owner ?? '' } : { kind: 'all' },
    locale: r.locale,
    createdBy: r.created_by,
    createdAt: r.created_at,
    teamId: r.team_id,
    enterpriseId: r.enterprise_id,
  };
}

/** The subscriptions columns an insert writes (both stores), in subscriptionValues order. */
export const SUBSCRIPTION_COLUMNS =
  'channel, cron, time_zone, scope_kind, scope_owner, locale, created_by, created_at, team_id, enterprise_id';

/** The subscriptions row of a new subscription, in SUBSCRIPTION_COLUMNS order. */
export function subscriptionValues(s: Omit<Subscription, 'id'>): (string | null)[] {
  return [
    s.channel,
    s.cron,
    s.timeZone,
    s.scope.kind,
    s.scope.kind === 'owner' ? s.scope.owner : null,
    s.locale,
    s.createdBy,
    s.createdAt,
    s.teamId ?? null,
    s.enterpriseId ?? null,
  ];
}

/** Digest subscriptions and runs on a migrated better-sqlite3 connection. */
export function createSqliteDigestStore(db: Database.Database): DigestStore {
  return promiseMethods<DigestStore>({
    addSubscription(s: Omit<Subscription, 'id'>): Subscription {
      const { lastInsertRowid } = db
        .prepare(`INSERT INTO subscriptions (${SUBSCRIPTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(...subscriptionValues(s));
      return { ...s, teamId: s.teamId ?? null, enterpriseId: s.enterpriseId ?? null, id: Number(lastInsertRowid) };
    },

    subscriptions(): Subscription[] {
      const rows = db.prepare('SELECT * FROM subscriptions ORDER BY id').all() as SubscriptionRow[];
      return rows.map(toSubscription);
    },

    removeSubscription(id: number): boolean {
      return db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id).changes > 0;
    },

    claimDigestRun(
      subscriptionId: number,
      period: string,
      worker: string,
      now: string,
      staleAfterMs: number,
    ): DigestRun | undefined {
      // BEGIN IMMEDIATE takes the write lock before the read, so two processes
      // cannot both see "no run yet" and both post.
      return db
        .transaction((): DigestRun | undefined => {
          const row = db
            .prepare('SELECT * FROM digest_runs WHERE subscription_id = ? AND period = ?')
            .get(subscriptionId, period) as RunRow | undefined;
          if (!row) {
            db.prepare(
              "INSERT INTO digest_runs (subscription_id, period, status, claimed_by, claimed_at) VALUES (?, ?, 'claimed', ?, ?)",
            ).run(subscriptionId, period, worker, now);
          } else {
            const stale = row.status === 'claimed' && Date.parse(now) - Date.parse(row.claimed_at) > staleAfterMs;
            if (row.status === 'posted' || (row.status === 'claimed' && !stale)) return undefined;
            db.prepare(
              "UPDATE digest_runs SET status = 'claimed', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE subscription_id = ? AND period = ?",
            ).run(worker, now, subscriptionId, period);
          }
          return toRun(
            db
              .prepare('SELECT * FROM digest_runs WHERE subscription_id = ? AND period = ?')
              .get(subscriptionId, period) as RunRow,
          );
        })
        .immediate();
    },

    finishDigestRun(
      subscriptionId: number,
      period: string,
      outcome:
        { status: 'posted'; messageTs: string | null; at: string } | { status: 'failed'; error: string; at: string },
    ): void {
      if (outcome.status === 'posted')
        db.prepare(
          "UPDATE digest_runs SET status = 'posted', posted_at = ?, message_ts = ?, error = NULL WHERE subscription_id = ? AND period = ?",
        ).run(outcome.at, outcome.messageTs, subscriptionId, period);
      else
        db.prepare("UPDATE digest_runs SET status = 'failed', error = ? WHERE subscription_id = ? AND period = ?").run(
          outcome.error,
          subscriptionId,
          period,
        );
    },

    digestRuns(subscriptionId: number): DigestRun[] {
      return (
        db
          .prepare('SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY period')
          .all(subscriptionId) as RunRow[]
      ).map(toRun);
    },
  });
}
