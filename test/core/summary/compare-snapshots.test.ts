import { describe, expect, it } from 'vitest';
import { DataValidationError, OptionsError, RFM_SEGMENTS, segmentTable } from '../../../core/index.js';
import {
  compareSnapshots,
  SEGMENT_VALUE_ORDER,
  snapshotOf,
  type Snapshot,
} from '../../../core/summary/compare-snapshots.js';

const RFM = [...RFM_SEGMENTS, 'unclassified'];
const at = (segment: string): number => RFM.indexOf(segment);

// Earlier: A champions, B loyal, C lost, D at-risk, E hibernating.
// Later:   A loyal (down 1), B champions (up 1), C lost (stayed), D unclassified (moved), F and G new; E is gone.
const before: Snapshot = {
  ids: ['A', 'B', 'C', 'D', 'E'],
  segments: RFM,
  segment: ['champions', 'loyal', 'lost', 'at-risk', 'hibernating'].map(at),
  revenue: [900, 500, 10, 300, 40],
  scheme: 'rfm',
};
const after: Snapshot = {
  ids: ['B', 'A', 'C', 'D', 'F', 'G'],
  segments: RFM,
  segment: ['champions', 'loyal', 'lost', 'unclassified', 'new', 'promising'].map(at),
  revenue: [700, 950, 10, 300, 60, 60],
  scheme: 'rfm',
};

describe('compareSnapshots', () => {
  const migration = compareSnapshots(before, after);

  it('builds the from → to matrix of customers in both snapshots', () => {
    expect(migration.from).toEqual(RFM);
    expect(migration.to).toEqual(RFM);
    const cells: string[] = [];
    migration.matrix.forEach((row, f) => row.forEach((n, t) => n > 0 && cells.push(`${RFM[f]}→${RFM[t]} ${n}`)));
    expect(cells).toEqual(['champions→loyal 1', 'loyal→champions 1', 'at-risk→unclassified 1', 'lost→lost 1']);
  });

  it('counts stayed, upgraded, downgraded, moved, new and lost', () => {
    expect(migration.counts).toEqual({
      before: 5,
      after: 6,
      retained: 4,
      stayed: 1,
      upgraded: 1,
      downgraded: 1,
      moved: 1,
      new: 2,
      lost: 1,
    });
    expect(migration.revenue).toEqual({ new: 120, lost: 40 });
    expect(migration.valueOrder).toEqual([...RFM_SEGMENTS]);
  });

  it('lists customers with steps in the value order, largest revenue first, ties by id', () => {
    expect(migration.upgrades).toEqual([{ id: 'B', from: 'loyal', to: 'champions', steps: 1, revenue: 700 }]);
    expect(migration.downgrades).toEqual([{ id: 'A', from: 'champions', to: 'loyal', steps: -1, revenue: 950 }]);
    expect(migration.newCustomers).toEqual([
      { id: 'F', segment: 'new', revenue: 60 },
      { id: 'G', segment: 'promising', revenue: 60 },
    ]);
    expect(migration.lostCustomers).toEqual([{ id: 'E', segment: 'hibernating', revenue: 40 }]);
    expect(compareSnapshots(before, after, { top: 1 }).newCustomers).toEqual([
      { id: 'F', segment: 'new', revenue: 60 },
    ]);
    expect(compareSnapshots(before, after, { top: 0 }).upgrades).toEqual([]);
  });

  it('documents a best-first value order for each scheme', () => {
    expect(SEGMENT_VALUE_ORDER.rfm![0]).toBe('champions');
    expect(SEGMENT_VALUE_ORDER.rfm!.at(-1)).toBe('lost');
    expect(SEGMENT_VALUE_ORDER.rfm8).toEqual([
      'important-value',
      'important-development',
      'important-retention',
      'important-win-back',
      'general-value',
      'general-development',
      'general-retention',
      'general-win-back',
    ]);
  });

  it('only moves customers when the scheme has no known order, unless one is given', () => {
    const clusters = (s: Snapshot): Snapshot => ({ ...s, scheme: 'kmeans' });
    expect(compareSnapshots(clusters(before), clusters(after)).counts).toMatchObject({
      upgraded: 0,
      downgraded: 0,
      moved: 3,
      stayed: 1,
    });
    const reversed = compareSnapshots(before, after, { valueOrder: [...RFM_SEGMENTS].reverse() });
    expect(reversed.upgrades.map((u) => u.id)).toEqual(['A']);
    expect(reversed.downgrades.map((d) => d.id)).toEqual(['B']);
  });

  it('compares snapshots whose segment lists differ (rfm before, rfm8 after)', () => {
    const later: Snapshot = {
      ids: ['A', 'B'],
      segments: ['important-value', 'general-win-back'],
      segment: [0, 1],
      scheme: 'rfm8',
    };
    const result = compareSnapshots(before, later);
    expect(result.matrix[at('champions')]).toEqual([1, 0]);
    expect(result.counts).toMatchObject({ retained: 2, stayed: 0, moved: 2, lost: 3 });
  });

  it('rejects malformed snapshots: duplicate ids as data issues, wrong lengths and indices as options', () => {
    const duplicated = { ...after, ids: ['B', 'A', 'C', 'D', 'F', 'B'] };
    let error: unknown;
    try {
      compareSnapshots(before, duplicated);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).issues).toEqual([
      {
        code: 'duplicate-id',
        row: 0,
        column: '',
        value: 'B',
        message: 'Customer B appears more than once in the after snapshot.',
      },
    ]);
    expect(() => compareSnapshots({ ...before, segment: [0] }, after)).toThrow(OptionsError);
    expect(() => compareSnapshots(before, { ...after, segment: [0, 0, 0, 0, 0, 99] })).toThrow(/after\.segment/);
    expect(() => compareSnapshots(before, after, { top: -1 })).toThrow(/top/);
  });
});

describe('snapshotOf', () => {
  const header = ['Customer ID', 'Order date', 'Amount'];
  const rows = [
    ['C1', '2024-01-05', '100'],
    ['C1', '2024-03-01', '50'],
    ['C2', '2024-03-01', '80'],
  ];

  it('leaves out customers with no purchase yet, so a later first purchase counts as new', () => {
    const earlier = segmentTable(header, rows, { asOf: '2024-02-01' });
    const later = segmentTable(header, rows);
    // C2's only order is after the analysis date: left out of the features with a no-purchases issue.
    expect(earlier.features.ids).toEqual(['C1']);
    expect(earlier.report.issues.filter((i) => i.code === 'no-purchases').map((i) => i.value)).toEqual(['C2']);
    const snapshot = snapshotOf(earlier);
    expect(snapshot.ids).toEqual(['C1']);
    expect(snapshot.revenue).toEqual(Float64Array.from([100]));
    expect(snapshotOf(later).ids).toEqual(['C1', 'C2']);
    const migration = compareSnapshots(snapshot, snapshotOf(later));
    expect(migration.counts).toMatchObject({ retained: 1, new: 1, lost: 0 });
    expect(migration.newCustomers).toEqual([
      { id: 'C2', segment: later.scheme.segments[later.scheme.segment[1]!], revenue: 80 },
    ]);
  });
});
