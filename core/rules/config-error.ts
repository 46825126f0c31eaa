import { parse as parseYaml, YAMLError } from 'yaml';
import type { z } from 'zod';
import {
  isLabelKey,
  renderMessage,
  type LabelKey,
  type Locale,
  type Message,
  type MessageParams,
} from '../i18n/labels.js';

/**
 * A config (rule thresholds, tier table, scorecard, dimension overrides) that
 * cannot be used. `texts` lists every problem at once (like ZodError) as
 * catalogue sentences (`config.problem`: the key path, then what is wrong
 * there) that a face renders in the reader's locale (`formatConfigError`).
 * `problems` is the English, one line each starting with the key path:
 * `presets.a-table5-rules.high-value.frequency6m: expected number`.
 */
export class ConfigError extends Error {
  readonly code = 'invalid-config';
  readonly problems: readonly string[];
  /**
   * @param texts every problem, from the catalogue.
   * @param english the English of each, when it says more than the catalogue can (a parser's own words); default `texts` in English.
   */
  constructor(
    readonly texts: readonly Message[],
    english?: readonly string[],
  ) {
    const problems = english ?? texts.map((text) => renderMessage(text, 'en'));
    super(problems.join('\n'));
    this.problems = problems;
    this.name = 'ConfigError';
  }
}

/**
 * One config problem: `path` (the dotted key path the user wrote; '' for the
 * whole file) and what is wrong there, a catalogue sentence.
 * @example configProblem('tiers.slaHours.high', 'config.more-than', { value: 0 }) // en 'tiers.slaHours.high: must be > 0'
 */
export function configProblem(path: string, key: LabelKey, params?: MessageParams): Message {
  const problem: Message = params ? { key, params } : { key };
  return { key: 'config.problem', params: { path: path || { key: 'config.root' }, problem } };
}

/**
 * A ConfigError's problems as the user reads them in `locale`, one per line.
 * English is `problems` (a parser's own words are kept there).
 * @example formatConfigError(new ConfigError([configProblem('tiers', 'config.expected-type', { type: { key: 'config.type.object' } })]), 'zh-CN') === 'tiers：应为键值表'
 */
export function formatConfigError(error: ConfigError, locale: Locale): string {
  return locale === 'en'
    ? error.problems.join('\n')
    : error.texts.map((text) => renderMessage(text, locale)).join('\n');
}

const TYPE_KEYS: Readonly<Record<string, LabelKey>> = {
  number: 'config.type.number',
  int: 'config.type.int',
  string: 'config.type.string',
  boolean: 'config.type.boolean',
  object: 'config.type.object',
  record: 'config.type.record',
  array: 'config.type.array',
};

/** What is wrong, for one zod issue other than an unknown key. */
function issueProblem(issue: z.core.$ZodIssue): [LabelKey, MessageParams?] {
  // A schema's own message may be a catalogue key; its parameters travel in the custom issue.
  if (isLabelKey(issue.message)) return [issue.message, issue.code === 'custom' ? issue.params : undefined];
  switch (issue.code) {
    case 'invalid_type': {
      const type = TYPE_KEYS[issue.expected];
      return ['config.expected-type', { type: type ? { key: type } : issue.expected }];
    }
    case 'invalid_value':
      return ['config.expected-one-of', { values: issue.values.map(String) }];
    case 'too_small':
      if (issue.origin === 'array') return ['config.min-entries', { value: String(issue.minimum) }];
      return [issue.inclusive ? 'config.at-least' : 'config.more-than', { value: String(issue.minimum) }];
    case 'too_big':
      if (issue.origin === 'array') return ['config.max-entries', { value: String(issue.maximum) }];
      return [issue.inclusive ? 'config.at-most' : 'config.less-than', { value: String(issue.maximum) }];
    case 'invalid_key':
      return ['config.invalid-key', { key: String(issue.path[issue.path.length - 1] ?? '') }];
    default:
      // Codes no config schema raises today (unions, formats without a message of ours): zod's own words.
      return ['config.invalid-value', { detail: issue.message }];
  }
}

/**
 * One problem per zod issue, each naming its key path under `root`. Unknown
 * keys list the keys allowed there when `known` has them.
 * @example formatConfigIssues(schema.safeParse({ x: 'a' }).error.issues, 'tiers') // en ['tiers.x: expected number']
 */
export function formatConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  root = '',
  known?: ReadonlyMap<string, readonly string[]>,
): Message[] {
  const join = (parts: readonly PropertyKey[]): string => [root, ...parts.map(String)].filter(Boolean).join('.');
  return issues.flatMap((issue) => {
    const path = join(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const allowed = known?.get(path);
      return issue.keys.map((key) =>
        allowed && allowed.length > 0
          ? configProblem(join([...issue.path, key]), 'config.unknown-key-allowed', { allowed: [...allowed] })
          : configProblem(join([...issue.path, key]), 'config.unknown-key'),
      );
    }
    const [key, params] = issueProblem(issue);
    return [configProblem(path, key, params)];
  });
}

/** 1-based line and column of a 0-based offset in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Where and what, from a JSON or YAML parser's error, as a catalogue sentence. */
function syntaxDetail(error: unknown, text: string): Message {
  if (error instanceof YAMLError) {
    const at = error.linePos?.[0];
    const reason: Message = isLabelKey(`config.yaml.${error.code}`)
      ? { key: `config.yaml.${error.code}` as LabelKey }
      : { key: 'config.yaml.IMPOSSIBLE' };
    return at ? { key: 'config.syntax.at', params: { reason, line: at.line, column: at.col } } : reason;
  }
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (position)
    return {
      key: 'config.syntax.at',
      params: { reason: { key: 'config.json.token' }, ...lineColumn(text, +position[1]!) },
    };
  if (/end of JSON input/i.test(message)) return { key: 'config.json.end' };
  return { key: 'config.json.token' };
}

/**
 * Parses config text: JSON, or YAML with the `yaml` package (pure JS; its
 * browser build, which bundlers pick, has no Node imports). An empty
 * document is `{}`.
 * @throws ConfigError `invalid-config` for a syntax error (the English keeps the parser's own words).
 * @example parseConfigText('presets: {}', 'yaml') → { presets: {} }
 */
export function parseConfigText(text: string, format: 'json' | 'yaml'): unknown {
  try {
    const value: unknown = format === 'json' ? JSON.parse(text) : parseYaml(text);
    return value ?? {};
  } catch (error) {
    const name = format === 'json' ? 'JSON' : 'YAML';
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new ConfigError(
      [configProblem('', 'config.invalid-syntax', { format: name, detail: syntaxDetail(error, text) })],
      [`(config): invalid ${name}: ${message}`],
    );
  }
}
