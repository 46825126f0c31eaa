import { z } from 'zod';
import type { CustomerFeatures } from '../features/customer-features.js';
import { DataValidationError, type CellIssue } from '../report/cell-issue.js';
import { RFM8_SEGMENTS } from '../rfm/rfm8-classes.js';
import { RFM_SEGMENTS } from '../rfm/rfm-segments.js';
import type { SchemeResult } from '../segment/apply-scheme.js';
import { OptionsError } from '../util/parse-options.js';
import { StringIndex } from '../util/string-index.js';
import { parseOptions } from '../util/parse-options.js';

/** Segmented customers at one date: one entry per customer in each column. */
export interface Snapshot {
  readonly ids: readonly string[];
  /** The scheme's segment ids; `segment` indexes into it. */
  readonly segments: readonly string[];
  readonly segment: ArrayLike<number>;
  /** Revenue per customer, to rank the lists (absent: all 0, lists by id). */
  readonly revenue?: ArrayLike<number>;
  /** The scheme id, which picks the value order (SEGMENT_VALUE_ORDER). */
  readonly scheme?: string;
}

/**
 * Best-first value order of each scheme's segments, for "upgrade" and
 * "downgrade". rfm: the SPEC appendix order, champions down to lost (the
 * order common RFM tools rank the 11 segments by). rfm8: the SPEC §5a order,
 * important (high M) before general, then R and F high before low.
 * 'unclassified' is in no order: moves to or from it are counted as `moved`.
 */
export const SEGMENT_VALUE_ORDER: Readonly<Record<string, readonly string[]>> = {
  rfm: RFM_SEGMENTS,
  rfm8: RFM8_SEGMENTS,
};

export const migrationOptionsSchema = z
  .object({
    /** Segments best first; default SEGMENT_VALUE_ORDER of the later snapshot's scheme (none: no upgrades/downgrades, only moves). */
    valueOrder: z.array(z.string()).optional(),
    /** Length of each customer list (upgrades, downgrades, new, lost). */
    top: z.number().int().min(0).default(20),
  })
  .strict();
export type MigrationOptions = z.input<typeof migrationOptionsSchema>;

/** A customer who changed segment; `steps` > 0 is an upgrade (ranks up in the value order). */
export interface MovedCustomer {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly steps: number;
  /** Revenue in the later snapshot. */
  readonly revenue: number;
}

/** A customer present in one snapshot only. */
export interface SnapshotCustomer {
  readonly id: string;
  readonly segment: string;
  /** Revenue in the snapshot the customer is in. */
  readonly revenue: number;
}

/** Segment migration between two snapshots: plain data, the input of the weekly digest. */
export interface Migration {
  /** Matrix rows: the earlier snapshot's segments; columns: the later one's. */
  readonly from: readonly string[];
  readonly to: readonly string[];
  /** Customers in both snapshots, `[from][to]`. */
  readonly matrix: readonly (readonly number[])[];
  /** The value order used (empty: unknown, so changes are only `moved`). */
  readonly valueOrder: readonly string[];
  readonly counts: {
    readonly before: number;
    readonly after: number;
    /** In both snapshots. */
    readonly retained: number;
    readonly stayed: number;
    readonly upgraded: number;
    readonly downgraded: number;
    /** Changed segment where the value order says nothing (unclassified, unknown scheme). */
    readonly moved: number;
    readonly new: number;
    readonly lost: number;
  };
  readonly revenue: { readonly new: number; readonly lost: number };
  /** The `top` largest by revenue, ties by id; same for every list. */
  readonly upgrades: readonly MovedCustomer[];
  readonly downgrades: readonly MovedCustomer[];
  readonly newCustomers: readonly SnapshotCustomer[];
  readonly lostCustomers: readonly SnapshotCustomer[];
}

/**
 * A snapshot of a segmentation run: every customer with a purchase on record
 * at the analysis date. Customers listed without any purchase yet (frequency
 * 0, no recency: a customer table row, or only orders after asOf) are left
 * out, so a customer who first buys later counts as new, not as a move.
 * Revenue is net whole-history spend.
 * @example compareSnapshots(snapshotOf(lastWeek), snapshotOf(thisWeek))
 */
