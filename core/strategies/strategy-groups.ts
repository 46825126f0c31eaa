import { civilFromDay, dayFromCivil, daysInMonth } from '../parse/civil-day.js';
import type { LabelKey } from '../i18n/labels.js';

/** The A step 6 / Table 6 groups that carry a strategy (SPEC §7). */
export const STRATEGY_GROUPS = ['high-value', 'potential', 'churn-risk', 'price-sensitive'] as const;
export type StrategyGroup = (typeof STRATEGY_GROUPS)[number];

/** When a group's work is due (Table 6 完成时限). */
export type Deadline = { readonly kind: 'monthly'; readonly day: number } | { readonly kind: 'quarter-first-month' };

export interface StrategyDefinition {
  readonly group: StrategyGroup;
  readonly deadline: Deadline;
  readonly cadence: 'monthly' | 'quarterly';
}

/** SPEC §7 Table 6 deadlines and the cadence they imply. */
export const STRATEGIES: Readonly<Record<StrategyGroup, StrategyDefinition>> = {
  'high-value': { group: 'high-value', deadline: { kind: 'monthly', day: 30 }, cadence: 'monthly' },
  potential: { group: 'potential', deadline: { kind: 'quarter-first-month' }, cadence: 'quarterly' },
  'churn-risk': { group: 'churn-risk', deadline: { kind: 'monthly', day: 15 }, cadence: 'monthly' },
  'price-sensitive': { group: 'price-sensitive', deadline: { kind: 'monthly', day: 1 }, cadence: 'monthly' },
};

/** The label keys of a group's strategy columns. */
export function strategyLabelKeys(
  group: StrategyGroup,
): Record<'goal' | 'department' | 'measures' | 'channel' | 'owner' | 'deadline' | 'kpi', LabelKey> {
  return {
    goal: `strategy.${group}.goal`,
    department: `strategy.${group}.department`,
    measures: `strategy.${group}.measures`,
    channel: `strategy.${group}.channel`,
    owner: `strategy.${group}.owner`,
    deadline: `strategy.${group}.deadline`,
    kpi: `strategy.${group}.kpi`,
  };
}

/**
 * The next due date on or after `fromDay` for a deadline. "30th monthly" in
 * February is the month's last day (SPEC §7 default); "first month of each
 * quarter" is due at the end of January, April, July or October.
 * @example formatDay(nextDueDay({ kind: 'monthly', day: 30 }, dayOf('2026-02-10'))) === '2026-02-28'
 */
export function nextDueDay(deadline: Deadline, fromDay: number): number {
  const { year, month, day } = civilFromDay(fromDay);
  if (deadline.kind === 'monthly') {
    const due = Math.min(deadline.day, daysInMonth(year, month));
    if (day <= due) return dayFromCivil(year, month, due);
    const [y, m] = month === 12 ? [year + 1, 1] : [year, month + 1];
    return dayFromCivil(y, m, Math.min(deadline.day, daysInMonth(y, m)));
  }
  if ((month - 1) % 3 === 0) return dayFromCivil(year, month, daysInMonth(year, month));
  const next = month + (3 - ((month - 1) % 3));
  const [y, m] = next > 12 ? [year + 1, next - 12] : [year, next];
  return dayFromCivil(y, m, daysInMonth(y, m));
}
