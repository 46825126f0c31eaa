import type Database from 'better-sqlite3';
import type {
  ChurnSort,
  CustomerQuery,
  DigestColumns,
  NewSnapshot,
  SnapshotInfo,
  SnapshotStore,
  StoredCustomer,
} from './snapshot-store.js';

interface SnapshotRow {
  id: number;
  as_of: string;
  imported_at: string;
  source: string;
  scheme: string;
  segments: string;
  segment_labels: string;
  churn_source: 'model' | 'spec-rule';
  customer_count: number;
  // Migration 3; NULL on older snapshots.
  churn_model: string | null;
  churn_horizon_days: number | null;
  churn_threshold: number | null;
  churn_auc: number | null;
  churn_precision_at_20: number | null;
  churn_base_rate: number | null;
  churn_definition_en: string | null;
  churn_definition_zh: string | null;
  currency_code: string | null;
  currency_symbol: string | null;
}

interface CustomerRow {
  customer_id: string;
  name: string | null;
  company: string | null;
  owner: string | null;
  segment: number;
  recency_days: number | null;
  frequency: number | null;
  monetary: number | null;
  aov: number | null;
  last_purchase: string | null;
  churn_risk: number;
  churn_reason_en: string | null;
  churn_reason_zh: string | null;
  churn_probability: number | null;
  value_at_risk: number | null;
  expected_loss: number | null;
  strategy_group: string | null;
  due_date: string | null;
}

const CUSTOMER_COLUMNS =
  'customer_id, name, company, owner, segment, recency_days, frequency, monetary, aov, last_purchase, churn_risk, churn_reason_en, churn_reason_zh, churn_probability, value_at_risk, strategy_group, due_date, expected_loss';

/**
 * Churn list orders. Old snapshots (migration < 3) have no expected loss:
 * their rank_value (the lifetime model's value at risk, else spend) stands in.
 */
const CHURN_ORDER: Readonly<Record<ChurnSort, string>> = {
  risk: 'c.churn_probability DESC, COALESCE(c.expected_loss, c.rank_value) DESC, c.monetary DESC, c.customer_id',
  value: 'COALESCE(c.expected_loss, c.rank_value) DESC, c.monetary DESC, c.customer_id',
};

const finiteOrNull = (x: number | null | undefined): number | null =>
  x !== null && x !== undefined && Number.isFinite(x) ? x : null;

interface ColumnsRow {
  ids: string;
  owners: string;
  owner_index: Buffer;
  segment: Buffer;
  churn: Buffer;
  recency: Buffer;
  monetary: Buffer;
}

// Unit separator: cannot appear in a customer id read from csv/xlsx text.
const SEPARATOR = '\u001f';

const blob = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** A typed view of a blob, copied so the view is aligned whatever the Buffer's offset. */
function view<T>(b: Buffer, make: (buffer: ArrayBuffer) => T): T {
  const copy = new ArrayBuffer(b.byteLength);
  new Uint8Array(copy).set(b);
  return make(copy);
}

function columnsOf(row: ColumnsRow): { columns: DigestColumns; owners: string[]; ownerIndex: Int32Array } {
  return {
    columns: {
      ids: row.ids === '' ? [] : row.ids.split(SEPARATOR),
      segment: view(row.segment, (b) => new Uint8Array(b)),
      churn: view(row.churn, (b) => new Uint8Array(b)),
      recency: view(row.recency, (b) => new Float64Array(b)),
      monetary: view(row.monetary, (b) => new Float64Array(b)),
    },
    owners: JSON.parse(row.owners) as string[],
    ownerIndex: view(row.owner_index, (b) => new Int32Array(b)),
  };
}

/** Collects the digest columns while a snapshot is written. */
class ColumnsBuilder {
  private readonly ids: string[] = [];
  private readonly owners = new Map<string, number>();
  private readonly ownerIndex: number[] = [];
  private readonly segment: number[] = [];
  private readonly churn: number[] = [];
  private readonly recency: number[] = [];
  private readonly monetary: number[] = [];

  add(
    id: string,
    owner: string | null,
    segment: number,
    churn: boolean,
    recency: number | null,
    monetary: number | null,
  ): void {
    this.ids.push(id);
    let o = -1;
    if (owner !== null) {
      o = this.owners.get(owner) ?? this.owners.size;
      if (o === this.owners.size) this.owners.set(owner, o);
    }
    this.ownerIndex.push(o);
    this.segment.push(segment);
    this.churn.push(churn ? 1 : 0);
    this.recency.push(recency ?? Number.NaN);
    this.monetary.push(monetary !== null && Number.isFinite(monetary) ? monetary : 0);
  }

  finish(): { columns: DigestColumns; owners: string[]; ownerIndex: Int32Array } {
    return {
      columns: {
        ids: this.ids,
        segment: Uint8Array.from(this.segment),
        churn: Uint8Array.from(this.churn),
        recency: Float64Array.from(this.recency),
        monetary: Float64Array.from(this.monetary),
      },
      owners: [...this.owners.keys()],
      ownerIndex: Int32Array.from(this.ownerIndex),
    };
  }
}

