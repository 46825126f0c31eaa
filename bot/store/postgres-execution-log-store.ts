import type pg from 'pg';
import type { ExecutionLogEntry, ExecutionLogStore } from './execution-log-store.js';
import { LOG_ENTRY_COLUMNS, logEntryValues, toLogEntry, type LogRow } from './sqlite-execution-log-store.js';

/** Logged contacts and snoozes on a migrated PostgreSQL database (postgres-store.ts). */
export function createPostgresExecutionLogStore(pool: pg.Pool): ExecutionLogStore {
  return {
    async addExecutionLog(entry: Omit<ExecutionLogEntry, 'id'>): Promise<ExecutionLogEntry> {
      // One statement: concurrent clicks on several instances each get their own row and id.
      const { rows } = await pool.query<{ id: number }>(
        `INSERT INTO execution_log (${LOG_ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        logEntryValues(entry),
      );
      return { ...entry, id: rows[0]!.id };
    },

    async executionLog(filter: {
      readonly owner?: string;
      readonly customerId?: string;
      readonly since?: string;
    }): Promise<ExecutionLogEntry[]> {
      const clauses: string[] = [],
        args: unknown[] = [];
      const where = (column: string, op: string, value: unknown): void => {
        args.push(value);
        clauses.push(`${column} ${op} $${args.length}`);
      };
      if (filter.owner !== undefined) where('owner', '=', filter.owner);
      if (filter.customerId !== undefined) where('customer_id', '=', filter.customerId);
      if (filter.since !== undefined) where('date', '>=', filter.since);
      const { rows } = await pool.query<LogRow>(
        `SELECT * FROM execution_log ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY date COLLATE "C", id`,
        args,
      );
      return rows.map(toLogEntry);
    },

    async snooze(customerId: string, owner: string | null, until: string, by: string): Promise<void> {
      await pool.query(
        'INSERT INTO snoozes (customer_id, owner, until, snoozed_by) VALUES ($1, $2, $3, $4) ON CONFLICT (customer_id) DO UPDATE SET until = excluded.until, owner = excluded.owner, snoozed_by = excluded.snoozed_by',
        [customerId, owner, until, by],
      );
    },

    async snoozedUntil(customerId: string): Promise<string | undefined> {
      const { rows } = await pool.query<{ until: string }>('SELECT until FROM snoozes WHERE customer_id = $1', [
        customerId,
      ]);
      return rows[0]?.until;
    },
  };
}
