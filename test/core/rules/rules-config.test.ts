import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../../core/parse/civil-day.js';
import { applyRules } from '../../../core/rules/apply-rules.js';
import { ConfigError, parseConfigText } from '../../../core/rules/config-error.js';
import { RULE_PRESETS } from '../../../core/rules/rule-presets.js';
import { leavesOf } from '../../../core/rules/rule-tree.js';
import { loadRulesConfig, parseRulesConfig, resolveRulePreset } from '../../../core/rules/rules-config.js';
import { makeFeatures } from '../../fixtures/customer-features.js';

/** The problems a config raises, or [] when it loads. */
function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadRulesConfig: thresholds from JSON or YAML (SPEC §5)', () => {
  const yaml = `
presets:
  a-table5-rules:
    high-value:
      frequency6m: 9
    potential:
      averageOrderValue: { max: 1400 }
  b-rfm-definitions:
    industryMeanAov:
      零售: 1000
`;

  it('merges validated overrides onto the preset, leaving the built-in preset untouched', () => {
    const config = loadRulesConfig(yaml, 'yaml');
    const preset = resolveRulePreset('a-table5-rules', config);
    expect(leavesOf(preset.segments[0]!.when)[0]).toEqual({ field: 'frequency6m', op: '>=', value: 9 });
    expect(leavesOf(preset.segments[1]!.when)[1]).toEqual({
      field: 'averageOrderValue',
      op: 'between',
      min: 800,
      max: 1400,
    });
    expect(leavesOf(RULE_PRESETS['a-table5-rules'].segments[0]!.when)[0]).toEqual({
      field: 'frequency6m',
      op: '>=',
      value: 8,
    });
    expect(resolveRulePreset('b-rfm-definitions', config).industryMeanAov).toEqual({ 零售: 1000 });
  });

  it('changes the assignment: F6m 8 is no longer high value at a threshold of 9', () => {
    const features = makeFeatures(
      [{ id: 'C02', frequency6m: 8, averageOrderValue: 1500, recencyDays: 30, frequency: 15, complaints6m: 1 }],
      dayFromCivil(2024, 5, 31),
    );
    const result = applyRules(resolveRulePreset('a-table5-rules', loadRulesConfig(yaml, 'yaml')), features);
    expect(result.segments[result.segment[0]!]).toBe('churn-risk');
  });

  it('reads the same config from JSON', () => {
    const json = JSON.stringify({
      presets: {
        'a-table5-rules': { 'high-value': { frequency6m: 9 }, potential: { averageOrderValue: { max: 1400 } } },
        'b-rfm-definitions': { industryMeanAov: { 零售: 1000 } },
      },
    });
    expect(loadRulesConfig(json, 'json')).toEqual(loadRulesConfig(yaml, 'yaml'));
    expect(loadRulesConfig('', 'yaml')).toEqual({ presets: {} });
  });

  it('names the key path of an unknown key, listing the keys allowed there', () => {
    expect(
      problemsOf(() => loadRulesConfig('presets:\n  a-table5-rules:\n    high-value:\n      frequncy6m: 9\n', 'yaml')),
    ).toEqual([
      'presets.a-table5-rules.high-value.frequncy6m: unknown key (expected one of: frequency6m, averageOrderValue, recencyDays)',
    ]);
    expect(problemsOf(() => loadRulesConfig('{"presets": {"a-tabel5-rules": {}}, "preset": 1}', 'json'))).toEqual([
      'presets.a-tabel5-rules: unknown key (expected one of: a-step4-rules, a-table5-rules, b-rfm-definitions, b-maintenance-tiers)',
      'preset: unknown key (expected one of: presets, tiers, grading, dimensions)',
    ]);
  });

  it('names the key path of a wrong type', () => {
    expect(
      problemsOf(() =>
        loadRulesConfig('presets:\n  a-table5-rules:\n    high-value:\n      frequency6m: eight\n', 'yaml'),
      ),
    ).toEqual(['presets.a-table5-rules.high-value.frequency6m: expected number']);
    expect(
      problemsOf(() => loadRulesConfig('presets:\n  a-table5-rules:\n    potential:\n      frequency6m: 5\n', 'yaml')),
    ).toEqual(['presets.a-table5-rules.potential.frequency6m: expected object']);
    expect(
      problemsOf(() => parseRulesConfig({ presets: { 'b-rfm-definitions': { industryMeanAov: { 零售: -5 } } } })),
    ).toEqual(['presets.b-rfm-definitions.industryMeanAov.零售: must be > 0']);
    expect(
      problemsOf(() => parseRulesConfig({ presets: { 'b-maintenance-tiers': { strategic: { referralRate: 90 } } } })),
    ).toEqual(['presets.b-maintenance-tiers.strategic.referralRate: rates are fractions 0–1 (0.9 = 90%)']);
  });

  it('rejects contradictory thresholds, naming both bounds', () => {
    expect(
      problemsOf(() =>
        loadRulesConfig('presets:\n  a-table5-rules:\n    potential:\n      frequency6m: { min: 8 }\n', 'yaml'),
      ),
    ).toEqual(['presets.a-table5-rules.potential.frequency6m: min 8 > max 7']);
    expect(
      problemsOf(() =>
        loadRulesConfig(
          'presets:\n  b-maintenance-tiers:\n    core:\n      cumulativeSpend: { min: 600000, max: 500000 }\n',
          'yaml',
        ),
      ),
    ).toEqual(['presets.b-maintenance-tiers.core.cumulativeSpend: min 600000 > max 500000']);
  });

  it('reports every problem at once', () => {
    const text =
      'presets:\n  a-step4-rules:\n    high-value: { frequency6m: "5", aov: 1 }\n    churn-risk: { recencyDays: true }\n';
    expect(problemsOf(() => loadRulesConfig(text, 'yaml'))).toEqual([
      'presets.a-step4-rules.high-value.frequency6m: expected number',
      'presets.a-step4-rules.high-value.aov: unknown key (expected one of: frequency6m, averageOrderValue)',
      'presets.a-step4-rules.churn-risk.recencyDays: expected number',
    ]);
  });

  it('reports syntax errors with the parser’s position', () => {
    expect(problemsOf(() => loadRulesConfig('{"presets": ', 'json'))[0]).toMatch(/^\(config\): invalid JSON: /);
    expect(problemsOf(() => parseConfigText('a: 1\na: 2\n', 'yaml'))).toEqual([
      '(config): invalid YAML: Map keys must be unique at line 2, column 1:',
    ]);
  });

  it('validates the tiers, grading and dimensions sections with their own schemas', () => {
    const text = `
tiers:
  slaHours: { high: 0 }
grading:
  groups:
    financial: { weight: 0.6 }
dimensions:
  threshold: four
`;
    expect(problemsOf(() => loadRulesConfig(text, 'yaml'))).toEqual([
      'tiers.slaHours.high: must be > 0',
      'grading.groups: weights financial 0.6 + behavioural 0.3 + qualitative 0.2 = 1.1, expected 1',
      'dimensions.threshold: expected number',
    ]);
    const config = loadRulesConfig('tiers:\n  slaHours: { low: 12 }\n', 'yaml');
    expect(config.tiers?.slaHours).toEqual({ high: 1, mid: 2, low: 12 });
  });

  it('rejects an unknown preset id', () => {
    expect(problemsOf(() => resolveRulePreset('a-table6-rules'))).toEqual([
      "preset: unknown rule preset 'a-table6-rules' (expected one of: a-step4-rules, a-table5-rules, b-rfm-definitions, b-maintenance-tiers)",
    ]);
  });
});
