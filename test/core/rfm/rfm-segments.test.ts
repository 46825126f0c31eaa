import { describe, expect, it } from 'vitest';
import { codesOf, RFM_SEGMENTS, segmentOfCode, type RfmSegment } from '../../../core/rfm/rfm-segments.js';

const ALL_CODES = [1, 2, 3, 4, 5].flatMap((r) =>
  [1, 2, 3, 4, 5].flatMap((f) => [1, 2, 3, 4, 5].map((m) => [r, f, m] as const)),
);

describe('segmentOfCode (SPEC appendix)', () => {
  it('maps every one of the 125 codes 111..555 to exactly one segment', () => {
    expect(ALL_CODES).toHaveLength(125);
    for (const [r, f, m] of ALL_CODES) {
      const segment = segmentOfCode(r, f, m);
      expect(segment, `${r}${f}${m}`).toBeDefined();
      const listedIn = RFM_SEGMENTS.filter((s) => codesOf(s).includes(`${r}${f}${m}`));
      expect(listedIn, `${r}${f}${m}`).toEqual([segment]);
    }
  });

  it('has the appendix count per segment', () => {
    const counts = Object.fromEntries(RFM_SEGMENTS.map((s) => [s, 0])) as Record<RfmSegment, number>;
    for (const [r, f, m] of ALL_CODES) counts[segmentOfCode(r, f, m)!]++;
    expect(counts).toEqual({
      champions: 7,
      loyal: 8,
      'potential-loyalist': 24,
      new: 7,
      promising: 16,
      'need-attention': 8,
      'about-to-sleep': 8,
      'at-risk': 22,
      'cant-lose': 8,
      hibernating: 11,
      lost: 6,
    });
    for (const s of RFM_SEGMENTS) expect(codesOf(s), s).toHaveLength(counts[s]);
  });

  it('lists only valid, distinct codes', () => {
    const all = RFM_SEGMENTS.flatMap((s) => codesOf(s));
    expect(new Set(all).size).toBe(125);
    for (const code of all) expect(code).toMatch(/^[1-5]{3}$/);
  });

  it('spot-checks the appendix', () => {
    expect(segmentOfCode(5, 5, 5)).toBe('champions');
    expect(segmentOfCode(4, 4, 5)).toBe('champions');
    expect(segmentOfCode(1, 1, 1)).toBe('lost');
    expect(segmentOfCode(1, 5, 1)).toBe('lost');
    expect(segmentOfCode(1, 5, 5)).toBe('cant-lose');
    expect(segmentOfCode(2, 1, 5)).toBe('cant-lose');
    expect(segmentOfCode(5, 1, 1)).toBe('new');
    expect(segmentOfCode(5, 1, 5)).toBe('promising');
    expect(segmentOfCode(3, 3, 3)).toBe('potential-loyalist');
    expect(segmentOfCode(4, 4, 4)).toBe('loyal');
    expect(segmentOfCode(3, 4, 3)).toBe('need-attention');
    expect(segmentOfCode(3, 3, 1)).toBe('about-to-sleep');
    expect(segmentOfCode(2, 5, 5)).toBe('at-risk');
    expect(segmentOfCode(2, 2, 2)).toBe('hibernating');
  });

  it('has no segment for a missing score (0) or a score out of range', () => {
    expect(segmentOfCode(0, 5, 5)).toBeUndefined();
    expect(segmentOfCode(5, 0, 5)).toBeUndefined();
    expect(segmentOfCode(5, 5, 0)).toBeUndefined();
    expect(segmentOfCode(0, 0, 0)).toBeUndefined();
    expect(segmentOfCode(6, 1, 1)).toBeUndefined();
    expect(segmentOfCode(1, 1, 6)).toBeUndefined();
  });

  it('keeps the appendix order of segment ids', () => {
    expect(RFM_SEGMENTS).toEqual([
      'champions',
      'loyal',
      'potential-loyalist',
      'new',
      'promising',
      'need-attention',
      'about-to-sleep',
      'at-risk',
      'cant-lose',
      'hibernating',
      'lost',
    ]);
  });
});
