import { describe, expect, it } from 'vitest';
import { classifyRfm8, RFM8_SEGMENTS } from '../../../core/rfm/rfm8-classes.js';

describe('classifyRfm8 (SPEC §5a rfm8 table)', () => {
  it.each([
    [true, true, true, 'important-value'],
    [true, false, true, 'important-development'],
    [false, true, true, 'important-retention'],
    [false, false, true, 'important-win-back'],
    [true, true, false, 'general-value'],
    [true, false, false, 'general-development'],
    [false, true, false, 'general-retention'],
    [false, false, false, 'general-win-back'],
  ])('R high %s, F high %s, M high %s → %s', (r, f, m, segment) => {
    expect(classifyRfm8(r, f, m)).toBe(segment);
  });

  it('gives the 8 combinations 8 different classes, all listed', () => {
    const got = new Set<string>();
    for (const r of [true, false])
      for (const f of [true, false]) for (const m of [true, false]) got.add(classifyRfm8(r, f, m));
    expect([...got].sort()).toEqual([...RFM8_SEGMENTS].sort());
  });

  it('makes M decide important vs general', () => {
    for (const r of [true, false]) {
      for (const f of [true, false]) {
        expect(classifyRfm8(r, f, true)).toMatch(/^important-/);
        expect(classifyRfm8(r, f, false)).toMatch(/^general-/);
      }
    }
  });
});
