import { describe, expect, it } from 'vitest';
import { describeCustomer, segmentTable, type Cell } from '../../../core/index.js';

const header = ['Customer ID', 'Order date', 'Amount'];
// Eight days of orders; N's only (and largest) order was 5 days before asOf.
const tiny: Cell[][] = [
  ['N', '2024-03-05', '5000'],
  ['A', '2024-03-03', '100'],
  ['A', '2024-03-08', '120'],
  ['A', '2024-03-09', '80'],
  ['B', '2024-03-06', '200'],
  ['B', '2024-03-09', '60'],
  ['C', '2024-03-07', '90'],
  ['C', '2024-03-08', '90'],
  ['D', '2024-03-02', '40'],
  ['D', '2024-03-09', '40'],
  ['E', '2024-03-08', '300'],
  ['E', '2024-03-09', '30'],
];
const options = { asOf: '2024-03-10' };

const SCHEMES = [
  'rfm',
  'rfm8',
  'rules:a-step4-rules',
  'rules:a-table5-rules',
  'rules:b-rfm-definitions',
  'rules:b-maintenance-tiers',
  'kmeans',
  'c-value-tiers',
  'd-grading-scorecard',
] as const;
const AT_RISK = new Set([
  'at-risk',
  'lost',
  'hibernating',
  'about-to-sleep',
  'cant-lose',
  'important-retention',
  'important-win-back',
  'general-retention',
  'general-win-back',
  'churn-risk',
  'churn-warning',
]);

describe('a new customer (one order in the last 30 days) is never at risk, in any scheme', () => {
  it.each(SCHEMES)('%s', (scheme) => {
    const result = segmentTable(header, tiny, { ...options, scheme });
    const n = result.features.ids.indexOf('N');
    const c = describeCustomer(result, n);
    expect(AT_RISK.has(c.segment)).toBe(false);
    expect(c.strategyGroup).not.toBe('churn-risk');
    expect(c.churnRisk).toBe(false);
  });

  it('rfm: the quintiles alone would call N at risk; N is new, with the conversion plan and a note', () => {
    const result = segmentTable(header, tiny, options);
    const c = describeCustomer(result, result.features.ids.indexOf('N'));
    // Quintiles give N 115 ("Can't lose them": R 1 because everyone else bought later).
    expect([c.rfmCode, c.segment, c.strategyGroup]).toEqual(['115', 'new', 'potential']);
    expect(result.notes.map((note) => note.message)).toContain(
      '1 new customers (one order in the last 30 days) kept out of churn risk',
    );
  });

  it('a one-order customer 31 days back is not new: its segment stays; on 31 days of data no win-back plan', () => {
    const rows = [...tiny.filter((r) => r[0] !== 'N'), ['N', '2024-02-08', '5000']];
    const result = segmentTable(header, rows, { ...options, scheme: 'rfm' });
    const c = describeCustomer(result, result.features.ids.indexOf('N'));
    expect([c.segment, c.strategyGroup ?? null]).toEqual(['cant-lose', null]);
  });

  it('on a year of data the same customer keeps the win-back plan', () => {
    const rows = [...tiny.filter((r) => r[0] !== 'N'), ['N', '2024-02-08', '5000'], ['D', '2023-03-01', '10']];
    const result = segmentTable(header, rows, { ...options, scheme: 'rfm' });
    expect(describeCustomer(result, result.features.ids.indexOf('N')).strategyGroup).toBe('churn-risk');
  });
});

describe('rules that need a time span are switched off on data that spans less', () => {
  it('a-step4-rules on 8 days of data: every rule off, each named with the span', () => {
    const result = segmentTable(header, tiny, { ...options, scheme: 'rules:a-step4-rules' });
    expect(result.notes.filter((n) => n.message.includes('switched off')).map((n) => n.message)).toMatchInlineSnapshot(`
      [
        "Rule 'High-value customer' switched off: it needs 182 days of history and the data spans 8 days (2024-03-02 → 2024-03-10)",
        "Rule 'Potential customer' switched off: it needs 182 days of history and the data spans 8 days (2024-03-02 → 2024-03-10)",
        "Rule 'Churn-risk customer' switched off: it needs 92 days of history and the data spans 8 days (2024-03-02 → 2024-03-10)",
        "Rule 'No purchase in 3 months' switched off: it needs 92 days of history and the data spans 8 days (2024-03-02 → 2024-03-10)",
        "Win-back strategies switched off: the data spans 8 days (2024-03-02 → 2024-03-10), less than the 3-month churn window",
      ]
    `);
    expect(new Set(Array.from(result.scheme.segment, (s) => result.scheme.segments[s]))).toEqual(
      new Set(['unclassified']),
    );
  });

  it('the same churn rule applies on a year of data: silent 4 months, one order → churn risk', () => {
    const rows: Cell[][] = [
      ['X', '2023-03-01', '50'],
      ['Y', '2023-11-01', '80'],
      ['Y', '2024-03-01', '80'],
      ['Z', '2024-03-05', '20'],
    ];
    const result = segmentTable(header, rows, { ...options, scheme: 'rules:a-step4-rules' });
    const x = describeCustomer(result, result.features.ids.indexOf('X'));
    expect([x.segment, x.churnRisk]).toEqual(['churn-risk', true]);
    expect(result.notes.some((n) => n.message.includes("'churn-risk customer' switched off"))).toBe(false);
  });
});
