import { DEFAULT_RULE_PRESET, isRulePresetId, RULE_PRESET_IDS, type RulePresetId } from '../rules/rule-presets.js';

/** How a scheme assigns segments: the engine that runs it. */
export type SchemeKind = 'rfm' | 'rfm8' | 'rules' | 'kmeans' | 'tiers' | 'grading';

/** A scheme option resolved to its kind (and rule preset). */
export interface SchemeChoice {
  readonly kind: SchemeKind;
  /** The canonical id: `rfm`, `rfm8`, `rules:a-table5-rules`, `kmeans`, `c-value-tiers`, `d-grading-scorecard`. */
  readonly id: string;
  readonly preset?: RulePresetId;
}

// SPEC §5 preset ids; `a-kmeans-rfm` is SPEC §5c's name for `kmeans`, and a
// bare `rules` means the default preset for a new workbook (SPEC §5b).
const FIXED: Readonly<Record<string, SchemeChoice>> = {
  rfm: { kind: 'rfm', id: 'rfm' },
  rfm8: { kind: 'rfm8', id: 'rfm8' },
  kmeans: { kind: 'kmeans', id: 'kmeans' },
  'a-kmeans-rfm': { kind: 'kmeans', id: 'kmeans' },
  'c-value-tiers': { kind: 'tiers', id: 'c-value-tiers' },
  'd-grading-scorecard': { kind: 'grading', id: 'd-grading-scorecard' },
};

/** Every accepted scheme value, for help and error messages. */
export const SCHEME_IDS: readonly string[] = ['rfm', 'rfm8', ...RULE_PRESET_IDS.map((id) => `rules:${id}`), 'kmeans', 'c-value-tiers', 'd-grading-scorecard'];

/**
 * Reads a scheme option: a fixed scheme, `rules:<preset>` (or a preset id
 * alone), or `rules` for the default preset; undefined when unknown.
 * @example parseSchemeId('rules:b-maintenance-tiers')?.kind === 'rules'
 */
export function parseSchemeId(value: string): SchemeChoice | undefined {
  const fixed = FIXED[value];
  if (fixed) return fixed;
  const preset = value === 'rules' ? DEFAULT_RULE_PRESET : value.startsWith('rules:') ? value.slice('rules:'.length) : value;
  return isRulePresetId(preset) ? { kind: 'rules', id: `rules:${preset}`, preset } : undefined;
}
