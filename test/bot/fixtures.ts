import { segmentTable, type Cell } from '../../core/index.js';
import type { BotDeps } from '../../bot/bot-deps.js';
import { prepareSnapshot } from '../../bot/store/snapshot-from-result.js';
import { SqliteStore } from '../../bot/store/sqlite-store.js';
import type { Store } from '../../bot/store/store.js';

export const HEADER = ['Customer ID', 'Customer name', 'Account manager', 'Last purchase date', 'Frequency', 'Cumulative spend', 'Complaints'];

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
export function importRows(store: Store, rows: readonly Cell[][] = ROWS, asOf = '2026-11-01'): ReturnType<Store['addSnapshot']> {
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
  return { store, access: { managers: [], admins: [USERS.ada] }, now: () => new Date('2026-11-25T09:00:00Z'), defaultLocale: 'en', log: (line) => logs.push(line), logs, ...overrides };
}
