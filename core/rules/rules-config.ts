import { z } from 'zod';
import { dimensionOptionsSchema, type DimensionOptions } from '../dimensions/evaluate-dimensions.js';
import { gradingOptionsSchema, type GradingOptions } from '../grading/grading-options.js';
import { valueTierOptionsSchema, type ValueTierOptions } from '../tiers/value-tiers.js';
import type { Message } from '../i18n/labels.js';
import { ConfigError, configProblem, formatConfigIssues, parseConfigText } from './config-error.js';
import { RULE_PRESETS, type RulePresetId } from './rule-presets.js';
import { valueKind } from './rule-fields.js';
import { conditionKey, leavesOf, mapLeaves } from './rule-tree.js';
import type { Condition, RulePreset } from './rule-types.js';

/** The threshold of one leaf: a number, or `{ min, max }` for a between (either bound may be left out). */
export type ThresholdOverride = number | { readonly min?: number; readonly max?: number };
/** A rule's thresholds by key (the leaf's field id unless the preset names it otherwise). */
export type RuleOverrides = Readonly<Record<string, ThresholdOverride>>;
/** One preset's overrides: rule id → thresholds; `industryMeanAov` for presets measured against it. */
export type PresetOverrides = Readonly<Record<string, RuleOverrides | Readonly<Record<string, number>>>>;

/**
 * A validated config file (SPEC §5: "thresholds are editable numbers"): rule
 * preset overrides, and optionally the value-tier table, the scorecard and
 * the dimension overrides (each validated by its own schema, defaults filled).
 */
export interface RulesConfig {
  readonly presets: Readonly<Partial<Record<RulePresetId, PresetOverrides>>>;
  readonly tiers?: ValueTierOptions;
  readonly grading?: GradingOptions;
  readonly dimensions?: DimensionOptions;
}

const finite = z.number();
// Rates are fractions (SPEC §2: 90% → 0.9); 90 written for 90% would silently match nobody.
// The message is a catalogue key (config.rate-fraction), rendered in the reader's locale.
const fraction = z.number().min(0, 'config.rate-fraction').max(1, 'config.rate-fraction');

/** Shape of one preset's overrides, built from the preset itself so every key is checked. */
function presetSchema(preset: RulePreset, known: Map<string, readonly string[]>, path: string): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const rule of [...preset.segments, ...(preset.tagRules ?? [])]) {
    const leaves = leavesOf(rule.when);
    if (leaves.length === 0) continue;
    const ruleShape: Record<string, z.ZodType> = {};
    for (const leaf of leaves) {
      const key = conditionKey(leaf);
      const number = valueKind(leaf.field) === 'rate' && !leaf.relativeTo ? fraction : finite;
      if (leaf.op === 'between') {
        ruleShape[key] = z.object({ min: number, max: number }).partial().strict();
        known.set(`${path}.${rule.id}.${key}`, ['min', 'max']);
      } else ruleShape[key] = number;
    }
    shape[rule.id] = z.object(ruleShape).partial().strict();
    known.set(`${path}.${rule.id}`, Object.keys(ruleShape));
  }
  if (
    leavesOf({ all: preset.segments.flatMap((s) => (s.when ? [s.when] : [])) }).some(
      (leaf) => leaf.relativeTo === 'industryMeanAov',
    )
  ) {
    shape.industryMeanAov = z.record(z.string(), z.number().positive());
  }
  known.set(path, Object.keys(shape));
  return z.object(shape).partial().strict();
}

function configSchema(presets: Readonly<Record<string, RulePreset>>): {
  schema: z.ZodType;
  known: Map<string, readonly string[]>;
} {
  const known = new Map<string, readonly string[]>();
  const shape: Record<string, z.ZodType> = {};
  for (const [id, preset] of Object.entries(presets)) shape[id] = presetSchema(preset, known, `presets.${id}`);
  known.set('presets', Object.keys(shape));
  known.set('', ['presets', 'tiers', 'grading', 'dimensions']);
  const schema = z
    .object({
      presets: z.object(shape).partial().strict().default({}),
      tiers: valueTierOptionsSchema.optional(),
      grading: gradingOptionsSchema.optional(),
      dimensions: dimensionOptionsSchema.optional(),
    })
    .strict();
  return { schema, known };
}