function toSnapshot(row: SnapshotRow): SnapshotInfo {
  return {
    id: row.id,
    asOf: row.as_of,
    importedAt: row.imported_at,
    source: row.source,
    scheme: row.scheme,
    segments: JSON.parse(row.segments) as string[],
    segmentLabels: JSON.parse(row.segment_labels) as SnapshotInfo['segmentLabels'],
    churnSource: row.churn_source,
    customerCount: row.customer_count,
    ...(row.churn_model !== null
      ? {
          churn: {
            model: row.churn_model,
            horizonDays: row.churn_horizon_days ?? 0,
            threshold: row.churn_threshold,
            auc: row.churn_auc,
            precisionAt20: row.churn_precision_at_20,
            baseRate: row.churn_base_rate,
            definition: { en: row.churn_definition_en ?? '', zh: row.churn_definition_zh ?? '' },
          },
        }
      : {}),
    ...(row.currency_code !== null
      ? { currency: { code: row.currency_code, symbol: row.currency_symbol ?? row.currency_code } }
      : {}),
  };
}

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
    return {
      customerId: row.customer_id,
      name: row.name,
      company: row.company,
      owner: row.owner,
      segment: segmentsOf(snapshotId)[row.segment] ?? 'unclassified',
      recencyDays: row.recency_days,
      frequency: row.frequency,
      monetary: row.monetary,
      averageOrderValue: row.aov,
      lastPurchaseDate: row.last_purchase,
      churnRisk: row.churn_risk === 1,
      churnReasonEn: row.churn_reason_en,
      churnReasonZh: row.churn_reason_zh,
      churnProbability: row.churn_probability,
      expectedLoss: row.expected_loss ?? row.value_at_risk,
      strategyGroup: row.strategy_group,
      dueDate: row.due_date,
    };
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

  const store: SnapshotStore = {
    addSnapshot(snapshot: NewSnapshot, customers: Iterable<StoredCustomer>): SnapshotInfo {
      // The digest columns keep a segment in one byte.
      if (snapshot.segments.length > 255)
        throw Object.assign(new Error(`A snapshot holds at most 255 segments; got ${snapshot.segments.length}.`), {
          code: 'too-many-segments',
        });
      const segmentIndex = new Map(snapshot.segments.map((s, i) => [s, i]));
      const insertSnapshot = db.prepare(
        'INSERT INTO snapshots (as_of, imported_at, source, scheme, segments, segment_labels, churn_source, churn_model, churn_horizon_days, churn_threshold, churn_auc, churn_precision_at_20, churn_base_rate, churn_definition_en, churn_definition_zh, currency_code, currency_symbol) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const insertCustomer = db.prepare(
        `INSERT INTO customers (snapshot_id, ${CUSTOMER_COLUMNS}, rank_value) VALUES (${new Array(20).fill('?').join(', ')})`,
      );
      const churn = snapshot.churn;
      const id = db
        .transaction(() => {
          const { lastInsertRowid } = insertSnapshot.run(
            snapshot.asOf,
            snapshot.importedAt,
            snapshot.source,
            snapshot.scheme,
            JSON.stringify(snapshot.segments),
            JSON.stringify(snapshot.segmentLabels),
            snapshot.churnSource,
            churn?.model ?? null,
            churn?.horizonDays ?? null,
            finiteOrNull(churn?.threshold),
            finiteOrNull(churn?.auc),
            finiteOrNull(churn?.precisionAt20),
            finiteOrNull(churn?.baseRate),
            churn?.definition.en ?? null,
            churn?.definition.zh ?? null,
            snapshot.currency?.code ?? null,
            snapshot.currency?.symbol ?? null,
          );
          const snapshotId = Number(lastInsertRowid);
          let count = 0;
          const columns = new ColumnsBuilder();
          for (const c of customers) {
            const segment = segmentIndex.get(c.segment);
            if (segment === undefined)
              throw Object.assign(
                new Error(`Customer ${c.customerId} has segment "${c.segment}", which the snapshot does not list.`),
                { code: 'unknown-segment' },
              );
            // Segment lists and searches show the best customers first: by spend. Churn lists order by CHURN_ORDER.
            const rank = c.monetary ?? 0;
            insertCustomer.run(
              snapshotId,
              c.customerId,
              c.name,
              c.company,
              c.owner,
              segment,
              c.recencyDays,
              c.frequency,
              c.monetary,
              c.averageOrderValue,
              c.lastPurchaseDate,
              c.churnRisk ? 1 : 0,
              c.churnReasonEn,
              c.churnReasonZh,
              finiteOrNull(c.churnProbability),
              null,
              c.strategyGroup,
              c.dueDate,
              finiteOrNull(c.expectedLoss),
              Number.isFinite(rank) ? rank : 0,
            );
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
      const all = row ? columnsOf(row) : columnsFromRows(snapshotId);
      if (owner === undefined) return all.columns;
      const o = all.owners.indexOf(owner);
      const keep: number[] = [];
      // -1 marks customers without an owner: an unknown owner must not match them.
      if (o >= 0) for (let i = 0; i < all.ownerIndex.length; i++) if (all.ownerIndex[i] === o) keep.push(i);
      const { ids, segment, churn, recency, monetary } = all.columns;
      return {
        ids: keep.map((i) => ids[i]!),
        segment: Uint8Array.from(keep, (i) => segment[i]!),
        churn: Uint8Array.from(keep, (i) => churn[i]!),
        recency: Float64Array.from(keep, (i) => recency[i]!),
        monetary: Float64Array.from(keep, (i) => monetary[i]!),
      };
    },

    owners(snapshotId: number): string[] {
      return (
        db
          .prepare('SELECT DISTINCT owner FROM customers WHERE snapshot_id = ? AND owner IS NOT NULL ORDER BY owner')
          .all(snapshotId) as { owner: string }[]
      ).map((r) => r.owner);
    },
  };
  return store;
}
