import { churnEventsFromFeatures } from '../churn/churn-events.js';
import { churnReasonsAt, formatChurnReasons, type ChurnReasonItem } from '../churn/churn-reasons.js';
import { ruleChurnBits } from '../churn/churn-rules.js';
import type { OriginFeatures } from '../churn/origin-features.js';
import { predictChurn, type ChurnCandidate, type ChurnModelName, type ChurnNote } from '../churn/predict-churn.js';
import type { CustomerFeatures } from '../features/customer-features.js';
import { CodedError } from '../i18n/coded-error.js';
import { formatNote } from '../i18n/format-issue.js';
import { label, renderMessage, type LabelKey, type Locale } from '../i18n/labels.js';
import type { Currency } from '../money/currency.js';
import { formatMoney } from '../money/format-money.js';
import { dayFromCivil } from '../parse/civil-day.js';
import { formatNumber } from '../rules/rule-fields.js';
import { STRATEGY_GROUPS } from '../strategies/strategy-groups.js';
import type { SchemeResult } from './apply-scheme.js';
import type { SegmentOptions } from './segment-options.js';

/** A one-order customer whose order is at most this many days old is new: never at risk (data-correctness guard, SPEC §5f 新客). */
export const NEW_CUSTOMER_DAYS = 30;

/** Where the churn decision comes from. */
export type ChurnSource =
  /** predictChurn on the purchase history (a back-tested model, or its small-data fallback 'rules-and-cadence'). */
  | 'model'
  /** Union of the SPEC churn rules over the customer features: customer-row input, churn switched off, or the model failed. */
  | 'rules';

/** Name of the model behind the decision: a predictChurn candidate, its fallback, or the plain rule union. */
export type ChurnDecisionModel = ChurnModelName | 'rules-and-cadence';

/**
 * The one churn truth of a segmentation run (issue 11 §3): every face — the
 * churn column and its reason, the 【流失风险】 tag, the summary's at-risk
 * count, describeCustomer, the add-in, the report and the bot — reads it.
 * Columnar, one entry per customer index of `result.features`.
 */
export interface ChurnTruth {
  readonly source: ChurnSource;
  /** The ranking model ('rules' for the rule union; 'rules-and-cadence' for predictChurn's small-data fallback). */
  readonly model: ChurnDecisionModel;
  /** Churn = no purchase in the next `horizonDays` days. */
  readonly horizonDays: number;
  /** Probability threshold of the decision (NaN for the rule union or a top-k decision). */
  readonly threshold: number;
  /** P(no purchase in the next H days), 0–1; NaN when not available (rule union, never bought). */
  readonly probability: Float64Array;
  /** The decision: 1 = at risk. */
  readonly atRisk: Uint8Array;
  /** Number of customers with atRisk = 1: the one "at risk" count every summary shows. */
  readonly atRiskCount: number;
  /** probability × expected value over the next year (0 when unknown). */
  readonly expectedLoss: Float64Array;
  /** Back-test of the ranking model (NaN when not measured, e.g. the rule union). */
  readonly auc: number;
  readonly precisionAt20: number;
  readonly baseRate: number;
  /** Every candidate predictChurn back-tested (empty for the rule union). */
  readonly candidates: readonly ChurnCandidate[];
  readonly notes: readonly ChurnNote[];
  /** Structured reasons of customer c (silence vs usual gap, orders and spend, rules matched, complaints). */
  reasonsOf(c: number): ChurnReasonItem[];
  /**
   * The churn column's reason in words: why at risk; or, when the customer's
   * segment or strategy implies risk but the decision says no, why not; or a
   * new customer's "too early"; null otherwise.
   */
  reason(c: number, locale: Locale): string | null;
  /** One line: "At risk = P(no purchase in the next 90 days) ≥ 0.41 by gbdt (back-test AUC 0.81, …)". */
  definition(locale: Locale): string;
  /** Localized name of `model`. */
  modelLabel(locale: Locale): string;
}