/** `preset` with `overrides` merged on (new objects; the preset is not touched). */
export function mergeOverrides(preset: RulePreset, overrides: PresetOverrides | undefined): RulePreset {
  if (!overrides) return preset;
  const mergeLeaf =
    (rule: Readonly<Record<string, ThresholdOverride>> | undefined) =>
    (leaf: Condition): Condition => {
      const o = rule?.[conditionKey(leaf)];
      if (o === undefined) return leaf;
      if (leaf.op === 'between')
        return typeof o === 'number' ? leaf : { ...leaf, min: o.min ?? leaf.min, max: o.max ?? leaf.max };
      return typeof o === 'number' ? { ...leaf, value: o } : leaf;
    };
  const ruleOverrides = (id: string) => overrides[id] as RuleOverrides | undefined;
  const industry = overrides.industryMeanAov as Readonly<Record<string, number>> | undefined;
  return {
    ...preset,
    segments: preset.segments.map((s) =>
      s.when ? { ...s, when: mapLeaves(s.when, mergeLeaf(ruleOverrides(s.id))) } : s,
    ),
    ...(preset.tagRules
      ? { tagRules: preset.tagRules.map((r) => ({ ...r, when: mapLeaves(r.when, mergeLeaf(ruleOverrides(r.id))) })) }
      : {}),
    ...(industry ? { industryMeanAov: { ...preset.industryMeanAov, ...industry } } : {}),
  };
}

/**
 * Thresholds that contradict themselves (a between with min > max), one line
 * each naming both bounds: `presets.x.potential.frequency6m: min 8 > max 7`.
 */
export function contradictions(preset: RulePreset, path = `presets.${preset.id}`): Message[] {
  const problems: Message[] = [];
  for (const rule of [...preset.segments, ...(preset.tagRules ?? [])]) {
    for (const leaf of leavesOf(rule.when)) {
      if (leaf.op === 'between' && leaf.min > leaf.max)
        problems.push(
          configProblem(`${path}.${rule.id}.${conditionKey(leaf)}`, 'config.min-above-max', {
            min: leaf.min,
            max: leaf.max,
          }),
        );
    }
  }
  return problems;
}

/**
 * Validates an already-parsed config object against the built-in presets
 * (zod `.strict()` at every level) and checks the merged thresholds.
 * @throws ConfigError with every wrong key, wrong type and min > max.
 * @example parseRulesConfig({ presets: { 'a-table5-rules': { 'high-value': { frequency6m: 9 } } } })
 */
export function parseRulesConfig(value: unknown): RulesConfig {
  const { schema, known } = configSchema(RULE_PRESETS);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ConfigError(formatConfigIssues(parsed.error.issues, '', known));
  const config = parsed.data as RulesConfig;
  const problems = Object.entries(config.presets).flatMap(([id, overrides]) =>
    contradictions(mergeOverrides(RULE_PRESETS[id as RulePresetId], overrides)),
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * Reads threshold overrides from JSON or YAML text and validates them.
 * @throws ConfigError `invalid-config` naming every bad key path.
 * @example
 * const config = loadRulesConfig('presets:\n  a-table5-rules:\n    high-value:\n      frequency6m: 9\n', 'yaml');
 * resolveRulePreset('a-table5-rules', config) // high-value needs F6m ≥ 9
 */
export function loadRulesConfig(text: string, format: 'json' | 'yaml'): RulesConfig {
  return parseRulesConfig(parseConfigText(text, format));
}

/**
 * The built-in preset `id` with the config's overrides merged on.
 * @throws ConfigError for an unknown preset id.
 * @example resolveRulePreset('b-maintenance-tiers').segments.length === 5
 */
export function resolveRulePreset(id: string, config?: RulesConfig): RulePreset {
  if (!Object.prototype.hasOwnProperty.call(RULE_PRESETS, id)) {
    throw new ConfigError([
      configProblem('preset', 'config.unknown-preset', { id, presets: Object.keys(RULE_PRESETS) }),
    ]);
  }
  return mergeOverrides(RULE_PRESETS[id as RulePresetId], config?.presets[id as RulePresetId]);
}
