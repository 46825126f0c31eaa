import { describe, expect, it } from 'vitest';
import {
  bgNbdConditionalExpectedPurchases,
  churnReasonsOf,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  gammaGammaExpectedValue,
  LifetimeModelError,
  MONTH_LENGTH,
  rankByValueAtRisk,
  scoreLifetimes,
  summaryFromColumns,
  type LifetimeSummary,
} from '../../../core/lifetime/index.js';
import { OptionsError } from '../../../core/segment/segment-options.js';
import { rawSummary } from './cdnow.js';

// Fitted once for the file on the summary built from the raw sample.
const { summary, segmentation } = rawSummary();
const models = { transactions: fitBgNbd(summary), spend: fitGammaGamma(summary) };
const scores = scoreLifetimes(summary, models, { horizonMonths: 12, monthlyDiscountRate: 0.01 });
const at = (id: string): number => summary.ids.indexOf(id);

describe('scoreLifetimes on CDNOW', () => {
  it('computes CLV the lifetimes way: Σ monthly expected purchases × expected value / 1.01^m', () => {
    const c = at('1'); // x = 2, t_x = 30.43, T = 38.86, m = 22.345
    const value = gammaGammaExpectedValue(models.spend.params, 2, summary.monetaryValue[c]!);
    let clv = 0,
      previous = 0;
    for (let m = 1; m <= 12; m++) {
      const cumulative = bgNbdConditionalExpectedPurchases(
        models.transactions.params,
        m * MONTH_LENGTH.weeks,
        2,
        summary.recency[c]!,
        summary.age[c]!,
      );
      clv += ((cumulative - previous) * value) / 1.01 ** m;
      previous = cumulative;
    }
    expect(scores.clv[c]).toBeCloseTo(clv, 10);
    expect(scores.expectedPurchases[c]).toBeCloseTo(previous, 10);
    expect(scores.expectedValue[c]).toBeCloseTo(value, 12);
    expect(scores.pAlive[c]).toBeCloseTo(0.7266, 3);
    expect(scores.horizon).toBeCloseTo(12 * 4.345, 12);
  });

  it('value at risk = (1 − P(alive)) × CLV, everything finite and non-negative', () => {
    for (let c = 0; c < scores.count; c++) {
      expect(scores.valueAtRisk[c]).toBeCloseTo((1 - scores.pAlive[c]!) * scores.clv[c]!, 10);
      expect(scores.clv[c]).toBeGreaterThanOrEqual(0);
      expect(scores.pAlive[c]).toBeGreaterThanOrEqual(0);
      expect(scores.pAlive[c]).toBeLessThanOrEqual(1);
    }
  });

  it('grows CLV with the horizon and shrinks it with the discount rate', () => {
    const longer = scoreLifetimes(summary, models, { horizonMonths: 24 });
    const dearer = scoreLifetimes(summary, models, { horizonMonths: 12, monthlyDiscountRate: 0.05 });
    for (let c = 0; c < scores.count; c++) {
      expect(longer.clv[c]).toBeGreaterThanOrEqual(scores.clv[c]!);
      expect(dearer.clv[c]).toBeLessThanOrEqual(scores.clv[c]! * (1 + 1e-12));
    }
  });

  it('labels churn risk by P(alive) < threshold or the SPEC rule, with reasons', () => {
    expect(scores.labelSource).toBe('model');
    expect(scores.reliability.reliable).toBe(true);
    for (let c = 0; c < scores.count; c++) {
      const byModel = scores.pAlive[c]! < 0.3;
      expect(scores.churnRisk[c]).toBe(byModel || scores.specRule[c]! !== 0 ? 1 : 0);
    }
    const c = at('2'); // x = 1, last purchase in week 2: P(alive) ≈ 0.21 and silent for months
    expect(churnReasonsOf(scores, c)).toEqual([
      { code: 'p-alive', pAlive: scores.pAlive[c], threshold: 0.3 },
      { code: 'spec-rule', rules: ['inactive-low-frequency'] },
    ]);
    expect(churnReasonsOf(scores, at('1'))).toEqual([]);
    const strict = scoreLifetimes(summary, models, { pAliveThreshold: 0.8 });
    expect(strict.churnRisk.reduce((a, b) => a + b, 0)).toBeGreaterThan(scores.churnRisk.reduce((a, b) => a + b, 0));
  });

  it('evaluates the SPEC rule at the calibration end when no tags are given (as-of 1997-10-01, 3 months = 92 days)', () => {
    // Customer 3: one purchase on 1997-01-01 → 273 days silent, 1 purchase ≤ 3: flagged.
    expect(scores.specRule[at('3')]).toBe(1);
    // Customer 6: 8 purchases: never the SPEC low-frequency rule.
    expect(summary.frequency[at('6')]).toBe(7);
    expect(scores.specRule[at('6')]).toBe(0);
    expect(scores.notes).toContain(
      'The rule-based churn rules are evaluated at the calibration end from purchase history only (no complaint data).',
    );
  });

  it('takes the SPEC reasons from the segmentation tags, through the summary’s source index', () => {
    const tags = segmentation.tags.churnReasons;
    const withTags = scoreLifetimes(summary, models, { specChurnReasons: tags });
    for (let i = 0; i < summary.count; i++) expect(withTags.specRule[i]).toBe(tags[summary.sourceIndex![i]!]! & 3);
    expect(() => scoreLifetimes(summary, models, { specChurnReasons: tags.subarray(0, 10) })).toThrow(
      LifetimeModelError,
    );
  });

  it('falls back to the SPEC rule, visibly, when the data are too thin', () => {
    const thin = subset(summary, 400);
    const fallback = scoreLifetimes(thin, models);
    expect(fallback.reliability.reliable).toBe(false);
    expect(fallback.reliability.reasons.map((r) => r.code)).toEqual(['few-repeat-buyers']);
    expect(fallback.labelSource).toBe('spec-rule');
    expect(fallback.notes[0]).toMatch(
      /^Model unreliable: Only \d+ repeat buyers .* Churn risk falls back to the rule-based churn rules/,
    );
    for (let c = 0; c < thin.count; c++) {
      expect(fallback.churnReason[c]! & 1).toBe(0);
      expect(fallback.churnRisk[c]).toBe(fallback.specRule[c] ? 1 : 0);
    }
  });

  it('validates options', () => {
    expect(() => scoreLifetimes(summary, models, { horizonMonths: 0 })).toThrow(OptionsError);
    expect(() => scoreLifetimes(summary, models, { pAliveThreshold: 2 })).toThrow(OptionsError);
    expect(() => scoreLifetimes(summary, models, { specChurnReasons: 'x' as never })).toThrow(OptionsError);
  });

  it('scores with MBG/NBD too (one-time buyers get P(alive) < 1)', () => {
    const mbg = scoreLifetimes(summary, { transactions: fitMbgNbd(summary), spend: models.spend });
    expect(mbg.model).toBe('mbg-nbd');
    expect(mbg.pAlive[at('3')]).toBeLessThan(1);
    expect(scores.pAlive[at('3')]).toBe(1);
  });
});

