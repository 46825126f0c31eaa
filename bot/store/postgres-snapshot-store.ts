import type pg from 'pg';
import { runInTransaction } from './postgres-client.js';
import {
  blob,
  ColumnsBuilder,
  columnsOf,
  columnsOfOwner,
  CUSTOMER_COLUMNS,
  customerOfRow,
  customerValues,
  indexSegments,
  SEPARATOR,
  SNAPSHOT_COLUMNS,
  snapshotValues,
  toSnapshot,
  type ColumnsRow,
  type CustomerRow,
  type SnapshotRow,
} from './snapshot-rows.js';
import type {
  ChurnSort,
  CustomerQuery,
  DigestColumns,
  NewSnapshot,
  SnapshotInfo,
  SnapshotStore,
  StoredCustomer,
} from './snapshot-store.js';

/**
 * Churn list orders, as in SQLite: there NULL sorts below every value, so
 * DESC puts it last; PostgreSQL needs NULLS LAST to agree. Ids compare
 * byte-wise (COLLATE "C") whatever the database's collation.
 */
const CHURN_ORDER: Readonly<Record<ChurnSort, string>> = {
  risk: 'c.churn_probability DESC NULLS LAST, COALESCE(c.expected_loss, c.rank_value) DESC NULLS LAST, c.monetary DESC NULLS LAST, c.customer_id COLLATE "C"',
  value:
    'COALESCE(c.expected_loss, c.rank_value) DESC NULLS LAST, c.monetary DESC NULLS LAST, c.customer_id COLLATE "C"',
};
const RANK_ORDER = 'rank_value DESC, customer_id COLLATE "C"';

