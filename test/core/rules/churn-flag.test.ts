import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../../core/parse/civil-day.js';
import { applyRules } from '../../../core/rules/apply-rules.js';
import { ruleChurnFlags } from '../../../core/rules/churn-flag.js';
import { RULE_PRESETS } from '../../../core/rules/rule-presets.js';
import { makeFeatures, type CustomerRow } from '../../fixtures/customer-features.js';

const AS_OF = dayFromCivil(2024, 5, 31);

describe('ruleChurnFlags (SPEC §5f rule-based churn flag)', () => {
  const rows: CustomerRow[] = [
    // High value with a complaint: primary stays high value, the churn flag is raised.
    {
      id: 'C1',
      frequency6m: 9,
      averageOrderValue: 1620,
      recencyDays: 12,
      frequency: 20,
      monetary: 30_000,
      complaints6m: 2,
      promotionsJoined6m: 0,
      couponUses: 0,
    },
    {
      id: 'C2',
      frequency6m: 0,
      averageOrderValue: 500,
      recencyDays: 120,
      frequency: 2,
      monetary: 2500,
      complaints6m: 0,
      promotionsJoined6m: 0,
      couponUses: 0,
    },
    {
      id: 'C3',
      frequency6m: 5,
      averageOrderValue: 900,
      recencyDays: 10,
      frequency: 8,
      monetary: 7000,
      complaints6m: 0,
      promotionsJoined6m: 0,
      couponUses: 0,
    },
  ];
  const features = makeFeatures(rows, AS_OF);

  it('flags customers whose churn rule matched, whatever their primary segment', () => {
    const result = applyRules(RULE_PRESETS['a-table5-rules'], features);
    const churn = ruleChurnFlags(result);
    expect(churn.rule).toBe('churn-risk');
    expect(Array.from(churn.flag)).toEqual([1, 1, 0]);
    expect(result.segments[result.segment[0]!]).toBe('high-value');
    expect(churn.explain(0)).toMatchInlineSnapshot(`"complaints 2 ≥ 1"`);
    expect(churn.explain(1, 'zh-CN')).toMatchInlineSnapshot(`"最近消费 120 天前 > 3个月（92天）；历史消费频次 2 ≤ 3"`);
    expect(churn.explain(2)).toBeNull();
  });

  it('uses each preset’s own churn rule', () => {
    const tiers = ruleChurnFlags(
      applyRules(
        RULE_PRESETS['b-maintenance-tiers'],
        makeFeatures(
          rows.map((r) => ({ ...r, referralRate: 0, repurchaseRate: 0, firstPurchaseAmount: 0 })),
          AS_OF,
        ),
      ),
    );
    expect(tiers.rule).toBe('churn-warning');
    expect(Array.from(tiers.flag)).toEqual([0, 1, 0]);
    expect(tiers.explain(1)).toMatchInlineSnapshot(`"last purchase 120 days ago > 90; cumulative spend 2,500 ≥ 2,000"`);
    const step4 = ruleChurnFlags(applyRules(RULE_PRESETS['a-step4-rules'], features));
    expect(Array.from(step4.flag)).toEqual([0, 0, 0]);
  });

  it('flags nobody for a preset without a churn rule', () => {
    const churn = ruleChurnFlags(applyRules({ id: 'x', source: 'test', segments: [{ id: 'all' }] }, features));
    expect(churn.rule).toBeUndefined();
    expect(Array.from(churn.flag)).toEqual([0, 0, 0]);
    expect(churn.explain(0)).toBeNull();
  });
});