describe('rankByValueAtRisk', () => {
  it('orders by value at risk, highest first, ties by id', () => {
    const order = rankByValueAtRisk(scores);
    expect(order).toHaveLength(scores.count);
    for (let k = 1; k < order.length; k++) {
      const prev = scores.valueAtRisk[order[k - 1]!]!,
        next = scores.valueAtRisk[order[k]!]!;
      expect(prev).toBeGreaterThanOrEqual(next);
      if (prev === next) expect(scores.ids[order[k - 1]!]! < scores.ids[order[k]!]!).toBe(true);
    }
    // BG/NBD one-time buyers are "alive" (P = 1): value at risk 0, a big tie broken by id.
    const zeros = [...order].filter((c) => scores.valueAtRisk[c] === 0).map((c) => scores.ids[c]!);
    expect(zeros.length).toBeGreaterThan(1000);
    expect(zeros).toEqual([...zeros].sort());
    expect(zeros[0]).toBe('10'); // string order: '10' < '1001' < … < '3'
  });

  it('keeps only flagged customers and a limit when asked (the bot’s churn list)', () => {
    const list = rankByValueAtRisk(scores, { atRiskOnly: true, limit: 5 });
    expect(list).toHaveLength(5);
    for (const c of list) expect(scores.churnRisk[c]).toBe(1);
    expect(rankByValueAtRisk(scores, { atRiskOnly: true })[0]).toBe(list[0]);
  });
});

describe('intervals (parametric bootstrap)', () => {
  const withIntervals = scoreLifetimes(summary, models, { intervals: { draws: 60, level: 0.9, seed: 7 } });
  const intervals = withIntervals.intervals!;

  it('brackets the point estimates and is deterministic by seed', () => {
    expect(intervals).toMatchObject({ method: 'parametric-bootstrap', draws: 60, level: 0.9, seed: 7 });
    let inside = 0;
    for (let c = 0; c < summary.count; c++) {
      expect(intervals.pAliveLow[c]).toBeLessThanOrEqual(intervals.pAliveHigh[c]!);
      expect(intervals.clvLow[c]).toBeLessThanOrEqual(intervals.clvHigh[c]!);
      if (intervals.clvLow[c]! <= withIntervals.clv[c]! && withIntervals.clv[c]! <= intervals.clvHigh[c]!) inside++;
    }
    expect(inside / summary.count).toBeGreaterThan(0.95);
    expect(intervals.pAliveLow[at('3')]).toBe(1); // BG/NBD one-time buyer: P(alive) = 1 for every draw
    const again = scoreLifetimes(summary, models, { intervals: { draws: 60, level: 0.9, seed: 7 } }).intervals!;
    expect(again.clvHigh).toEqual(intervals.clvHigh);
    expect(scores.intervals).toBeUndefined();
  });

  it('widens with the level', () => {
    const wide = scoreLifetimes(summary, models, { intervals: { draws: 60, level: 0.99, seed: 7 } }).intervals!;
    const c = at('1');
    expect(wide.clvHigh[c]! - wide.clvLow[c]!).toBeGreaterThan(intervals.clvHigh[c]! - intervals.clvLow[c]!);
  });
});

/** The first `n` customers of a summary as a new summary. */
function subset(s: LifetimeSummary, n: number): LifetimeSummary {
  return summaryFromColumns({
    ids: s.ids.slice(0, n),
    unit: s.unit,
    frequency: s.frequency.subarray(0, n),
    recency: s.recency.subarray(0, n),
    age: s.age.subarray(0, n),
    monetaryValue: s.monetaryValue.subarray(0, n),
  });
}
