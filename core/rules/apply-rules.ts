import type { CustomerFeatures } from '../features/customer-features.js';
import { isLabelKey, label, type LabelKey, type Locale, type Message } from '../i18n/labels.js';
import { DEFAULT_CURRENCY } from '../money/currency.js';
import { formatMoney } from '../money/format-money.js';
import { addMonths } from '../parse/civil-day.js';
import { STRATEGY_GROUPS, type StrategyGroup } from '../strategies/strategy-groups.js';
import type { MaintenanceTier } from './maintenance-strategies.js';
import {
  fieldLabel,
  formatNumber,
  formatValue,
  readRuleField,
  valueKind,
  type RuleFieldId,
  type ValueKind,
} from './rule-fields.js';
import { conditionKey, isAll, isCondition, leavesOf } from './rule-tree.js';
import type { Condition, InlineLabel, RuleNode, RulePreset } from './rule-types.js';
import { ConfigError, configProblem } from './config-error.js';
import { dataSpan, spanNeeded } from './data-span.js';
import { contradictions } from './rules-config.js';

/** Options of one rules run. */
export interface ApplyRulesOptions {
  /** Locale of notes and the default locale of explanations. */
  readonly locale?: Locale;
}

/** A rule that could not run because the table lacks a column; reported once per rule. */
export interface RuleSkip {
  readonly code: 'rule-skipped';
  /** The rule's display name (a named sub-rule, else the segment or tag). */
  readonly rule: string;
  readonly fields: readonly RuleFieldId[];
  /** `complaints column not found: rule 'churn risk (complaint)' skipped` */
  readonly message: string;
}

/** A remark about the run as a whole (RunNote-compatible). */
export interface RuleNote {
  readonly code: 'rule-skipped' | 'industry-mean' | 'months-approximate';
  readonly message: string;
}

/** The industry mean AOV a customer's AOV was compared with (SPEC §5a B). */
export interface IndustryMean {
  /** '' for customers without an industry (or a table without the column): the mean of all customers. */
  readonly industry: string;
  readonly meanAov: number;
  readonly source: 'config' | 'data';
  readonly customers: number;
}

/** What a rules preset assigns, columnar: one entry per customer. */
export interface RuleSchemeResult {
  readonly scheme: 'rules';
  readonly preset: string;
  /** Segment ids in preset order; 'unclassified' is last unless the preset has a catch-all. */
  readonly segments: readonly string[];
  /** Index into `segments` per customer (the primary segment, first match). */
  readonly segment: Uint8Array;
  /** Bit i set = segments[i]'s rule matched (primary or not; a catch-all only when primary). */
  readonly matched: Uint32Array;
  /** Tag ids in bit order. */
  readonly tags: readonly string[];
  /** Bit mask over `tags` per customer. */
  readonly tagMasks: Uint32Array;
  /** Index into STRATEGY_GROUPS per customer; 255 = none (SPEC §7 Table 6). */
  readonly strategy: Uint8Array;
  /** The B maintenance strategy of each segment (SPEC §7), or undefined. */
  readonly maintenance: readonly (MaintenanceTier | undefined)[];
  /** Id of the churn segment (SPEC §5f), when the preset has one. */
  readonly churnSegment: string | undefined;
  readonly skipped: readonly RuleSkip[];
  readonly notes: readonly RuleNote[];
  /** Present when a rule measures AOV against the industry mean. */
  readonly industryMeans?: readonly IndustryMean[];
  /** Localized label of segment index `s`. */
  segmentLabel(s: number, locale?: Locale): string;
  /** Localized label of tag index `t` (basic tags carry their threshold). */
  tagLabel(t: number, locale?: Locale): string;
  /** Tag ids of customer `c`. */
  tagsOf(c: number): string[];
  /** Why customer `c` is in its segment: the conditions that matched, computed on demand. */
  explain(c: number, locale?: Locale): string;
  /** The matched conditions of rule `ruleId` (segment or tag rule) for `c`, or null when it did not match. */
  explainRule(c: number, ruleId: string, locale?: Locale): string | null;
}

