import Database from 'better-sqlite3';
import { applyMigrations } from './migrations.js';
import type { ChurnSort, CustomerQuery, DigestColumns, DigestRun, ExecutionLogEntry, NewSnapshot, Role, SnapshotInfo, Store, StoredCustomer, Subscription } from './store.js';

/** Default store file, relative to the working directory. */
export const DEFAULT_STORE_PATH = 'tierline.db';

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

interface RunRow {
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

const CUSTOMER_COLUMNS = 'customer_id, name, company, owner, segment, recency_days, frequency, monetary, aov, last_purchase, churn_risk, churn_reason_en, churn_reason_zh, churn_probability, value_at_risk, strategy_group, due_date, expected_loss';

/**
 * Churn list orders. Old snapshots (migration < 3) have no expected loss:
 * their rank_value (the lifetime model's value at risk, else spend) stands in.
 */
const CHURN_ORDER: Readonly<Record<ChurnSort, string>> = {
  risk: 'c.churn_probability DESC, COALESCE(c.expected_loss, c.rank_value) DESC, c.monetary DESC, c.customer_id',
  value: 'COALESCE(c.expected_loss, c.rank_value) DESC, c.monetary DESC, c.customer_id',
};

const finiteOrNull = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

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

  add(id: string, owner: string | null, segment: number, churn: boolean, recency: number | null, monetary: number | null): void {
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
      columns: { ids: this.ids, segment: Uint8Array.from(this.segment), churn: Uint8Array.from(this.churn), recency: Float64Array.from(this.recency), monetary: Float64Array.from(this.monetary) },
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
    ...(row.currency_code !== null ? { currency: { code: row.currency_code, symbol: row.currency_symbol ?? row.currency_code } } : {}),
  };
}

function toRun(row: RunRow): DigestRun {
  return { subscriptionId: row.subscription_id, period: row.period, status: row.status, claimedBy: row.claimed_by, claimedAt: row.claimed_at, postedAt: row.posted_at, messageTs: row.message_ts, attempts: row.attempts, error: row.error };
}

