import { z } from 'zod';
import { rankAuc } from '../lifetime/evaluate-holdout.js';
import { LifetimeModelError } from '../lifetime/lifetime-error.js';
import { CodedError } from '../i18n/coded-error.js';
import { label, renderMessage, type LabelKey, type Message, type MessageParams } from '../i18n/labels.js';
import { parseOptions } from '../util/parse-options.js';
import { assessBtydFit, BTYD_FIT_CUSTOMERS, fitBtydAt, type BtydSummaryCache } from './btyd-churn.js';
import { applyIsotonic, fitIsotonic } from './calibrate-isotonic.js';
import { ChurnInputError } from './churn-error.js';
import { indexPurchases, spendInLastYear, type ChurnEvents, type PurchaseIndex } from './churn-events.js';
import { maxF1Threshold, precisionAtK } from './churn-metrics.js';
import { churnReasonsAt, type ChurnReasonItem } from './churn-reasons.js';
import { ruleChurnBits } from './churn-rules.js';
import { gradientBoostingCandidate } from './gradient-boosting-candidate.js';
import {
  computeOriginFeatures,
  findOriginPopulation,
  type OriginFeatures,
  type OriginPopulation,
} from './origin-features.js';
import { sampleRows } from './sample-rows.js';

/** The candidates, simplest first: a back-test tie goes to the earlier one. */
export const CHURN_MODELS = ['rules', 'cadence', 'bg-nbd', 'mbg-nbd', 'gbdt'] as const;
export type ChurnModelName = (typeof CHURN_MODELS)[number];

export type CandidateStatus = 'ok' | 'degenerate' | 'not-enough-data' | 'failed';

/** One candidate's back-test on the window (t − H, t], scored as of t − H. */
export interface ChurnCandidate {
  readonly name: ChurnModelName;
  /** Rank AUC for "no purchase in the window" (NaN when not measured). */
  readonly auc: number;
  /** Share truly lapsed among the candidate's 20 highest scores. */
  readonly precisionAt20: number;
  /** Share lapsed in the test window. */
  readonly baseRate: number;
  readonly status: CandidateStatus;
  /** Plain words: why this status (empty for a plain ok). */
  readonly reason: string;
  /** `reason` as a catalogue sentence, when it has one, for faces in other locales. */
  readonly reasonText?: Message;
}

export const CHURN_NOTE_CODES = [
  'no-events',
  'short-history',
  'few-customers',
  'few-lapsed',
  'few-active',
  'refunds-ignored',
  'future-ignored',
  'fallback',
  'never-bought',
] as const;
export type ChurnNoteCode = (typeof CHURN_NOTE_CODES)[number];
export interface ChurnNote {
  readonly code: ChurnNoteCode;
  /** English, for logs; faces render `formatNote(note, locale)`. */
  readonly message: string;
  readonly key?: LabelKey;
  readonly params?: MessageParams;
}

/** A churn note whose text comes from the catalogue (English `message` for logs). */
function churnNote(code: ChurnNoteCode, key: LabelKey, params?: MessageParams): ChurnNote {
  return { code, message: label(key, 'en', params), key, ...(params ? { params } : {}) };
}

const floatColumn = z.custom<Float64Array>((v) => v instanceof Float64Array, 'must be a Float64Array');