const NO_STRATEGY = 255;
const TOLERANCE = 1e-9;
const SYMBOL: Readonly<Record<string, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };
const sep = (locale: Locale): string => (locale === 'zh-CN' ? '；' : '; ');
const inline = (text: InlineLabel, locale: Locale): string => (locale === 'zh-CN' ? text.zh : text.en);

/** A named rule (or a whole segment / tag rule) that owns the columns missing under it. */
interface SkipOwner {
  readonly display: (locale: Locale) => string;
  readonly missing: RuleFieldId[];
  /** Days of history the rule needs when the data spans fewer: the rule is switched off. */
  shortBy?: number;
}

interface LeafNode {
  readonly kind: 'leaf';
  readonly condition: Condition;
  readonly valueKind: ValueKind;
  readonly values: Float64Array | undefined;
  /** Bounds before scaling by `ref`; ±Infinity for a one-sided comparison. */
  readonly lo: number;
  readonly hi: number;
  readonly loStrict: boolean;
  readonly hiStrict: boolean;
  /** `unit: 'months'`: lo/hi are the days the months span back from asOf. */
  readonly months: boolean;
  readonly ref?: Float64Array;
  readonly tagMask: number;
  readonly owner?: SkipOwner;
  match?: Uint8Array;
}

interface GroupNode {
  readonly kind: 'all' | 'any';
  readonly children: readonly CompiledNode[];
  readonly tagMask: number;
  readonly owner?: SkipOwner;
  match?: Uint8Array;
}

type CompiledNode = LeafNode | GroupNode;

const skippedNode = (node: CompiledNode): boolean =>
  node.owner !== undefined && (node.owner.missing.length > 0 || node.owner.shortBy !== undefined);

function ruleName(name: string, locale: Locale): string {
  const key = `rule.${name}`;
  return isLabelKey(key) ? label(key, locale) : name;
}

function segmentText(id: string, inlineLabel: InlineLabel | undefined, locale: Locale): string {
  if (inlineLabel) return inline(inlineLabel, locale);
  const key = `segment.${id}`;
  return isLabelKey(key) ? label(key, locale) : id;
}

/** Structural problems of a preset (programmer or config errors), all at once. */
function presetProblems(preset: RulePreset, tagCount: number): Message[] {
  const problems: Message[] = [];
  const ids = new Set<string>();
  preset.segments.forEach((s, i) => {
    if (ids.has(s.id)) problems.push(configProblem(`${preset.id}.${s.id}`, 'config.duplicate-segment'));
    ids.add(s.id);
    if (!s.when && i !== preset.segments.length - 1)
      problems.push(configProblem(`${preset.id}.${s.id}`, 'config.catch-all-last'));
  });
  if (preset.segments.length === 0) problems.push(configProblem(preset.id, 'config.no-segments'));
  if (preset.segments.length > 31) problems.push(configProblem(preset.id, 'config.too-many-segments', { max: 31 }));
  if (tagCount > 32) problems.push(configProblem(preset.id, 'config.too-many-tags', { max: 32 }));
  for (const rule of [...preset.segments, ...(preset.tagRules ?? [])]) {
    const keys = new Set<string>();
    for (const leaf of leavesOf(rule.when)) {
      const key = conditionKey(leaf);
      const path = `${preset.id}.${rule.id}.${key}`;
      if (keys.has(key)) problems.push(configProblem(path, 'config.shared-key'));
      keys.add(key);
      const numbers = leaf.op === 'between' ? [leaf.min, leaf.max] : [leaf.value];
      if (numbers.some((x) => !Number.isFinite(x)))
        problems.push(configProblem(path, 'config.expected-type', { type: { key: 'config.type.number' } }));
      if (leaf.unit === 'months' && leaf.field !== 'recencyDays')
        problems.push(configProblem(path, 'config.months-recency-only'));
    }
  }
  return [...problems, ...contradictions(preset, preset.id)];
}