export function snapshotOf(result: { readonly features: CustomerFeatures; readonly scheme: SchemeResult }): Snapshot {
  const { features, scheme } = result;
  const keep: number[] = [];
  for (let c = 0; c < features.count; c++)
    if (!(features.frequency[c] === 0 && Number.isNaN(features.recencyDays[c]!))) keep.push(c);
  const all = keep.length === features.count;
  return {
    ids: all ? features.ids : keep.map((c) => features.ids[c]!),
    segments: scheme.segments,
    segment: all ? scheme.segment : Uint8Array.from(keep, (c) => scheme.segment[c]!),
    revenue: all ? features.monetary : Float64Array.from(keep, (c) => features.monetary[c]!),
    scheme: scheme.scheme,
  };
}

function checkSnapshot(snapshot: Snapshot, name: string): StringIndex {
  const problems: string[] = [];
  if (snapshot.segment.length !== snapshot.ids.length)
    problems.push(
      `Option "${name}.segment" must have one entry per id (${snapshot.ids.length}); got ${snapshot.segment.length}.`,
    );
  if (snapshot.revenue && snapshot.revenue.length !== snapshot.ids.length)
    problems.push(
      `Option "${name}.revenue" must have one entry per id (${snapshot.ids.length}); got ${snapshot.revenue.length}.`,
    );
  for (let c = 0; c < snapshot.segment.length; c++) {
    const s = snapshot.segment[c]!;
    if (!(Number.isInteger(s) && s >= 0 && s < snapshot.segments.length)) {
      problems.push(`Option "${name}.segment" entry ${c} (${s}) is not an index into ${name}.segments.`);
      break;
    }
  }
  if (problems.length > 0) throw new OptionsError(problems);
  const index = new StringIndex(snapshot.ids.length);
  const duplicates: CellIssue[] = [];
  for (const id of snapshot.ids) {
    const before = index.size;
    if (index.intern(id) < before && duplicates.length < 100)
      duplicates.push({
        code: 'duplicate-id',
        row: 0,
        column: '',
        value: id,
        message: `Customer ${id} appears more than once in the ${name} snapshot.`,
      });
  }
  if (duplicates.length > 0) throw new DataValidationError(duplicates);
  return index;
}

/** Keeps the `limit` best candidates by revenue (descending), ties by id (code-point order). */
class TopList<T extends { readonly id: string; readonly revenue: number }> {
  readonly items: T[] = [];
  constructor(private readonly limit: number) {}
  private before(a: T, b: T): boolean {
    return a.revenue > b.revenue || (a.revenue === b.revenue && a.id < b.id);
  }
  /** `make` is called only when the candidate gets in (no allocation for the rest). */
  offer(id: string, revenue: number, make: () => T): void {
    if (this.limit === 0) return;
    const last = this.items[this.items.length - 1];
    if (
      this.items.length === this.limit &&
      last &&
      !(revenue > last.revenue || (revenue === last.revenue && id < last.id))
    )
      return;
    const item = make();
    let at = this.items.length;
    while (at > 0 && this.before(item, this.items[at - 1]!)) at--;
    this.items.splice(at, 0, item);
    if (this.items.length > this.limit) this.items.pop();
  }
}

/**
 * Compares two snapshots of segmented customers (same customers at two dates,
 * or two files): the from→to matrix of customers in both, upgrades and
 * downgrades by the scheme's value order, new customers (only in the later
 * snapshot) and lost ones (only in the earlier). Lists hold the `top` largest
 * by revenue (later revenue; earlier for lost). Linear in the customers.
 * @throws OptionsError for bad options or malformed snapshots; DataValidationError `duplicate-id` when an id repeats within a snapshot.
 * @example
 * const migration = compareSnapshots(
 *   { ids: ['C1', 'C2'], segments: ['champions', 'lost'], segment: [1, 0], scheme: 'rfm' },
 *   { ids: ['C1', 'C3'], segments: ['champions', 'lost'], segment: [0, 0], scheme: 'rfm' },
 * );
 * migration.counts // { upgraded: 1, new: 1, lost: 1, ... }
 */