const CHURN_GROUP = STRATEGY_GROUPS.indexOf('churn-risk');

/**
 * Decides churn once for a run. With purchase history (transactions, churn
 * enabled) it runs predictChurn on churnEventsFromFeatures(features);
 * otherwise — customer rows, churn switched off, or a model error (kept as a
 * note, never a crash) — the union of the SPEC churn rules over the customer
 * features decides, without a probability. A new customer (one order in the
 * last 30 days) is never at risk.
 * @example decideChurn(features, scheme, options, currency).definition('en')
 */
export function decideChurn(
  features: CustomerFeatures,
  scheme: SchemeResult,
  options: SegmentOptions,
  currency: Currency,
): ChurnTruth {
  const n = features.count;
  const { enabled, horizonDays, models } = options.churn;
  let base: Omit<ChurnTruth, 'atRiskCount' | 'reason' | 'definition' | 'modelLabel'>;
  // Why the history could not decide (fallback or rule union), shown in the definition.
  let whyText = (_l: Locale): string => '';
  if (enabled && features.purchaseDays) {
    try {
      const prediction = predictChurn(churnEventsFromFeatures(features), {
        horizonDays,
        seed: options.seed,
        ...(models ? { models } : {}),
      });
      const chosen = prediction.candidates.find((c) => c.name === prediction.selected);
      base = {
        source: 'model',
        model: prediction.selected,
        horizonDays,
        threshold: prediction.threshold,
        probability: prediction.churnProbability,
        atRisk: prediction.atRisk.slice(),
        expectedLoss: prediction.expectedLoss,
        auc: chosen?.auc ?? Number.NaN,
        precisionAt20: chosen?.precisionAt20 ?? Number.NaN,
        baseRate: chosen?.baseRate ?? Number.NaN,
        candidates: prediction.candidates,
        notes: prediction.notes,
        reasonsOf: (c) => prediction.reasonsOf(c),
      };
      if (prediction.fallback) {
        const problem = prediction.notes.find(
          (note) =>
            note.code !== 'fallback' &&
            note.code !== 'refunds-ignored' &&
            note.code !== 'future-ignored' &&
            note.code !== 'never-bought',
        );
        whyText = (l) => (problem ? formatNote(problem, l) : '');
      }
    } catch (error) {
      // A coded input error stays a catalogue sentence, so the note reads in the user's locale.
      const message = error instanceof CodedError ? error.text : error instanceof Error ? error.message : String(error);
      whyText = (l) => label('churn.why.failed', l, { error: message });
      base = ruleUnion(features, horizonDays, [
        {
          code: 'fallback',
          message: label('churn.note.model-failed', 'en', { error: message }),
          key: 'churn.note.model-failed',
          params: { error: message },
        },
      ]);
    }
  } else {
    const why = enabled ? 'churn.why.customer-rows' : 'churn.why.switched-off';
    whyText = (l) => label(why, l);
    base = ruleUnion(features, horizonDays, []);
  }

  const isNew = new Uint8Array(n);
  let atRiskCount = 0;
  for (let c = 0; c < n; c++) {
    if (features.frequency[c]! <= 1 && features.recencyDays[c]! <= NEW_CUSTOMER_DAYS) {
      isNew[c] = 1;
      base.atRisk[c] = 0;
    }
    atRiskCount += base.atRisk[c]!;
  }
  const truth = base;
  const money = (l: Locale) => (v: number) => formatMoney(v, currency, l, 0);
  const p2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '–');
  const modelLabel = (l: Locale): string => label(`churn.model.${truth.model}` as LabelKey, l);
  const impliesRisk = (c: number): boolean => scheme.strategy[c] === CHURN_GROUP || scheme.churn?.flag[c] === 1;

  function reason(c: number, l: Locale): string | null {
    if (isNew[c])
      return impliesRisk(c) || truth.source === 'model'
        ? label('churn.reason.new-customer', l, { days: formatNumber(features.recencyDays[c]!) })
        : null;
    const items = truth.reasonsOf(c);
    const words = items.length > 0 ? formatChurnReasons(items, l, money(l)) : '';
    const sep = l === 'zh-CN' ? '；' : '; ';
    const p = truth.probability[c]!;
    if (truth.atRisk[c]) {
      const head =
        Number.isFinite(p) && Number.isFinite(truth.threshold)
          ? label('churn.reason.probability', l, {
              horizon: truth.horizonDays,
              p: p2(p),
              threshold: p2(truth.threshold),
            })
          : '';
      return [head, words].filter((s) => s !== '').join(sep) || null;
    }
    if (!impliesRisk(c)) return null;
    const segment = scheme.segmentLabel(scheme.segment[c]!, l);
    const head = Number.isFinite(p)
      ? label('churn.reason.segment-not-at-risk', l, {
          segment,
          model: modelLabel(l),
          horizon: truth.horizonDays,
          p: p2(p),
          threshold: p2(truth.threshold),
        })
      : label('churn.reason.segment-no-rule', l, { segment });
    return [head, words].filter((s) => s !== '').join(sep);
  }

  function definition(l: Locale): string {
    const evidence = {
      model: modelLabel(l),
      auc: p2(truth.auc),
      p20: p2(truth.precisionAt20),
      base: p2(truth.baseRate),
      horizon: truth.horizonDays,
    };
    if (truth.source === 'rules') return label('churn.definition.rules', l, { why: whyText(l) });
    if (truth.model === 'rules-and-cadence')
      return label('churn.definition.fallback', l, { ...evidence, threshold: p2(truth.threshold), why: whyText(l) });
    if (!Number.isFinite(truth.threshold)) return label('churn.definition.top', l, { ...evidence, count: atRiskCount });
    return label('churn.definition.model', l, { ...evidence, threshold: p2(truth.threshold) });
  }

  return { ...truth, atRiskCount, reason, definition, modelLabel };
}

