import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { describeSubscriptionWorkspace } from './subscription-workspace-contract.js';
import { trackStores } from './track-stores.js';

const track = trackStores();

describe('SQLite digest store', () => {
  it('claims a digest period once across two connections to one file; a stale or failed claim can be taken over', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tl-store-')), 'tierline.db');
    const a = track(new SqliteStore(path)),
      b = track(new SqliteStore(path));
    const period = '2026-11-30T01:00:00.000Z';
    expect(await a.claimDigestRun(1, period, 'A', '2026-11-30T01:00:00.000Z', 60_000)).toMatchObject({
      status: 'claimed',
      claimedBy: 'A',
      attempts: 1,
    });
    expect(await b.claimDigestRun(1, period, 'B', '2026-11-30T01:00:30.000Z', 60_000)).toBeUndefined();
    expect(await b.claimDigestRun(1, period, 'B', '2026-11-30T01:02:00.000Z', 60_000)).toMatchObject({
      claimedBy: 'B',
      attempts: 2,
    });
    await b.finishDigestRun(1, period, { status: 'failed', error: 'ratelimited', at: 'x' });
    expect(await a.claimDigestRun(1, period, 'A', '2026-11-30T01:02:01.000Z', 60_000)).toMatchObject({
      claimedBy: 'A',
      attempts: 3,
    });
    await a.finishDigestRun(1, period, { status: 'posted', messageTs: '1.2', at: 'y' });
    expect(await b.claimDigestRun(1, period, 'B', '2026-12-30T00:00:00.000Z', 60_000)).toBeUndefined();
    expect(await a.digestRuns(1)).toEqual([
      expect.objectContaining({ status: 'posted', messageTs: '1.2', attempts: 3 }),
    ]);
  });

  describeSubscriptionWorkspace(async () => track(new SqliteStore(':memory:')));
});
