import { segmentTable, type Cell } from '../../core/index.js';
import type { BotDeps } from '../../bot/bot-deps.js';
import { prepareSnapshot } from '../../bot/store/snapshot-from-result.js';
import { SqliteStore } from '../../bot/store/sqlite-store.js';
import type { Store, StoredCustomer } from '../../bot/store/store.js';

export const HEADER = [
  'Customer ID',
  'Customer name',
  'Account manager',
  'Last purchase date',
  'Frequency',
  'Cumulative spend',
  'Complaints',
];

/**
 * Six customers, two owners, checked by hand against SPEC §6 (as of 2026-11-01):
 * Maria: C001 champions; C002 hibernating, churn (inactive, F 2); C005 at-risk, churn (inactive, F 3).
 * David: C003 new, churn (inactive F 1 + complaint); C004 need-attention, churn (2 complaints); C006 loyal.
 * Churn by spend: Maria C005 (30,000) then C002 (5,000); David C004 (20,000) then C003 (800).
 */
export const ROWS: Cell[][] = [
  ['C001', '张伟先生', 'Maria', '2026-10-30', 12, 90000, 0],
  ['C002', '上海华东科技有限公司', 'Maria', '2026-03-01', 2, 5000, 0],
  ['C003', 'Acme Trading Co., Ltd.', 'David', '2026-04-01', 1, 800, 1],
  ['C004', '李娜女士', 'David', '2026-10-01', 6, 20000, 2],
  ['C005', 'Bob Smith', 'Maria', '2025-12-01', 3, 30000, 0],
  ['C006', '王芳', 'David', '2026-10-25', 9, 45000, 0],
];

/** Stores `rows` as a snapshot at `asOf`. */
export function importRows(
  store: Store,
  rows: readonly Cell[][] = ROWS,
  asOf = '2026-11-01',
): ReturnType<Store['addSnapshot']> {
  const result = segmentTable(HEADER, rows, { asOf, today: '2026-11-25' });
  const prepared = prepareSnapshot(result, 'fixture.csv', `${asOf}T06:00:00.000Z`);
  return store.addSnapshot(prepared.snapshot, prepared.customers);
}

/** Slack users of the fixture: Maria and David own customers, Mona is a manager, Ada an admin, Eve is unmapped. */
export const USERS = { maria: 'UMARIA', david: 'UDAVID', mona: 'UMONA', ada: 'UADA', eve: 'UEVE' } as const;

/** An in-memory store with the fixture imported and the owners mapped. */
export function fixtureStore(): SqliteStore {
  const store = new SqliteStore(':memory:');
  importRows(store);
  store.mapOwner('Maria', USERS.maria, 'manual');
  store.mapOwner('David', USERS.david, 'manual');
  store.setRole(USERS.mona, 'manager');
  return store;
}

/** Bot dependencies over a store, clock fixed at 2026-11-25 09:00 UTC. */
export function fixtureDeps(store: Store, overrides: Partial<BotDeps> = {}): BotDeps & { logs: string[] } {
  const logs: string[] = [];
  return {
    store,
    access: { managers: [], admins: [USERS.ada] },
    now: () => new Date('2026-11-25T09:00:00Z'),
    defaultLocale: 'en',
    log: (line) => logs.push(line),
    logs,
    ...overrides,
  };
}

/**
 * A hand-made snapshot ranked by a back-tested model, in pounds, where the
 * two orders differ. Maria's churn risks:
 *   M1 p 0.90, expected loss £100; M3 p 0.75, £800; M2 p 0.60, £5,000; M4 p 0.55, loss 0 (unknown: spend shown).
 * By risk: M1, M3, M2, M4. By value: M2, M3, M1, M4 (M4's 0 last).
 * David: D1 p 0.95, £300. M5 (Maria) is not at risk; N0 never bought.
 */
export function importModelSnapshot(store: Store): ReturnType<Store['addSnapshot']> {
  const customer = (
    customerId: string,
    owner: string,
    p: number | null,
    loss: number,
    monetary: number,
    churnRisk = true,
    frequency = 4,
  ): StoredCustomer => ({
    customerId,
    name: `Name ${customerId}`,
    company: null,
    owner,
    segment: churnRisk ? 'at-risk' : 'loyal',
    recencyDays: 120,
    frequency,
    monetary,
    averageOrderValue: frequency > 0 ? monetary / frequency : null,
    lastPurchaseDate: '2026-07-04',
    churnRisk,
    churnReasonEn: churnRisk ? `reason ${customerId}` : null,
    churnReasonZh: churnRisk ? `原因 ${customerId}` : null,
    churnProbability: p,
    expectedLoss: loss,
    strategyGroup: null,
    dueDate: null,
  });
  return store.addSnapshot(
    {
      asOf: '2026-11-01',
      importedAt: '2026-11-01T06:00:00.000Z',
      source: 'model.csv',
      scheme: 'rfm',
      segments: ['at-risk', 'loyal'],
      segmentLabels: { en: ['At risk', 'Loyal'], zh: ['流失风险', '忠诚客户'] },
      churnSource: 'model',
      churn: {
        model: 'gbdt',
        horizonDays: 90,
        threshold: 0.5,
        auc: 0.81,
        precisionAt20: 0.7,
        baseRate: 0.35,
        definition: {
          en: 'At risk = P(no purchase in the next 90 days) ≥ 0.50 by gbdt (back-test AUC 0.81, precision in top 20 0.70, base rate 0.35)',
          zh: '流失风险 = 未来90天不再购买的概率 ≥ 0.50，模型 梯度提升树（回测 AUC 0.81，前20名准确率 0.70，基准流失率 0.35）',
        },
      },
      currency: { code: 'GBP', symbol: '£' },
    },
    [
      customer('M1', 'Maria', 0.9, 100, 400),
      customer('M2', 'Maria', 0.6, 5000, 9000),
      customer('M3', 'Maria', 0.75, 800, 1200),
      customer('M4', 'Maria', 0.55, 0, 2500),
      customer('D1', 'David', 0.95, 300, 700),
      customer('M5', 'Maria', 0.2, 50, 3000, false),
      customer('N0', 'Maria', null, 0, 0, false, 0),
    ],
  );
}