/** Recency with "never purchased" as +Infinity: a customer with no purchase at all has not bought in the last N months (core/tags/assign-tags.ts reading). */
function recencyWithNever(features: CustomerFeatures, recency: Float64Array): Float64Array {
  let out: Float64Array | undefined;
  for (let c = 0; c < features.count; c++) {
    if (Number.isNaN(recency[c]!) && features.frequency[c] === 0) {
      out ??= recency.slice();
      out[c] = Number.POSITIVE_INFINITY;
    }
  }
  return out ?? recency;
}

const presentOrUndefined = (values: Float64Array): Float64Array | undefined =>
  values.length === 0 || values.some((v) => !Number.isNaN(v)) ? values : undefined;

/** Per-customer industry mean AOV: the config's value, else the data's mean AOV in that industry (SPEC §5a B). */
function industryMeans(
  features: CustomerFeatures,
  given: Readonly<Record<string, number>>,
  locale: Locale,
): { ref: Float64Array; means: IndustryMean[]; notes: RuleNote[] } {
  const n = features.count,
    aov = features.averageOrderValue;
  const industries = features.attributes.industry;
  const keyOf = (c: number): string => industries?.[c]?.trim() ?? '';
  const sums = new Map<string, { sum: number; count: number; customers: number }>();
  let allSum = 0,
    allCount = 0;
  for (let c = 0; c < n; c++) {
    const key = keyOf(c);
    const entry = sums.get(key) ?? { sum: 0, count: 0, customers: 0 };
    entry.customers++;
    if (Number.isFinite(aov[c]!)) {
      entry.sum += aov[c]!;
      entry.count++;
      allSum += aov[c]!;
      allCount++;
    }
    sums.set(key, entry);
  }
  const overall = allCount > 0 ? allSum / allCount : Number.NaN;
  const means: IndustryMean[] = [];
  const meanOf = new Map<string, number>();
  for (const [industry, { sum, count, customers }] of sums) {
    const configured = industry !== '' ? given[industry] : undefined;
    const meanAov = configured ?? (industry === '' ? overall : count > 0 ? sum / count : Number.NaN);
    meanOf.set(industry, meanAov);
    means.push({ industry, meanAov, source: configured !== undefined ? 'config' : 'data', customers });
  }
  const ref = new Float64Array(n);
  for (let c = 0; c < n; c++) ref[c] = meanOf.get(keyOf(c))!;
  const notes: RuleNote[] = [];
  if (!industries)
    notes.push({
      code: 'industry-mean',
      message: label('rules.note.no-industry', locale, { mean: formatNumber(overall) }),
    });
  const fromData = means.filter((m) => m.source === 'data' && m.industry !== '');
  if (fromData.length > 0) {
    const list = fromData.map((m) => `${m.industry} ${formatNumber(m.meanAov)}`).join(locale === 'zh-CN' ? '、' : ', ');
    notes.push({ code: 'industry-mean', message: label('rules.note.industry-from-data', locale, { list }) });
  }
  const blank = means.find((m) => m.industry === '');
  if (blank && industries)
    notes.push({
      code: 'industry-mean',
      message: label('rules.note.blank-industry', locale, { count: blank.customers, mean: formatNumber(overall) }),
    });
  return { ref, means, notes };
}

/**
 * Assigns every customer the first matching segment of a preset, every tag
 * whose rule it satisfies, and a lazily built explanation (SPEC §5 general
 * rules, §5a–§5b, §6). A rule needing a column the table lacks is reported
 * once and evaluated as not matching; it never fails row by row. Bounds are
 * inclusive exactly as the preset writes them; thresholds relative to an
 * industry mean compare with a 1e-9 relative allowance so 1.5 × 1,000 is
 * exactly 1,500 whatever the floating-point product.
 * @throws ConfigError for a malformed preset (duplicate ids, a catch-all not last, min > max).
 * @example
 * const result = applyRules(resolveRulePreset('a-table5-rules'), features, { locale: 'en' });
 * result.segments[result.segment[0]] // 'high-value'
 * result.explain(0) // '6-month frequency 9 ≥ 8; AOV 1,620 ≥ 1,500; last purchase 12 days ago ≤ 30'
 */