/** Options of `predictChurn`; every default lives here. */
export const churnOptionsSchema = z
  .object({
    /** Churn = no purchase in the next H days. */
    horizonDays: z.number().int().min(7).max(3650).default(90),
    /** Below these (per back-test window) the back-test is not trusted: cadence and rules instead. */
    minCustomers: z.number().int().min(2).default(200),
    minPerClass: z.number().int().min(1).default(20),
    /** AUCs within this of the best count as a tie, won by the simpler model. */
    tieTolerance: z.number().min(0).max(0.5).default(0.005),
    /**
     * The one churn decision. 'max-f1' (default): the probability threshold
     * with the best F1 for "lapsed" on the back-test window, so the list
     * balances missed lapsers against wasted calls on the customer's own data,
     * but never below the window's lapse rate (base rate): nobody at
     * below-average risk is listed (see maxF1Threshold);
     * 'probability': a fixed threshold; 'top': the `count` largest expected losses.
     */
    atRisk: z
      .discriminatedUnion('rule', [
        z.object({ rule: z.literal('max-f1') }).strict(),
        z.object({ rule: z.literal('probability'), threshold: z.number().min(0).max(1) }).strict(),
        z.object({ rule: z.literal('top'), count: z.number().int().min(0) }).strict(),
      ])
      .default({ rule: 'max-f1' }),
    /** Expected value over the next year per customer (CLV when the lifetime model is sound); default: spend of the last 365 days. */
    expectedValue: floatColumn.optional(),
    /** The supervised model trains on at most this many rows per origin (seeded sample; 100k keeps 1M customers fast, AUC within noise). */
    maxTrainingRows: z.number().int().min(100).default(100_000),
    /** BTYD parameters are fitted on at most this many customers per origin (seeded sample); everyone is scored. */
    maxFitCustomers: z.number().int().min(100).default(BTYD_FIT_CUSTOMERS),
    /** Candidates are trained and measured on at most this many customers per back-test window (seeded sample; AUC within ±0.005 at 200k). */
    maxBacktestRows: z.number().int().min(100).default(200_000),
    seed: z.number().int().default(42),
    /** The candidates to back-test (default all); the report lists only these. */
    models: z
      .array(z.enum(CHURN_MODELS))
      .min(1)
      .default([...CHURN_MODELS]),
  })
  .strict();

export type ChurnOptions = z.input<typeof churnOptionsSchema>;

/** Churn probabilities for everyone as of t, and how the model was chosen. */
export interface ChurnPrediction {
  readonly asOfDay: number;
  readonly horizonDays: number;
  readonly candidates: readonly ChurnCandidate[];
  /** The ranking model, or the small-data fallback (cadence probability, rules ∪ cadence decision). */
  readonly selected: ChurnModelName | 'rules-and-cadence';
  readonly fallback: boolean;
  /** The probability threshold of `atRisk` (NaN for a top-k decision). */
  readonly threshold: number;
  /** P(no purchase in the next H days) per customer; NaN for a customer who never bought (never at risk). */
  readonly churnProbability: Float64Array;
  readonly atRisk: Uint8Array;
  /** churnProbability × expected value over the next year (0 when never bought). */
  readonly expectedLoss: Float64Array;
  /** Bits of the SPEC churn rules matched as of t (CHURN_RULES order). */
  readonly ruleBits: Uint8Array;
  readonly notes: readonly ChurnNote[];
  /** Structured reasons for customer c from the inputs as of t (empty when never bought). */
  reasonsOf(c: number): ChurnReasonItem[];
}

/** What a candidate gives the back-test, and how it scores everyone as of t when chosen. */
export interface CandidateRun {
  /** Ranking score of the test origin's population (higher = more likely lapsed). */
  readonly testScore: Float64Array;
  /** Probabilities from the model trained before the test window. */
  readonly testProbability: Float64Array;
  /** Refit on the latest origin; probabilities for the population as of t. */
  final(): Float64Array;
}

/** The data every candidate sees. */
export interface BacktestData {
  readonly index: PurchaseIndex;
  readonly events: ChurnEvents;
  readonly horizonDays: number;
  readonly train: OriginFeatures & { readonly lapsed: Uint8Array };
  readonly test: OriginFeatures & { readonly lapsed: Uint8Array };
  readonly now: OriginFeatures;
  readonly nowRuleBits: Uint8Array;
  readonly maxTrainingRows: number;
  readonly maxFitCustomers: number;
  /** Rows of the test origin's full population kept in `test` (undefined = all). */
  readonly testRows: Int32Array | undefined;
  readonly seed: number;
  /** One origin's BTYD summary, shared by the BG/NBD and MBG/NBD fits there. */
  readonly btydSummary: BtydSummaryCache;
}

