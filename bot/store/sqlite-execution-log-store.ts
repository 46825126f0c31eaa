import type Database from 'better-sqlite3';
import { promiseMethods } from './promise-methods.js';
import type { ExecutionLogEntry, ExecutionLogStore } from './execution-log-store.js';

/** An execution_log row (both stores). */
export interface LogRow {
  id: number;
  date: string;
  customer_id: string;
  owner: string | null;
  executor: string;
  action: string;
  feedback: string;
  result: 'success' | 'follow-up';
  created_at: string;
}

/** An execution_log row as an ExecutionLogEntry. */
export function toLogEntry(r: LogRow): ExecutionLogEntry {
  return {
    id: r.id,
    date: r.date,
    customerId: r.customer_id,
    owner: r.owner,
    executor: r.executor,
    action: r.action,
    feedback: r.feedback,
    result: r.result,
    createdAt: r.created_at,
  };
}

/** The execution_log columns an insert writes (both stores), in logEntryValues order. */
export const LOG_ENTRY_COLUMNS = 'date, customer_id, owner, executor, action, feedback, result, created_at';

/** The execution_log row of a new entry, in LOG_ENTRY_COLUMNS order. */
export function logEntryValues(entry: Omit<ExecutionLogEntry, 'id'>): (string | null)[] {
  return [
    entry.date,
    entry.customerId,
    entry.owner,
    entry.executor,
    entry.action,
    entry.feedback,
    entry.result,
    entry.createdAt,
  ];
}

/** Logged contacts and snoozes on a migrated better-sqlite3 connection. */
export function createSqliteExecutionLogStore(db: Database.Database): ExecutionLogStore {
  return promiseMethods<ExecutionLogStore>({
    addExecutionLog(entry: Omit<ExecutionLogEntry, 'id'>): ExecutionLogEntry {
      const { lastInsertRowid } = db
        .prepare(`INSERT INTO execution_log (${LOG_ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(...logEntryValues(entry));
      return { ...entry, id: Number(lastInsertRowid) };
    },

    executionLog(filter: {
      readonly owner?: string;
      readonly customerId?: string;
      readonly since?: string;
    }): ExecutionLogEntry[] {
      const clauses: string[] = [],
        args: unknown[] = [];
      const where = (clause: string, value: unknown): void => {
        clauses.push(clause);
        args.push(value);
      };
      if (filter.owner !== undefined) where('owner = ?', filter.owner);
      if (filter.customerId !== undefined) where('customer_id = ?', filter.customerId);
      if (filter.since !== undefined) where('date >= ?', filter.since);
      const rows = db
        .prepare(
          `SELECT * FROM execution_log ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY date, id`,
        )
        .all(...args) as LogRow[];
      return rows.map(toLogEntry);
    },

    snooze(customerId: string, owner: string | null, until: string, by: string): void {
      db.prepare(
        'INSERT INTO snoozes (customer_id, owner, until, snoozed_by) VALUES (?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET until = excluded.until, owner = excluded.owner, snoozed_by = excluded.snoozed_by',
      ).run(customerId, owner, until, by);
    },

    snoozedUntil(customerId: string): string | undefined {
      return (
        db.prepare('SELECT until FROM snoozes WHERE customer_id = ?').get(customerId) as { until: string } | undefined
      )?.until;
    },
  });
}
