import { describe, expect, it } from 'vitest';
import type { BehaviourField, CustomerFeatures } from '../../../core/features/customer-features.js';
import { addMonths, dayFromCivil } from '../../../core/parse/civil-day.js';
import { assignTags, hasTag, TAG_IDS, tagsOf, type TagId } from '../../../core/tags/assign-tags.js';

/** One customer as the tag rules see it; behaviour columns are present only when some customer sets them. */
interface Customer {
  readonly id: string;
  readonly recencyDays: number;
  readonly frequency6m: number;
  readonly averageOrderValue: number;
  /** Lifetime purchases. */
  readonly frequency: number;
  readonly complaints6m?: number;
  readonly promotionsJoined6m?: number;
  readonly couponUses?: number;
}

/** CustomerFeatures built by hand; columns the rules do not read are NaN. */
function features(
  customers: readonly Customer[],
  asOfDay: number,
  columns: readonly BehaviourField[] = [],
): CustomerFeatures {
  const n = customers.length;
  const col = (pick: (c: Customer) => number): Float64Array => Float64Array.from(customers, pick);
  const nan = (): Float64Array => new Float64Array(n).fill(Number.NaN);
  const behaviour: Partial<Record<BehaviourField, Float64Array>> = {};
  for (const field of columns)
    behaviour[field] = col((c) => (c as unknown as Record<string, number | undefined>)[field] ?? Number.NaN);
  return {
    count: n,
    ids: customers.map((c) => c.id),
    firstRow: Int32Array.from(customers, (_, i) => i + 2),
    asOfDay,
    asOfSource: 'given',
    recencyDays: col((c) => c.recencyDays),
    frequency: col((c) => c.frequency),
    monetary: nan(),
    frequency6m: col((c) => c.frequency6m),
    amount6m: nan(),
    windowFrequency: nan(),
    windowMonetary: nan(),
    averageOrderValue: col((c) => c.averageOrderValue),
    tenureDays: nan(),
    firstPurchaseDay: nan(),
    lastPurchaseDay: col((c) => asOfDay - c.recencyDays),
    behaviour,
    attributes: {},
  };
}

const ALL_BEHAVIOUR: readonly BehaviourField[] = ['complaints6m', 'promotionsJoined6m', 'couponUses'];
// asOf 2024-05-31: three calendar months back is 2024-02-29, 92 days earlier (not 90).
const AS_OF = dayFromCivil(2024, 5, 31);
const quiet = { complaints6m: 0, promotionsJoined6m: 0, couponUses: 0 };

const tagsFor = (customers: readonly Customer[], asOfDay = AS_OF, columns = ALL_BEHAVIOUR): TagId[][] => {
  const r = assignTags(features(customers, asOfDay, columns));
  return Array.from(r.masks, (mask) => tagsOf(mask));
};

