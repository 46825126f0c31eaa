import { describe, expect, test } from 'vitest';
import {
  computeOriginFeatures,
  formatChurnReasons,
  indexPurchases,
  predictChurn,
  type ChurnEvents,
  type ChurnPrediction,
} from '../../../core/churn/index.js';
import { formatNumber } from '../../../core/rules/rule-fields.js';
import { renderMessage } from '../../../core/i18n/labels.js';
import {
  addLapsedRegular,
  AS_OF,
  btydHistory,
  oneTimeBuyers,
  rankAuc,
  regularsWhoStop,
  seasonalBuyers,
} from './generate-histories.js';

/** AUC of ranking the test window by recency alone and by (fewer) orders alone. */
function naiveAucs(events: ChurnEvents, H = 90): { recency: number; frequency: number } {
  const test = computeOriginFeatures(indexPurchases(events), events.asOfDay - H, H);
  return {
    recency: rankAuc(test.recencyDays, test.lapsed!),
    frequency: rankAuc(
      test.orders.map((x) => -x),
      test.lapsed!,
    ),
  };
}

const table = (p: ChurnPrediction): string =>
  p.candidates.map((c) => `${c.name} ${c.auc.toFixed(3)} p@20 ${c.precisionAt20.toFixed(2)} ${c.status}`).join(' | ');

function expectWellFormed(p: ChurnPrediction, customers: number): void {
  expect(p.churnProbability.length).toBe(customers);
  for (let c = 0; c < customers; c++) {
    const prob = p.churnProbability[c]!;
    if (Number.isNaN(prob)) {
      expect(p.atRisk[c]).toBe(0);
      expect(p.expectedLoss[c]).toBe(0);
    } else expect(prob >= 0 && prob <= 1).toBe(true);
  }
}