/**
 * The rule union over the customer features (SPEC §5b/§5f): at risk when
 * any of A step 4, A Table 5, B RFM or B churn warning matches, so a lapsed
 * high-spend regular is never missed. No probability.
 */
function ruleUnion(
  features: CustomerFeatures,
  horizonDays: number,
  notes: ChurnNote[],
): Omit<ChurnTruth, 'atRiskCount' | 'reason' | 'definition' | 'modelLabel'> {
  const n = features.count;
  const rows = originFeaturesOfCustomers(features);
  const complaints = features.behaviour.complaints6m;
  const bits = ruleChurnBits(rows, complaints);
  const atRisk = new Uint8Array(n);
  const rowOf = new Int32Array(n).fill(-1);
  for (let r = 0; r < rows.population.length; r++) {
    const c = rows.population[r]!;
    rowOf[c] = r;
    if (bits[r]) atRisk[c] = 1;
  }
  return {
    source: 'rules',
    model: 'rules',
    horizonDays,
    threshold: Number.NaN,
    probability: new Float64Array(n).fill(Number.NaN),
    atRisk,
    expectedLoss: new Float64Array(n),
    auc: Number.NaN,
    precisionAt20: Number.NaN,
    baseRate: Number.NaN,
    candidates: [],
    notes,
    reasonsOf: (c) => (rowOf[c]! >= 0 ? churnReasonsAt(rows, rowOf[c]!, bits[rowOf[c]!]!, complaints?.[c]) : []),
  };
}

// Without an analysis date recency comes from the column: any day whose previous 3 months span 90 days (2001-01-01 → 2001-04-01) keeps "3 months" = 90 days, as assignTags does.
const NO_AS_OF_ORIGIN = dayFromCivil(2001, 4, 1);

/**
 * The customer features as the churn rules and reasons read them (as of t):
 * every customer with a known recency, lifetime orders = frequency, spend =
 * net spend, the 6-month window from frequency6m / amount6m.
 */
