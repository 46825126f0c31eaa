import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DigestScheduler, type DigestPoster } from '../../../bot/digests/digest-scheduler.js';
import { parseSchedule, ScheduleError } from '../../../bot/digests/parse-schedule.js';
import { SqliteStore } from '../../../bot/store/sqlite-store.js';
import type { Subscription } from '../../../bot/store/store.js';

const stores: SqliteStore[] = [];
afterEach(async () => {
  while (stores.length) stores.pop()!.close();
});

function newStorePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'tl-sched-')), 'tierline.db');
}

/** A poster that records every post (a fake Slack channel shared by all "processes"). */
function fakeChannel() {
  const posts: { subscription: number; period: string }[] = [];
  let failNext: string | undefined;
  const poster: DigestPoster & { posts: typeof posts; failNext(code: string): void } = {
    posts,
    failNext(code) {
      failNext = code;
    },
    async post(s: Subscription, period: string) {
      if (failNext) {
        const code = failNext;
        failNext = undefined;
        throw Object.assign(new Error(code), { code });
      }
      posts.push({ subscription: s.id, period });
      return `${posts.length}.000`;
    },
    async alreadyPosted(s: Subscription, period: string) {
      const i = posts.findIndex((p) => p.subscription === s.id && p.period === period);
      return i >= 0 ? `${i + 1}.000` : false;
    },
  };
  return poster;
}

async function subscribe(store: SqliteStore, spec: string): Promise<Subscription> {
  const schedule = parseSchedule(spec.split(' '), new Date('2026-10-01T00:00:00Z'));
  return await store.addSubscription({
    channel: 'CSALES',
    cron: schedule.cron,
    timeZone: schedule.timeZone,
    scope: { kind: 'all' },
    locale: 'en',
    createdBy: 'UMONA',
    createdAt: '2026-10-01T00:00:00Z',
  });
}

