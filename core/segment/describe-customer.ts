import { LIFECYCLE_STAGES } from '../features/assign-lifecycle.js';
import type { AttributeField } from '../features/customer-features.js';
import { formatTags, label, type LabelKey, type Locale } from '../i18n/labels.js';
import { DEFAULT_CURRENCY, type Currency } from '../money/currency.js';
import { formatMoney } from '../money/format-money.js';
import { formatDay } from '../parse/civil-day.js';
import { nextDueDay, STRATEGIES, STRATEGY_GROUPS, strategyLabelKeys } from '../strategies/strategy-groups.js';
import { TAG_THRESHOLDS, tagsOf, type TagId } from '../tags/assign-tags.js';
import type { Cell } from '../table/cell.js';
import type { SegmentationResult } from './create-segmenter.js';

/** The columns a run appends, in order (SPEC §8 write-back plus the scores). */
export const RESULT_COLUMNS = [
  'recencyDays',
  'frequency',
  'monetary',
  'frequency6m',
  'amount6m',
  'averageOrderValue',
  'rScore',
  'fScore',
  'mScore',
  'rfmCode',
  'segment',
  'tags',
  'lifecycle',
  'churnRisk',
  'churnReason',
  'churnProbability',
  'churnModel',
  'strategyGroup',
  'strategyGoal',
  'measures',
  'strategyChannel',
  'department',
  'strategyOwner',
  'cadence',
  'dueDate',
  'kpi',
] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/** Identity columns written first when the input was transactions (one row per customer). */
export const CUSTOMER_COLUMNS = [
  'customerId',
  'customerName',
  'company',
  'accountManager',
  'region',
  'industry',
  'companySize',
  'channel',
  'firstPurchaseDate',
  'lastPurchaseDate',
] as const;

const round2 = (x: number): number => Math.round(x * 100) / 100;
const num = (x: number): Cell => (Number.isNaN(x) ? null : round2(x));

/** One customer as the JSON output and the bot see it. */
export interface CustomerRecord {
  readonly customerId: string;
  readonly recencyDays: number | null;
  readonly frequency: number | null;
  readonly monetary: number | null;
  readonly frequency6m: number | null;
  readonly amount6m: number | null;
  readonly averageOrderValue: number | null;
  readonly firstPurchaseDate: string | null;
  readonly lastPurchaseDate: string | null;
  readonly r: number | null;
  readonly f: number | null;
  readonly m: number | null;
  readonly rfmCode: string | null;
  readonly segment: string;
  readonly segmentLabel: string;
  /** Why the customer is in its segment (rule, tier, grade, cluster schemes); null for rfm/rfm8. */
  readonly explanation: string | null;
  /** Tag ids: the default Table 5 tags, or a rule preset's own. */
  readonly tags: readonly string[];
  readonly tagLabels: readonly string[];
  readonly lifecycle: string | null;
  /** The run's one churn decision (result.churn.atRisk). */
  readonly churnRisk: boolean;
  /** Why at risk; or why not when the segment implies risk; null otherwise. */
  readonly churnReason: string | null;
  /** P(no purchase in the next H days), 0–1; null without a probability (rule union, never bought). */
  readonly churnProbability: number | null;
  /** Localized name of the model behind the decision. */
  readonly churnModel: string;
  /** churnProbability × expected value over the next year, in the data's currency (null without a probability). */
  readonly expectedLoss: number | null;
  readonly strategyGroup: string | null;
  readonly strategy: Readonly<
    Record<
      'goal' | 'department' | 'measures' | 'channel' | 'owner' | 'deadline' | 'kpi' | 'cadence' | 'dueDate',
      string
    >
  > | null;
  readonly attributes: Readonly<Partial<Record<AttributeField, string>>>;
  /** The scheme's own columns (tier, SLA, grade, cluster …) by localized header, when it has any. */
  readonly schemeColumns?: Readonly<Record<string, Cell>>;
}

/** Localized label of one tag (basic tags carry their threshold, money in the data's currency). */
export function tagLabel(tag: TagId, locale: Locale, currency: Currency = DEFAULT_CURRENCY): string {
  if (tag === 'no-purchase-months')
    return label('tag.no-purchase-months', locale, { n: TAG_THRESHOLDS.churn.inactiveMonths });
  if (tag === 'aov-at-least')
    return label('tag.aov-at-least', locale, { n: formatMoney(TAG_THRESHOLDS.basicAov, currency, locale, 0) });
  return label(`tag.${tag}` as LabelKey, locale);
}

/** Localized label of a segment id. */
export function segmentLabel(segment: string, locale: Locale): string {
  return label(`segment.${segment}` as LabelKey, locale);
}

/**
 * The full record of customer `c`, localized labels beside stable ids.
 */
