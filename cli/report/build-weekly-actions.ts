import {
  describeCustomer,
  label,
  maskName,
  type Locale,
  type SegmentationResult,
  STRATEGY_GROUPS,
  type StrategyGroup,
  strategyLabelKeys,
} from '../../core/index.js';

/** One at-risk customer on an owner's list for the week. */
export interface WeeklyActionCustomer {
  readonly customerId: string;
  /** Masked (「*先生」, 「A公司」) as in any shared document; null when the data has no name. */
  readonly name: string | null;
  readonly segment: string;
  /** P(no purchase in the horizon), 0–1; NaN for a rule-based decision. */
  readonly probability: number;
  /** What losing the customer would cost: see WeeklyActions.basis. */
  readonly valueAtRisk: number;
  /** The suggested action: the measures and channel of the customer's strategy group. */
  readonly action: string;
}

/** An owner's block: everyone at risk, the value at stake, the top customers and the strategy-group counts. */
export interface OwnerActions {
  /** The account manager; null = the data has no owner column (one block for everyone); '' = no owner given. */
  readonly owner: string | null;
  readonly customers: number;
  readonly atRisk: number;
  readonly valueAtRisk: number;
  readonly top: readonly WeeklyActionCustomer[];
  /** Customers per strategy group, in STRATEGY_GROUPS order. */
  readonly groupCounts: readonly number[];
}

/** A strategy group's line: its customers and how its work is measured (SPEC §7 Table 6). */
export interface GroupActions {
  readonly group: StrategyGroup;
  readonly customers: number;
  readonly atRisk: number;
  readonly goal: string;
  readonly kpi: string;
  readonly measures: string;
  /** The group's next due date (YYYY-MM-DD) from the analysis date, '' without one. */
  readonly dueDate: string;
}

/** The report's first section: what each owner should do this week. */
export interface WeeklyActions {
  /**
   * How the value at risk is measured: 'expected-loss' = the engine's churn
   * probability × spend in the last 12 months; 'yearly-spend' (no
   * probability: a rule-based decision) = lifetime spend per year as a
   * customer (lifetime spend ÷ years since the first purchase, at least one).
   */
  readonly basis: 'expected-loss' | 'yearly-spend';
  readonly owners: readonly OwnerActions[];
  readonly groups: readonly GroupActions[];
  /** Customers in no strategy group (no row of Table 6 applies). */
  readonly ungrouped: number;
}

const CHURN_GROUP = STRATEGY_GROUPS.indexOf('churn-risk');

/** The suggested action of a strategy group: its Table 6 measures and channel, as the bot words it. */
export function groupAction(group: StrategyGroup, locale: Locale): string {
  const keys = strategyLabelKeys(group);
  const channel = label(keys.channel, locale);
  return `${label(keys.measures, locale)}${locale === 'zh-CN' ? `（${channel}）` : ` (${channel})`}`;
}

/**
 * What to do this week, from the run's one churn truth (result.churn): per
 * owner (account manager column; one block when there is none) the at-risk
 * customers ranked by value at risk (ties: higher churn probability, then
 * id), the `top` of them with their suggested action, and the owner's count
 * per strategy group; then each strategy group's size, goal and KPI. Owners
 * are ordered by value at risk, largest first; names are masked.
 * @example buildWeeklyActions(result, 'zh-CN').owners[0].top[0].action
 */
