import { describe, expect, it } from 'vitest';
import type { KeptCustomers } from '../../../core/features/aggregate-customers.js';
import { createAggregateColumns } from '../../../core/features/create-aggregate-columns.js';
import { selectKeptFeatures } from '../../../core/features/select-kept-features.js';

const seen = {
  ids: ['C1', 'C2', 'C3'],
  firstRows: Int32Array.of(2, 5, 9),
  attributes: { region: ['East', undefined, 'West'] },
};
const asOf = { asOfDay: 200, asOfSource: 'given' } as const;

describe('selectKeptFeatures', () => {
  it('picks ids, first rows and attributes of the kept customers and cuts the columns to them', () => {
    const out = createAggregateColumns(3);
    out.monetary.set([40, 7]);
    const kept: KeptCustomers = {
      index: Int32Array.of(0, 2, 0),
      ids: ['C1', 'C3'],
      leftOut: ['C2'],
      dayOffsets: Int32Array.of(0, 1, 3, 0),
    };
    const days = { days: Int32Array.of(100, 120, 150), amounts: Float64Array.of(40, 3, 4) };
    const features = selectKeptFeatures(kept, seen, out, asOf, days);
    expect(features).toMatchObject({ count: 2, ids: ['C1', 'C3'], asOfDay: 200, asOfSource: 'given' });
    expect([...features.firstRow]).toEqual([2, 9]);
    expect([...features.monetary]).toEqual([40, 7]);
    expect(features.recencyDays.length).toBe(2);
    expect(features.attributes).toEqual({ region: ['East', 'West'] });
    expect(features.leftOut).toEqual(['C2']);
    expect([...features.purchaseDays!.offsets]).toEqual([0, 1, 3]);
  });

  it('copies nothing when every customer was kept', () => {
    const out = createAggregateColumns(3);
    const kept: KeptCustomers = {
      index: Int32Array.of(0, 1, 2),
      ids: ['C1', 'C2', 'C3'],
      leftOut: [],
      dayOffsets: undefined,
    };
    const features = selectKeptFeatures(kept, seen, out, asOf, undefined);
    expect(features.ids).toBe(seen.ids);
    expect(features.monetary).toBe(out.monetary);
    expect(features.attributes.region).toBe(seen.attributes.region);
    expect('leftOut' in features).toBe(false);
    expect('purchaseDays' in features).toBe(false);
  });
});