export function applyRules(
  preset: RulePreset,
  features: CustomerFeatures,
  options: ApplyRulesOptions = {},
): RuleSchemeResult {
  const locale = options.locale ?? 'en';
  const tags = registerPresetTags(preset);
  const problems = presetProblems(preset, tags.ids.length);
  if (problems.length > 0) throw new ConfigError(problems);

  const notes: RuleNote[] = [];
  const industry = usesIndustryMean(preset) ? industryMeans(features, preset.industryMeanAov ?? {}, locale) : undefined;
  if (industry) notes.push(...industry.notes);
  const span = dataSpan(features);
  const compiler = createRuleCompiler(features, tags, { industryRef: industry?.ref, span, locale, notes });
  const tagText = createTagText(preset, features);
  const segmentRoots = preset.segments.map((s) =>
    s.when ? compiler.compileRoot(s.when, (l) => segmentText(s.id, s.label, l)) : undefined,
  );
  const tagRoots = (preset.tagRules ?? []).map((r) =>
    compiler.compileRoot(r.when, (l) => tagText(r.tags[0] ?? r.id, l)),
  );
  const skipped = describeSkippedRules(compiler.owners, span, locale);
  notes.push(...skipped.map((s) => ({ code: s.code, message: s.message })));

  const segmentCount = preset.segments.length;
  const catchAll = preset.segments[segmentCount - 1]!.when ? -1 : segmentCount - 1;
  const segments = preset.segments.map((s) => s.id);
  if (catchAll < 0) segments.push('unclassified');
  const assignment = assignSegments(
    features.count,
    segmentRoots,
    preset.segments.map((s) => tags.add(s.tags)),
    catchAll,
  );
  addTagRuleTags(
    features.count,
    tagRoots,
    (preset.tagRules ?? []).map((r) => tags.add(r.tags)),
    assignment.tagMasks,
  );
  const { segment, matched, tagMasks } = assignment;
  const strategy = assignStrategies(preset, segments, segment);

  const ruleRoot = (ruleId: string): CompiledNode | undefined => {
    const s = preset.segments.findIndex((x) => x.id === ruleId);
    if (s >= 0) return segmentRoots[s];
    const t = (preset.tagRules ?? []).findIndex((x) => x.id === ruleId);
    return t >= 0 ? tagRoots[t] : undefined;
  };
  const explainNode = (node: CompiledNode, c: number, l: Locale): string => {
    const parts: string[] = [];
    describe(node, c, l, parts);
    return parts.join(sep(l));
  };

  return {
    scheme: 'rules',
    preset: preset.id,
    segments,
    segment,
    matched,
    tags: tags.ids,
    tagMasks,
    strategy,
    maintenance: segments.map((_, s) => preset.segments[s]?.maintenance),
    churnSegment: preset.segments.find((s) => s.churn)?.id,
    skipped,
    notes,
    ...(industry ? { industryMeans: industry.means } : {}),
    segmentLabel: (s, l = locale) =>
      s < segmentCount
        ? segmentText(preset.segments[s]!.id, preset.segments[s]!.label, l)
        : label('segment.unclassified', l),
    tagLabel: (t, l = locale) => tagText(tags.ids[t]!, l),
    tagsOf: (c) => tags.ids.filter((_, i) => (tagMasks[c]! & (1 << i)) !== 0),
    explain: (c, l = locale) => {
      const s = segment[c]!;
      if (s === catchAll) return label('rules.explain.catch-all', l);
      const root = segmentRoots[s];
      return root ? explainNode(root, c, l) : label('rules.explain.no-match', l);
    },
    explainRule: (c, ruleId, l = locale) => {
      const root = ruleRoot(ruleId);
      if (!root) return null;
      return evaluateAt(root, c) ? explainNode(root, c, l) : null;
    },
  };
}

/** Tag ids in bit order, and the bit mask of a list of tags (a tag's bit is fixed on first sight). */
interface TagRegistry {
  readonly ids: string[];
  add(tags: readonly string[] | undefined): number;
}

