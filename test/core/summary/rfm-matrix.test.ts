import { describe, expect, it } from 'vitest';
import { RFM8_SEGMENTS, segmentTable } from '../../../core/index.js';
import { rfmMatrix } from '../../../core/summary/rfm-matrix.js';
import { smallFeatures, smallScheme } from './small-table.js';

describe('rfmMatrix', () => {
  it('counts rfm customers by R × F score, best first, unscored apart', () => {
    const matrix = rfmMatrix(smallFeatures(), smallScheme())!;
    expect(matrix.levels).toEqual([5, 4, 3, 2, 1]);
    // Scores (r f m): 555, 545, 444, 322, 434, 111 and one unscored.
    expect(matrix.rf).toEqual([
      [1, 1, 0, 0, 0],
      [0, 1, 1, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 1],
    ]);
    expect(matrix.rfShares[0]).toEqual([1 / 6, 1 / 6, 0, 0, 0]);
    expect([matrix.scored, matrix.unscored]).toEqual([6, 1]);
  });

  it('lists all 125 codes from 555 down to 111 with the appendix segment, count, share and revenue', () => {
    const { codes } = rfmMatrix(smallFeatures(), smallScheme())!;
    expect(codes).toHaveLength(125);
    expect(codes[0]).toEqual({ code: '555', segment: 'champions', count: 1, share: 1 / 6, revenue: 1000 });
    expect(codes[124]).toEqual({ code: '111', segment: 'lost', count: 1, share: 1 / 6, revenue: 100 });
    const nonEmpty = codes.filter((c) => c.count > 0).map((c) => `${c.code} ${c.segment} ${c.revenue}`);
    expect(nonEmpty).toEqual([
      '555 champions 1000',
      '545 champions 600',
      '444 loyal 400',
      '434 need-attention 300',
      '322 hibernating 200',
      '111 lost 100',
    ]);
    expect(codes.reduce((sum, c) => sum + c.count, 0)).toBe(6);
  });

  it('gives rfm8 a 2 × 2 R × F matrix and the 8 classes in SPEC order with H/L codes', () => {
    const scheme = {
      ...smallScheme(),
      scheme: 'rfm8' as const,
      r: Uint8Array.from([2, 2, 1, 1, 2, 1, 0]),
      f: Uint8Array.from([2, 1, 2, 1, 2, 1, 0]),
      m: Uint8Array.from([2, 2, 2, 2, 1, 1, 0]),
    };
    const matrix = rfmMatrix(smallFeatures(), scheme)!;
    expect(matrix.levels).toEqual([2, 1]);
    expect(matrix.rf).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(matrix.codes.map((c) => [c.code, c.segment, c.count])).toEqual([
      ['HHH', 'important-value', 1],
      ['HLH', 'important-development', 1],
      ['LHH', 'important-retention', 1],
      ['LLH', 'important-win-back', 1],
      ['HHL', 'general-value', 1],
      ['HLL', 'general-development', 0],
      ['LHL', 'general-retention', 0],
      ['LLL', 'general-win-back', 1],
    ]);
    expect(matrix.codes.map((c) => c.segment)).toEqual([...RFM8_SEGMENTS]);
  });

  it('matches the segments a real run assigns', () => {
    const result = segmentTable(
      ['Customer ID', 'Order date', 'Amount'],
      [
        ['C1', '2024-03-01', '100'],
        ['C1', '2024-03-10', '200'],
        ['C2', '2024-01-15', '80'],
        ['C3', '2024-03-20', '500'],
        ['C5', '2023-12-01', '40'],
      ],
    );
    const matrix = rfmMatrix(result.features, result.scheme)!;
    for (const cell of matrix.codes.filter((c) => c.count > 0)) {
      const ids = result.features.ids.filter(
        (_, c) => `${result.scheme.r[c]}${result.scheme.f[c]}${result.scheme.m[c]}` === cell.code,
      );
      expect(ids.length).toBe(cell.count);
      expect(
        ids.every(
          (id) => result.scheme.segments[result.scheme.segment[result.features.ids.indexOf(id)]!] === cell.segment,
        ),
      ).toBe(true);
    }
  });
});
