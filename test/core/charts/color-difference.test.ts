import { describe, expect, it } from 'vitest';
import { deltaE2000, hexToLab, parseHexColor, smallestColorDifference } from '../../../core/charts/color-difference.js';

describe('deltaE2000', () => {
  // Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula", Table 1: pairs 1, 7, 17, 25, 34.
  it.each([
    [{ l: 50, a: 2.6772, b: -79.7751 }, { l: 50, a: 0, b: -82.7485 }, 2.0425],
    [{ l: 50, a: 0, b: 0 }, { l: 50, a: -1, b: 2 }, 2.3669],
    [{ l: 50, a: 2.5, b: 0 }, { l: 73, a: 25, b: -18 }, 27.1492],
    [{ l: 60.2574, a: -34.0099, b: 36.2677 }, { l: 60.4626, a: -34.1751, b: 39.4387 }, 1.2644],
    [{ l: 2.0776, a: 0.0795, b: -1.135 }, { l: 0.9033, a: -0.0636, b: -0.5514 }, 0.9082],
  ])('matches the published test pair %#', (x, y, expected) => {
    expect(deltaE2000(x, y)).toBeCloseTo(expected, 4);
    expect(deltaE2000(y, x)).toBeCloseTo(expected, 4);
  });
});

describe('hexToLab', () => {
  it('converts sRGB to CIELAB D65', () => {
    const white = hexToLab('#fff');
    expect(white.l).toBeCloseTo(100, 3);
    expect(Math.abs(white.a) + Math.abs(white.b)).toBeLessThan(0.01);
    // sRGB red: L* 53.24, a* 80.09, b* 67.20 (the usual reference values).
    const red = hexToLab('#ff0000');
    expect([red.l, red.a, red.b].map((x) => Math.round(x * 100) / 100)).toEqual([53.24, 80.09, 67.2]);
  });

  it('simulates colour vision deficiency: greys stay grey, red and green come close', () => {
    for (const vision of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      const grey = hexToLab('#808080', vision);
      expect(deltaE2000(grey, hexToLab('#808080'))).toBeLessThan(0.01);
    }
    const pair = (vision: 'normal' | 'deuteranopia' | 'protanopia'): number =>
      deltaE2000(hexToLab('#ff0000', vision), hexToLab('#00ff00', vision));
    expect(pair('normal')).toBeGreaterThan(80);
    expect(pair('deuteranopia')).toBeLessThan(25);
    expect(pair('protanopia')).toBeLessThan(pair('normal') / 2);
  });

  it('refuses what is not a hex colour', () => {
    expect(parseHexColor('#4e79a7')).toEqual([78, 121, 167]);
    expect(() => parseHexColor('teal')).toThrow(/not a hex colour: "teal"/);
  });
});

describe('smallestColorDifference', () => {
  it('names the closest pair', () => {
    const { deltaE, pair } = smallestColorDifference(['#000000', '#ffffff', '#76b7b2', '#86bcb6']);
    expect(pair).toEqual([2, 3]);
    expect(deltaE).toBeLessThan(3);
  });
});