/**
 * Every tag of the preset in bit order: segment tags, their nodes' tags in
 * tree order, then tag rules. Registered up front so bits never depend on
 * which rules later compile.
 */
function registerPresetTags(preset: RulePreset): TagRegistry {
  const ids: string[] = [];
  const add = (tags: readonly string[] | undefined): number => {
    let mask = 0;
    for (const tag of tags ?? []) {
      let i = ids.indexOf(tag);
      if (i < 0) i = ids.push(tag) - 1;
      if (i < 32) mask |= 1 << i;
    }
    return mask >>> 0;
  };
  const addTree = (node: RuleNode | undefined): void => {
    if (!node) return;
    add(node.tags);
    if (!isCondition(node)) for (const child of isAll(node) ? node.all : node.any) addTree(child);
  };
  for (const s of preset.segments) {
    add(s.tags);
    addTree(s.when);
  }
  for (const r of preset.tagRules ?? []) {
    addTree(r.when);
    add(r.tags);
  }
  return { ids, add };
}

/** Whether any rule compares AOV with the industry mean (only then are the means computed). */
const usesIndustryMean = (preset: RulePreset): boolean =>
  [...preset.segments, ...(preset.tagRules ?? [])].some((r) =>
    leavesOf(r.when).some((l) => l.relativeTo === 'industryMeanAov'),
  );

/** Each rule field's column, read once (undefined when the table lacks it). */
function createColumnReader(features: CustomerFeatures): (field: RuleFieldId) => Float64Array | undefined {
  const columns = new Map<RuleFieldId, Float64Array | undefined>();
  return (field) => {
    if (!columns.has(field)) {
      // Recency first turns "never purchased" into +Infinity, so a table where nobody bought still has it.
      const values =
        field === 'recencyDays'
          ? presentOrUndefined(recencyWithNever(features, features.recencyDays))
          : readRuleField(features, field);
      columns.set(field, values);
    }
    return columns.get(field);
  };
}

/** Compiles rule trees into nodes ready to evaluate; `owners` collects who is skipped for what. */
interface RuleCompiler {
  readonly owners: readonly SkipOwner[];
  compileRoot(node: RuleNode, display: (l: Locale) => string): CompiledNode;
}

/**
 * The rule compiler of one run: bounds in days, columns resolved, and every
 * missing column or too-short history charged to the nearest named node (else
 * the whole rule). A "months" note is added to `notes` once, when there is no asOf.
 */
function createRuleCompiler(
  features: CustomerFeatures,
  tags: TagRegistry,
  run: {
    readonly industryRef: Float64Array | undefined;
    readonly span: ReturnType<typeof dataSpan>;
    readonly locale: Locale;
    readonly notes: RuleNote[];
  },
): RuleCompiler {
  const { industryRef, span, locale, notes } = run;
  const column = createColumnReader(features);
  const hasAsOf = Number.isFinite(features.asOfDay);
  let monthsNoted = false;
  const owners: SkipOwner[] = [];

  const compileLeaf = (node: Condition, own: SkipOwner, mine: SkipOwner | undefined, tagMask: number): LeafNode => {
    const values = column(node.field);
    if (!values && !own.missing.includes(node.field)) own.missing.push(node.field);
    let lo = Number.NEGATIVE_INFINITY,
      hi = Number.POSITIVE_INFINITY,
      loStrict = false,
      hiStrict = false;
    if (node.op === 'between') [lo, hi] = [node.min, node.max];
    else if (node.op === '>=' || node.op === '>') [lo, loStrict] = [node.value, node.op === '>'];
    else [hi, hiStrict] = [node.value, node.op === '<'];
    const months = node.unit === 'months';
    if (months) {
      // SPEC §2: "N months" = N calendar months back from asOf; without asOf, 30 days a month.
      const toDays = (m: number): number => (hasAsOf ? features.asOfDay - addMonths(features.asOfDay, -m) : m * 30);
      if (!hasAsOf && !monthsNoted) {
        notes.push({ code: 'months-approximate', message: label('rules.note.months-approximate', locale) });
        monthsNoted = true;
      }
      if (Number.isFinite(lo)) lo = toDays(lo);
      if (Number.isFinite(hi)) hi = toDays(hi);
    }
    // A rule about time ("no purchase in 3 months", a 6-month window) says
    // nothing on data that spans less: switched off, never guessed.
    const need = span ? spanNeeded(node.field, lo, features.asOfDay) : 0;
    if (span && need > span.days) own.shortBy = Math.max(own.shortBy ?? 0, need);
    return {
      kind: 'leaf',
      condition: node,
      valueKind: valueKind(node.field),
      values,
      lo,
      hi,
      loStrict,
      hiStrict,
      months,
      ...(node.relativeTo && industryRef ? { ref: industryRef } : {}),
      tagMask,
      ...(mine ? { owner: mine } : {}),
    };
  };

  const compile = (node: RuleNode, owner: SkipOwner, root = false): CompiledNode => {
    // A missing column skips its nearest named node, else the whole rule (the root).
    let own = owner;
    let mine = root ? owner : undefined;
    if (node.name) {
      const name = node.name;
      own = mine = { display: (l) => ruleName(name, l), missing: [] };
      owners.push(own);
    }
    const tagMask = tags.add(node.tags);
    if (isCondition(node)) return compileLeaf(node, own, mine, tagMask);
    const children = (isAll(node) ? node.all : node.any).map((child) => compile(child, own));
    return { kind: isAll(node) ? 'all' : 'any', children, tagMask, ...(mine ? { owner: mine } : {}) };
  };

  return {
    owners,
    compileRoot: (node, display) => {
      const owner: SkipOwner = { display, missing: [] };
      owners.push(owner);
      return compile(node, owner, true);
    },
  };
}