describe('assignTags: a six-customer table checked by hand (SPEC §6 Table 5)', () => {
  const table: Customer[] = [
    // High value exactly at F6m 8, AOV 1,500, R 30 (bounds inclusive).
    { id: 'C001', recencyDays: 30, frequency6m: 8, averageOrderValue: 1500, frequency: 12, ...quiet },
    // Potential exactly at the low bounds F6m 4, AOV 800, R 60.
    { id: 'C002', recencyDays: 60, frequency6m: 4, averageOrderValue: 800, frequency: 4, ...quiet },
    // Last purchase 2024-02-28, one day before the 3-month cutoff, lifetime F 3: churn by inactivity.
    { id: 'C003', recencyDays: 93, frequency6m: 1, averageOrderValue: 500, frequency: 3, ...quiet },
    // Active potential customer with complaints: churn by complaint only, two groups at once.
    {
      id: 'C004',
      recencyDays: 10,
      frequency6m: 6,
      averageOrderValue: 900,
      frequency: 20,
      complaints6m: 2,
      promotionsJoined6m: 0,
      couponUses: 0,
    },
    // Price-sensitive: 3 promotions, AOV just under 800, 3 coupon uses.
    {
      id: 'C005',
      recencyDays: 20,
      frequency6m: 5,
      averageOrderValue: 799.99,
      frequency: 10,
      complaints6m: 0,
      promotionsJoined6m: 3,
      couponUses: 3,
    },
    // Last purchase on the cutoff day 2024-02-29 (92 days) is within the 3 months; 2 promotions is too few.
    {
      id: 'C006',
      recencyDays: 92,
      frequency6m: 0,
      averageOrderValue: 300,
      frequency: 2,
      complaints6m: 0,
      promotionsJoined6m: 2,
      couponUses: 5,
    },
  ];

  it('tags each customer with every group it satisfies', () => {
    expect(tagsFor(table)).toEqual([
      ['high-value', 'frequent-high-aov', 'active-loyal', 'aov-at-least'],
      ['potential', 'mid-frequency-mid-aov', 'growing'],
      ['churn-risk', 'low-frequency', 'no-purchase-months'],
      ['potential', 'mid-frequency-mid-aov', 'growing', 'churn-risk', 'has-complaints'],
      ['price-sensitive', 'promotion-driven', 'low-aov'],
      [],
    ]);
  });

  it('records why a customer is at churn risk (1 = inactive + low frequency, 2 = complaint)', () => {
    const r = assignTags(features(table, AS_OF, ALL_BEHAVIOUR));
    expect(Array.from(r.churnReasons)).toEqual([0, 0, 1, 2, 0, 0]);
    expect(r.skipped).toEqual([]);
  });

  it('combines both churn reasons', () => {
    const r = assignTags(
      features(
        [
          {
            id: 'X',
            recencyDays: 200,
            frequency6m: 0,
            averageOrderValue: 100,
            frequency: 1,
            complaints6m: 1,
            promotionsJoined6m: 0,
            couponUses: 0,
          },
        ],
        AS_OF,
        ALL_BEHAVIOUR,
      ),
    );
    expect(r.churnReasons[0]).toBe(3);
    expect(tagsOf(r.masks[0]!)).toEqual(['churn-risk', 'low-frequency', 'has-complaints', 'no-purchase-months']);
  });
});

