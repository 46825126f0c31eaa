import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLabelKey } from '../../../core/i18n/labels.js';
import { civilFromDay, dayFromCivil, daysInMonth, formatDay } from '../../../core/parse/civil-day.js';
import {
  nextDueDay,
  STRATEGIES,
  STRATEGY_GROUPS,
  strategyLabelKeys,
  type Deadline,
} from '../../../core/strategies/strategy-groups.js';

const due = (deadline: Deadline, y: number, m: number, d: number): string =>
  formatDay(nextDueDay(deadline, dayFromCivil(y, m, d)));
const monthly = (day: number): Deadline => ({ kind: 'monthly', day });
const QUARTER: Deadline = { kind: 'quarter-first-month' };

describe('nextDueDay: monthly (SPEC §7 Table 6)', () => {
  it('moves the 30th to the last day of February (2026: 28th)', () => {
    expect(due(monthly(30), 2026, 2, 10)).toBe('2026-02-28');
    expect(due(monthly(30), 2026, 2, 1)).toBe('2026-02-28');
    expect(due(monthly(30), 2026, 2, 28)).toBe('2026-02-28');
  });

  it('uses the 29th of February in a leap year', () => {
    expect(due(monthly(30), 2024, 2, 10)).toBe('2024-02-29');
    expect(due(monthly(30), 2024, 2, 29)).toBe('2024-02-29');
  });

  it('is due today on the day itself and next month after it', () => {
    expect(due(monthly(30), 2026, 1, 30)).toBe('2026-01-30');
    expect(due(monthly(30), 2026, 1, 31)).toBe('2026-02-28');
    expect(due(monthly(30), 2026, 3, 31)).toBe('2026-04-30');
    expect(due(monthly(30), 2026, 12, 31)).toBe('2027-01-30');
  });

  it('handles the 15th (churn risk) and the 1st (price-sensitive)', () => {
    expect(due(monthly(15), 2026, 3, 1)).toBe('2026-03-15');
    expect(due(monthly(15), 2026, 3, 15)).toBe('2026-03-15');
    expect(due(monthly(15), 2026, 3, 16)).toBe('2026-04-15');
    expect(due(monthly(15), 2026, 12, 20)).toBe('2027-01-15');
    expect(due(monthly(1), 2026, 3, 1)).toBe('2026-03-01');
    expect(due(monthly(1), 2026, 3, 2)).toBe('2026-04-01');
    expect(due(monthly(1), 2026, 12, 31)).toBe('2027-01-01');
  });

  it('is always on or after the start, within about a month, on the wanted day or the month end (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromCivil(1950, 1, 1), max: dayFromCivil(2150, 12, 31) }),
        fc.integer({ min: 1, max: 31 }),
        (from, wanted) => {
          const result = nextDueDay(monthly(wanted), from);
          expect(result).toBeGreaterThanOrEqual(from);
          expect(result - from).toBeLessThanOrEqual(31);
          const { year, month, day } = civilFromDay(result);
          expect(day).toBe(Math.min(wanted, daysInMonth(year, month)));
        },
      ),
    );
  });
});

describe('nextDueDay: first month of each quarter', () => {
  it('is due at the end of the current month in January, April, July and October', () => {
    expect(due(QUARTER, 2026, 1, 1)).toBe('2026-01-31');
    expect(due(QUARTER, 2026, 1, 31)).toBe('2026-01-31');
    expect(due(QUARTER, 2026, 4, 10)).toBe('2026-04-30');
    expect(due(QUARTER, 2026, 7, 31)).toBe('2026-07-31');
    expect(due(QUARTER, 2026, 10, 5)).toBe('2026-10-31');
  });

  it('moves February and March to the end of April', () => {
    expect(due(QUARTER, 2026, 2, 1)).toBe('2026-04-30');
    expect(due(QUARTER, 2026, 3, 31)).toBe('2026-04-30');
    expect(due(QUARTER, 2024, 2, 29)).toBe('2024-04-30');
  });

  it('moves November and December to the end of next January', () => {
    expect(due(QUARTER, 2026, 11, 15)).toBe('2027-01-31');
    expect(due(QUARTER, 2026, 12, 31)).toBe('2027-01-31');
  });

  it('lands at a quarter-opening month end within three months (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCivil(1950, 1, 1), max: dayFromCivil(2150, 12, 31) }), (from) => {
        const result = nextDueDay(QUARTER, from);
        const { year, month, day } = civilFromDay(result);
        expect([1, 4, 7, 10]).toContain(month);
        expect(day).toBe(daysInMonth(year, month));
        expect(result).toBeGreaterThanOrEqual(from);
        expect(result - from).toBeLessThan(92);
      }),
    );
  });
});

describe('STRATEGIES', () => {
  it('holds the Table 6 deadlines and cadences', () => {
    expect(STRATEGY_GROUPS.map((g) => [g, STRATEGIES[g].deadline, STRATEGIES[g].cadence])).toEqual([
      ['high-value', { kind: 'monthly', day: 30 }, 'monthly'],
      ['potential', { kind: 'quarter-first-month' }, 'quarterly'],
      ['churn-risk', { kind: 'monthly', day: 15 }, 'monthly'],
      ['price-sensitive', { kind: 'monthly', day: 1 }, 'monthly'],
    ]);
    for (const g of STRATEGY_GROUPS) expect(STRATEGIES[g].group).toBe(g);
  });

  it('names the label keys of a group', () => {
    expect(strategyLabelKeys('churn-risk')).toEqual({
      goal: 'strategy.churn-risk.goal',
      department: 'strategy.churn-risk.department',
      measures: 'strategy.churn-risk.measures',
      channel: 'strategy.churn-risk.channel',
      owner: 'strategy.churn-risk.owner',
      deadline: 'strategy.churn-risk.deadline',
      kpi: 'strategy.churn-risk.kpi',
    });
  });

  it('has a label for every strategy column of every group', () => {
    for (const g of STRATEGY_GROUPS)
      for (const key of Object.values(strategyLabelKeys(g))) expect(isLabelKey(key), key).toBe(true);
  });
});