/**
 * A tag's label in a locale: the preset's own, else the catalogue's with the
 * threshold of its rule as parameter (「近{n}个月未消费」; money in the data's
 * currency: 「客单价≥1,000元」, "AOV ≥ £1,000"), else the id.
 */
function createTagText(preset: RulePreset, features: CustomerFeatures): (tag: string, l: Locale) => string {
  const tagParams = new Map<string, Record<string, string>>();
  const moneyParams = new Map<string, number>();
  for (const r of preset.tagRules ?? []) {
    if (!r.labelParams) continue;
    const params: Record<string, string> = {};
    for (const [name, key] of Object.entries(r.labelParams)) {
      const leaf = leavesOf(r.when).find((l) => conditionKey(l) === key);
      if (leaf) params[name] = formatNumber(leaf.op === 'between' ? leaf.min : leaf.value);
      if (leaf && valueKind(leaf.field) === 'money')
        moneyParams.set(`${r.tags[0]}:${name}`, leaf.op === 'between' ? leaf.min : leaf.value);
    }
    for (const tag of r.tags) tagParams.set(tag, params);
  }
  const currency = features.currency ?? DEFAULT_CURRENCY;
  const localParams = (tag: string, l: Locale): Record<string, string> | undefined => {
    const params = tagParams.get(tag);
    if (!params) return undefined;
    const out = { ...params };
    for (const name of Object.keys(out)) {
      const value = moneyParams.get(`${tag}:${name}`);
      if (value !== undefined) out[name] = formatMoney(value, currency, l, Number.isInteger(value) ? 0 : 2);
    }
    return out;
  };
  return (tag, l) => {
    const given = preset.tagLabels?.[tag];
    if (given) return inline(given, l);
    const key = `tag.${tag}`;
    return isLabelKey(key) ? label(key as LabelKey, l, localParams(tag, l)) : tag;
  };
}