describe('DigestScheduler', () => {
  it('fires weekly at 09:00 New York time on both sides of the DST change (13:00Z in EDT, 14:00Z in EST)', async () => {
    const store = new SqliteStore(':memory:');
    stores.push(store);
    await subscribe(store, 'weekly mon 09:00 America/New_York');
    const channel = fakeChannel();
    let now = new Date('2026-10-26T12:59:00Z');
    const scheduler = new DigestScheduler({
      store,
      poster: channel,
      worker: 'w1',
      now: () => now,
      graceMs: 30 * 60_000,
    });
    expect((await scheduler.tick())[0]!.result).toBe('not-due');
    now = new Date('2026-10-26T13:00:00Z');
    expect((await scheduler.tick())[0]).toMatchObject({ result: 'posted', period: '2026-10-26T13:00:00.000Z' });
    now = new Date('2026-10-26T13:05:00Z');
    expect((await scheduler.tick())[0]!.result).toBe('taken');
    // DST ends 2026-11-01: 13:00Z on Monday 2 November is 08:00 in New York.
    now = new Date('2026-11-02T13:00:00Z');
    expect((await scheduler.tick())[0]!.result).toBe('not-due');
    now = new Date('2026-11-02T14:00:00Z');
    expect((await scheduler.tick())[0]).toMatchObject({ result: 'posted', period: '2026-11-02T14:00:00.000Z' });
    expect(channel.posts.map((p) => p.period)).toEqual(['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('posts exactly one digest per period when two processes share one store file', async () => {
    const path = newStorePath();
    const a = new SqliteStore(path),
      b = new SqliteStore(path);
    stores.push(a, b);
    await subscribe(a, 'weekly mon 09:00 Asia/Shanghai');
    const channel = fakeChannel();
    const now = () => new Date('2026-11-30T01:00:00Z');
    const one = new DigestScheduler({ store: a, poster: channel, worker: 'p1', now });
    const two = new DigestScheduler({ store: b, poster: channel, worker: 'p2', now });
    const outcomes = await Promise.all([one.tick(), two.tick(), one.tick(), two.tick()]);
    expect(channel.posts).toEqual([{ subscription: 1, period: '2026-11-30T01:00:00.000Z' }]);
    expect(outcomes.flat().filter((o) => o.result === 'posted')).toHaveLength(1);
  });

  it('after a restart mid-post, finds the message that did reach Slack instead of posting again', async () => {
    const path = newStorePath();
    const store = new SqliteStore(path);
    stores.push(store);
    const s = await subscribe(store, 'weekly mon 09:00 Asia/Shanghai');
    const channel = fakeChannel();
    const period = '2026-11-30T01:00:00.000Z';
    // The first process claimed and posted, then died before recording the post.
    await store.claimDigestRun(s.id, period, 'dead', '2026-11-30T01:00:00.000Z', 600_000);
    await channel.post(s, period);
    const restarted = new SqliteStore(path);
    stores.push(restarted);
    let now = new Date('2026-11-30T01:05:00Z');
    const scheduler = new DigestScheduler({ store: restarted, poster: channel, worker: 'new', now: () => now });
    expect((await scheduler.start())[0]!.result).toBe('taken');
    scheduler.stop();
    now = new Date('2026-11-30T01:11:00Z');
    expect((await scheduler.tick())[0]!.result).toBe('recovered');
    expect(channel.posts).toHaveLength(1);
    expect(await restarted.digestRuns(s.id)).toEqual([
      expect.objectContaining({ status: 'posted', messageTs: '1.000' }),
    ]);
  });

  it('after a restart mid-post where nothing reached Slack, posts once', async () => {
    const store = new SqliteStore(newStorePath());
    stores.push(store);
    const s = await subscribe(store, 'weekly mon 09:00 Asia/Shanghai');
    await store.claimDigestRun(s.id, '2026-11-30T01:00:00.000Z', 'dead', '2026-11-30T01:00:00.000Z', 600_000);
    const channel = fakeChannel();
    const scheduler = new DigestScheduler({
      store,
      poster: channel,
      worker: 'new',
      now: () => new Date('2026-11-30T01:20:00Z'),
    });
    expect((await scheduler.tick())[0]!.result).toBe('posted');
    expect((await scheduler.tick())[0]!.result).toBe('taken');
    expect(channel.posts).toHaveLength(1);
  });

  it('catches up a digest missed while down, within the grace window only', async () => {
    const store = new SqliteStore(':memory:');
    stores.push(store);
    await subscribe(store, 'weekly mon 09:00 Asia/Shanghai');
    const channel = fakeChannel();
    const late = new DigestScheduler({
      store,
      poster: channel,
      worker: 'w',
      now: () => new Date('2026-11-30T05:00:00Z'),
      graceMs: 6 * 3600_000,
    });
    expect((await late.tick())[0]).toMatchObject({ result: 'posted', period: '2026-11-30T01:00:00.000Z' });
    const tooLate = new DigestScheduler({
      store,
      poster: channel,
      worker: 'w',
      now: () => new Date('2026-12-07T00:59:00Z'),
      graceMs: 6 * 3600_000,
    });
    expect((await tooLate.tick())[0]!.result).toBe('not-due');
    expect(channel.posts).toHaveLength(1);
  });

  it('records a Slack failure and retries on the next tick; nothing is lost', async () => {
    const store = new SqliteStore(':memory:');
    stores.push(store);
    const s = await subscribe(store, 'daily 08:00 Europe/Berlin');
    const channel = fakeChannel();
    const logs: string[] = [];
    const scheduler = new DigestScheduler({
      store,
      poster: channel,
      worker: 'w',
      now: () => new Date('2026-11-30T07:00:00Z'),
      log: (l) => logs.push(l),
    });
    channel.failNext('slack_webapi_platform_error');
    expect((await scheduler.tick())[0]).toMatchObject({ result: 'failed', error: 'slack_webapi_platform_error' });
    expect((await store.digestRuns(s.id))[0]).toMatchObject({ status: 'failed', error: 'slack_webapi_platform_error' });
    expect((await scheduler.tick())[0]!.result).toBe('posted');
    expect(channel.posts).toHaveLength(1);
    expect(logs.join('\n')).not.toMatch(/CSALES|Maria/);
  });
});

describe('parseSchedule', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  it('reads weekly, daily and cron schedules', async () => {
    expect(parseSchedule(['weekly', 'mon', '09:00', 'Asia/Shanghai'], now)).toMatchObject({
      cron: '0 9 * * 1',
      timeZone: 'Asia/Shanghai',
      next: new Date('2026-11-30T01:00:00Z'),
    });
    expect(parseSchedule(['daily', '7:30'], now)).toMatchObject({ cron: '30 7 * * *', timeZone: 'UTC' });
    expect(parseSchedule(['cron', '0 9 1 * *', 'Europe/London'], now)).toMatchObject({ cron: '0 9 1 * *' });
  });
  it.each([
    [['weekly', 'funday', '09:00'], 'schedule-syntax'],
    [['weekly', 'mon', '25:00'], 'schedule-syntax'],
    [['monthly'], 'schedule-syntax'],
    [['cron', 'not a cron'], 'schedule-syntax'],
    [['weekly', 'mon', '09:00', 'Mars/Olympus'], 'schedule-time-zone'],
    [['cron', '0 0 30 2 *'], 'schedule-never-fires'],
  ])('%j → %s', (words, code) => {
    expect(() => parseSchedule(words, now)).toThrow(expect.objectContaining({ code }));
    expect(() => parseSchedule(words, now)).toThrow(ScheduleError);
  });
});

describe('DigestScheduler across OS processes', () => {
  it('two bot processes on one store file post one digest per period', async () => {
    const { execFile } = await import('node:child_process');
    const { existsSync, readFileSync } = await import('node:fs');
    const worker = new URL('./digest-worker.mjs', import.meta.url).pathname;
    // The worker runs the compiled bot (npm test runs after tsc -b in CI).
    expect(existsSync(new URL('../../../dist/bot/digests/digest-scheduler.js', import.meta.url))).toBe(true);
    const path = newStorePath();
    const store = new SqliteStore(path);
    stores.push(store);
    await subscribe(store, 'weekly mon 09:00 Asia/Shanghai');
    await subscribe(store, 'daily 08:00 UTC');
    const channel = `${path}.channel`;
    const run = (name: string) =>
      new Promise<string[]>((resolve, reject) =>
        execFile(process.execPath, [worker, path, channel, name, '2026-11-30T08:30:00Z'], (error, stdout) =>
          error ? reject(error) : resolve(JSON.parse(stdout) as string[]),
        ),
      );
    const [one, two] = await Promise.all([run('p1'), run('p2')]);
    const posted = readFileSync(channel, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ').slice(0, 2).join(' '));
    expect(posted.sort()).toEqual(['1 2026-11-30T01:00:00.000Z', '2 2026-11-30T08:00:00.000Z']);
    expect([...one, ...two].filter((r) => r === 'posted')).toHaveLength(2);
  });
});