/**
 * The Store on one SQLite file (better-sqlite3). WAL mode so readers never
 * wait for the importer; a busy timeout so two bot processes on one file
 * queue for the write lock instead of failing.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly segmentsCache = new Map<number, readonly string[]>();

  /** Opens (or creates) the store at `path` and migrates it; `:memory:` for tests. */
  constructor(path: string = DEFAULT_STORE_PATH) {
    this.db = new Database(path, { timeout: 5000 });
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    applyMigrations(this.db);
  }

  private segmentsOf(snapshotId: number): readonly string[] {
    let segments = this.segmentsCache.get(snapshotId);
    if (!segments) {
      segments = this.snapshotById(snapshotId)?.segments ?? [];
      this.segmentsCache.set(snapshotId, segments);
    }
    return segments;
  }

  private toCustomer(snapshotId: number, row: CustomerRow): StoredCustomer {
    return {
      customerId: row.customer_id,
      name: row.name,
      company: row.company,
      owner: row.owner,
      segment: this.segmentsOf(snapshotId)[row.segment] ?? 'unclassified',
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

  addSnapshot(snapshot: NewSnapshot, customers: Iterable<StoredCustomer>): SnapshotInfo {
    // The digest columns keep a segment in one byte.
    if (snapshot.segments.length > 255) throw Object.assign(new Error(`A snapshot holds at most 255 segments; got ${snapshot.segments.length}.`), { code: 'too-many-segments' });
    const segmentIndex = new Map(snapshot.segments.map((s, i) => [s, i]));
    const insertSnapshot = this.db.prepare(
      'INSERT INTO snapshots (as_of, imported_at, source, scheme, segments, segment_labels, churn_source, churn_model, churn_horizon_days, churn_threshold, churn_auc, churn_precision_at_20, churn_base_rate, churn_definition_en, churn_definition_zh, currency_code, currency_symbol) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertCustomer = this.db.prepare(`INSERT INTO customers (snapshot_id, ${CUSTOMER_COLUMNS}, rank_value) VALUES (${new Array(20).fill('?').join(', ')})`);
    const churn = snapshot.churn;
    const id = this.db
      .transaction(() => {
        const { lastInsertRowid } = insertSnapshot.run(
          snapshot.asOf, snapshot.importedAt, snapshot.source, snapshot.scheme, JSON.stringify(snapshot.segments), JSON.stringify(snapshot.segmentLabels), snapshot.churnSource,
          churn?.model ?? null, churn?.horizonDays ?? null, finiteOrNull(churn?.threshold), finiteOrNull(churn?.auc), finiteOrNull(churn?.precisionAt20), finiteOrNull(churn?.baseRate), churn?.definition.en ?? null, churn?.definition.zh ?? null,
          snapshot.currency?.code ?? null, snapshot.currency?.symbol ?? null,
        );
        const snapshotId = Number(lastInsertRowid);
        let count = 0;
        const columns = new ColumnsBuilder();
        for (const c of customers) {
          const segment = segmentIndex.get(c.segment);
          if (segment === undefined) throw Object.assign(new Error(`Customer ${c.customerId} has segment "${c.segment}", which the snapshot does not list.`), { code: 'unknown-segment' });
          // Segment lists and searches show the best customers first: by spend. Churn lists order by CHURN_ORDER.
          const rank = c.monetary ?? 0;
          insertCustomer.run(snapshotId, c.customerId, c.name, c.company, c.owner, segment, c.recencyDays, c.frequency, c.monetary, c.averageOrderValue, c.lastPurchaseDate, c.churnRisk ? 1 : 0, c.churnReasonEn, c.churnReasonZh, finiteOrNull(c.churnProbability), null, c.strategyGroup, c.dueDate, finiteOrNull(c.expectedLoss), Number.isFinite(rank) ? rank : 0);
          columns.add(c.customerId, c.owner, segment, c.churnRisk, c.recencyDays, c.monetary);
          count++;
        }
        const built = columns.finish();
        this.db
          .prepare('INSERT INTO snapshot_columns (snapshot_id, ids, owners, owner_index, segment, churn, recency, monetary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(snapshotId, built.columns.ids.join(SEPARATOR), JSON.stringify(built.owners), blob(built.ownerIndex), blob(built.columns.segment), blob(built.columns.churn), blob(built.columns.recency), blob(built.columns.monetary));
        this.db.prepare('UPDATE snapshots SET customer_count = ? WHERE id = ?').run(count, snapshotId);
        return snapshotId;
      })
      .immediate();
    return this.snapshotById(id)!;
  }

  latestSnapshot(): SnapshotInfo | undefined {
    const row = this.db.prepare('SELECT * FROM snapshots ORDER BY as_of DESC, id DESC LIMIT 1').get() as SnapshotRow | undefined;
    return row && toSnapshot(row);
  }

  previousSnapshot(snapshotId: number): SnapshotInfo | undefined {
    const current = this.snapshotById(snapshotId);
    if (!current) return undefined;
    const row = this.db.prepare('SELECT * FROM snapshots WHERE as_of < ? OR (as_of = ? AND id < ?) ORDER BY as_of DESC, id DESC LIMIT 1').get(current.asOf, current.asOf, snapshotId) as SnapshotRow | undefined;
    return row && toSnapshot(row);
  }

  snapshotById(id: number): SnapshotInfo | undefined {
    const row = this.db.prepare('SELECT * FROM snapshots WHERE id = ?').get(id) as SnapshotRow | undefined;
    return row && toSnapshot(row);
  }

  customer(snapshotId: number, customerId: string): StoredCustomer | undefined {
    const row = this.db.prepare(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE snapshot_id = ? AND customer_id = ?`).get(snapshotId, customerId) as CustomerRow | undefined;
    return row && this.toCustomer(snapshotId, row);
  }

  searchCustomers(snapshotId: number, text: string, owner: string | undefined, limit: number): StoredCustomer[] {
    // LIKE with an escaped pattern: the user's text is data, never syntax.
    const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const scope = owner === undefined ? '' : 'AND owner = ?';
    const args: unknown[] = [snapshotId, pattern, pattern, ...(owner === undefined ? [] : [owner]), limit];
    const rows = this.db.prepare(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE snapshot_id = ? AND (name LIKE ? ESCAPE '\\' OR company LIKE ? ESCAPE '\\') ${scope} ORDER BY rank_value DESC, customer_id LIMIT ?`).all(...args) as CustomerRow[];
    return rows.map((row) => this.toCustomer(snapshotId, row));
  }

  churnRisks(query: CustomerQuery & { readonly today: string; readonly sort?: ChurnSort }): { customers: StoredCustomer[]; total: number } {
    const scope = query.owner === undefined ? '' : 'AND c.owner = ?';
    const args: unknown[] = [query.snapshotId, ...(query.owner === undefined ? [] : [query.owner]), query.today];
    const where = `FROM customers c WHERE c.snapshot_id = ? ${scope} AND c.churn_risk = 1 AND NOT EXISTS (SELECT 1 FROM snoozes s WHERE s.customer_id = c.customer_id AND s.until > ?)`;
    const rows = this.db.prepare(`SELECT ${CUSTOMER_COLUMNS} ${where} ORDER BY ${CHURN_ORDER[query.sort ?? 'risk']} LIMIT ? OFFSET ?`).all(...args, query.limit, query.offset) as CustomerRow[];
    // All churn risks minus the snoozed ones: snoozes are few, while a NOT EXISTS
    // probe per row costs ~60 ms over a manager's 250k churn risks.
    const ownerArgs = query.owner === undefined ? [] : [query.owner];
    const { total } = this.db.prepare(`SELECT COUNT(*) AS total FROM customers c WHERE c.snapshot_id = ? ${scope} AND c.churn_risk = 1`).get(query.snapshotId, ...ownerArgs) as { total: number };
    const { snoozed } = this.db
      .prepare(`SELECT COUNT(*) AS snoozed FROM snoozes s JOIN customers c ON c.snapshot_id = ? AND c.customer_id = s.customer_id WHERE s.until > ? AND c.churn_risk = 1 ${scope}`)
      .get(query.snapshotId, query.today, ...ownerArgs) as { snoozed: number };
    return { customers: rows.map((row) => this.toCustomer(query.snapshotId, row)), total: total - snoozed };
  }

  customersInSegment(query: CustomerQuery & { readonly segment: string }): { customers: StoredCustomer[]; total: number } {
    const segment = this.segmentsOf(query.snapshotId).indexOf(query.segment);
    if (segment < 0) return { customers: [], total: 0 };
    const scope = query.owner === undefined ? '' : 'AND owner = ?';
    const args: unknown[] = [query.snapshotId, ...(query.owner === undefined ? [] : [query.owner]), segment];
    const where = `FROM customers WHERE snapshot_id = ? ${scope} AND segment = ?`;
    const rows = this.db.prepare(`SELECT ${CUSTOMER_COLUMNS} ${where} ORDER BY rank_value DESC, customer_id LIMIT ? OFFSET ?`).all(...args, query.limit, query.offset) as CustomerRow[];
    const { total } = this.db.prepare(`SELECT COUNT(*) AS total ${where}`).get(...args) as { total: number };
    return { customers: rows.map((row) => this.toCustomer(query.snapshotId, row)), total };
  }

  segmentCounts(snapshotId: number, owner: string | undefined): { segment: string; count: number; revenue: number; churnRisks: number }[] {
    const scope = owner === undefined ? '' : 'AND owner = ?';
    const rows = this.db.prepare(`SELECT segment, COUNT(*) AS count, TOTAL(monetary) AS revenue, TOTAL(churn_risk) AS churn FROM customers WHERE snapshot_id = ? ${scope} GROUP BY segment ORDER BY segment`).all(snapshotId, ...(owner === undefined ? [] : [owner])) as { segment: number; count: number; revenue: number; churn: number }[];
    const segments = this.segmentsOf(snapshotId);
    return rows.map((r) => ({ segment: segments[r.segment] ?? 'unclassified', count: r.count, revenue: r.revenue, churnRisks: r.churn }));
  }

  digestColumns(snapshotId: number, owner: string | undefined): DigestColumns {
    const row = this.db.prepare('SELECT * FROM snapshot_columns WHERE snapshot_id = ?').get(snapshotId) as ColumnsRow | undefined;
    const all = row ? columnsOf(row) : this.columnsFromRows(snapshotId);
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
  }

  /** The slow path, for a snapshot stored before migration 2 added snapshot_columns. */
  private columnsFromRows(snapshotId: number): { columns: DigestColumns; owners: string[]; ownerIndex: Int32Array } {
    const rows = this.db.prepare('SELECT customer_id, owner, segment, churn_risk, recency_days, monetary FROM customers WHERE snapshot_id = ?').raw(true).all(snapshotId) as [string, string | null, number, number, number | null, number | null][];
    const builder = new ColumnsBuilder();
    for (const r of rows) builder.add(r[0], r[1], r[2], r[3] === 1, r[4], r[5]);
    return builder.finish();
  }

  owners(snapshotId: number): string[] {
    return (this.db.prepare('SELECT DISTINCT owner FROM customers WHERE snapshot_id = ? AND owner IS NOT NULL ORDER BY owner').all(snapshotId) as { owner: string }[]).map((r) => r.owner);
  }

  mapOwner(owner: string, slackUserId: string, source: 'manual' | 'email'): void {
    this.db.prepare('INSERT INTO owners (owner, slack_user_id, source) VALUES (?, ?, ?) ON CONFLICT (owner) DO UPDATE SET slack_user_id = excluded.slack_user_id, source = excluded.source').run(owner, slackUserId, source);
  }

  ownerOfSlackUser(slackUserId: string): string | undefined {
    // One Slack user maps to one owner; the newest mapping wins if edited by hand.
    return (this.db.prepare('SELECT owner FROM owners WHERE slack_user_id = ? ORDER BY rowid DESC LIMIT 1').get(slackUserId) as { owner: string } | undefined)?.owner;
  }

  slackUserOfOwner(owner: string): string | undefined {
    return (this.db.prepare('SELECT slack_user_id FROM owners WHERE owner = ?').get(owner) as { slack_user_id: string } | undefined)?.slack_user_id;
  }

  ownerMappings(): { owner: string; slackUserId: string; source: string }[] {
    return (this.db.prepare('SELECT owner, slack_user_id, source FROM owners ORDER BY owner').all() as { owner: string; slack_user_id: string; source: string }[]).map((r) => ({ owner: r.owner, slackUserId: r.slack_user_id, source: r.source }));
  }

  setRole(slackUserId: string, role: Role | undefined): void {
    if (role === undefined) this.db.prepare('DELETE FROM roles WHERE slack_user_id = ?').run(slackUserId);
    else this.db.prepare('INSERT INTO roles (slack_user_id, role) VALUES (?, ?) ON CONFLICT (slack_user_id) DO UPDATE SET role = excluded.role').run(slackUserId, role);
  }

  roleOf(slackUserId: string): Role | undefined {
    return (this.db.prepare('SELECT role FROM roles WHERE slack_user_id = ?').get(slackUserId) as { role: Role } | undefined)?.role;
  }

  addSubscription(s: Omit<Subscription, 'id'>): Subscription {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO subscriptions (channel, cron, time_zone, scope_kind, scope_owner, locale, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(s.channel, s.cron, s.timeZone, s.scope.kind, s.scope.kind === 'owner' ? s.scope.owner : null, s.locale, s.createdBy, s.createdAt);
    return { ...s, id: Number(lastInsertRowid) };
  }

  subscriptions(): Subscription[] {
    const rows = this.db.prepare('SELECT * FROM subscriptions ORDER BY id').all() as { id: number; channel: string; cron: string; time_zone: string; scope_kind: 'all' | 'owner'; scope_owner: string | null; locale: 'en' | 'zh-CN'; created_by: string; created_at: string }[];
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      cron: r.cron,
      timeZone: r.time_zone,
      scope: r.scope_kind === 'owner' ? { kind: 'owner', owner: r.scope_owner ?? '' } : { kind: 'all' },
      locale: r.locale,
      createdBy: r.created_by,
      createdAt: r.created_at,
    }));
  }

  removeSubscription(id: number): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id).changes > 0;
  }

  claimDigestRun(subscriptionId: number, period: string, worker: string, now: string, staleAfterMs: number): DigestRun | undefined {
    // BEGIN IMMEDIATE takes the write lock before the read, so two processes
    // cannot both see "no run yet" and both post.
    return this.db
      .transaction((): DigestRun | undefined => {
        const row = this.db.prepare('SELECT * FROM digest_runs WHERE subscription_id = ? AND period = ?').get(subscriptionId, period) as RunRow | undefined;
        if (!row) {
          this.db.prepare("INSERT INTO digest_runs (subscription_id, period, status, claimed_by, claimed_at) VALUES (?, ?, 'claimed', ?, ?)").run(subscriptionId, period, worker, now);
        } else {
          const stale = row.status === 'claimed' && Date.parse(now) - Date.parse(row.claimed_at) > staleAfterMs;
          if (row.status === 'posted' || (row.status === 'claimed' && !stale)) return undefined;
          this.db.prepare("UPDATE digest_runs SET status = 'claimed', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE subscription_id = ? AND period = ?").run(worker, now, subscriptionId, period);
        }
        return toRun(this.db.prepare('SELECT * FROM digest_runs WHERE subscription_id = ? AND period = ?').get(subscriptionId, period) as RunRow);
      })
      .immediate();
  }

  finishDigestRun(subscriptionId: number, period: string, outcome: { status: 'posted'; messageTs: string | null; at: string } | { status: 'failed'; error: string; at: string }): void {
    if (outcome.status === 'posted') this.db.prepare("UPDATE digest_runs SET status = 'posted', posted_at = ?, message_ts = ?, error = NULL WHERE subscription_id = ? AND period = ?").run(outcome.at, outcome.messageTs, subscriptionId, period);
    else this.db.prepare("UPDATE digest_runs SET status = 'failed', error = ? WHERE subscription_id = ? AND period = ?").run(outcome.error, subscriptionId, period);
  }

  digestRuns(subscriptionId: number): DigestRun[] {
    return (this.db.prepare('SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY period').all(subscriptionId) as RunRow[]).map(toRun);
  }

  addExecutionLog(entry: Omit<ExecutionLogEntry, 'id'>): ExecutionLogEntry {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO execution_log (date, customer_id, owner, executor, action, feedback, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.date, entry.customerId, entry.owner, entry.executor, entry.action, entry.feedback, entry.result, entry.createdAt);
    return { ...entry, id: Number(lastInsertRowid) };
  }

  executionLog(filter: { readonly owner?: string; readonly customerId?: string; readonly since?: string }): ExecutionLogEntry[] {
    const clauses: string[] = [], args: unknown[] = [];
    const where = (clause: string, value: unknown): void => {
      clauses.push(clause);
      args.push(value);
    };
    if (filter.owner !== undefined) where('owner = ?', filter.owner);
    if (filter.customerId !== undefined) where('customer_id = ?', filter.customerId);
    if (filter.since !== undefined) where('date >= ?', filter.since);
    const rows = this.db.prepare(`SELECT * FROM execution_log ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY date, id`).all(...args) as { id: number; date: string; customer_id: string; owner: string | null; executor: string; action: string; feedback: string; result: 'success' | 'follow-up'; created_at: string }[];
    return rows.map((r) => ({ id: r.id, date: r.date, customerId: r.customer_id, owner: r.owner, executor: r.executor, action: r.action, feedback: r.feedback, result: r.result, createdAt: r.created_at }));
  }

  snooze(customerId: string, owner: string | null, until: string, by: string): void {
    this.db.prepare('INSERT INTO snoozes (customer_id, owner, until, snoozed_by) VALUES (?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET until = excluded.until, owner = excluded.owner, snoozed_by = excluded.snoozed_by').run(customerId, owner, until, by);
  }

  snoozedUntil(customerId: string): string | undefined {
    return (this.db.prepare('SELECT until FROM snoozes WHERE customer_id = ?').get(customerId) as { until: string } | undefined)?.until;
  }

  close(): void {
    this.db.close();
  }
}