// Customers per INSERT: one array per column (unnest), so a batch is 20 parameters whatever its size.
const BATCH = 5000;
/** PostgreSQL types of the customer columns in insert order: snapshot_id, CUSTOMER_COLUMNS, rank_value. */
const CUSTOMER_TYPES = [
  'int',
  'text',
  'text',
  'text',
  'text',
  'int',
  'float8',
  'float8',
  'float8',
  'float8',
  'text',
  'int',
  'text',
  'text',
  'float8',
  'float8',
  'text',
  'text',
  'float8',
  'float8',
] as const;
const INSERT_CUSTOMERS = `INSERT INTO customers (snapshot_id, ${CUSTOMER_COLUMNS}, rank_value) SELECT * FROM unnest(${CUSTOMER_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;

/** Snapshots and customers on a migrated PostgreSQL database (postgres-store.ts). */
export function createPostgresSnapshotStore(pool: pg.Pool): SnapshotStore {
  const segmentsCache = new Map<number, readonly string[]>();

  async function segmentsOf(snapshotId: number): Promise<readonly string[]> {
    let segments = segmentsCache.get(snapshotId);
    if (!segments) {
      segments = (await store.snapshotById(snapshotId))?.segments ?? [];
      segmentsCache.set(snapshotId, segments);
    }
    return segments;
  }

  async function toCustomers(snapshotId: number, rows: CustomerRow[]): Promise<StoredCustomer[]> {
    const segments = await segmentsOf(snapshotId);
    return rows.map((row) => customerOfRow(row, segments));
  }

  async function oneSnapshot(sql: string, args: unknown[]): Promise<SnapshotInfo | undefined> {
    const row = (await pool.query<SnapshotRow>(sql, args)).rows[0];
    return row && toSnapshot(row);
  }

  /** The slow path, for a snapshot without its snapshot_columns row. */
  async function columnsFromRows(
    snapshotId: number,
  ): Promise<{ columns: DigestColumns; owners: string[]; ownerIndex: Int32Array }> {
    const { rows } = await pool.query<{
      customer_id: string;
      owner: string | null;
      segment: number;
      churn_risk: number;
      recency_days: number | null;
      monetary: number | null;
    }>(
      'SELECT customer_id, owner, segment, churn_risk, recency_days, monetary FROM customers WHERE snapshot_id = $1 ORDER BY customer_id COLLATE "C"',
      [snapshotId],
    );
    const builder = new ColumnsBuilder();
    for (const r of rows)
      builder.add(r.customer_id, r.owner, r.segment, r.churn_risk === 1, r.recency_days, r.monetary);
    return builder.finish();
  }

  const store: SnapshotStore = {
    async addSnapshot(snapshot: NewSnapshot, customers: Iterable<StoredCustomer>): Promise<SnapshotInfo> {
      const segmentIndex = indexSegments(snapshot.segments);
      const id = await runInTransaction(pool, async (client) => {
        const values = snapshotValues(snapshot);
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO snapshots (${SNAPSHOT_COLUMNS}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
          values,
        );
        const snapshotId = rows[0]!.id;
        const columns = new ColumnsBuilder();
        let count = 0;
        let batch: unknown[][] = CUSTOMER_TYPES.map(() => []);
        let batched = 0;
        const flush = async (): Promise<void> => {
          if (batched === 0) return;
          await client.query(INSERT_CUSTOMERS, batch);
          batch = CUSTOMER_TYPES.map(() => []);
          batched = 0;
        };
        for (const c of customers) {
          const { values: row, segment } = customerValues(snapshotId, c, segmentIndex);
          row.forEach((value, i) => batch[i]!.push(value));
          batched++;
          columns.add(c.customerId, c.owner, segment, c.churnRisk, c.recencyDays, c.monetary);
          count++;
          if (batched >= BATCH) await flush();
        }
        await flush();
        const built = columns.finish();
        await client.query(
          'INSERT INTO snapshot_columns (snapshot_id, ids, owners, owner_index, segment, churn, recency, monetary) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [
            snapshotId,
            built.columns.ids.join(SEPARATOR),
            JSON.stringify(built.owners),
            blob(built.ownerIndex),
            blob(built.columns.segment),
            blob(built.columns.churn),
            blob(built.columns.recency),
            blob(built.columns.monetary),
          ],
        );
        await client.query('UPDATE snapshots SET customer_count = $1 WHERE id = $2', [count, snapshotId]);
        return snapshotId;
      });
      // Fresh statistics after a bulk load: without them the planner reads a whole snapshot to answer one owner.
      await pool.query('ANALYZE customers');
      return (await store.snapshotById(id))!;
    },

    latestSnapshot(): Promise<SnapshotInfo | undefined> {
      return oneSnapshot('SELECT * FROM snapshots ORDER BY as_of COLLATE "C" DESC, id DESC LIMIT 1', []);
    },

    async previousSnapshot(snapshotId: number): Promise<SnapshotInfo | undefined> {
      const current = await store.snapshotById(snapshotId);
      if (!current) return undefined;
      return oneSnapshot(
        'SELECT * FROM snapshots WHERE as_of COLLATE "C" < $1 OR (as_of = $1 AND id < $2) ORDER BY as_of COLLATE "C" DESC, id DESC LIMIT 1',
        [current.asOf, snapshotId],
      );
    },

    snapshotById(id: number): Promise<SnapshotInfo | undefined> {
      return oneSnapshot('SELECT * FROM snapshots WHERE id = $1', [id]);
    },

    async customer(snapshotId: number, customerId: string): Promise<StoredCustomer | undefined> {
      const { rows } = await pool.query<CustomerRow>(
        `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE snapshot_id = $1 AND customer_id = $2`,
        [snapshotId, customerId],
      );
      return (await toCustomers(snapshotId, rows))[0];
    },

    async searchCustomers(
      snapshotId: number,
      text: string,
      owner: string | undefined,
      limit: number,
    ): Promise<StoredCustomer[]> {
      // ILIKE with an escaped pattern: the user's text is data, never syntax.
      const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      const args: unknown[] = [snapshotId, pattern, limit];
      const scope = owner === undefined ? '' : `AND owner = $${args.push(owner)}`;
      const { rows } = await pool.query<CustomerRow>(
        `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE snapshot_id = $1 AND (name ILIKE $2 ESCAPE '\\' OR company ILIKE $2 ESCAPE '\\') ${scope} ORDER BY ${RANK_ORDER} LIMIT $3`,
        args,
      );
      return toCustomers(snapshotId, rows);
    },

    async churnRisks(
      query: CustomerQuery & { readonly today: string; readonly sort?: ChurnSort },
    ): Promise<{ customers: StoredCustomer[]; total: number }> {
      const args: unknown[] = [query.snapshotId, query.today];
      const scope = query.owner === undefined ? '' : `AND c.owner = $${args.push(query.owner)}`;
      const notSnoozed = 'NOT EXISTS (SELECT 1 FROM snoozes s WHERE s.customer_id = c.customer_id AND s.until > $2)';
      const page = [...args, query.limit, query.offset];
      const { rows } = await pool.query<CustomerRow>(
        `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.snapshot_id = $1 ${scope} AND c.churn_risk = 1 AND ${notSnoozed} ORDER BY ${CHURN_ORDER[query.sort ?? 'risk']} LIMIT $${page.length - 1} OFFSET $${page.length}`,
        page,
      );
      const { rows: counted } = await pool.query<{ total: number }>(
        `SELECT COUNT(*)::int AS total FROM customers c WHERE c.snapshot_id = $1 ${scope} AND c.churn_risk = 1 AND ${notSnoozed}`,
        args,
      );
      return { customers: await toCustomers(query.snapshotId, rows), total: counted[0]!.total };
    },

    async customersInSegment(
      query: CustomerQuery & { readonly segment: string },
    ): Promise<{ customers: StoredCustomer[]; total: number }> {
      const segment = (await segmentsOf(query.snapshotId)).indexOf(query.segment);
      if (segment < 0) return { customers: [], total: 0 };
      const args: unknown[] = [query.snapshotId, segment];
      const scope = query.owner === undefined ? '' : `AND owner = $${args.push(query.owner)}`;
      const where = `FROM customers WHERE snapshot_id = $1 AND segment = $2 ${scope}`;
      const page = [...args, query.limit, query.offset];
      const { rows } = await pool.query<CustomerRow>(
        `SELECT ${CUSTOMER_COLUMNS} ${where} ORDER BY ${RANK_ORDER} LIMIT $${page.length - 1} OFFSET $${page.length}`,
        page,
      );
      const { rows: counted } = await pool.query<{ total: number }>(`SELECT COUNT(*)::int AS total ${where}`, args);
      return { customers: await toCustomers(query.snapshotId, rows), total: counted[0]!.total };
    },

    async segmentCounts(
      snapshotId: number,
      owner: string | undefined,
    ): Promise<{ segment: string; count: number; revenue: number; churnRisks: number }[]> {
      const args: unknown[] = [snapshotId];
      const scope = owner === undefined ? '' : `AND owner = $${args.push(owner)}`;
      const { rows } = await pool.query<{ segment: number; count: number; revenue: number; churn: number }>(
        `SELECT segment, COUNT(*)::int AS count, COALESCE(SUM(monetary), 0)::float8 AS revenue, SUM(churn_risk)::int AS churn FROM customers WHERE snapshot_id = $1 ${scope} GROUP BY segment ORDER BY segment`,
        args,
      );
      const segments = await segmentsOf(snapshotId);
      return rows.map((r) => ({
        segment: segments[r.segment] ?? 'unclassified',
        count: r.count,
        revenue: r.revenue,
        churnRisks: r.churn,
      }));
    },

    async digestColumns(snapshotId: number, owner: string | undefined): Promise<DigestColumns> {
      const { rows } = await pool.query<ColumnsRow>('SELECT * FROM snapshot_columns WHERE snapshot_id = $1', [
        snapshotId,
      ]);
      return columnsOfOwner(rows[0] ? columnsOf(rows[0]) : await columnsFromRows(snapshotId), owner);
    },

    async owners(snapshotId: number): Promise<string[]> {
      const { rows } = await pool.query<{ owner: string }>(
        'SELECT DISTINCT owner COLLATE "C" AS owner FROM customers WHERE snapshot_id = $1 AND owner IS NOT NULL ORDER BY 1',
        [snapshotId],
      );
      return rows.map((r) => r.owner);
    },
  };
  return store;
}
