import { describe, expect, it } from 'vitest';
import { createRng, formatDay, segmentTable, type Cell } from '../../../core/index.js';
import { prepareSnapshot } from '../../../bot/store/snapshot-from-result.js';
import { SqliteStore } from '../../../bot/store/sqlite-store.js';

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
  it('ranks churn by value at risk when a reliable lifetime model can be fitted', () => {
    const result = segmentTable(['Customer ID', 'Account manager', 'Order date', 'Amount'], transactions(), { today: '2026-12-01' }, { keepPurchaseDays: true });
    const prepared = prepareSnapshot(result, 'orders.csv', '2026-11-01T00:00:00Z');
    expect(prepared.modelNotes).toEqual([]);
    expect(prepared.snapshot.churnSource).toBe('model');
    const store = new SqliteStore(':memory:');
    const snapshot = store.addSnapshot(prepared.snapshot, prepared.customers);
    const { customers, total } = store.churnRisks({ snapshotId: snapshot.id, owner: 'Maria', limit: 20, offset: 0, today: '2026-11-25' });
    expect(total).toBeGreaterThan(0);
    expect(customers.every((c) => c.owner === 'Maria' && c.churnProbability !== null && c.valueAtRisk !== null)).toBe(true);
    const values = customers.map((c) => c.valueAtRisk!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    store.close();
  });

  it('falls back to the SPEC rule, and says why, without purchase days', () => {
    const result = segmentTable(['Customer ID', 'Account manager', 'Order date', 'Amount'], transactions().slice(0, 50), { today: '2026-12-01' });
    const prepared = prepareSnapshot(result, 'orders.csv', 'x');
    expect(prepared.snapshot.churnSource).toBe('spec-rule');
    expect(prepared.modelNotes[0]).toMatch(/without purchase days/);
  });

  it('falls back when the model is not reliable (few repeat buyers)', () => {
    const result = segmentTable(['Customer ID', 'Account manager', 'Order date', 'Amount'], transactions().slice(0, 300), { today: '2026-12-01' }, { keepPurchaseDays: true });
    const prepared = prepareSnapshot(result, 'orders.csv', 'x');
    expect(prepared.snapshot.churnSource).toBe('spec-rule');
    expect(prepared.modelNotes.join(' ')).toMatch(/repeat buyers/);
  });
});
