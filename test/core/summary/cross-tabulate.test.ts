import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../core/index.js';
import { BLANK_VALUE, crossTabulate, OTHER_VALUE } from '../../../core/summary/cross-tabulate.js';
import { SEGMENTS, smallFeatures, smallScheme } from './small-table.js';

describe('crossTabulate', () => {
  const tabs = crossTabulate(smallFeatures(), smallScheme());
  const region = tabs.find((t) => t.attribute === 'region')!;
  const channel = tabs.find((t) => t.attribute === 'channel')!;

  it('tabulates only the attributes the data carries, in the default order', () => {
    expect(tabs.map((t) => t.attribute)).toEqual(['region', 'channel']);
  });

  it('counts segment × value with blanks as their own column, values by count then code point', () => {
    expect(region.segments).toEqual(SEGMENTS);
    expect(region.values).toEqual(['华东', '华南', '华北', BLANK_VALUE]);
    expect(region.counts).toEqual([
      [2, 0, 0, 0],
      [1, 1, 0, 1],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]);
    expect(region.rowShares[1]).toEqual([1 / 3, 1 / 3, 0, 1 / 3]);
    expect(region.rowShares[0]).toEqual([1, 0, 0, 0]);
    expect(region.revenue).toEqual([
      [1600, 0, 0, 0],
      [300, 400, 0, 200],
      [0, 100, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(region.valueCounts).toEqual([3, 2, 1, 1]);
    expect(region.valueShares).toEqual([3 / 7, 2 / 7, 1 / 7, 1 / 7]);
    expect(region.valueRevenue).toEqual([1900, 500, 0, 200]);
    expect(region.segmentCounts).toEqual([2, 3, 1, 1]);
    expect(region.segmentRevenue).toEqual([1600, 900, 100, 0]);
    expect(region.total).toEqual({ count: 7, revenue: 2600 });
  });

  it('treats undefined (no attribute row) like an empty cell; (blank) stays last even when it ties', () => {
    // 线上 3 (C1, C4, C5); 线下 2 (C2, C6); no channel 2 (C3, C7).
    expect(channel.values).toEqual(['线上', '线下', BLANK_VALUE]);
    expect(channel.counts).toEqual([
      [1, 1, 0],
      [2, 0, 1],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('orders values with equal counts by code point, whatever the input order', () => {
    const features = smallFeatures();
    const shuffled = { ...features, attributes: { region: ['b', 'a', 'c', 'a', 'b', 'c', 'd'] } };
    expect(crossTabulate(shuffled, smallScheme())[0]!.values).toEqual(['a', 'b', 'c', 'd']);
  });

  it('merges the least frequent values into (other) beyond maxValues, keeping (blank) apart and last', () => {
    const [merged] = crossTabulate(smallFeatures(), smallScheme(), { attributes: ['region'], maxValues: 1 });
    expect(merged!.values).toEqual(['华东', OTHER_VALUE, BLANK_VALUE]);
    expect(merged!.counts).toEqual([
      [2, 0, 0],
      [1, 1, 1],
      [0, 1, 0],
      [0, 1, 0],
    ]);
    expect(merged!.valueCounts).toEqual([3, 3, 1]);
  });

  it('validates options once, naming the key', () => {
    expect(() => crossTabulate(smallFeatures(), smallScheme(), { maxValues: 0 })).toThrow(OptionsError);
    expect(() => crossTabulate(smallFeatures(), smallScheme(), { attributes: ['shoeSize' as 'region'] })).toThrow(
      /attributes/,
    );
  });
});
