import {
  conditionKey,
  DEFAULT_SLA_HOURS,
  fieldLabel,
  findScheme,
  INDICATOR_GROUPS,
  label,
  leavesOf,
  resolveGradingOptions,
  RULE_PRESETS,
  VALUE_TIERS,
  valueKind,
  type Condition,
  type LabelKey,
  type Locale,
  type SegmentRule,
} from '../../core/index.js';
import { formatPaneLabel } from './pane-labels.js';

/** One number of core's `config` the pane offers as a form field. */
export interface ConfigField {
  /** Key path in core's config, e.g. `['presets', 'a-step4-rules', 'potential', 'frequency6m', 'min']`. */
  readonly path: readonly string[];
  /** The fieldset it belongs to (a segment, the response SLA, the group weights). */
  readonly group: string;
  readonly label: string;
  /** The engine's value when the field is left empty. */
  readonly defaultValue: number;
}

/** A config object as the pane keeps it: plain JSON objects all the way down. */
export type ConfigObject = Readonly<Record<string, unknown>>;

const OPERATORS: Readonly<Record<string, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

const isObject = (value: unknown): value is ConfigObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A rule's name as its segment column shows it. */
function ruleName(rule: SegmentRule, locale: Locale): string {
  if (rule.label) return locale === 'zh-CN' ? rule.label.zh : rule.label.en;
  return label(`segment.${rule.id}` as LabelKey, locale);
}

/** What a threshold counts in, when the field's own name does not say it (× industry mean, 0–1). */
function unitOf(leaf: Condition, locale: Locale): string {
  const unit =
    leaf.relativeTo === 'industryMeanAov'
      ? formatPaneLabel('unitIndustryMean', locale)
      : valueKind(leaf.field) === 'rate'
        ? '0–1'
        : undefined;
  if (unit === undefined) return '';
  return locale === 'zh-CN' ? `（${unit}）` : ` (${unit})`;
}

function ruleFields(presetId: keyof typeof RULE_PRESETS, locale: Locale): ConfigField[] {
  const fields: ConfigField[] = [];
  for (const rule of RULE_PRESETS[presetId].segments) {
    const group = ruleName(rule, locale);
    for (const leaf of leavesOf(rule.when)) {
      const path = ['presets', presetId, rule.id, conditionKey(leaf)];
      // A recency in calendar months is named as such: the field's own name counts days.
      const name = leaf.unit === 'months' ? formatPaneLabel('recencyMonths', locale) : fieldLabel(leaf.field, locale);
      const unit = unitOf(leaf, locale);
      if (leaf.op === 'between') {
        fields.push({
          path: [...path, 'min'],
          group,
          label: formatPaneLabel('rangeMin', locale, { field: name }) + unit,
          defaultValue: leaf.min,
        });
        fields.push({
          path: [...path, 'max'],
          group,
          label: formatPaneLabel('rangeMax', locale, { field: name }) + unit,
          defaultValue: leaf.max,
        });
      } else fields.push({ path, group, label: `${name} ${OPERATORS[leaf.op]}${unit}`, defaultValue: leaf.value });
    }
  }
  return fields;
}

/**
 * The common settings of a scheme as form fields: a rule preset's segment
 * thresholds, the value tiers' response SLA, the scorecard's group weights.
 * Everything else (tag thresholds, sub-tiers, indicators, dimensions) is left
 * to the config file docs. The RFM and k-means schemes have none (K is its own field).
 * @example listConfigFields('c-value-tiers', 'en').map((f) => f.path.join('.'))[0] === 'tiers.slaHours.high'
 */
export function listConfigFields(schemeId: string, locale: Locale): ConfigField[] {
  const scheme = findScheme(schemeId);
  if (!scheme) return [];
  if (scheme.preset) return ruleFields(scheme.preset, locale);
  if (scheme.options.includes('config.tiers')) {
    const group = formatPaneLabel('slaTitle', locale);
    return VALUE_TIERS.map((tier) => ({
      path: ['tiers', 'slaHours', tier],
      group,
      label: label(`segment.value-${tier}` as LabelKey, locale),
      defaultValue: DEFAULT_SLA_HOURS[tier],
    }));
  }
  if (scheme.options.includes('config.grading')) {
    const group = formatPaneLabel('weightsTitle', locale);
    const defaults = resolveGradingOptions({}).groups;
    return INDICATOR_GROUPS.map((name) => ({
      path: ['grading', 'groups', name, 'weight'],
      group,
      label: label(`grading.group.${name}`, locale),
      defaultValue: defaults[name].weight,
    }));
  }
  return [];
}

/** The number stored at `path`, or undefined when the config does not set one. */
export function readConfigNumber(config: ConfigObject | undefined, path: readonly string[]): number | undefined {
  let node: unknown = config;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return typeof node === 'number' ? node : undefined;
}

/**
 * A copy of `config` with `path` set to `value`, or removed for undefined
 * (objects left empty are removed too; undefined when nothing is left). The
 * input is never changed.
 * @example writeConfigNumber({}, ['tiers', 'slaHours', 'mid'], 4) // { tiers: { slaHours: { mid: 4 } } }
 */
export function writeConfigNumber(
  config: ConfigObject | undefined,
  path: readonly string[],
  value: number | undefined,
): ConfigObject | undefined {
  const [key, ...rest] = path;
  if (key === undefined) return config;
  const copy: Record<string, unknown> = { ...config };
  const next =
    rest.length === 0 ? value : writeConfigNumber(isObject(copy[key]) ? (copy[key] as ConfigObject) : {}, rest, value);
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return Object.keys(copy).length > 0 ? copy : undefined;
}

/** How many values the config sets that none of `fields` shows (kept and sent as they are). */
export function countOtherSettings(config: ConfigObject | undefined, fields: readonly ConfigField[]): number {
  const shown = new Set(fields.map((f) => f.path.join('\u0000')));
  const count = (node: unknown, path: readonly string[]): number =>
    isObject(node)
      ? Object.entries(node).reduce((sum, [key, child]) => sum + count(child, [...path, key]), 0)
      : shown.has(path.join('\u0000'))
        ? 0
        : 1;
  return config === undefined ? 0 : count(config, []);
}

/** The stored config as the pane keeps it: a plain object, else none (core would refuse anything else). */
export function toConfigObject(value: unknown): ConfigObject | undefined {
  return isObject(value) && Object.keys(value).length > 0 ? value : undefined;
}
