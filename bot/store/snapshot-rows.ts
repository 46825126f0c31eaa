/**
 * What the SQLite and PostgreSQL snapshot stores share: the row shapes of
 * tables snapshots and customers, the digest's column blobs (built while a
 * snapshot is written, read back in one row) and the conversions to the
 * store's types. SQL stays in each store; only the dialect differs.
 */

import type { DigestColumns, NewSnapshot, SnapshotInfo, StoredCustomer } from './snapshot-store.js';

export interface SnapshotRow {
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

export interface CustomerRow {
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

export const CUSTOMER_COLUMNS =
  'customer_id, name, company, owner, segment, recency_days, frequency, monetary, aov, last_purchase, churn_risk, churn_reason_en, churn_reason_zh, churn_probability, value_at_risk, strategy_group, due_date, expected_loss';

export const finiteOrNull = (x: number | null | undefined): number | null =>
  x !== null && x !== undefined && Number.isFinite(x) ? x : null;

/** Columns of table snapshots a new snapshot fills, in the order of `snapshotValues`. */
export const SNAPSHOT_COLUMNS =
  'as_of, imported_at, source, scheme, segments, segment_labels, churn_source, churn_model, churn_horizon_days, churn_threshold, churn_auc, churn_precision_at_20, churn_base_rate, churn_definition_en, churn_definition_zh, currency_code, currency_symbol';

/** The snapshots row of `snapshot`, in SNAPSHOT_COLUMNS order. */
export function snapshotValues(snapshot: NewSnapshot): unknown[] {
  const churn = snapshot.churn;
  return [
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
  ];
}

/** Each segment's byte in the digest columns; a snapshot holds at most 255. */
export function indexSegments(segments: readonly string[]): Map<string, number> {
  if (segments.length > 255)
    throw Object.assign(new Error(`A snapshot holds at most 255 segments; got ${segments.length}.`), {
      code: 'too-many-segments',
    });
  return new Map(segments.map((s, i) => [s, i]));
}

/**
 * The customers row of `c` (snapshot_id, CUSTOMER_COLUMNS, rank_value) and its
 * segment's index; a segment the snapshot does not list is an error.
 */
export function customerValues(
  snapshotId: number,
  c: StoredCustomer,
  segmentIndex: ReadonlyMap<string, number>,
): { values: unknown[]; segment: number } {
  const segment = segmentIndex.get(c.segment);
  if (segment === undefined)
    throw Object.assign(
      new Error(`Customer ${c.customerId} has segment "${c.segment}", which the snapshot does not list.`),
      { code: 'unknown-segment' },
    );
  // Segment lists and searches show the best customers first: by spend. Churn lists order by CHURN_ORDER.
  const rank = c.monetary ?? 0;
  const values = [
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
  ];
  return { values, segment };
}

export interface ColumnsRow {
  ids: string;
  owners: string;
  owner_index: Buffer;
  segment: Buffer;
  churn: Buffer;
  recency: Buffer;
  monetary: Buffer;
}

// Unit separator: cannot appear in a customer id read from csv/xlsx text.
export const SEPARATOR = '\u001f';

export const blob = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** A typed view of a blob, copied so the view is aligned whatever the Buffer's offset. */
function view<T>(b: Buffer, make: (buffer: ArrayBuffer) => T): T {
  const copy = new ArrayBuffer(b.byteLength);
  new Uint8Array(copy).set(b);
  return make(copy);
}

export function columnsOf(row: ColumnsRow): { columns: DigestColumns; owners: string[]; ownerIndex: Int32Array } {
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
export class ColumnsBuilder {
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

export function toSnapshot(row: SnapshotRow): SnapshotInfo {
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

/** A customer row as the store's StoredCustomer, its segment index named from the snapshot's segments. */
export function customerOfRow(row: CustomerRow, segments: readonly string[]): StoredCustomer {
  return {
    customerId: row.customer_id,
    name: row.name,
    company: row.company,
    owner: row.owner,
    segment: segments[row.segment] ?? 'unclassified',
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

/** The digest columns of one owner's customers (all when `owner` is undefined); an unknown owner has none. */
export function columnsOfOwner(
  all: { columns: DigestColumns; owners: string[]; ownerIndex: Int32Array },
  owner: string | undefined,
): DigestColumns {
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