/**
 * Chooses a churn model by back-test on the customer's own history and
 * scores everyone as of t (issue 11). Rolling origin: candidates train on
 * features as of t − 2H with labels from [t − 2H, t − H), are measured on
 * features as of t − H against [t − H, t) (out of time), and the best AUC
 * wins (ties within `tieTolerance` to the simpler); the winner is refit on
 * the latest origin and scores features as of t. Degenerate BTYD fits never
 * rank. With too little history the cadence baseline and the SPEC rules
 * decide, with a note saying so.
 * @throws OptionsError; ChurnInputError `invalid-events`, `invalid-customer`, `invalid-value`, `invalid-attribute`.
 * @example predictChurn({ customer, day, value, customers: 3, asOfDay }).selected // 'rules-and-cadence' on a tiny table
 */
export function predictChurn(events: ChurnEvents, optionsInput: ChurnOptions = {}): ChurnPrediction {
  const options = parseOptions(churnOptionsSchema, optionsInput);
  const index = indexPurchases(events);
  const n = index.customers,
    t = index.asOfDay,
    H = options.horizonDays;
  if (options.expectedValue && options.expectedValue.length !== n) {
    throw new ChurnInputError('invalid-attribute', {
      key: 'error.churn.expected-value',
      params: { given: options.expectedValue.length, count: n },
    });
  }
  const notes: ChurnNote[] = [];
  if (index.refundsIgnored > 0)
    notes.push(churnNote('refunds-ignored', 'churn.note.refunds-ignored', { count: index.refundsIgnored }));
  if (index.futureIgnored > 0)
    notes.push(churnNote('future-ignored', 'churn.note.future-ignored', { count: index.futureIgnored }));
  const complaints = events.attributes?.complaints6m;
  const now = computeOriginFeatures(index, t, H);
  const nowRuleBits = ruleChurnBits(now, complaints);
  if (now.population.length < n)
    notes.push(churnNote('never-bought', 'churn.note.never-bought', { count: n - now.population.length }));

  const shortfall = checkHistory(index, H, options.minCustomers, options.minPerClass);
  let candidates: ChurnCandidate[];
  let selected: ChurnPrediction['selected'];
  let probability: Float64Array; // per `now` row
  let threshold = Number.NaN;
  let decideAtRisk: (p: Float64Array, r: number) => boolean;
  const fixed = options.atRisk.rule === 'probability' ? options.atRisk.threshold : undefined;

  if (shortfall.problem) {
    notes.unshift(shortfall.problem, churnNote('fallback', 'churn.note.fallback-cadence'));
    const test = shortfall.test && computeOriginFeatures(index, shortfall.test.originDay, H);
    candidates = fallbackCandidates(test as Labelled | undefined, shortfall.problem).filter((c) =>
      options.models.includes(c.name),
    );
    selected = 'rules-and-cadence';
    probability = cadenceProbability(now, H);
    threshold = fixed ?? 0.5;
    decideAtRisk = (p, r) => nowRuleBits[r] !== 0 || p[r]! >= threshold;
  } else {
    // Large windows are measured on a seeded sample: every candidate sees the same rows, and
    // only those rows get feature columns (a row's values equal the full computation's).
    const trainRows = sampleRows(shortfall.train!.population.length, options.maxBacktestRows, options.seed);
    const testRows = sampleRows(shortfall.test!.population.length, options.maxBacktestRows, options.seed + 1);
    const featuresOf = (origin: OriginPopulation, rows: Int32Array | undefined) =>
      computeOriginFeatures(index, origin.originDay, H, rows ? { origin, rows } : undefined) as Labelled;
    const train = featuresOf(shortfall.train!, trainRows);
    const test = featuresOf(shortfall.test!, testRows);
    const data: BacktestData = {
      index,
      events,
      horizonDays: H,
      train,
      test,
      now,
      nowRuleBits,
      maxTrainingRows: options.maxTrainingRows,
      maxFitCustomers: options.maxFitCustomers,
      testRows,
      seed: options.seed,
      btydSummary: { last: undefined },
    };
    const runs = new Map<ChurnModelName, CandidateRun>();
    candidates = CHURN_MODELS.filter((name) => options.models.includes(name)).map((name) =>
      runCandidate(name, data, runs),
    );
    data.btydSummary.last = undefined; // the test origin's summary is done with; a refit at t shares its own
    let final: Float64Array | undefined;
    let chosen: ChurnModelName | undefined;
    // Refitting may reveal a degenerate latest fit: then the next best ranks.
    while (final === undefined && (chosen = choose(candidates, options.tieTolerance)) !== undefined) {
      const name: ChurnModelName = chosen;
      try {
        final = runs.get(name)!.final();
      } catch (error) {
        candidates = candidates.map((c) =>
          c.name === name
            ? withReason(
                { ...c, status: statusOf(error) },
                { key: 'churn.candidate.refit-failed', params: { reason: describeText(error) } },
              )
            : c,
        );
      }
    }
    if (final === undefined || chosen === undefined) {
      // Only reachable when even the rules failed; keep the promise of the fallback.
      selected = 'rules-and-cadence';
      probability = cadenceProbability(now, H);
      threshold = fixed ?? 0.5;
      decideAtRisk = (p, r) => nowRuleBits[r] !== 0 || p[r]! >= threshold;
      notes.push(churnNote('fallback', 'churn.note.fallback-no-rank'));
    } else {
      selected = chosen;
      probability = final;
      const run = runs.get(chosen)!;
      threshold =
        fixed ??
        (options.atRisk.rule === 'max-f1'
          ? maxF1Threshold(run.testProbability, data.test.lapsed, baseRateOf(data.test.lapsed))
          : Number.NaN);
      decideAtRisk = (p, r) => p[r]! >= threshold;
    }
  }

  const churnProbability = new Float64Array(n).fill(Number.NaN);
  const atRisk = new Uint8Array(n),
    expectedLoss = new Float64Array(n),
    ruleBits = new Uint8Array(n);
  const rowOf = new Int32Array(n).fill(-1);
  const value = options.expectedValue ?? spendInLastYear(index);
  for (let r = 0; r < now.population.length; r++) {
    const c = now.population[r]!;
    rowOf[c] = r;
    churnProbability[c] = probability[r]!;
    ruleBits[c] = nowRuleBits[r]!;
    expectedLoss[c] = probability[r]! * (Number.isFinite(value[c]!) ? value[c]! : 0);
    if (options.atRisk.rule !== 'top' && decideAtRisk(probability, r)) atRisk[c] = 1;
  }
  if (options.atRisk.rule === 'top') {
    const rows = Array.from(now.population).sort((x, y) => expectedLoss[y]! - expectedLoss[x]! || x - y);
    for (let k = 0; k < Math.min(options.atRisk.count, rows.length); k++) atRisk[rows[k]!] = 1;
    threshold = Number.NaN;
  }
  return {
    asOfDay: t,
    horizonDays: H,
    candidates,
    selected,
    fallback: selected === 'rules-and-cadence',
    threshold,
    churnProbability,
    atRisk,
    expectedLoss,
    ruleBits,
    notes,
    reasonsOf: (c) => (rowOf[c]! >= 0 ? churnReasonsAt(now, rowOf[c]!, nowRuleBits[rowOf[c]!]!, complaints?.[c]) : []),
  };
}