/** One skip per owner that lacks a column or enough history, in the order the rules compiled. */
function describeSkippedRules(
  owners: readonly SkipOwner[],
  span: ReturnType<typeof dataSpan>,
  locale: Locale,
): RuleSkip[] {
  const skipped: RuleSkip[] = [];
  for (const owner of owners) {
    if (owner.missing.length === 0 && owner.shortBy !== undefined && span) {
      const rule = owner.display(locale);
      const message = label('rules.note.span-too-short', locale, {
        rule,
        need: owner.shortBy,
        span: span.days,
        from: span.from,
        asOf: span.asOf,
      });
      skipped.push({ code: 'rule-skipped', rule, fields: [], message });
      continue;
    }
    if (owner.missing.length === 0) continue;
    const rule = owner.display(locale);
    const columnsText = owner.missing.map((f) => fieldLabel(f, locale)).join(locale === 'zh-CN' ? '、' : ', ');
    const message = label(owner.missing.length === 1 ? 'rules.note.skipped' : 'rules.note.skipped-many', locale, {
      columns: columnsText,
      rule,
    });
    skipped.push({ code: 'rule-skipped', rule, fields: owner.missing, message });
  }
  return skipped;
}

/**
 * Segments by first match (SPEC: one primary segment), every matching rule's
 * bit in `matched`, and the tags of matching segments and their nodes; the
 * catch-all (a last segment without a condition) takes the rest.
 */
function assignSegments(
  n: number,
  segmentRoots: readonly (CompiledNode | undefined)[],
  segmentMasks: readonly number[],
  catchAll: number,
): { segment: Uint8Array; matched: Uint32Array; tagMasks: Uint32Array } {
  const fallback = catchAll >= 0 ? catchAll : segmentRoots.length;
  const segment = new Uint8Array(n).fill(fallback);
  const matched = new Uint32Array(n);
  const tagMasks = new Uint32Array(n);
  const assigned = new Uint8Array(n);
  segmentRoots.forEach((root, s) => {
    if (!root) return;
    const match = evaluate(root, n);
    const bit = (1 << s) >>> 0;
    for (let c = 0; c < n; c++) {
      if (!match[c]) continue;
      matched[c] = (matched[c]! | bit) >>> 0;
      tagMasks[c] = (tagMasks[c]! | segmentMasks[s]!) >>> 0;
      if (!assigned[c]) {
        segment[c] = s;
        assigned[c] = 1;
      }
    }
    collectTags(root, match, tagMasks);
  });
  if (catchAll >= 0) {
    const bit = (1 << catchAll) >>> 0;
    for (let c = 0; c < n; c++) {
      if (assigned[c]) continue;
      matched[c] = (matched[c]! | bit) >>> 0;
      tagMasks[c] = (tagMasks[c]! | segmentMasks[catchAll]!) >>> 0;
    }
  }
  return { segment, matched, tagMasks };
}

/** Tag rules add their tags (and their matching nodes' tags) whatever the segment. */
function addTagRuleTags(
  n: number,
  tagRoots: readonly CompiledNode[],
  ruleMasks: readonly number[],
  tagMasks: Uint32Array,
): void {
  tagRoots.forEach((root, i) => {
    const match = evaluate(root, n);
    for (let c = 0; c < n; c++) if (match[c]) tagMasks[c] = (tagMasks[c]! | ruleMasks[i]!) >>> 0;
    collectTags(root, match, tagMasks);
  });
}

/** Each customer's strategy group: its segment's (SPEC §7 Table 6), or none. */
function assignStrategies(preset: RulePreset, segments: readonly string[], segment: Uint8Array): Uint8Array {
  const groupOf = segments.map((_, s) => {
    const group: StrategyGroup | undefined = preset.segments[s]?.strategyGroup;
    return group ? STRATEGY_GROUPS.indexOf(group) : NO_STRATEGY;
  });
  const strategy = new Uint8Array(segment.length).fill(NO_STRATEGY);
  for (let c = 0; c < segment.length; c++) strategy[c] = groupOf[segment[c]!]!;
  return strategy;
}

function testLeaf(leaf: LeafNode, c: number): boolean {
  const v = leaf.values![c]!;
  let lo = leaf.lo,
    hi = leaf.hi;
  if (leaf.ref) {
    const r = leaf.ref[c]!;
    if (Number.isFinite(lo)) {
      lo *= r;
      lo += (leaf.loStrict ? 1 : -1) * Math.abs(lo) * TOLERANCE;
    }
    if (Number.isFinite(hi)) {
      hi *= r;
      hi += (leaf.hiStrict ? -1 : 1) * Math.abs(hi) * TOLERANCE;
    }
  }
  return (leaf.loStrict ? v > lo : v >= lo) && (leaf.hiStrict ? v < hi : v <= hi);
}