describe('generated histories with a known truth', () => {
  const btyd = btydHistory(3000, 1);
  const btydResult = predictChurn(btyd);
  test(`BTYD with dropout: a model that beats recency and frequency alone wins (${table(btydResult)})`, () => {
    const naive = naiveAucs(btyd);
    const winner = btydResult.candidates.find((c) => c.name === btydResult.selected)!;
    expect(btydResult.fallback).toBe(false);
    expect(winner.auc).toBeGreaterThan(naive.recency);
    expect(winner.auc).toBeGreaterThan(naive.frequency);
    expect(['bg-nbd', 'mbg-nbd', 'gbdt']).toContain(btydResult.selected);
    expectWellFormed(btydResult, 3000);
  });

  test('regulars who stop: BTYD does not fit cadence buying; degenerate fits are listed with a reason and never selected', () => {
    const events = regularsWhoStop(3000, 2);
    const p = predictChurn(events);
    const degenerate = p.candidates.filter((c) => c.status === 'degenerate');
    expect(degenerate.length).toBeGreaterThan(0);
    for (const c of degenerate) {
      expect(c.reason).not.toBe('');
      // The same reason for a zh-CN reader: a catalogue sentence, never blank or English.
      expect(c.reason).toBe(renderMessage(c.reasonText!, 'en'));
      expect(renderMessage(c.reasonText!, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(p.selected).not.toBe(c.name);
    }
    const winner = p.candidates.find((c) => c.name === p.selected)!;
    expect(winner.status).toBe('ok');
    const naive = naiveAucs(events);
    expect(winner.auc).toBeGreaterThan(naive.recency);
    expect(winner.auc).toBeGreaterThan(naive.frequency);
  });

  test('seasonal buyers: the winner beats recency alone (a yearly buyer silent 100 days is due in 265)', () => {
    const events = seasonalBuyers(2000, 3);
    const p = predictChurn(events);
    expect(p.candidates.find((c) => c.name === p.selected)!.auc).toBeGreaterThan(naiveAucs(events).recency);
    expectWellFormed(p, 2000);
  });

  test('all one-time buyers: nobody bought again, so a note and the fallback', () => {
    const p = predictChurn(oneTimeBuyers(1000, 4));
    expect(p.fallback).toBe(true);
    expect(p.notes.map((n) => n.code)).toEqual(['few-active', 'fallback']);
    expect(p.candidates.find((c) => c.name === 'bg-nbd')!.status).toBe('not-enough-data');
    const rules = p.candidates.find((c) => c.name === 'rules')!;
    expect(rules.reason).toMatch(/^used as the fallback/);
    expect(renderMessage(rules.reasonText!, 'zh-CN')).toMatch(/^作为兜底方案使用/);
  });

  test('same input, same output', () => {
    const again = predictChurn(btyd);
    expect(again.churnProbability).toEqual(btydResult.churnProbability);
    expect(again.candidates).toEqual(btydResult.candidates);
  });
});

describe('the lapsed regular (6 monthly orders, 6,900, silent 150 days)', () => {
  test('is at risk under the rule fallback', () => {
    const { events, customer } = addLapsedRegular(oneTimeBuyers(50, 9));
    const p = predictChurn(events);
    expect(p.selected).toBe('rules-and-cadence');
    expect(p.atRisk[customer]).toBe(1);
    expect(p.reasonsOf(customer)).toEqual([
      { code: 'silent-vs-gap', days: 150, ratio: 5, usualGap: 30 },
      { code: 'orders', orders: 6, spend: 6900 },
      { code: 'rule', rule: 'b-churn-warning' },
    ]);
    const money = (v: number): string => formatNumber(v);
    expect(formatChurnReasons(p.reasonsOf(customer).slice(0, 2), 'en', money)).toBe(
      'silent 150 days, 5× their usual 30-day gap; 6 orders, 6,900 in all',
    );
    expect(formatChurnReasons(p.reasonsOf(customer).slice(0, 2), 'zh-CN', money)).toBe(
      '已 150 天未购买，是其平时间隔（30 天）的 5 倍；共 6 单，累计 6,900',
    );
    expect(formatChurnReasons(p.reasonsOf(customer).slice(2), 'en', money)).toBe(
      'matches the rule "no purchase in 90 days, spend ≥ 2,000"',
    );
    expect(p.expectedLoss[customer]).toBeCloseTo(p.churnProbability[customer]! * 6900, 9); // all 6 orders within the last year
  });

  test('is at risk under the cadence model chosen by back-test', () => {
    const { events, customer } = addLapsedRegular(regularsWhoStop(3000, 2));
    const p = predictChurn(events, { models: ['cadence'] });
    expect(p.fallback).toBe(false);
    expect(p.selected).toBe('cadence');
    expect(p.atRisk[customer]).toBe(1);
    expect(p.churnProbability[customer]).toBeGreaterThan(0.9);
  });
});

describe('bad and thin input: a clear note and the fallback, never a crash', () => {
  const ev = (customer: number[], day: number[], value: number[], customers: number, asOfDay = AS_OF): ChurnEvents => ({
    customer: Int32Array.from(customer),
    day: Int32Array.from(day),
    value: Float64Array.from(value),
    customers,
    asOfDay,
  });
  test.each([
    ['no events at all', ev([], [], [], 3), 'no-events'],
    ['one customer', ev([0, 0, 0], [AS_OF - 400, AS_OF - 200, AS_OF - 10], [5, 5, 5], 1), 'few-customers'],
    [
      'history shorter than the horizon',
      ev([0, 1, 1], [AS_OF - 40, AS_OF - 30, AS_OF - 3], [5, 5, 5], 2),
      'short-history',
    ],
    ['no repeat buyers', oneTimeBuyers(400, 7), 'few-active'],
  ])('%s', (_, events, code) => {
    const p = predictChurn(events);
    expect(p.fallback).toBe(true);
    expect(p.notes[0]!.code).toBe(code);
    expect(p.notes.some((n) => n.code === 'fallback')).toBe(true);
    expectWellFormed(p, events.customers);
  });

  test('all lapsed: everyone stopped a year ago', () => {
    const base = btydHistory(500, 3, undefined, 730, 200);
    const keep = Array.from(base.day, (d) => d < AS_OF - 365);
    const events = {
      ...base,
      customer: base.customer.filter((_, i) => keep[i]),
      day: base.day.filter((_, i) => keep[i]),
      value: base.value.filter((_, i) => keep[i]),
    };
    const p = predictChurn(events);
    expect(p.notes[0]!.code).toBe('few-active');
    expect(p.fallback).toBe(true);
  });

  test('none lapsed: everyone buys every week', () => {
    const customer: number[] = [],
      day: number[] = [],
      value: number[] = [];
    for (let c = 0; c < 300; c++)
      for (let d = AS_OF - 400 + (c % 7); d < AS_OF; d += 7) {
        customer.push(c);
        day.push(d);
        value.push(20);
      }
    const p = predictChurn(ev(customer, day, value, 300));
    expect(p.notes[0]!.code).toBe('few-lapsed');
    expect(p.atRisk.every((x) => x === 0)).toBe(true);
  });

  test('refund-only customers are never at risk and never listed', () => {
    const p = predictChurn(ev([0, 1, 1], [AS_OF - 200, AS_OF - 300, AS_OF - 250], [-50, 40, 40], 2));
    expect(p.churnProbability[0]).toBeNaN();
    expect(p.atRisk[0]).toBe(0);
    expect(p.reasonsOf(0)).toEqual([]);
    expect(p.notes.map((n) => n.code)).toContain('refunds-ignored');
    expect(p.notes.map((n) => n.code)).toContain('never-bought');
  });

  test('options are validated at the entry, naming the key', () => {
    expect(() => predictChurn(oneTimeBuyers(5, 1), { horizonDays: 0 })).toThrow(/Option "horizonDays"/);
    expect(() => predictChurn(oneTimeBuyers(5, 1), { expectedValue: new Float64Array(2) })).toThrow(
      'Option expectedValue has 2 entries for 5 customers.',
    );
  });
});

describe('the at-risk decision', () => {
  const events = btydHistory(3000, 1);
  test('top-k lists exactly the k largest expected losses', () => {
    const p = predictChurn(events, { atRisk: { rule: 'top', count: 25 } });
    expect(p.atRisk.reduce((a, b) => a + b, 0)).toBe(25);
    const listed = Array.from(p.expectedLoss).filter((_, c) => p.atRisk[c]);
    const unlisted = Array.from(p.expectedLoss).filter((_, c) => !p.atRisk[c] && !Number.isNaN(p.churnProbability[c]!));
    expect(Math.min(...listed)).toBeGreaterThanOrEqual(Math.max(...unlisted));
  });
  test('a fixed probability threshold lists exactly the customers at or above it', () => {
    const p = predictChurn(events, { atRisk: { rule: 'probability', threshold: 0.8 } });
    for (let c = 0; c < 3000; c++) expect(p.atRisk[c]).toBe(p.churnProbability[c]! >= 0.8 ? 1 : 0);
  });
  test("expected loss uses the caller's expected value", () => {
    const value = new Float64Array(3000).fill(100);
    const p = predictChurn(events, { expectedValue: value });
    for (let c = 0; c < 3000; c += 97)
      if (!Number.isNaN(p.churnProbability[c]!))
        expect(p.expectedLoss[c]).toBeCloseTo(100 * p.churnProbability[c]!, 12);
  });
});

describe('large windows are measured on a seeded sample', () => {
  const events = btydHistory(3000, 7);
  const full = predictChurn(events, { models: ['rules', 'cadence', 'bg-nbd'] });
  const sampled = predictChurn(events, {
    models: ['rules', 'cadence', 'bg-nbd'],
    maxBacktestRows: 1500,
    maxFitCustomers: 1000,
  });

  test('scores everyone and keeps each candidate AUC close to the full back-test', () => {
    expect(sampled.churnProbability.length).toBe(full.churnProbability.length);
    for (const [i, c] of sampled.candidates.entries()) {
      expect(c.status, c.name).toBe(full.candidates[i]!.status);
      if (Number.isFinite(c.auc)) expect(Math.abs(c.auc - full.candidates[i]!.auc), c.name).toBeLessThan(0.05);
    }
  });

  test('same input, same sample, same output', () => {
    const again = predictChurn(events, {
      models: ['rules', 'cadence', 'bg-nbd'],
      maxBacktestRows: 1500,
      maxFitCustomers: 1000,
    });
    expect(again.churnProbability).toEqual(sampled.churnProbability);
    expect(again.candidates).toEqual(sampled.candidates);
  });
});
