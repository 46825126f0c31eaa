import { DataValidationError, formatIssue, type Locale } from '../../core/index.js';
import { AddinError } from '../excel/addin-error.js';
import type { ColumnPreview } from '../excel/preview-columns.js';
import type { TierlineSettings } from '../excel/run-settings.js';
import type { SegmentOutcome } from '../excel/segment-selection.js';
import { toConfigObject, type ConfigObject } from './config-fields.js';
import { formatPaneLabel, type PaneLabel } from './pane-labels.js';

/** Everything the pane shows; the sections render from it, the actions change it. */
export interface PaneState {
  locale: Locale;
  scheme: string;
  asOf: string;
  /** k-means K as typed; '' = automatic. */
  k: string;
  /** Core's `config` (threshold overrides): the form's fields plus whatever else the workbook stored. */
  config?: ConfigObject;
  /** The advanced options are unfolded (kept across re-renders). */
  advancedOpen: boolean;
  mapping: Record<string, string>;
  preview?: ColumnPreview;
  outcome?: SegmentOutcome;
  /** A message with, for core's data errors, each issue. */
  error?: { message: string; issues: readonly string[] };
  /** What the last Remove Tierline results did. */
  notice?: string;
  /** Fields to highlight (the pane asked for them). */
  asked: readonly string[];
  busy: boolean;
}

/** A pane string in the state's current language. */
export type Translate = (key: PaneLabel, params?: Readonly<Record<string, string | number>>) => string;

/** The state of a new pane, in the language Office displays until the workbook says otherwise. */
export function createPaneState(locale: Locale): PaneState {
  return { locale, scheme: 'rfm', asOf: '', k: '', mapping: {}, asked: [], busy: false, advancedOpen: false };
}

/** The `t` of a state: reads the locale at each call, so a language switch needs no new function. */
export function translatorOf(state: PaneState): Translate {
  return (key, params) => formatPaneLabel(key, state.locale, params);
}

/**
 * Puts the workbook's stored choices into the state. A workbook that never
 * stored a language keeps the pane's (Office's display language).
 */
export function applySettings(state: PaneState, settings: TierlineSettings): void {
  if (settings.locale !== undefined) state.locale = settings.locale;
  state.scheme = settings.scheme;
  state.asOf = settings.asOf ?? '';
  state.mapping = { ...settings.mapping };
  state.k = typeof settings.k === 'number' ? String(settings.k) : '';
  state.config = toConfigObject(settings.config);
}

/** Shows an error: the add-in's own message, or core's first data issue and up to 19 more. */
export function recordError(state: PaneState, error: unknown): void {
  if (error instanceof AddinError) state.error = { message: error.message, issues: [] };
  else if (error instanceof DataValidationError)
    state.error = {
      message: error.issues[0] ? formatIssue(error.issues[0], state.locale) : error.message,
      issues: error.issues.slice(1, 20).map((i) => formatIssue(i, state.locale)),
    };
  else state.error = { message: error instanceof Error ? error.message : String(error), issues: [] };
  if (error instanceof AddinError && error.code === 'missing-columns') state.asked = error.fields;
}
