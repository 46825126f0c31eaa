import type { CustomerFeatures } from '../features/customer-features.js';
import { isLabelKey, label, type LabelKey, type Locale } from '../i18n/labels.js';
import { percentileRanks } from '../rfm/percentile-rank.js';
import { fieldLabel, formatNumber, readRuleField, type RuleFieldId } from '../rules/rule-fields.js';
import type { Cell } from '../table/cell.js';
import {
  INDICATOR_GROUPS,
  isQualitative,
  resolveGradingOptions,
  type GradingOptions,
  type GradingOptionsInput,
  type IndicatorGroup,
  type QualitativeField,
} from './grading-options.js';

/** One indicator as the run used it. */
export interface IndicatorUse {
  readonly field: RuleFieldId | QualitativeField;
  readonly group: IndicatorGroup;
  /** Weight inside its group after dropping unavailable indicators (sums to 1 per group); 0 = dropped. */
  readonly weight: number;
  readonly used: boolean;
  /** Why it was dropped. */
  readonly dropped?: 'column-not-found' | 'no-points-table';
  /** Customers that lacked a value (weights renormalised for them). */
  readonly missingCustomers: number;
}

/** A remark about the run (RunNote-compatible). */
export interface GradingNote {
  readonly code: 'indicator-dropped' | 'group-dropped' | 'indicator-missing' | 'not-graded';
  readonly message: string;
}

/** Scorecard result, columnar (SPEC §5e `d-grading-scorecard`). */
export interface GradingResult {
  readonly scheme: 'grading';
  /** `grade-<id>` per grade, best first, then 'unclassified' (no indicator value at all). */
  readonly segments: readonly string[];
  readonly segment: Uint8Array;
  /** Score 0–100 per customer; NaN = not graded. */
  readonly score: Float64Array;
  readonly indicators: readonly IndicatorUse[];
  /** Group weights after dropping groups without any usable indicator (sum to 1). */
  readonly groupWeights: Readonly<Record<IndicatorGroup, number>>;
  /** Bit i set = indicators[i] is used but customer c has no value for it. */
  readonly missing: Uint32Array;
  readonly notes: readonly GradingNote[];
  readonly options: GradingOptions;
  segmentLabel(s: number, locale?: Locale): string;
  /** Indicator score 0–100 of customer `c` (percentile rank or points), NaN when missing or dropped. */
  indicatorScore(c: number, indicator: number): number;
  /** Fields of the used indicators customer `c` lacks. */
  missingIndicators(c: number): string[];
  /** Localized headers: score, grade. */
  headers(locale?: Locale): string[];
  cells(c: number, locale?: Locale): Cell[];
  /** `score 72.5 = financial 80 × 0.5 + behavioural 60 × 0.3 + qualitative 70 × 0.2`, with the customer's own weights. */
  explain(c: number, locale?: Locale): string;
}

// Weighted sums are rounded to 1e-9 so a score the hand computation puts at
// exactly 70 is not graded 中 for a floating-point remainder.
const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;
const MAX_IDS_SHOWN = 5;

function indicatorName(field: string, locale: Locale): string {
  if (isQualitative(field)) return label(`column.${field}` as LabelKey, locale);
  return fieldLabel(field as RuleFieldId, locale);
}

/**
 * Grades every customer with D's weighted scorecard (SPEC §5e, defaults not
 * in source): numeric indicators score their percentile rank 0–100 (equal
 * values share a rank), qualitative ones the points of their value; a group
 * scores the weighted mean of its indicators, the customer the weighted mean
 * of its groups; grades by cut-off (default ≥ 70 高, ≥ 40 中, else 低).
 *
 * Missing data (documented handling): an indicator the table lacks (or a
 * qualitative one without a points table) is dropped and reported once, its
 * weight spread over the rest of its group; a group with nothing left is
 * dropped and its weight spread over the other groups. A customer lacking a
 * value has the same renormalisation applied to that customer alone, and is
 * counted in a per-indicator note and the `missing` mask. A customer with no
 * value at all is 'unclassified'.
 * @throws ConfigError for invalid options.
 * @example gradeCustomers(features, { groups: { qualitative: { indicators: [{ field: 'region', points: { 华东: 80 } }] } } }).score
 */
