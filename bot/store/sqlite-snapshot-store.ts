import type Database from 'better-sqlite3';
import { promiseMethods, type Synchronous } from './promise-methods.js';
import type {
  ChurnSort,
  CustomerQuery,
  DigestColumns,
  NewSnapshot,
  SnapshotInfo,
  SnapshotStore,
  StoredCustomer,
} from './snapshot-store.js';
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

/**
 * Churn list orders. Old snapshots (migration < 3) have no expected loss:
 * their rank_value (the lifetime model's value at risk, else spend) stands in.
 */
const CHURN_ORDER: Readonly<Record<ChurnSort, string>> = {
  risk: 'c.churn_probability DESC, COALESCE(c.expected_loss, c.rank_value) DESC, c.monetary DESC, c.customer_id',
  value: 'COALESCE(c.expected_loss, c.rank_value) DESC, c.monetary DESC, c.customer_id',
};

/** Snapshots and customers on a migrated better-sqlite3 connection (`SqliteStore` opens and migrates it). */
export function createSqliteSnapshotStore(db: Database.Database): SnapshotStore {
  const segmentsCache = new Map<number, readonly string[]>();

  function segmentsOf(snapshotId: number): readonly string[] {
    let segments = segmentsCache.get(snapshotId);
    if (!segments) {
      segments = store.snapshotById(snapshotId)?.segments ?? [];
      segmentsCache.set(snapshotId, segments);
    }
    return segments;
  }

  function toCustomer(snapshotId: number, row: CustomerRow): StoredCustomer {
    return customerOfRow(row, segmentsOf(snapshotId));
  }

  /** The slow path, for a snapshot stored before migration 2 added snapshot_columns. */
  function columnsFromRows(snapshotId: number): { columns: DigestColumns; owners: string[]; ownerIndex: Int32Array } {
    const rows = db
      .prepare(
        'SELECT customer_id, owner, segment, churn_risk, recency_days, monetary FROM customers WHERE snapshot_id = ?',
      )
      .raw(true)
      .all(snapshotId) as [string, string | null, number, number, number | null, number | null][];
    const builder = new ColumnsBuilder();
    for (const r of rows) builder.add(r[0], r[1], r[2], r[3] === 1, r[4], r[5]);
    return builder.finish();
  }

  const store: Synchronous<SnapshotStore> = {
    addSnapshot(snapshot: NewSnapshot, customers: Iterable<StoredCustomer>): SnapshotInfo {
      const segmentIndex = indexSegments(snapshot.segments);
      const insertSnapshot = db.prepare(
        `INSERT INTO snapshots (${SNAPSHOT_COLUMNS}) VALUES (${new Array(17).fill('?').join(', ')})`,
      );
      const insertCustomer = db.prepare(
        `INSERT INTO customers (snapshot_id, ${CUSTOMER_COLUMNS}, rank_value) VALUES (${new Array(20).fill('?').join(', ')})`,
      );
      const id = db
        .transaction(() => {
          const { lastInsertRowid } = insertSnapshot.run(...snapshotValues(snapshot));
          const snapshotId = Number(lastInsertRowid);
          let count = 0;
          const columns = new ColumnsBuilder();
          for (const c of customers) {
            const { values, segment } = customerValues(snapshotId, c, segmentIndex);
            insertCustomer.run(...values);
            columns.add(c.customerId, c.owner, segment, c.churnRisk, c.recencyDays, c.monetary);
            count++;
          }
          const built = columns.finish();
          db.prepare(
            'INSERT INTO snapshot_columns (snapshot_id, ids, owners, owner_index, segment, churn, recency, monetary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          ).run(
            snapshotId,
            built.columns.ids.join(SEPARATOR),
            JSON.stringify(built.owners),
            blob(built.ownerIndex),
            blob(built.columns.segment),
            blob(built.columns.churn),
            blob(built.columns.recency),
            blob(built.columns.monetary),
          );
          db.prepare('UPDATE snapshots SET customer_count = ? WHERE id = ?').run(count, snapshotId);
          return snapshotId;
        })
        .immediate();
      return store.snapshotById(id)!;
    },

    latestSnapshot(): SnapshotInfo | undefined {
      const row = db.prepare('SELECT * FROM snapshots ORDER BY as_of DESC, id DESC LIMIT 1').get() as
        SnapshotRow | undefined;
      return row && toSnapshot(row);
    },

    previousSnapshot(snapshotId: number): SnapshotInfo | undefined {
      const current = store.snapshotById(snapshotId);
      if (!current) return undefined;
      const row = db
        .prepare(
          'SELECT * FROM snapshots WHERE as_of < ? OR (as_of = ? AND id < ?) ORDER BY as_of DESC, id DESC LIMIT 1',
        )
        .get(current.asOf, current.asOf, snapshotId) as SnapshotRow | undefined;
      return row && toSnapshot(row);
    },

    snapshotById(id: number): SnapshotInfo | undefined {
      const row = db.prepare('SELECT * FROM snapshots WHERE id = ?').get(id) as SnapshotRow | undefined;
      return row && toSnapshot(row);
    },

    customer(snapshotId: number, customerId: string): StoredCustomer | undefined {
      const row = db
        .prepare(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE snapshot_id = ? AND customer_id = ?`)
        .get(snapshotId, customerId) as CustomerRow | undefined;
      return row && toCustomer(snapshotId, row);
    },

    searchCustomers(snapshotId: number, text: string, owner: string | undefined, limit: number): StoredCustomer[] {
      // LIKE with an escaped pattern: the user's text is data, never syntax.
      const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      const scope = owner === undefined ? '' : 'AND owner = ?';
      const args: unknown[] = [snapshotId, pattern, pattern, ...(owner === undefined ? [] : [owner]), limit];
      const rows = db
        .prepare(
          `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE snapshot_id = ? AND (name LIKE ? ESCAPE '\\' OR company LIKE ? ESCAPE '\\') ${scope} ORDER BY rank_value DESC, customer_id LIMIT ?`,
        )
        .all(...args) as CustomerRow[];
      return rows.map((row) => toCustomer(snapshotId, row));
    },

    churnRisks(query: CustomerQuery & { readonly today: string; readonly sort?: ChurnSort }): {
      customers: StoredCustomer[];
      total: number;
    } {
      const scope = query.owner === undefined ? '' : 'AND c.owner = ?';
      const args: unknown[] = [query.snapshotId, ...(query.owner === undefined ? [] : [query.owner]), query.today];
      const where = `FROM customers c WHERE c.snapshot_id = ? ${scope} AND c.churn_risk = 1 AND NOT EXISTS (SELECT 1 FROM snoozes s WHERE s.customer_id = c.customer_id AND s.until > ?)`;
      const rows = db
        .prepare(`SELECT ${CUSTOMER_COLUMNS} ${where} ORDER BY ${CHURN_ORDER[query.sort ?? 'risk']} LIMIT ? OFFSET ?`)
        .all(...args, query.limit, query.offset) as CustomerRow[];
      // All churn risks minus the snoozed ones: snoozes are few, while a NOT EXISTS
      // probe per row costs ~60 ms over a manager's 250k churn risks.
      const ownerArgs = query.owner === undefined ? [] : [query.owner];
      const { total } = db
        .prepare(`SELECT COUNT(*) AS total FROM customers c WHERE c.snapshot_id = ? ${scope} AND c.churn_risk = 1`)
        .get(query.snapshotId, ...ownerArgs) as { total: number };
      const { snoozed } = db
        .prepare(
          `SELECT COUNT(*) AS snoozed FROM snoozes s JOIN customers c ON c.snapshot_id = ? AND c.customer_id = s.customer_id WHERE s.until > ? AND c.churn_risk = 1 ${scope}`,
        )
        .get(query.snapshotId, query.today, ...ownerArgs) as { snoozed: number };
      return { customers: rows.map((row) => toCustomer(query.snapshotId, row)), total: total - snoozed };
    },

    customersInSegment(query: CustomerQuery & { readonly segment: string }): {
      customers: StoredCustomer[];
      total: number;
    } {
      const segment = segmentsOf(query.snapshotId).indexOf(query.segment);
      if (segment < 0) return { customers: [], total: 0 };
      const scope = query.owner === undefined ? '' : 'AND owner = ?';
      const args: unknown[] = [query.snapshotId, ...(query.owner === undefined ? [] : [query.owner]), segment];
      const where = `FROM customers WHERE snapshot_id = ? ${scope} AND segment = ?`;
      const rows = db
        .prepare(`SELECT ${CUSTOMER_COLUMNS} ${where} ORDER BY rank_value DESC, customer_id LIMIT ? OFFSET ?`)
        .all(...args, query.limit, query.offset) as CustomerRow[];
      const { total } = db.prepare(`SELECT COUNT(*) AS total ${where}`).get(...args) as { total: number };
      return { customers: rows.map((row) => toCustomer(query.snapshotId, row)), total };
    },

    segmentCounts(
      snapshotId: number,
      owner: string | undefined,
    ): { segment: string; count: number; revenue: number; churnRisks: number }[] {
      const scope = owner === undefined ? '' : 'AND owner = ?';
      const rows = db
        .prepare(
          `SELECT segment, COUNT(*) AS count, TOTAL(monetary) AS revenue, TOTAL(churn_risk) AS churn FROM customers WHERE snapshot_id = ? ${scope} GROUP BY segment ORDER BY segment`,
        )
        .all(snapshotId, ...(owner === undefined ? [] : [owner])) as {
        segment: number;
        count: number;
        revenue: number;
        churn: number;
      }[];
      const segments = segmentsOf(snapshotId);
      return rows.map((r) => ({
        segment: segments[r.segment] ?? 'unclassified',
        count: r.count,
        revenue: r.revenue,
        churnRisks: r.churn,
      }));
    },

    digestColumns(snapshotId: number, owner: string | undefined): DigestColumns {
      const row = db.prepare('SELECT * FROM snapshot_columns WHERE snapshot_id = ?').get(snapshotId) as
        ColumnsRow | undefined;
      return columnsOfOwner(row ? columnsOf(row) : columnsFromRows(snapshotId), owner);
    },

    owners(snapshotId: number): string[] {
      return (
        db
          .prepare('SELECT DISTINCT owner FROM customers WHERE snapshot_id = ? AND owner IS NOT NULL ORDER BY owner')
          .all(snapshotId) as { owner: string }[]
      ).map((r) => r.owner);
    },
  };
  return promiseMethods<SnapshotStore>(store);
}
