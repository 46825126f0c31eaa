import { describe, expect, it } from 'vitest';
import { currencyUnit, moneyTickLabel, segmentColors } from '../../../core/charts/chart-spec.js';
import { smallestColorDifference, type ColorVision } from '../../../core/charts/color-difference.js';
import { RFM_SEGMENTS } from '../../../core/index.js';

// CIEDE2000 ≥ 9 is an obvious difference at a glance (≈ 1 is just noticeable).
const MIN_DELTA_E = 9;
const VISIONS: readonly ColorVision[] = ['normal', 'deuteranopia', 'protanopia'];

describe('segmentColors', () => {
  const rfm = segmentColors(RFM_SEGMENTS);

  it('gives the 11 RFM segments 11 different colours, New customers no longer the teal of Hibernating', () => {
    expect(rfm).toHaveLength(11);
    expect(new Set(rfm).size).toBe(11);
    expect(rfm[RFM_SEGMENTS.indexOf('new')]).not.toBe(rfm[RFM_SEGMENTS.indexOf('hibernating')]);
  });

  it.each(VISIONS)('keeps every pair of the 11 colours and the unclassified grey apart for %s', (vision) => {
    const colors = [...rfm, ...segmentColors(['unclassified'])];
    const { deltaE, pair } = smallestColorDifference(colors, vision);
    expect(deltaE, `${colors[pair[0]]} vs ${colors[pair[1]]}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });

  it('keeps the old Tableau pair as a counter-example the check catches', () => {
    expect(smallestColorDifference(['#76b7b2', '#86bcb6'], 'normal').deltaE).toBeLessThan(MIN_DELTA_E);
  });

  it('gives unclassified its grey and numbers the others by position', () => {
    expect(segmentColors(['a', 'unclassified', 'b'])).toEqual([rfm[0], '#bab0ac', rfm[1]]);
  });
});

describe('money axes', () => {
  it('name the currency: the symbol, or 元 for yuan in Chinese', () => {
    expect(currencyUnit({ code: 'GBP', symbol: '£' }, 'zh-CN')).toBe('£');
    expect(currencyUnit({ code: 'CNY', symbol: '¥' }, 'en')).toBe('¥');
    expect(currencyUnit({ code: 'CNY', symbol: '¥' }, 'zh-CN')).toBe('元');
    expect(moneyTickLabel({ code: 'GBP', symbol: '£' }, 'en')).toBe(
      `(datum.value < 0 ? '-' : '') + "£" + format(abs(datum.value), '~s')`,
    );
    expect(moneyTickLabel({ code: 'CNY', symbol: '¥' }, 'zh-CN')).toBe(
      `(datum.value < 0 ? '-' : '') + format(abs(datum.value), '~s') + "元"`,
    );
  });
});