type Labelled = OriginFeatures & { readonly lapsed: Uint8Array };

/** The back-test origins' populations (no feature columns: at 1M customers those would cost ~120 MB each). */
interface HistoryCheck {
  readonly problem?: ChurnNote;
  readonly train?: OriginPopulation & { readonly lapsed: Uint8Array };
  readonly test?: OriginPopulation & { readonly lapsed: Uint8Array };
}

/** Is there 2H of history with enough customers of both kinds in each window? */
function checkHistory(index: PurchaseIndex, H: number, minCustomers: number, minPerClass: number): HistoryCheck {
  const t = index.asOfDay;
  if (index.purchases === 0) return { problem: churnNote('no-events', 'churn.note.no-events') };
  const span = t - index.firstDay;
  const test = findOriginPopulation(index, t - H, H) as OriginPopulation & { lapsed: Uint8Array };
  if (!(index.firstDay < t - 2 * H)) {
    return {
      problem: churnNote('short-history', 'churn.note.short-history', { span, horizon: H, need: 2 * H }),
      ...(test.population.length > 0 ? { test } : {}),
    };
  }
  const train = findOriginPopulation(index, t - 2 * H, H) as OriginPopulation & { lapsed: Uint8Array };
  for (const [name, f] of [
    ['training', train],
    ['test', test],
  ] as const) {
    const m = f.population.length;
    let lapsed = 0;
    for (let r = 0; r < m; r++) lapsed += f.lapsed[r]!;
    if (m < minCustomers)
      return {
        problem: churnNote('few-customers', 'churn.note.few-customers', {
          count: m,
          window: { key: `churn.window.${name}` },
          min: minCustomers,
        }),
        test,
      };
    if (lapsed < minPerClass)
      return {
        problem: churnNote('few-lapsed', 'churn.note.few-lapsed', {
          count: lapsed,
          window: { key: `churn.window.${name}` },
          min: minPerClass,
        }),
        test,
      };
    if (m - lapsed < minPerClass)
      return {
        problem: churnNote('few-active', 'churn.note.few-active', {
          count: m - lapsed,
          window: { key: `churn.window.${name}` },
          min: minPerClass,
        }),
        test,
      };
  }
  return { train, test };
}

