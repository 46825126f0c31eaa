import type { RulePresetId } from '../rules/rule-presets.js';
import { findScheme, SCHEMES } from './scheme-registry.js';

/** How a scheme assigns segments: the engine that runs it. */
export type SchemeKind = 'rfm' | 'rfm8' | 'rules' | 'kmeans' | 'tiers' | 'grading';

/** A scheme option resolved to its kind (and rule preset). */
export interface SchemeChoice {
  readonly kind: SchemeKind;
  /** The canonical id: the registry entry's `id` (scheme-registry.ts). */
  readonly id: string;
  readonly preset?: RulePresetId;
}

/** Every accepted scheme value, for help and error messages (the registry's ids). */
export const SCHEME_IDS: readonly string[] = SCHEMES.map((entry) => entry.id);

/**
 * Reads a scheme option through the registry: an id or one of its aliases;
 * undefined when unknown.
 * @example parseSchemeId('rules:b-maintenance-tiers')?.kind === 'rules'
 */
export function parseSchemeId(value: string): SchemeChoice | undefined {
  const entry = findScheme(value);
  if (!entry) return undefined;
  return entry.preset === undefined
    ? { kind: entry.kind, id: entry.id }
    : { kind: entry.kind, id: entry.id, preset: entry.preset };
}