/** Column-wise evaluation: 1 where the node matches; a skipped node matches nowhere. */
function evaluate(node: CompiledNode, n: number): Uint8Array {
  const out = new Uint8Array(n);
  if (!skippedNode(node)) {
    if (node.kind === 'leaf') {
      for (let c = 0; c < n; c++) if (testLeaf(node, c)) out[c] = 1;
    } else if (node.kind === 'all') {
      out.fill(1);
      for (const child of node.children) {
        const m = evaluate(child, n);
        for (let c = 0; c < n; c++) out[c]! &= m[c]!;
      }
    } else {
      for (const child of node.children) {
        const m = evaluate(child, n);
        for (let c = 0; c < n; c++) out[c]! |= m[c]!;
      }
    }
  }
  node.match = out;
  return out;
}

/** Adds each node's tags where it and every node above it matched (`effective`). */
function collectTags(node: CompiledNode, effective: Uint8Array, masks: Uint32Array): void {
  if (node.tagMask)
    for (let c = 0; c < effective.length; c++) if (effective[c]) masks[c] = (masks[c]! | node.tagMask) >>> 0;
  if (node.kind === 'leaf') return;
  for (const child of node.children) {
    const own = child.match;
    if (!own) continue; // under a skipped node: never evaluated, never matched
    const eff = new Uint8Array(effective.length);
    for (let c = 0; c < eff.length; c++) eff[c] = effective[c]! & own[c]!;
    collectTags(child, eff, masks);
  }
}

function evaluateAt(node: CompiledNode, c: number): boolean {
  if (skippedNode(node)) return false;
  if (node.kind === 'leaf') return testLeaf(node, c);
  return node.kind === 'all'
    ? node.children.every((child) => evaluateAt(child, c))
    : node.children.some((child) => evaluateAt(child, c));
}

/** The matched conditions under a matched node, in tree order (every matching branch of an OR). */
function describe(node: CompiledNode, c: number, locale: Locale, parts: string[]): void {
  if (node.kind === 'leaf') {
    parts.push(leafText(node, c, locale));
    return;
  }
  for (const child of node.children) if (node.kind === 'all' || evaluateAt(child, c)) describe(child, c, locale, parts);
}

function leafText(leaf: LeafNode, c: number, locale: Locale): string {
  const { condition } = leaf;
  const v = leaf.values![c]!;
  if (v === Number.POSITIVE_INFINITY && condition.field === 'recencyDays')
    return label('rules.explain.never-purchased', locale);
  const subject =
    condition.field === 'recencyDays'
      ? label('rules.explain.recency', locale, { days: formatNumber(v) })
      : `${fieldLabel(condition.field, locale)} ${formatValue(v, leaf.valueKind)}`;
  const ref = leaf.ref?.[c];
  const bound = (base: number, days: number): string => {
    if (leaf.months)
      return label('rules.explain.months', locale, { months: formatNumber(base), days: formatNumber(days) });
    if (ref !== undefined)
      return label('rules.explain.industry', locale, {
        factor: formatNumber(base),
        mean: formatNumber(ref),
        value: formatNumber(base * ref),
      });
    return formatValue(base, leaf.valueKind);
  };
  if (condition.op === 'between') {
    if (ref !== undefined) {
      return label('rules.explain.between-industry', locale, {
        subject,
        min: formatNumber(condition.min),
        max: formatNumber(condition.max),
        mean: formatNumber(ref),
        lo: formatNumber(condition.min * ref),
        hi: formatNumber(condition.max * ref),
      });
    }
    return label('rules.explain.between', locale, {
      subject,
      min: bound(condition.min, leaf.lo),
      max: bound(condition.max, leaf.hi),
    });
  }
  return `${subject} ${SYMBOL[condition.op]} ${bound(condition.value, Number.isFinite(leaf.lo) ? leaf.lo : leaf.hi)}`;
}