/** Rules and cadence measured on the test window when it has both kinds; the others not run. */
function fallbackCandidates(test: Labelled | undefined, why: ChurnNote): ChurnCandidate[] {
  return CHURN_MODELS.map((name): ChurnCandidate => {
    if ((name === 'rules' || name === 'cadence') && test) {
      const score = name === 'rules' ? flagScore(ruleChurnBits(test)) : test.silentRatio;
      return withReason({ name, ...measure(score, test.lapsed), status: 'ok' }, { key: 'churn.candidate.fallback' });
    }
    if (name === 'rules' || name === 'cadence')
      return withReason(
        { name, auc: Number.NaN, precisionAt20: Number.NaN, baseRate: Number.NaN, status: 'ok' },
        { key: 'churn.candidate.fallback-unmeasured' },
      );
    return {
      name,
      auc: Number.NaN,
      precisionAt20: Number.NaN,
      baseRate: Number.NaN,
      status: 'not-enough-data',
      reason: why.message,
      ...(why.key ? { reasonText: { key: why.key, ...(why.params ? { params: why.params } : {}) } } : {}),
    };
  });
}

function runCandidate(
  name: ChurnModelName,
  data: BacktestData,
  runs: Map<ChurnModelName, CandidateRun>,
): ChurnCandidate {
  const { test } = data;
  try {
    const run = buildRun(name, data);
    if ('key' in run)
      return withReason(
        { name, auc: Number.NaN, precisionAt20: Number.NaN, baseRate: baseRateOf(test.lapsed), status: 'degenerate' },
        run,
      );
    runs.set(name, run);
    const measured = measure(run.testScore, test.lapsed);
    if (!(measured.auc >= 0.5)) {
      return withReason(
        { name, ...measured, status: 'degenerate' },
        { key: 'churn.reason.worse-than-chance', params: { auc: measured.auc.toFixed(3) } },
      );
    }
    return { name, ...measured, status: 'ok', reason: '' };
  } catch (error) {
    return withReason(
      { name, auc: Number.NaN, precisionAt20: Number.NaN, baseRate: baseRateOf(test.lapsed), status: statusOf(error) },
      describeText(error),
    );
  }
}

/** A candidate's run, or the plain-words reason its fit is degenerate. */
function buildRun(name: ChurnModelName, data: BacktestData): CandidateRun | Message {
  const { train, test, now, horizonDays: H, index } = data;
  switch (name) {
    case 'rules':
      return calibratedRun(
        flagScore(ruleChurnBits(train)),
        flagScore(ruleChurnBits(test)),
        flagScore(data.nowRuleBits),
        train.lapsed,
        test.lapsed,
      );
    case 'cadence':
      return calibratedRun(train.silentRatio, test.silentRatio, now.silentRatio, train.lapsed, test.lapsed);
    case 'bg-nbd':
    case 'mbg-nbd': {
      const atTest = fitBtydAt(index, test.originDay, H, name, data.maxFitCustomers, data.seed, data.btydSummary);
      const degenerate = assessBtydFit(atTest.fit);
      if (degenerate) return degenerate.text;
      const testScore = data.testRows
        ? Float64Array.from(data.testRows, (r) => atTest.noPurchase[r]!)
        : atTest.noPurchase;
      return {
        testScore,
        testProbability: testScore,
        final: () => {
          const atNow = fitBtydAt(index, now.originDay, H, name, data.maxFitCustomers, data.seed, data.btydSummary);
          const latest = assessBtydFit(atNow.fit);
          if (latest) throw new DegenerateError(latest.text);
          return atNow.noPurchase;
        },
      };
    }
    case 'gbdt':
      return gradientBoostingCandidate(data);
  }
}

