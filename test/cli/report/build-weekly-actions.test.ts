import { describe, expect, it } from 'vitest';
import { segmentTable } from '../../../core/index.js';
import { buildWeeklyActions } from '../../../cli/report/build-weekly-actions.js';
import { HEADER, ROWS } from '../../bot/fixtures.js';

const run = (header = HEADER, rows = ROWS) => segmentTable(header, rows, { asOf: '2026-11-01', today: '2026-11-25' });

const WIN_BACK = '"Welcome back" gift pack; phone call within 3 days to learn why they stopped (Phone + SMS)';
const COUPON = 'Coupon "200 off 1,000"; invitation to the new-product launch (SMS + app push)';

describe('buildWeeklyActions', () => {
  // The bot fixture, checked by hand: Maria's at-risk customers are C005 (30,000) and C002 (5,000), David's C004
  // (20,000) and C003 (800); customer rows have no purchase history, so the rules decide and the value at risk is
  // the lifetime spend (no first purchase date: one year).
  it('lists each owner’s at-risk customers by value at risk, names masked, with the suggested action', () => {
    const weekly = buildWeeklyActions(run(), 'en');
    expect(weekly.basis).toBe('yearly-spend');
    expect(weekly.owners.map((o) => [o.owner, o.customers, o.atRisk, o.valueAtRisk, o.groupCounts.join(' ')])).toEqual([
      ['Maria', 3, 2, 35_000, '1 0 2 0'],
      ['David', 3, 2, 20_800, '1 2 0 0'],
    ]);
    expect(weekly.owners[0]!.top).toEqual([
      { customerId: 'C005', name: '*', segment: 'At risk', probability: NaN, valueAtRisk: 30_000, action: WIN_BACK },
      {
        customerId: 'C002',
        name: 'B公司',
        segment: 'Hibernating',
        probability: NaN,
        valueAtRisk: 5000,
        action: WIN_BACK,
      },
    ]);
    expect(weekly.owners[1]!.top.map((c) => [c.customerId, c.name, c.valueAtRisk, c.action])).toEqual([
      ['C004', '*女士', 20_000, COUPON],
      ['C003', 'Company B', 800, COUPON],
    ]);
  });

  it('gives each strategy group its size, at-risk count, goal, KPI and next due date', () => {
    const weekly = buildWeeklyActions(run(), 'zh-CN');
    expect(weekly.groups.map((g) => [g.group, g.customers, g.atRisk, g.kpi, g.dueDate])).toEqual([
      ['high-value', 2, 0, '复购率、客单价增长率', '2026-11-30'],
      ['potential', 2, 2, '转化率、优惠券核销率', '2027-01-31'],
      ['churn-risk', 2, 2, '挽回客户数、复购率', '2026-11-15'],
      ['price-sensitive', 0, 0, '活动参与人数、频次增长率', ''],
    ]);
    expect(weekly.owners[0]!.top[0]!.action).toBe('赠送「回归专享礼包」；3天内电话回访了解流失原因（电话 + 短信）');
    expect(weekly.ungrouped).toBe(0);
  });

  it('keeps one block for everyone without an owner column, and only the top n', () => {
    const header = HEADER.filter((h) => h !== 'Account manager');
    const rows = ROWS.map((row) => row.filter((_, i) => i !== 2));
    const weekly = buildWeeklyActions(run(header, rows), 'en', 3);
    expect(weekly.owners).toHaveLength(1);
    expect(weekly.owners[0]!.owner).toBeNull();
    expect(weekly.owners[0]!.atRisk).toBe(4);
    expect(weekly.owners[0]!.top.map((c) => c.customerId)).toEqual(['C005', 'C004', 'C002']);
  });
});