export function describeCustomer(
  result: SegmentationResult,
  c: number,
  locale: Locale = result.options.locale,
): CustomerRecord {
  const { features, scheme } = result;
  const segment = scheme.segments[scheme.segment[c]!]!;
  const defaultTags = scheme.tags ? undefined : tagsOf(result.tags.masks[c]!);
  const group = scheme.strategy[c]! < STRATEGY_GROUPS.length ? STRATEGY_GROUPS[scheme.strategy[c]!]! : undefined;
  let strategy: CustomerRecord['strategy'] = null;
  if (group) {
    const keys = strategyLabelKeys(group);
    const definition = STRATEGIES[group];
    strategy = {
      goal: label(keys.goal, locale),
      department: label(keys.department, locale),
      measures: label(keys.measures, locale),
      channel: label(keys.channel, locale),
      owner: label(keys.owner, locale),
      deadline: label(keys.deadline, locale),
      kpi: label(keys.kpi, locale),
      cadence: label(`cadence.${definition.cadence}`, locale),
      dueDate: Number.isFinite(features.asOfDay) ? formatDay(nextDueDay(definition.deadline, features.asOfDay)) : '',
    };
  }
  const attributes: Partial<Record<AttributeField, string>> = {};
  for (const [field, values] of Object.entries(features.attributes) as [
    AttributeField,
    readonly (string | undefined)[],
  ][]) {
    const value = values[c];
    if (value !== undefined) attributes[field] = value;
  }
  const r = scheme.r[c]!,
    f = scheme.f[c]!,
    m = scheme.m[c]!;
  const stage = result.lifecycle[c]!;
  const day = (x: number): string | null => (Number.isNaN(x) ? null : formatDay(x));
  const n = (x: number): number | null => (Number.isNaN(x) ? null : round2(x));
  return {
    customerId: features.ids[c]!,
    recencyDays: n(features.recencyDays[c]!),
    frequency: n(features.windowFrequency[c]!),
    monetary: n(features.windowMonetary[c]!),
    frequency6m: n(features.frequency6m[c]!),
    amount6m: n(features.amount6m[c]!),
    averageOrderValue: n(features.averageOrderValue[c]!),
    firstPurchaseDate: day(features.firstPurchaseDay[c]!),
    lastPurchaseDate: day(features.lastPurchaseDay[c]!),
    r: r || null,
    f: f || null,
    m: m || null,
    rfmCode: r
      ? scheme.scheme !== 'rfm8'
        ? `${r}${f}${m}`
        : [r, f, m].map((x) => (x === 2 ? 'H' : 'L')).join('')
      : null,
    segment,
    segmentLabel: scheme.segmentLabel(scheme.segment[c]!, locale),
    explanation: scheme.explain(c, locale),
    tags: defaultTags ?? scheme.tags!.tagsOf(c),
    tagLabels: defaultTags
      ? defaultTags.map((t) => tagLabel(t, locale, result.features.currency))
      : scheme.tags!.tagLabels(c, locale),
    lifecycle: stage < LIFECYCLE_STAGES.length ? LIFECYCLE_STAGES[stage]! : null,
    churnRisk: result.churn.atRisk[c] === 1,
    churnReason: result.churn.reason(c, locale),
    churnProbability: probability(result, c),
    churnModel: result.churn.modelLabel(locale),
    expectedLoss: Number.isFinite(result.churn.probability[c]!) ? round2(result.churn.expectedLoss[c]!) : null,
    strategyGroup: group ?? null,
    strategy,
    attributes,
    ...(scheme.columns ? { schemeColumns: schemeColumnRecord(result, c, locale) } : {}),
  };
}

/** The churn probability rounded to 4 places (null when there is none). */
function probability(result: SegmentationResult, c: number): number | null {
  const p = result.churn.probability[c]!;
  return Number.isFinite(p) ? Math.round(p * 10000) / 10000 : null;
}

function schemeColumnRecord(result: SegmentationResult, c: number, locale: Locale): Record<string, Cell> {
  const columns = result.scheme.columns!;
  const headers = columns.headers(locale),
    cells = columns.cells(c, locale);
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? null]));
}

/** Localized headers of RESULT_COLUMNS, then the scheme's own columns (explanation, tier, SLA, grade, cluster …). */
export function resultHeaders(result: SegmentationResult, locale: Locale = result.options.locale): string[] {
  return [
    ...RESULT_COLUMNS.map((column) => label(`column.${column}` as LabelKey, locale)),
    ...(result.scheme.columns?.headers(locale) ?? []),
  ];
}

/** The appended cells of customer `c`, in `resultHeaders` order. */
export function resultCells(result: SegmentationResult, c: number, locale: Locale = result.options.locale): Cell[] {
  return cellWriter(result, locale)(c);
}

// Labels depend on the segment, strategy group, tag set or stage, not on the
// customer: look each up once per run and locale (1M rows × 24 columns would
// otherwise format the same strings millions of times).
const writers = new WeakMap<SegmentationResult, Map<Locale, (c: number) => Cell[]>>();

