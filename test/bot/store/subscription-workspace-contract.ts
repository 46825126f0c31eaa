import { expect, it } from 'vitest';
import type { DigestStore } from '../../../bot/store/store.js';

const SUBSCRIPTION = {
  channel: 'CSALES',
  cron: '0 9 * * 1',
  timeZone: 'Asia/Shanghai',
  scope: { kind: 'all' },
  locale: 'en',
  createdBy: 'UMONA',
  createdAt: '2026-11-01T00:00:00.000Z',
} as const;

/** Both digest stores record the workspace a subscription was made in (migration 5); `open` gives an empty store. */
export function describeSubscriptionWorkspace(open: () => Promise<DigestStore>): void {
  it('records the team and enterprise a subscription was made in; one made without them (token mode) reads null', async () => {
    const store = await open();
    const team = await store.addSubscription({ ...SUBSCRIPTION, teamId: 'T0ACME', enterpriseId: null });
    const org = await store.addSubscription({ ...SUBSCRIPTION, channel: 'CORG', teamId: 'T0SUB', enterpriseId: 'E0' });
    const plain = await store.addSubscription({ ...SUBSCRIPTION, channel: 'CPLAIN' });
    expect(plain).toMatchObject({ teamId: null, enterpriseId: null });
    expect(await store.subscriptions()).toEqual([team, org, plain]);
    expect((await store.subscriptions()).map((s) => [s.channel, s.teamId, s.enterpriseId])).toEqual([
      ['CSALES', 'T0ACME', null],
      ['CORG', 'T0SUB', 'E0'],
      ['CPLAIN', null, null],
    ]);
  });
}
