import { describe, expect, it } from 'vitest';
import { createRng, formatDay, segmentTable, type Cell } from '../../../core/index.js';
import { prepareSnapshot } from '../../../bot/store/snapshot-from-result.js';
import { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { HEADER, ROWS } from '../fixtures.js';

/**
 * Seeded transactions drawn from the BG/NBD story itself: each of 900
 * customers buys at a Poisson rate (log-normal across customers) and may drop
 * out after each purchase; 2 owners, about two years of history.
 */
function transactions(): Cell[][] {
  const random = createRng(7);
  const rows: Cell[][] = [];
  const start = 20089; // 2025-01-01
  const end = start + 669;
  for (let c = 0; c < 900; c++) {
    const id = `C${String(c).padStart(4, '0')}`;
    const owner = c % 2 ? 'Maria' : 'David';
    const rate = Math.exp(random.normal() * 0.7) / 30;
    const dropout = 0.05 + 0.3 * random.next();
    // Gamma-Gamma needs spend that differs between customers, not only between orders.
    const spend = 200 * Math.exp(random.normal() * 0.6);
    let day = start + Math.floor(random.next() * 300);
    while (day <= end) {
      rows.push([id, owner, formatDay(Math.floor(day)), Math.round(spend * (0.5 + random.next()))]);
      if (random.next() < dropout) break;
      day += -Math.log(1 - random.next()) / rate;
    }
  }
  return rows;
}

describe('prepareSnapshot', () => {
  it("stores the run's one churn truth: flag, probability, expected loss, reasons and the evidence", async () => {
    const result = segmentTable(['Customer ID', 'Account manager', 'Order date', 'Amount'], transactions(), {
      today: '2026-12-01',
      currency: 'GBP',
    });
    const prepared = prepareSnapshot(result, 'orders.csv', '2026-11-01T00:00:00Z');
    const churn = result.churn;
    expect(prepared.snapshot.churnSource).toBe('model');
    expect(prepared.snapshot.currency).toEqual({ code: 'GBP', symbol: '£' });
    expect(prepared.snapshot.churn).toEqual({
      model: churn.model,
      horizonDays: 90,
      threshold: Number.isFinite(churn.threshold) ? churn.threshold : null,
      auc: churn.auc,
      precisionAt20: churn.precisionAt20,
      baseRate: churn.baseRate,
      definition: { en: churn.definition('en'), zh: churn.definition('zh-CN') },
    });
    expect(prepared.snapshot.churn!.definition.en).toMatch(/^At risk = /);
    const stored = [...prepared.customers];
    expect(stored).toHaveLength(result.features.count);
    stored.forEach((s, c) => {
      expect(s.churnRisk).toBe(churn.atRisk[c] === 1);
      expect(s.churnProbability).toBe(churn.probability[c]);
      expect(s.expectedLoss).toBe(churn.expectedLoss[c]);
      expect(s.churnReasonEn).toBe(churn.reason(c, 'en'));
      expect(s.churnReasonZh).toBe(churn.reason(c, 'zh-CN'));
    });
    expect(stored.filter((s) => s.churnRisk)).toHaveLength(churn.atRiskCount);

    const store = new SqliteStore(':memory:');
    const snapshot = await store.addSnapshot(prepared.snapshot, prepared.customers);
    expect(snapshot.churn).toEqual(prepared.snapshot.churn);
    expect(snapshot.currency).toEqual({ code: 'GBP', symbol: '£' });
    const byRisk = await store.churnRisks({
      snapshotId: snapshot.id,
      owner: 'Maria',
      limit: 20,
      offset: 0,
      today: '2026-11-25',
    });
    expect(byRisk.total).toBeGreaterThan(0);
    expect(byRisk.customers.every((c) => c.owner === 'Maria' && c.churnRisk && c.churnProbability !== null)).toBe(true);
    const p = byRisk.customers.map((c) => c.churnProbability!);
    expect(p).toEqual([...p].sort((a, b) => b - a));
    const byValue = await store.churnRisks({
      snapshotId: snapshot.id,
      owner: 'Maria',
      limit: 20,
      offset: 0,
      today: '2026-11-25',
      sort: 'value',
    });
    expect(byValue.total).toBe(byRisk.total);
    const loss = byValue.customers.map((c) => c.expectedLoss!);
    expect(loss).toEqual([...loss].sort((a, b) => b - a));
    store.close();
  });

  it('customer rows: the SPEC rule union decides, without a probability, and says why', async () => {
    const result = segmentTable(HEADER, ROWS, { asOf: '2026-11-01', today: '2026-11-25' });
    const prepared = prepareSnapshot(result, 'customers.csv', 'x');
    expect(prepared.snapshot.churnSource).toBe('spec-rule');
    expect(prepared.snapshot.churn).toMatchObject({
      model: 'rules',
      auc: null,
      precisionAt20: null,
      baseRate: null,
      threshold: null,
    });
    expect(prepared.snapshot.churn!.definition.en).toMatch(/^At risk = any rule-based churn rule matches/);
    expect(prepared.snapshot.currency).toEqual({ code: 'CNY', symbol: '¥' });
    const stored = [...prepared.customers];
    expect(stored.every((s) => s.churnProbability === null && s.expectedLoss === 0)).toBe(true);
    // The fixture's hand-checked SPEC churn risks (test/bot/fixtures.ts).
    expect(stored.filter((s) => s.churnRisk).map((s) => s.customerId)).toEqual(['C002', 'C003', 'C004', 'C005']);
  });
});