export function buildWeeklyActions(result: SegmentationResult, locale: Locale, top = 5): WeeklyActions {
  const { features, scheme, churn } = result;
  const n = features.count;
  const hasProbability = churn.probability.some((p) => Number.isFinite(p));
  const basis = hasProbability ? 'expected-loss' : 'yearly-spend';
  const valueAtRisk = (c: number): number => {
    if (basis === 'expected-loss') return Number.isFinite(churn.expectedLoss[c]!) ? churn.expectedLoss[c]! : 0;
    const spend = features.monetary[c]!;
    if (!Number.isFinite(spend)) return 0;
    const years = features.tenureDays[c]! / 365;
    return spend / (Number.isFinite(years) ? Math.max(1, years) : 1);
  };
  const owners = features.attributes.accountManager;
  const names = features.attributes.customerName;
  const companies = features.attributes.company;
  const groupOf = (c: number): number => (scheme.strategy[c]! < STRATEGY_GROUPS.length ? scheme.strategy[c]! : -1);

  interface Block {
    owner: string | null;
    customers: number;
    atRisk: number[];
    valueAtRisk: number;
    groupCounts: number[];
  }
  const blocks = new Map<string | null, Block>();
  const groupCustomers = new Array<number>(STRATEGY_GROUPS.length).fill(0);
  const groupAtRisk = new Array<number>(STRATEGY_GROUPS.length).fill(0);
  const groupExample = new Array<number>(STRATEGY_GROUPS.length).fill(-1);
  let ungrouped = 0;
  const value = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const owner = owners ? (owners[c]?.trim() ?? '') : null;
    let block = blocks.get(owner);
    if (!block) {
      block = { owner, customers: 0, atRisk: [], valueAtRisk: 0, groupCounts: STRATEGY_GROUPS.map(() => 0) };
      blocks.set(owner, block);
    }
    block.customers++;
    const g = groupOf(c);
    if (g >= 0) {
      block.groupCounts[g]!++;
      groupCustomers[g]!++;
      if (groupExample[g] === -1) groupExample[g] = c;
    } else ungrouped++;
    if (churn.atRisk[c] === 1) {
      value[c] = valueAtRisk(c);
      block.atRisk.push(c);
      block.valueAtRisk += value[c]!;
      if (g >= 0) groupAtRisk[g]!++;
    }
  }
  const probabilityOf = (c: number): number =>
    Number.isFinite(churn.probability[c]!) ? churn.probability[c]! : Number.NEGATIVE_INFINITY;
  const byRisk = (a: number, b: number): number =>
    value[b]! - value[a]! ||
    probabilityOf(b) - probabilityOf(a) ||
    (features.ids[a]! < features.ids[b]! ? -1 : features.ids[a]! > features.ids[b]! ? 1 : 0);

  const ownerList = [...blocks.values()]
    .sort(
      (a, b) =>
        b.valueAtRisk - a.valueAtRisk ||
        b.atRisk.length - a.atRisk.length ||
        // '' (no owner) last among equals; then by name.
        (a.owner === '' ? 1 : 0) - (b.owner === '' ? 1 : 0) ||
        String(a.owner).localeCompare(String(b.owner)),
    )
    .map((block): OwnerActions => {
      const ranked = block.atRisk.sort(byRisk).slice(0, top);
      return {
        owner: block.owner,
        customers: block.customers,
        atRisk: block.atRisk.length,
        valueAtRisk: block.valueAtRisk,
        groupCounts: block.groupCounts,
        top: ranked.map((c, i) => {
          const g = groupOf(c);
          // A customer at risk with no strategy group still needs the win-back work of the churn-risk row.
          const group = STRATEGY_GROUPS[g >= 0 ? g : CHURN_GROUP]!;
          return {
            customerId: features.ids[c]!,
            name: maskName(companies?.[c] ?? names?.[c] ?? null, i, locale),
            segment: scheme.segmentLabel(scheme.segment[c]!, locale),
            probability: churn.probability[c]!,
            valueAtRisk: value[c]!,
            action: groupAction(group, locale),
          };
        }),
      };
    });
  const groups = STRATEGY_GROUPS.map((group, g): GroupActions => {
    const keys = strategyLabelKeys(group);
    const example = groupExample[g]!;
    return {
      group,
      customers: groupCustomers[g]!,
      atRisk: groupAtRisk[g]!,
      goal: label(keys.goal, locale),
      kpi: label(keys.kpi, locale),
      measures: groupAction(group, locale),
      dueDate: example >= 0 ? (describeCustomer(result, example, locale).strategy?.dueDate ?? '') : '',
    };
  });
  return { basis, owners: ownerList, groups, ungrouped };
}
