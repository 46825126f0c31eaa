import { describe, expect, it } from 'vitest';
import { ConfigError, formatConfigError, parseConfigText } from '../../../core/rules/config-error.js';
import { resolveGradingOptions } from '../../../core/grading/grading-options.js';
import { loadRulesConfig, resolveRulePreset } from '../../../core/rules/rules-config.js';
import { resolveValueTierOptions } from '../../../core/tiers/value-tiers.js';

/** The error a config raises (it must raise one). */
function configError(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config problems are data, read in the user’s locale (issue 14)', () => {
  it('renders wrong keys, types and thresholds in Chinese, the key path as written', () => {
    const error = configError(() => loadRulesConfig('{ "nonsense": 1, "tiers": "high" }', 'json'));
    expect(error.problems).toEqual([
      'tiers: expected object',
      'nonsense: unknown key (expected one of: presets, tiers, grading, dimensions)',
    ]);
    expect(formatConfigError(error, 'zh-CN')).toBe(
      'tiers：应为键值表\nnonsense：未知的键（可用的键：presets、tiers、grading、dimensions）',
    );
    const rate = configError(() =>
      loadRulesConfig('presets:\n  b-maintenance-tiers:\n    strategic: { referralRate: 90 }\n', 'yaml'),
    );
    expect(formatConfigError(rate, 'zh-CN')).toBe(
      'presets.b-maintenance-tiers.strategic.referralRate：比率是 0–1 的小数（0.9 = 90%）',
    );
    const bounds = configError(() =>
      loadRulesConfig('presets:\n  a-table5-rules:\n    potential:\n      frequency6m: { min: 8 }\n', 'yaml'),
    );
    expect(formatConfigError(bounds, 'zh-CN')).toBe('presets.a-table5-rules.potential.frequency6m：下限 8 > 上限 7');
    expect(
      formatConfigError(
        configError(() => resolveRulePreset('x')),
        'zh-CN',
      ),
    ).toBe("preset：未知的规则预设 'x'（可用：a-step4-rules、a-table5-rules、b-rfm-definitions、b-maintenance-tiers）");
  });

  it('carries a schema’s own checks with their numbers', () => {
    const grading = configError(() => resolveGradingOptions({ groups: { financial: { weight: 0.6 } } }));
    expect(grading.texts).toEqual([
      {
        key: 'config.problem',
        params: {
          path: 'grading.groups',
          problem: {
            key: 'config.group-weights',
            params: { terms: 'financial 0.6 + behavioural 0.3 + qualitative 0.2', sum: 1.1 },
          },
        },
      },
    ]);
    expect(formatConfigError(grading, 'zh-CN')).toBe(
      'grading.groups：权重 financial 0.6 + behavioural 0.3 + qualitative 0.2 = 1.1，应为 1',
    );
    const tiers = configError(() => resolveValueTierOptions({ slaHours: { high: 0 }, subTiers: [] }));
    expect(tiers.problems).toEqual([
      'tiers.subTiers: must have at least 1 item(s)',
      'tiers.slaHours.high: must be > 0',
    ]);
    expect(formatConfigError(tiers, 'zh-CN')).toBe('tiers.subTiers：至少需要 1 项\ntiers.slaHours.high：必须 > 0');
  });

  it('keeps the parser’s words in English and says where in Chinese', () => {
    const yaml = configError(() => parseConfigText('a: 1\na: 2\n', 'yaml'));
    expect(formatConfigError(yaml, 'en')).toBe('(config): invalid YAML: Map keys must be unique at line 2, column 1:');
    expect(formatConfigError(yaml, 'zh-CN')).toBe('（配置）：YAML 格式有误：第2行第1列：键重复');
    const json = configError(() => parseConfigText('{\n  "a": 1,,\n}', 'json'));
    expect(formatConfigError(json, 'zh-CN')).toBe('（配置）：JSON 格式有误：第2行第10列：此处的字符不符合 JSON 语法');
    expect(
      formatConfigError(
        configError(() => parseConfigText('{ "a": ', 'json')),
        'zh-CN',
      ),
    ).toBe('（配置）：JSON 格式有误：内容不完整，JSON 尚未结束');
  });
});
