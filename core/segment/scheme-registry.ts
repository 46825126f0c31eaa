/**
 * THE list of segmentation schemes (SPEC §5). The engine's parser, the CLI's
 * `--scheme` help and check, the task pane's menu and the README's table are all
 * derived from it; test/core/segment/scheme-registry.test.ts fails when a
 * scheme id is listed anywhere else. Adding a scheme: its folder (engine +
 * runner) and one line here.
 */
import type { Locale } from '../i18n/labels.js';
import { DEFAULT_RULE_PRESET, type RulePresetId } from '../rules/rule-presets.js';
import type { SchemeKind } from './scheme-id.js';
import {
  runGradingScheme,
  runKmeansScheme,
  runRfm8Scheme,
  runRfmScheme,
  runRulesScheme,
  runValueTiersScheme,
  type SchemeRunner,
} from './scheme-runners.js';

/** Engine options a scheme reads beyond the common ones (the docs table lists them). */
export type SchemeOption = 'k' | 'config.presets' | 'config.tiers' | 'config.grading';

/** One scheme: what it is called, how it is chosen, what it reads and writes, and what runs it. */
export interface SchemeEntry {
  /** Canonical id, as `--scheme`, the pane and the results name it. */
  readonly id: string;
  /** Other accepted spellings (SPEC names, shorthands). */
  readonly aliases: readonly string[];
  readonly kind: SchemeKind;
  readonly preset?: RulePresetId;
  /** Menu name in each locale. */
  readonly labels: Readonly<Record<Locale, string>>;
  /** One line of `--scheme` help (English, like the rest of the CLI's help). */
  readonly help: string;
  /** SPEC sections it implements, and the segments it gives (documentation). */
  readonly spec: string;
  readonly segments: string;
  readonly options: readonly SchemeOption[];
  /** The scheme's own result columns after the common ones (documentation). */
  readonly columns: string;
  readonly run: SchemeRunner;
}

const rules = (
  preset: RulePresetId,
  en: string,
  zh: string,
  help: string,
  spec: string,
  segments: string,
  columns = 'Why',
): SchemeEntry => ({
  id: `rules:${preset}`,
  // A bare preset id works too; bare `rules` is the default preset (SPEC §5b).
  aliases: preset === DEFAULT_RULE_PRESET ? [preset, 'rules'] : [preset],
  kind: 'rules',
  preset,
  labels: { en, 'zh-CN': zh },
  help,
  spec,
  segments,
  options: ['config.presets'],
  columns,
  run: runRulesScheme,
});

