import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion, type Answer, type AnswerContext } from '../../../bot/answers/answer-question.js';
import { resolveViewer } from '../../../bot/access/resolve-viewer.js';
import { SqliteStore } from '../../../bot/store/sqlite-store.js';
import type { Intent } from '../../../bot/intents/match-intent.js';
import { fixtureStore, USERS } from '../fixtures.js';

let store: SqliteStore;
afterEach(() => store?.close());

async function ctx(user: string, surface: 'dm' | 'channel' = 'dm'): Promise<AnswerContext> {
  return {
    store,
    viewer: await resolveViewer(store, user, { managers: [], admins: [] }),
    locale: 'en',
    surface,
    today: '2026-11-25',
  };
}
const ids = (a: Answer): string[] =>
  'customers' in a ? a.customers.map((c) => c.customerId) : 'customer' in a ? [a.customer.customerId] : [];

describe('answerQuestion', () => {
  it('gives a salesperson only their own churn risks, ranked by spend, with full names in a DM', async () => {
    store = fixtureStore();
    const answer = await answerQuestion({ kind: 'churn' }, await ctx(USERS.maria));
    expect(answer.kind).toBe('churn');
    expect(ids(answer)).toEqual(['C005', 'C002']);
    expect(answer.kind === 'churn' && answer.customers.map((c) => c.displayName)).toEqual([
      'Bob Smith',
      '上海华东科技有限公司',
    ]);
    expect(answer.kind === 'churn' && answer.page).toEqual({ offset: 0, pageSize: 5, total: 2 });
  });

  it('masks names in a channel even for the owner', async () => {
    store = fixtureStore();
    const answer = await answerQuestion({ kind: 'churn' }, await ctx(USERS.maria, 'channel'));
    expect(answer.kind === 'churn' && answer.customers.map((c) => c.displayName)).toEqual(['*', 'B公司']);
  });

  it("lets a manager see everyone, or one owner's customers by mention, masked (not their own customers)", async () => {
    store = fixtureStore();
    expect(ids(await answerQuestion({ kind: 'churn' }, await ctx(USERS.mona)))).toEqual([
      'C005',
      'C004',
      'C002',
      'C003',
    ]);
    const david = await answerQuestion({ kind: 'churn', ownerMention: USERS.david }, await ctx(USERS.mona));
    expect(ids(david)).toEqual(['C004', 'C003']);
    expect(david.kind === 'churn' && david.customers.every((c) => c.displayName !== '李娜女士')).toBe(true);
  });

  it('refuses a salesperson asking for another owner', async () => {
    store = fixtureStore();
    expect(await answerQuestion({ kind: 'churn', ownerMention: USERS.david }, await ctx(USERS.maria))).toEqual({
      kind: 'error',
      id: 'error.managers-only',
    });
    expect(await answerQuestion({ kind: 'summary', ownerMention: USERS.david }, await ctx(USERS.maria))).toEqual({
      kind: 'error',
      id: 'error.managers-only',
    });
  });

  it.each<Intent>([
    { kind: 'lookup', customerId: 'C004' },
    { kind: 'search', text: '李娜' },
    { kind: 'search', text: 'Acme' },
  ])("never shows salesperson A one of B's customers (%o)", async (intent) => {
    store = fixtureStore();
    const answer = await answerQuestion(intent, await ctx(USERS.maria));
    expect(answer.kind).toBe('error');
    expect(ids(answer)).toEqual([]);
  });

  it('scopes segment lists and summaries to the owner', async () => {
    store = fixtureStore();
    expect(ids(await answerQuestion({ kind: 'segment', segment: 'loyal' }, await ctx(USERS.maria)))).toEqual([]);
    expect(ids(await answerQuestion({ kind: 'segment', segment: 'loyal' }, await ctx(USERS.david)))).toEqual(['C006']);
    const summary = await answerQuestion({ kind: 'summary' }, await ctx(USERS.maria));
    expect(summary.kind === 'summary' && summary.counts.reduce((n, s) => n + s.count, 0)).toBe(3);
  });

  it('tells an unmapped user how to get mapped, on every path', async () => {
    store = fixtureStore();
    for (const intent of [
      { kind: 'churn' },
      { kind: 'lookup', customerId: 'C001' },
      { kind: 'segment', segment: 'loyal' },
      { kind: 'summary' },
      { kind: 'search', text: 'Acme' },
    ] as Intent[]) {
      expect(await answerQuestion(intent, await ctx(USERS.eve))).toEqual({ kind: 'error', id: 'error.not-mapped' });
    }
  });

  it('looks up a customer with contacts and snooze; an unknown id is not found', async () => {
    store = fixtureStore();
    await store.addExecutionLog({
      date: '2026-11-20',
      customerId: 'C005',
      owner: 'Maria',
      executor: USERS.maria,
      action: 'call',
      feedback: 'busy',
      result: 'follow-up',
      createdAt: 'x',
    });
    await store.snooze('C005', 'Maria', '2026-12-25', USERS.maria);
    const answer = await answerQuestion({ kind: 'lookup', customerId: 'C005' }, await ctx(USERS.maria));
    expect(answer).toMatchObject({ kind: 'customer', snoozedUntil: '2026-12-25', contacts: [{ action: 'call' }] });
    expect(await answerQuestion({ kind: 'lookup', customerId: 'C999' }, await ctx(USERS.maria))).toEqual({
      kind: 'error',
      id: 'lookup.not-found',
      values: { id: 'C999' },
    });
  });

  it('paginates: page size, offset and total', async () => {
    store = fixtureStore();
    const page2 = await answerQuestion({ kind: 'churn' }, await ctx(USERS.mona), { offset: 2, pageSize: 2 });
    expect(ids(page2)).toEqual(['C002', 'C003']);
    expect(page2.kind === 'churn' && page2.page).toEqual({ offset: 2, pageSize: 2, total: 4 });
    expect((await answerQuestion({ kind: 'churn', limit: 500 }, await ctx(USERS.mona))).kind === 'churn').toBe(true);
  });

  it('says so when there is no snapshot or it is empty', async () => {
    store = new SqliteStore(':memory:');
    await store.mapOwner('Maria', USERS.maria, 'manual');
    expect(await answerQuestion({ kind: 'churn' }, await ctx(USERS.maria))).toEqual({
      kind: 'error',
      id: 'error.no-snapshot',
    });
    await store.addSnapshot(
      {
        asOf: '2026-11-01',
        importedAt: 'x',
        source: 'empty.csv',
        scheme: 'rfm',
        segments: ['champions'],
        segmentLabels: { en: ['Champions'], zh: ['冠军客户'] },
        churnSource: 'spec-rule',
      },
      [],
    );
    expect(await answerQuestion({ kind: 'churn' }, await ctx(USERS.maria))).toEqual({
      kind: 'error',
      id: 'error.empty-snapshot',
      values: { asOf: '2026-11-01' },
    });
  });
});
