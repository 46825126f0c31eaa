import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/**
 * A config (rule thresholds, tier table, scorecard, dimension overrides) that
 * cannot be used. `problems` lists every one at once (like ZodError), each
 * starting with its key path:
 * `presets.a-table5-rules.high-value.frequency6m: expected number`.
 */
export class ConfigError extends Error {
  readonly code = 'invalid-config';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * One line per zod issue, each starting with the key path (`a.b.c: …`) under
 * `root`. Unknown keys list the keys allowed there when `known` has them.
 * @example formatConfigIssues(schema.safeParse({ x: 'a' }).error.issues, 'tiers') → ['tiers.x: expected number']
 */
export function formatConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  root = '',
  known?: ReadonlyMap<string, readonly string[]>,
): string[] {
  const join = (parts: readonly PropertyKey[]): string => [root, ...parts.map(String)].filter(Boolean).join('.');
  return issues.flatMap((issue) => {
    const path = join(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const allowed = known?.get(path);
      const hint = allowed && allowed.length > 0 ? ` (expected one of: ${allowed.join(', ')})` : '';
      return issue.keys.map((key) => `${join([...issue.path, key])}: unknown key${hint}`);
    }
    const where = path || '(config)';
    if (issue.code === 'invalid_type') return [`${where}: expected ${issue.expected}`];
    if (issue.code === 'invalid_value') return [`${where}: expected one of: ${issue.values.map(String).join(', ')}`];
    const custom = !/^(Too small|Too big)/.test(issue.message);
    if (custom && (issue.code === 'too_small' || issue.code === 'too_big')) return [`${where}: ${issue.message}`];
    if (issue.code === 'too_small')
      return [`${where}: must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`];
    if (issue.code === 'too_big') return [`${where}: must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`];
    return [`${where}: ${issue.message}`];
  });
}

/**
 * Parses config text: JSON, or YAML with the `yaml` package (pure JS; its
 * browser build, which bundlers pick, has no Node imports). An empty
 * document is `{}`.
 * @throws ConfigError `invalid-config` for a syntax error.
 * @example parseConfigText('presets: {}', 'yaml') → { presets: {} }
 */
export function parseConfigText(text: string, format: 'json' | 'yaml'): unknown {
  try {
    const value: unknown = format === 'json' ? JSON.parse(text) : parseYaml(text);
    return value ?? {};
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new ConfigError([`(config): invalid ${format === 'json' ? 'JSON' : 'YAML'}: ${message}`]);
  }
}