function cellWriter(result: SegmentationResult, locale: Locale): (c: number) => Cell[] {
  let byLocale = writers.get(result);
  if (!byLocale) writers.set(result, (byLocale = new Map()));
  let writer = byLocale.get(locale);
  if (!writer) byLocale.set(locale, (writer = buildCellWriter(result, locale)));
  return writer;
}

function buildCellWriter(result: SegmentationResult, locale: Locale): (c: number) => Cell[] {
  const { features, scheme } = result;
  const segmentLabels = scheme.segments.map((_, s) => scheme.segmentLabel(s, locale));
  const blankStrategy: Cell[] = [null, null, null, null, null, null, null, null, null];
  const strategyCells = STRATEGY_GROUPS.map((group): Cell[] => {
    const keys = strategyLabelKeys(group);
    const definition = STRATEGIES[group];
    return [
      label(`group.${group}` as LabelKey, locale),
      label(keys.goal, locale),
      label(keys.measures, locale),
      label(keys.channel, locale),
      label(keys.department, locale),
      label(keys.owner, locale),
      label(`cadence.${definition.cadence}`, locale),
      Number.isFinite(features.asOfDay) ? formatDay(nextDueDay(definition.deadline, features.asOfDay)) : '',
      label(keys.kpi, locale),
    ];
  });
  const lifecycleLabels = LIFECYCLE_STAGES.map((stage) => label(`lifecycle.${stage}` as LabelKey, locale));
  const yes = label('yes', locale),
    no = label('no', locale);
  const churnModel = result.churn.modelLabel(locale);
  const tagText = new Map<number, string>();
  const tags = (c: number): string => {
    if (scheme.tags) return formatTags(scheme.tags.tagLabels(c, locale), locale);
    const mask = result.tags.masks[c]!;
    let text = tagText.get(mask);
    if (text === undefined)
      tagText.set(
        mask,
        (text = formatTags(
          tagsOf(mask).map((t) => tagLabel(t, locale, result.features.currency)),
          locale,
        )),
      );
    return text;
  };
  const score = (value: number): Cell =>
    value === 0 ? null : scheme.scheme !== 'rfm8' ? value : label(value === 2 ? 'level.high' : 'level.low', locale);
  const code = (r: number, f: number, m: number): string | null =>
    r ? (scheme.scheme !== 'rfm8' ? `${r}${f}${m}` : [r, f, m].map((x) => (x === 2 ? 'H' : 'L')).join('')) : null;
  return (c) => {
    const r = scheme.r[c]!,
      f = scheme.f[c]!,
      m = scheme.m[c]!;
    const stage = result.lifecycle[c]!;
    const group = scheme.strategy[c]!;
    const cells: Cell[] = [
      num(features.recencyDays[c]!),
      num(features.windowFrequency[c]!),
      num(features.windowMonetary[c]!),
      num(features.frequency6m[c]!),
      num(features.amount6m[c]!),
      num(features.averageOrderValue[c]!),
      score(r),
      score(f),
      score(m),
      code(r, f, m),
      segmentLabels[scheme.segment[c]!]!,
      tags(c),
      stage < lifecycleLabels.length ? lifecycleLabels[stage]! : null,
      result.churn.atRisk[c] ? yes : no,
      result.churn.reason(c, locale),
      probability(result, c),
      churnModel,
    ];
    // Pushed, not spread: this runs once per output row.
    const strategy = group < strategyCells.length ? strategyCells[group]! : blankStrategy;
    for (let i = 0; i < strategy.length; i++) cells.push(strategy[i]);
    const extra = scheme.columns?.cells(c, locale);
    if (extra) for (let i = 0; i < extra.length; i++) cells.push(extra[i]);
    return cells;
  };
}

/** Headers of the identity columns present for a transaction-shaped run. */
export function customerColumns(result: SegmentationResult): (typeof CUSTOMER_COLUMNS)[number][] {
  return CUSTOMER_COLUMNS.filter(
    (column) =>
      column === 'customerId' ||
      column === 'firstPurchaseDate' ||
      column === 'lastPurchaseDate' ||
      result.features.attributes[column as AttributeField] !== undefined,
  );
}

/** Identity cells of customer `c` for `customerColumns(result)`. */
export function customerCells(result: SegmentationResult, c: number): Cell[] {
  const { features } = result;
  return customerColumns(result).map((column) => {
    if (column === 'customerId') return features.ids[c]!;
    if (column === 'firstPurchaseDate')
      return Number.isNaN(features.firstPurchaseDay[c]!) ? null : formatDay(features.firstPurchaseDay[c]!);
    if (column === 'lastPurchaseDate')
      return Number.isNaN(features.lastPurchaseDay[c]!) ? null : formatDay(features.lastPurchaseDay[c]!);
    return features.attributes[column]?.[c] ?? null;
  });
}