describe('assignTags: thresholds', () => {
  const base = { frequency: 10, ...quiet };

  it('drops high value just outside each bound', () => {
    const rows: Customer[] = [
      { id: 'f7', recencyDays: 30, frequency6m: 7, averageOrderValue: 1500, ...base },
      { id: 'aov', recencyDays: 30, frequency6m: 8, averageOrderValue: 1499.99, ...base },
      { id: 'r31', recencyDays: 31, frequency6m: 8, averageOrderValue: 1500, ...base },
    ];
    const [f7, aov, r31] = tagsFor(rows);
    // F6m 7 with AOV 1,500 and R 30 falls to the top corner of potential instead.
    expect(f7).toEqual(['potential', 'mid-frequency-mid-aov', 'growing', 'aov-at-least']);
    expect(aov).toEqual(['aov-at-least']);
    expect(r31).toEqual(['aov-at-least']);
  });

  it('keeps potential inside F6m 4–7, AOV 800–1,500, R ≤ 60 (all inclusive)', () => {
    const potential = (f6: number, aov: number, r: number): boolean => {
      const mask = assignTags(
        features([{ id: 'p', recencyDays: r, frequency6m: f6, averageOrderValue: aov, ...base }], AS_OF, ALL_BEHAVIOUR),
      ).masks[0]!;
      return hasTag(mask, 'potential');
    };
    expect(potential(4, 800, 60)).toBe(true);
    expect(potential(7, 1500, 0)).toBe(true);
    expect(potential(3, 1000, 30)).toBe(false);
    expect(potential(8, 1000, 30)).toBe(false);
    expect(potential(5, 799.99, 30)).toBe(false);
    expect(potential(5, 1500.01, 30)).toBe(false);
    expect(potential(5, 1000, 61)).toBe(false);
  });

  it('needs lifetime F ≤ 3 for churn by inactivity, but tags the inactivity itself regardless', () => {
    const [low, high] = tagsFor([
      { id: 'f3', recencyDays: 200, frequency6m: 0, averageOrderValue: 500, frequency: 3, ...quiet },
      { id: 'f4', recencyDays: 200, frequency6m: 0, averageOrderValue: 500, frequency: 4, ...quiet },
    ]);
    expect(low).toEqual(['churn-risk', 'low-frequency', 'no-purchase-months']);
    expect(high).toEqual(['no-purchase-months']);
  });

  it('counts a customer without any purchase (no recency, lifetime F 0) as inactive', () => {
    expect(
      tagsFor([
        { id: 'none', recencyDays: Number.NaN, frequency6m: 0, averageOrderValue: Number.NaN, frequency: 0, ...quiet },
      ]),
    ).toEqual([['churn-risk', 'low-frequency', 'no-purchase-months']]);
  });

  it.each([
    [dayFromCivil(2024, 5, 31), 92],
    [dayFromCivil(2025, 5, 31), 92],
    [dayFromCivil(2024, 3, 31), 91],
    [dayFromCivil(2024, 4, 15), 91],
    [dayFromCivil(2024, 7, 31), 92],
    [dayFromCivil(2023, 5, 1), 89],
    [dayFromCivil(2024, 12, 1), 91],
  ])('puts the inactivity boundary 3 calendar months before asOf %#', (asOf, days) => {
    // The last purchase on the cutoff day itself is inside the 3 months; one day earlier is not.
    expect(asOf - addMonths(asOf, -3)).toBe(days);
    const [onCutoff, before] = tagsFor(
      [
        { id: 'on', recencyDays: days, frequency6m: 0, averageOrderValue: 100, frequency: 1, ...quiet },
        { id: 'before', recencyDays: days + 1, frequency6m: 0, averageOrderValue: 100, frequency: 1, ...quiet },
      ],
      asOf,
    );
    expect(onCutoff).toEqual([]);
    expect(before).toEqual(['churn-risk', 'low-frequency', 'no-purchase-months']);
  });

  it('falls back to 90 days when there is no analysis date', () => {
    const [d90, d91] = tagsFor(
      [
        { id: '90', recencyDays: 90, frequency6m: 0, averageOrderValue: 100, frequency: 1, ...quiet },
        { id: '91', recencyDays: 91, frequency6m: 0, averageOrderValue: 100, frequency: 1, ...quiet },
      ],
      Number.NaN,
    );
    expect(d90).toEqual([]);
    expect(d91).toEqual(['churn-risk', 'low-frequency', 'no-purchase-months']);
  });

  it('needs ≥ 1 complaint for the complaint path', () => {
    const [none, one, unknown] = tagsFor(
      [
        { id: '0', recencyDays: 5, frequency6m: 2, averageOrderValue: 100, frequency: 9, complaints6m: 0 },
        { id: '1', recencyDays: 5, frequency6m: 2, averageOrderValue: 100, frequency: 9, complaints6m: 1 },
        { id: '?', recencyDays: 5, frequency6m: 2, averageOrderValue: 100, frequency: 9 },
      ],
      AS_OF,
      ['complaints6m'],
    );
    expect(none).toEqual([]);
    expect(one).toEqual(['churn-risk', 'has-complaints']);
    expect(unknown).toEqual([]);
  });

  it('needs all three price-sensitive conditions', () => {
    const ps = (promotions: number, aov: number, coupons: number): boolean =>
      hasTag(
        assignTags(
          features(
            [
              {
                id: 'p',
                recencyDays: 5,
                frequency6m: 2,
                averageOrderValue: aov,
                frequency: 9,
                complaints6m: 0,
                promotionsJoined6m: promotions,
                couponUses: coupons,
              },
            ],
            AS_OF,
            ALL_BEHAVIOUR,
          ),
        ).masks[0]!,
        'price-sensitive',
      );
    expect(ps(3, 799.99, 3)).toBe(true);
    expect(ps(2, 500, 3)).toBe(false);
    expect(ps(3, 800, 3)).toBe(false);
    expect(ps(3, 500, 2)).toBe(false);
  });

  it('tags AOV ≥ 1,000 as a basic tag', () => {
    const [below, at] = tagsFor([
      { id: 'a', recencyDays: 5, frequency6m: 1, averageOrderValue: 999.99, frequency: 9, ...quiet },
      { id: 'b', recencyDays: 5, frequency6m: 1, averageOrderValue: 1000, frequency: 9, ...quiet },
    ]);
    expect(below).toEqual([]);
    expect(at).toEqual(['aov-at-least']);
  });
});