export function compareSnapshots(before: Snapshot, after: Snapshot, optionsInput: MigrationOptions = {}): Migration {
  const options = parseOptions(migrationOptionsSchema, optionsInput);
  const beforeIndex = checkSnapshot(before, 'before');
  checkSnapshot(after, 'after');
  const valueOrder =
    options.valueOrder ?? (after.scheme !== undefined ? SEGMENT_VALUE_ORDER[after.scheme] : undefined) ?? [];
  const rankOf = new Map(valueOrder.map((segment, rank) => [segment, rank]));
  const fromRank = before.segments.map((s) => rankOf.get(s) ?? -1),
    toRank = after.segments.map((s) => rankOf.get(s) ?? -1);
  const width = after.segments.length;
  const matrix = new Float64Array(before.segments.length * width);
  const seen = new Uint8Array(before.ids.length);
  const revenueOf = (snapshot: Snapshot, c: number): number => {
    const x = snapshot.revenue?.[c] ?? 0;
    return Number.isNaN(x) ? 0 : x;
  };
  const upgrades = new TopList<MovedCustomer>(options.top),
    downgrades = new TopList<MovedCustomer>(options.top);
  const newCustomers = new TopList<SnapshotCustomer>(options.top),
    lostCustomers = new TopList<SnapshotCustomer>(options.top);
  let stayed = 0,
    upgraded = 0,
    downgraded = 0,
    moved = 0,
    added = 0,
    retained = 0,
    newRevenue = 0,
    lostRevenue = 0;
  for (let a = 0; a < after.ids.length; a++) {
    const id = after.ids[a]!;
    const to = after.segment[a]!;
    const revenue = revenueOf(after, a);
    const b = beforeIndex.get(id);
    if (b < 0) {
      added++;
      newRevenue += revenue;
      newCustomers.offer(id, revenue, () => ({ id, segment: after.segments[to]!, revenue }));
      continue;
    }
    seen[b] = 1;
    retained++;
    const from = before.segment[b]!;
    matrix[from * width + to]!++;
    const rankFrom = fromRank[from]!,
      rankTo = toRank[to]!;
    if (before.segments[from] === after.segments[to]) stayed++;
    else if (rankFrom < 0 || rankTo < 0) moved++;
    else {
      const steps = rankFrom - rankTo;
      const make = (): MovedCustomer => ({ id, from: before.segments[from]!, to: after.segments[to]!, steps, revenue });
      if (steps > 0) {
        upgraded++;
        upgrades.offer(id, revenue, make);
      } else {
        downgraded++;
        downgrades.offer(id, revenue, make);
      }
    }
  }
  let lost = 0;
  for (let b = 0; b < before.ids.length; b++) {
    if (seen[b]) continue;
    lost++;
    const id = before.ids[b]!,
      revenue = revenueOf(before, b);
    lostRevenue += revenue;
    lostCustomers.offer(id, revenue, () => ({ id, segment: before.segments[before.segment[b]!]!, revenue }));
  }
  const rows: number[][] = [];
  for (let s = 0; s < before.segments.length; s++) rows.push(Array.from(matrix.subarray(s * width, (s + 1) * width)));
  return {
    from: [...before.segments],
    to: [...after.segments],
    matrix: rows,
    valueOrder: [...valueOrder],
    counts: {
      before: before.ids.length,
      after: after.ids.length,
      retained,
      stayed,
      upgraded,
      downgraded,
      moved,
      new: added,
      lost,
    },
    revenue: { new: newRevenue, lost: lostRevenue },
    upgrades: upgrades.items,
    downgrades: downgrades.items,
    newCustomers: newCustomers.items,
    lostCustomers: lostCustomers.items,
  };
}