function originFeaturesOfCustomers(features: CustomerFeatures): OriginFeatures {
  const n = features.count;
  let m = 0;
  for (let c = 0; c < n; c++) if (Number.isFinite(features.recencyDays[c]!)) m++;
  const population = new Int32Array(m);
  const col = () => new Float64Array(m);
  const recencyDays = col(),
    orders = col(),
    spend = col(),
    tenureDays = col(),
    meanGapDays = col(),
    orders6m = col(),
    spend6m = col(),
    nan = col().fill(Number.NaN);
  for (let c = 0, r = 0; c < n; c++) {
    const recency = features.recencyDays[c]!;
    if (!Number.isFinite(recency)) continue;
    const f = features.frequency[c]!,
      tenure = features.tenureDays[c]!;
    population[r] = c;
    recencyDays[r] = recency;
    orders[r] = f;
    spend[r] = features.monetary[c]!;
    tenureDays[r] = tenure;
    meanGapDays[r] = f > 1 && Number.isFinite(tenure) ? (tenure - recency) / (f - 1) : Number.NaN;
    orders6m[r] = features.frequency6m[c]!;
    spend6m[r] = features.amount6m[c]!;
    r++;
  }
  return {
    originDay: Number.isFinite(features.asOfDay) ? features.asOfDay : NO_AS_OF_ORIGIN,
    population,
    recencyDays,
    orders,
    spend,
    tenureDays,
    // Purchase days are known only with a gap (or a single order): reasons compare silence with the usual gap only then.
    purchaseDays: Float64Array.from(meanGapDays, (g, r) =>
      Number.isFinite(g) || orders[r]! <= 1 ? orders[r]! : Number.NaN,
    ),
    meanGapDays,
    lastGapDays: nan,
    usualGapDays: nan,
    silentRatio: nan,
    orders90d: nan,
    orders90to180d: nan,
    spend180d: nan,
    orders6m,
    spend6m,
    medianGapDays: Number.NaN,
  };
}

/**
 * The churn evidence every face shows, as lines: the one at-risk count with
 * its definition, then each back-tested candidate's AUC (and why a candidate
 * could not rank). Used by the CLI summary, the add-in summary sheet and the report.
 * @example churnSummaryLines(result.churn, result.features.count, 'en')[0] // 'Churn: At risk: 2,128 customers (42.6%). At risk = P(…) ≥ 0.23 by gbdt (…).'
 */
export function churnSummaryLines(churn: ChurnTruth, customers: number, locale: Locale): string[] {
  const share = customers > 0 ? `${((churn.atRiskCount / customers) * 100).toFixed(1)}%` : '–';
  const [colon, stop] = locale === 'zh-CN' ? ['：', '。'] : [': ', '. '];
  const lines = [
    `${label('summary.churn', locale)}${colon}${label('churn.summary.count', locale, { count: formatNumber(churn.atRiskCount), share })}${stop}${churn.definition(locale)}${stop.trim()}`,
  ];
  const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');
  if (churn.candidates.length > 0) {
    const name = (c: ChurnCandidate): string => label(`churn.model.${c.name}` as LabelKey, locale);
    // A reason without a catalogue sentence (an engine error's own words) is shown in English only.
    const reason = (c: ChurnCandidate): string =>
      c.reasonText ? renderMessage(c.reasonText, locale) : locale === 'en' ? c.reason : '';
    const why = (c: ChurnCandidate): string =>
      [label(`churn.status.${c.status}`, locale), reason(c)].filter((t) => t !== '').join(colon);
    const [open, close] = locale === 'zh-CN' ? ['（', '）'] : [' (', ')'];
    lines.push(
      `${label('churn.summary.candidates', locale)}${colon}${churn.candidates.map((c) => `${name(c)} ${f3(c.auc)}${c.status === 'ok' ? '' : `${open}${why(c)}${close}`}`).join(' · ')}`,
    );
  }
  return lines;
}