/** Every built-in scheme, in menu and help order; the first is the default. */
export const SCHEMES: readonly SchemeEntry[] = [
  {
    id: 'rfm',
    aliases: [],
    kind: 'rfm',
    labels: { en: 'RFM: 11 named segments', 'zh-CN': 'RFM：11个命名群体' },
    help: 'quintile scores + 11 named segments (default)',
    spec: '§5a',
    segments: 'the 11 named RFM segments from quintile scores',
    options: [],
    columns: '–',
    run: runRfmScheme,
  },
  {
    id: 'rfm8',
    aliases: [],
    kind: 'rfm8',
    labels: { en: 'RFM: 8 classes (high/low vs mean)', 'zh-CN': 'RFM：8类（高/低于均值）' },
    help: 'high/low against the mean, 8 classes',
    spec: '§5a',
    segments: 'the 8 classes, each of R, F and M high or low against the mean',
    options: [],
    columns: '–',
    run: runRfm8Scheme,
  },
  rules(
    'a-step4-rules',
    'Rules: step 4 segments (A)',
    '规则：第4步细分（A）',
    'preset A step 4 (first match + every tag)',
    '§5b',
    'A step 4: high value, potential, churn risk',
  ),
  rules(
    'a-table5-rules',
    'Rules: Table 5 tag groups (A)',
    '规则：表5标签分组（A）',
    'preset A Table 5 tag groups',
    '§5b, §6',
    'A Table 5: high value, potential, churn risk, price-sensitive, plus every Table 5 tag',
  ),
  rules(
    'b-rfm-definitions',
    'Rules: RFM definitions (B)',
    '规则：RFM定义（B）',
    'preset B RFM definitions',
    '§5a B',
    "B's high value and churn risk against the industry mean AOV",
  ),
  rules(
    'b-maintenance-tiers',
    'Rules: maintenance tiers (B)',
    '规则：维护层级（B）',
    'preset B maintenance tiers',
    '§5b, §7',
    "B's strategic, core, potential, churn-warning and ordinary tiers",
    'Why, Tier strategy, Strategy owner, Cadence',
  ),
  {
    id: 'kmeans',
    aliases: ['a-kmeans-rfm'],
    kind: 'kmeans',
    labels: { en: 'k-means on R, F, M (automatic K)', 'zh-CN': 'k-means聚类（自动K）' },
    help: 'k-means on standardised RFM, K by silhouette',
    spec: '§5c',
    segments: 'k-means clusters on standardised R, log F, log M, named from the centroids',
    options: ['k'],
    columns: 'Why, Cluster no.',
    run: runKmeansScheme,
  },
  {
    id: 'c-value-tiers',
    aliases: [],
    kind: 'tiers',
    labels: { en: 'Value tiers and response SLA (C)', 'zh-CN': '价值分层与响应时限（C）' },
    help: 'high/mid/low with sub-tiers and SLAs',
    spec: '§5d',
    segments: 'high, mid and low value with 10 sub-tiers',
    options: ['config.tiers'],
    columns: 'Why, Value tier, Sub-tier, Response SLA (1 h / 2 h / 24 h), Tier strategy',
    run: runValueTiersScheme,
  },
  {
    id: 'd-grading-scorecard',
    aliases: [],
    kind: 'grading',
    labels: { en: 'Grading scorecard (D)', 'zh-CN': '评分卡分级（D）' },
    help: 'weighted scorecard → grade',
    spec: '§5e',
    segments: 'grades 高 / 中 / 低 from the weighted scorecard',
    options: ['config.grading'],
    columns: 'Why, Grade score, Grade',
    run: runGradingScheme,
  },
];

/**
 * The scheme an id or alias names in a registry (the built-in one by default).
 * @example findScheme('a-kmeans-rfm')?.id === 'kmeans'
 */
export function findScheme(value: string, registry: readonly SchemeEntry[] = SCHEMES): SchemeEntry | undefined {
  return registry.find((entry) => entry.id === value || entry.aliases.includes(value));
}

/**
 * The `--scheme` help lines of a registry, aligned under a flag column of `indent` spaces.
 * @example formatSchemeHelp(SCHEMES, 29).split('\n')[0].trim() === 'rfm: quintile scores + 11 named segments (default);'
 */
export function formatSchemeHelp(registry: readonly SchemeEntry[], indent: number): string {
  return registry
    .map(
      (e, i) =>
        `${' '.repeat(indent)}${e.id}${e.aliases.length > 0 ? ` (or ${e.aliases.join(', ')})` : ''}: ${e.help}${i < registry.length - 1 ? ';' : ''}`,
    )
    .join('\n');
}

/**
 * The README's table of schemes (between its `schemes:start`/`schemes:end`
 * markers; test/core/segment/scheme-registry.test.ts keeps it up to date).
 * @example formatSchemeTable(SCHEMES).startsWith('| scheme |')
 */
export function formatSchemeTable(registry: readonly SchemeEntry[]): string {
  const code = (items: readonly string[]) => items.map((item) => `\`${item}\``).join(', ');
  const rows = registry.map(
    (e) =>
      `| \`${e.id}\`${e.aliases.length > 0 ? ` (also ${code(e.aliases)})` : ''} | ${e.spec} | ${e.segments} | ${e.columns} | ${code(e.options) || '–'} | ${e.labels.en} / ${e.labels['zh-CN']} |`,
  );
  return [
    '| scheme | SPEC | segments | extra columns | options | pane menu (en / zh-CN) |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
