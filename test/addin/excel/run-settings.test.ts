import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../addin/excel/run-settings.js';

describe('parseSettings', () => {
  it('reads what Tierline stored, as a JSON string or an object', () => {
    const stored = {
      scheme: 'rfm8',
      locale: 'zh-CN',
      asOf: '2026-11-01',
      mapping: { customerId: 'Kunde' },
      config: { tags: {} },
      written: {},
      sheets: { summary: '{s1}' },
    };
    expect(parseSettings(JSON.stringify(stored))).toMatchObject(stored);
    expect(parseSettings(stored)).toMatchObject(stored);
  });

  it('falls back to the defaults for a missing or damaged value instead of stopping', () => {
    // No locale: a workbook that never stored one opens in Office's display language.
    const defaults = { scheme: 'rfm', mapping: {}, written: {}, sheets: {} };
    expect(parseSettings(undefined)).toEqual(defaults);
    expect(parseSettings('{not json')).toEqual(defaults);
    expect(parseSettings({ locale: 'fr', written: 'oops' })).toEqual(defaults);
  });
});