/** A ranking score turned into probabilities by isotonic calibration on the previous window's labels. */
function calibratedRun(
  trainScore: Float64Array,
  testScore: Float64Array,
  nowScore: Float64Array,
  trainLapsed: Uint8Array,
  testLapsed: Uint8Array,
): CandidateRun {
  return {
    testScore,
    testProbability: applyIsotonic(fitIsotonic(trainScore, trainLapsed), testScore),
    final: () => applyIsotonic(fitIsotonic(testScore, testLapsed), nowScore),
  };
}

/** The best AUC among usable candidates, ties (within `tolerance`) to the simplest. */
function choose(candidates: readonly ChurnCandidate[], tolerance: number): ChurnModelName | undefined {
  let best = Number.NEGATIVE_INFINITY;
  for (const c of candidates) if (c.status === 'ok' && c.auc > best) best = c.auc;
  return candidates.find((c) => c.status === 'ok' && c.auc >= best - tolerance)?.name;
}

function measure(score: Float64Array, lapsed: Uint8Array): { auc: number; precisionAt20: number; baseRate: number } {
  return { auc: rankAuc(score, lapsed), precisionAt20: precisionAtK(score, lapsed, 20), baseRate: baseRateOf(lapsed) };
}

function baseRateOf(lapsed: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < lapsed.length; i++) sum += lapsed[i]!;
  return lapsed.length > 0 ? sum / lapsed.length : Number.NaN;
}

/** 1 where any rule bit is set (a plain loop: `Float64Array.from` with a callback cost ~0.2 s at 200k customers × 4 calls). */
function flagScore(bits: Uint8Array): Float64Array {
  const out = new Float64Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = bits[i] !== 0 ? 1 : 0;
  return out;
}

/**
 * The fallback's probability from the customer's own rhythm g (usual gap) and
 * silence s, without labels to calibrate on: alive while s ≤ g, then fading
 * as e^{1 − s/g}; an alive customer buying as a Poisson process with rate
 * 1/g skips the next H days with probability e^{−H/g}. So
 * P(churn) = 1 − P(alive)·(1 − e^{−H/g}). A heuristic, named as such in the note.
 */
function cadenceProbability(f: OriginFeatures, H: number): Float64Array {
  const out = new Float64Array(f.population.length);
  for (let r = 0; r < out.length; r++) {
    const g = f.usualGapDays[r]!,
      s = f.recencyDays[r]!;
    const alive = Math.min(1, Math.exp(1 - s / g));
    out[r] = 1 - alive * -Math.expm1(-H / g);
  }
  return out;
}

/** A latest-window refit that turned out degenerate. */
/** A fit found degenerate only when refitted on the latest window. */
class DegenerateError extends CodedError<'degenerate'> {
  constructor(text: Message) {
    super('degenerate', text);
  }
}

/** A candidate with its reason in English and as a catalogue sentence. */
function withReason(candidate: Omit<ChurnCandidate, 'reason' | 'reasonText'>, text: Message): ChurnCandidate {
  return { ...candidate, reason: renderMessage(text, 'en'), reasonText: text };
}

function statusOf(error: unknown): CandidateStatus {
  if (error instanceof DegenerateError) return 'degenerate';
  if (
    error instanceof LifetimeModelError &&
    ['no-customers', 'too-few-customers', 'no-repeat-buyers', 'identical-customers'].includes(error.code)
  )
    return 'not-enough-data';
  return 'failed';
}

/** An error as a catalogue sentence: a CodedError's own, else its (English) message verbatim. */
function describeText(error: unknown): Message {
  if (error instanceof CodedError) return error.text;
  return { key: 'churn.candidate.error', params: { error: error instanceof Error ? error.message : String(error) } };
}
