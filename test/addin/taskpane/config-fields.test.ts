import { describe, expect, it } from 'vitest';
import {
  countOtherSettings,
  listConfigFields,
  readConfigNumber,
  toConfigObject,
  writeConfigNumber,
} from '../../../addin/taskpane/config-fields.js';
import { parseRulesConfig } from '../../../core/rules/rules-config.js';
import { resolveGradingOptions } from '../../../core/grading/grading-options.js';
import { resolveValueTierOptions } from '../../../core/tiers/value-tiers.js';
import { SCHEMES } from '../../../core/segment/scheme-registry.js';

describe('listConfigFields', () => {
  it("lists a rule preset's segment thresholds with their defaults, a between as from/to", () => {
    const fields = listConfigFields('rules:a-step4-rules', 'en');
    expect(fields.map((f) => [f.path.join('.'), f.defaultValue])).toEqual([
      ['presets.a-step4-rules.high-value.frequency6m', 5],
      ['presets.a-step4-rules.high-value.averageOrderValue', 1000],
      ['presets.a-step4-rules.potential.frequency6m.min', 2],
      ['presets.a-step4-rules.potential.frequency6m.max', 4],
      ['presets.a-step4-rules.potential.averageOrderValue.min', 500],
      ['presets.a-step4-rules.potential.averageOrderValue.max', 1000],
      ['presets.a-step4-rules.churn-risk.recencyDays', 3],
      ['presets.a-step4-rules.churn-risk.historicalFrequency', 1],
    ]);
    expect(fields[0]).toMatchObject({ group: 'High-value customer', label: '6-month frequency ≥' });
    expect(fields[2]!.label).toBe('6-month frequency from');
    expect(fields[6]!.label).toBe('Months since the last purchase >');
  });

  it('names the fields in zh-CN', () => {
    const fields = listConfigFields('rules:a-step4-rules', 'zh-CN');
    expect(fields[0]!.group).toBe('高价值客户');
    expect(fields[2]!.label).toMatch(/下限$/);
    expect(fields[6]!.label).toBe('距最近一次购买的月数 >');
  });

  it('gives the value tiers their response SLA and the scorecard its group weights; RFM and k-means none', () => {
    expect(listConfigFields('c-value-tiers', 'en').map((f) => [f.path.join('.'), f.label, f.defaultValue])).toEqual([
      ['tiers.slaHours.high', 'High-value customer', 1],
      ['tiers.slaHours.mid', 'Mid-value customer', 2],
      ['tiers.slaHours.low', 'Low-value customer', 24],
    ]);
    expect(listConfigFields('d-grading-scorecard', 'en').map((f) => [f.path.join('.'), f.defaultValue])).toEqual([
      ['grading.groups.financial.weight', 0.5],
      ['grading.groups.behavioural.weight', 0.3],
      ['grading.groups.qualitative.weight', 0.2],
    ]);
    for (const id of ['rfm', 'rfm8', 'kmeans', 'no-such-scheme']) expect(listConfigFields(id, 'en')).toEqual([]);
  });

  it("writes only keys the engine accepts: each scheme's fields set to their defaults pass core's own validation", () => {
    for (const scheme of SCHEMES) {
      let config = toConfigObject({});
      for (const field of listConfigFields(scheme.id, 'en'))
        config = writeConfigNumber(config, field.path, field.defaultValue);
      if (config === undefined) continue;
      const { tiers, grading, ...rules } = config as { tiers?: unknown; grading?: unknown };
      expect(() => parseRulesConfig(rules)).not.toThrow();
      if (tiers) expect(resolveValueTierOptions(tiers).slaHours).toEqual({ high: 1, mid: 2, low: 24 });
      if (grading) expect(resolveGradingOptions(grading).groups.financial.weight).toBe(0.5);
    }
  });
});

describe('writeConfigNumber / readConfigNumber / countOtherSettings', () => {
  const stored = {
    tiers: { slaHours: { mid: 4 } },
    presets: { 'a-table5-rules': { 'high-value': { frequency6m: 9 } } },
  };

  it('sets and removes one number without touching the stored object, pruning what is left empty', () => {
    const before = JSON.stringify(stored);
    const set = writeConfigNumber(stored, ['tiers', 'slaHours', 'high'], 0.5);
    expect(set).toEqual({ ...stored, tiers: { slaHours: { mid: 4, high: 0.5 } } });
    expect(JSON.stringify(stored)).toBe(before);
    expect(readConfigNumber(set, ['tiers', 'slaHours', 'high'])).toBe(0.5);
    expect(readConfigNumber(set, ['tiers', 'slaHours', 'low'])).toBeUndefined();
    const removed = writeConfigNumber(stored, ['tiers', 'slaHours', 'mid'], undefined);
    expect(removed).toEqual({ presets: stored.presets });
    expect(writeConfigNumber(removed, ['presets', 'a-table5-rules', 'high-value', 'frequency6m'], undefined)).toBe(
      undefined,
    );
  });

  it('counts the stored values the form does not show', () => {
    expect(countOtherSettings(stored, listConfigFields('c-value-tiers', 'en'))).toBe(1);
    expect(countOtherSettings(stored, listConfigFields('rfm', 'en'))).toBe(2);
    expect(countOtherSettings(undefined, [])).toBe(0);
    // A list (sub-tiers, indicators) is one setting.
    expect(countOtherSettings({ tiers: { subTiers: [{ id: 1 }, { id: 2 }] } }, [])).toBe(1);
  });

  it('keeps a stored config only when it is a non-empty object', () => {
    expect(toConfigObject(stored)).toBe(stored);
    for (const value of [undefined, null, {}, [], 'x', 3]) expect(toConfigObject(value)).toBeUndefined();
  });
});