describe('assignTags: missing columns', () => {
  const customer: Customer = {
    id: 'C',
    recencyDays: 5,
    frequency6m: 1,
    averageOrderValue: 100,
    frequency: 9,
    complaints6m: 4,
    promotionsJoined6m: 9,
    couponUses: 9,
  };

  it('skips the complaint rule without a complaints column and says so once', () => {
    const r = assignTags(features([customer, customer], AS_OF, ['promotionsJoined6m', 'couponUses']));
    expect(r.skipped).toEqual([
      {
        rule: 'churn risk (complaint)',
        column: 'complaints',
        ruleKey: 'rule.churn-risk-complaint',
        columnKey: 'field.complaints6m',
      },
    ]);
    expect(Array.from(r.churnReasons)).toEqual([0, 0]);
    expect(tagsOf(r.masks[0]!)).toEqual(['price-sensitive', 'promotion-driven', 'low-aov']);
  });

  it('skips price-sensitive without promotions, or with promotions but no coupon uses', () => {
    expect(assignTags(features([customer], AS_OF, ['complaints6m'])).skipped).toEqual([
      {
        rule: 'price-sensitive',
        column: 'promotions joined',
        ruleKey: 'rule.price-sensitive',
        columnKey: 'field.promotionsJoined6m',
      },
    ]);
    expect(assignTags(features([customer], AS_OF, ['complaints6m', 'promotionsJoined6m'])).skipped).toEqual([
      {
        rule: 'price-sensitive',
        column: 'coupon uses',
        ruleKey: 'rule.price-sensitive',
        columnKey: 'field.couponUses',
      },
    ]);
    expect(assignTags(features([customer], AS_OF, [])).skipped).toEqual([
      {
        rule: 'churn risk (complaint)',
        column: 'complaints',
        ruleKey: 'rule.churn-risk-complaint',
        columnKey: 'field.complaints6m',
      },
      {
        rule: 'price-sensitive',
        column: 'promotions joined',
        ruleKey: 'rule.price-sensitive',
        columnKey: 'field.promotionsJoined6m',
      },
    ]);
  });

  it('handles an empty table', () => {
    const r = assignTags(features([], AS_OF));
    expect(r.masks).toHaveLength(0);
    expect(r.churnReasons).toHaveLength(0);
  });
});

describe('tagsOf / hasTag', () => {
  it('read masks in TAG_IDS order', () => {
    expect(tagsOf(0)).toEqual([]);
    expect(tagsOf(0b101)).toEqual(['high-value', 'active-loyal']);
    expect(tagsOf((1 << TAG_IDS.length) - 1)).toEqual([...TAG_IDS]);
    expect(hasTag(0b100, 'active-loyal')).toBe(true);
    expect(hasTag(0b100, 'high-value')).toBe(false);
  });

  it('fit every tag in the Uint16 mask', () => {
    expect(TAG_IDS.length).toBeLessThanOrEqual(16);
  });
});