export function gradeCustomers(
  features: CustomerFeatures,
  optionsInput: GradingOptionsInput = {},
  locale: Locale = 'en',
): GradingResult {
  const options = resolveGradingOptions(optionsInput);
  const n = features.count;
  const notes: GradingNote[] = [];
  const specs = INDICATOR_GROUPS.flatMap((group) =>
    options.groups[group].indicators.map((indicator) => ({ group, indicator })),
  );

  // Indicator scores, columnar; undefined = dropped for everyone.
  const scores: (Float64Array | undefined)[] = specs.map(({ indicator }) => {
    if (isQualitative(indicator.field)) {
      const values = features.attributes[indicator.field];
      const table = indicator.points;
      if (!values || !table || (Object.keys(table).length === 0 && indicator.otherPoints === undefined))
        return undefined;
      const out = new Float64Array(n);
      for (let c = 0; c < n; c++) {
        const value = values[c]?.trim() ?? '';
        const given = value !== '' && Object.prototype.hasOwnProperty.call(table, value) ? table[value] : undefined;
        out[c] = given ?? (value !== '' && indicator.otherPoints !== undefined ? indicator.otherPoints : Number.NaN);
      }
      return out;
    }
    const column = readRuleField(features, indicator.field as RuleFieldId);
    return column ? percentileRanks(column, indicator.direction) : undefined;
  });

  const used = scores.map((s) => s !== undefined);
  const groupWeight = (g: IndicatorGroup): number => options.groups[g].weight;
  const liveGroups = INDICATOR_GROUPS.filter(
    (g) => specs.some((s, i) => s.group === g && used[i]) && groupWeight(g) > 0,
  );
  const liveTotal = liveGroups.reduce((a, g) => a + groupWeight(g), 0);
  const groupWeights = Object.fromEntries(
    INDICATOR_GROUPS.map((g) => [g, liveGroups.includes(g) && liveTotal > 0 ? groupWeight(g) / liveTotal : 0]),
  ) as Record<IndicatorGroup, number>;
  const inGroupTotal = Object.fromEntries(
    INDICATOR_GROUPS.map((g) => [
      g,
      specs.reduce((a, s, i) => a + (s.group === g && used[i] ? s.indicator.weight : 0), 0),
    ]),
  ) as Record<IndicatorGroup, number>;

  specs.forEach(({ group, indicator }, i) => {
    // An indicator of a zero-weight group is switched off, not missing.
    if (used[i] || groupWeight(group) === 0) return;
    const reason =
      isQualitative(indicator.field) && features.attributes[indicator.field]
        ? 'grading.note.no-points'
        : 'grading.note.column-not-found';
    notes.push({
      code: 'indicator-dropped',
      message: label(reason, locale, { indicator: indicatorName(indicator.field, locale) }),
    });
  });
  for (const g of INDICATOR_GROUPS) {
    if (!liveGroups.includes(g) && groupWeight(g) > 0)
      notes.push({
        code: 'group-dropped',
        message: label('grading.note.group-dropped', locale, { group: label(`grading.group.${g}`, locale) }),
      });
  }

  // Per customer: group score = Σ w s / Σ w over present indicators; score = Σ W S / Σ W over present groups.
  const score = new Float64Array(n);
  const missing = new Uint32Array(n);
  const missingCount = new Int32Array(specs.length);
  const missingIds: string[][] = specs.map(() => []);
  const groupIndex = specs.map((s) => INDICATOR_GROUPS.indexOf(s.group));
  const sumWS = new Float64Array(3),
    sumW = new Float64Array(3);
  for (let c = 0; c < n; c++) {
    sumWS.fill(0);
    sumW.fill(0);
    for (let i = 0; i < specs.length; i++) {
      const column = scores[i];
      if (!column) continue;
      const s = column[c]!;
      if (Number.isNaN(s)) {
        missing[c] = (missing[c]! | (1 << i)) >>> 0;
        missingCount[i]!++;
        if (missingIds[i]!.length < MAX_IDS_SHOWN) missingIds[i]!.push(features.ids[c]!);
        continue;
      }
      const w = specs[i]!.indicator.weight;
      sumWS[groupIndex[i]!]! += w * s;
      sumW[groupIndex[i]!]! += w;
    }
    let total = 0,
      weights = 0;
    for (let g = 0; g < 3; g++) {
      const W = groupWeights[INDICATOR_GROUPS[g]!];
      if (sumW[g]! > 0 && W > 0) {
        total += W * (sumWS[g]! / sumW[g]!);
        weights += W;
      }
    }
    score[c] = weights > 0 ? round9(total / weights) : Number.NaN;
  }
  specs.forEach(({ indicator }, i) => {
    if (missingCount[i]! === 0) return;
    const ids = missingIds[i]!.join(', ') + (missingCount[i]! > MAX_IDS_SHOWN ? ', …' : '');
    notes.push({
      code: 'indicator-missing',
      message: label('grading.note.missing', locale, {
        indicator: indicatorName(indicator.field, locale),
        count: missingCount[i]!,
        ids,
      }),
    });
  });

  const grades = options.grades;
  const segments = [...grades.map((g) => `grade-${g.id}`), 'unclassified'];
  const segment = new Uint8Array(n);
  let ungraded = 0;
  for (let c = 0; c < n; c++) {
    const s = score[c]!;
    if (Number.isNaN(s)) {
      segment[c] = grades.length;
      ungraded++;
      continue;
    }
    let g = grades.length - 1;
    for (let j = 0; j < grades.length; j++) {
      if (s >= grades[j]!.min) {
        g = j;
        break;
      }
    }
    segment[c] = g;
  }
  if (ungraded > 0)
    notes.push({ code: 'not-graded', message: label('grading.note.not-graded', locale, { count: ungraded }) });

  const indicators: IndicatorUse[] = specs.map(({ group, indicator }, i) => ({
    field: indicator.field,
    group,
    weight: used[i] && inGroupTotal[group] > 0 ? indicator.weight / inGroupTotal[group] : 0,
    used: used[i]!,
    ...(used[i]
      ? {}
      : {
          dropped:
            isQualitative(indicator.field) && features.attributes[indicator.field]
              ? ('no-points-table' as const)
              : ('column-not-found' as const),
        }),
    missingCustomers: missingCount[i]!,
  }));

  const segmentLabel = (s: number, l: Locale = locale): string => {
    const grade = grades[s];
    if (!grade) return label('segment.unclassified', l);
    if (grade.label) return l === 'zh-CN' ? grade.label.zh : grade.label.en;
    const key = `segment.grade-${grade.id}`;
    return isLabelKey(key) ? label(key, l) : grade.id;
  };
  const indicatorScore = (c: number, i: number): number => scores[i]?.[c] ?? Number.NaN;

  return {
    scheme: 'grading',
    segments,
    segment,
    score,
    indicators,
    groupWeights,
    missing,
    notes,
    options,
    segmentLabel,
    indicatorScore,
    missingIndicators: (c) => specs.flatMap((s, i) => ((missing[c]! & (1 << i)) !== 0 ? [s.indicator.field] : [])),
    headers: (l = locale) => [label('column.gradeScore', l), label('column.grade', l)],
    cells: (c, l = locale) => [
      Number.isNaN(score[c]!) ? null : Math.round(score[c]! * 100) / 100,
      segmentLabel(segment[c]!, l),
    ],
    explain: (c, l = locale) => {
      if (Number.isNaN(score[c]!)) return label('grading.explain.not-graded', l);
      const parts: string[] = [];
      let weights = 0;
      const groupScores = INDICATOR_GROUPS.map((g, gi) => {
        let ws = 0,
          w = 0;
        specs.forEach((s, i) => {
          const v = indicatorScore(c, i);
          if (groupIndex[i] === gi && !Number.isNaN(v)) {
            ws += s.indicator.weight * v;
            w += s.indicator.weight;
          }
        });
        const W = groupWeights[g];
        if (w > 0 && W > 0) weights += W;
        return w > 0 && W > 0 ? ws / w : Number.NaN;
      });
      INDICATOR_GROUPS.forEach((g, gi) => {
        const S = groupScores[gi]!;
        if (!Number.isNaN(S))
          parts.push(
            `${label(`grading.group.${g}`, l)} ${formatNumber(round9(S))} × ${formatNumber(round9(groupWeights[g] / weights))}`,
          );
      });
      return label('grading.explain', l, { score: formatNumber(score[c]!), parts: parts.join(' + ') });
    },
  };
}
