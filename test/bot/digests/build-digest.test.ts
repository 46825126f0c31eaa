import { afterEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/digests/build-digest.js';
import { renderDigest } from '../../../bot/digests/render-digest.js';
import { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { importRows, ROWS, USERS } from '../fixtures.js';

let store: SqliteStore;
afterEach(() => store?.close());

// A week later: C002 (hibernating, at risk) bought again; C001 (champion) went quiet; a new customer C007.
const LATER = ROWS.map((row) => [...row]);
LATER[1] = ['C002', '上海华东科技有限公司', 'Maria', '2026-11-05', 3, 9000, 0];
LATER[0] = ['C001', '张伟先生', 'Maria', '2026-06-01', 12, 90000, 0];
LATER.push(['C007', '赵敏女士', 'David', '2026-11-06', 1, 300, 0]);

async function twoSnapshots(): Promise<SqliteStore> {
  const s = new SqliteStore(':memory:');
  await importRows(s, ROWS, '2026-11-01');
  await importRows(s, LATER, '2026-11-08');
  await s.mapOwner('Maria', USERS.maria, 'manual');
  return s;
}

describe('buildDigest', () => {
  it('is the first-snapshot digest when there is nothing to compare with', async () => {
    store = new SqliteStore(':memory:');
    await importRows(store);
    const digest = (await buildDigest(store, undefined))!;
    expect(digest.previous).toBeUndefined();
    expect(digest.total).toBe(6);
    expect(digest.newChurnRisks).toBe(4);
    expect(digest.tiers.reduce((n, t) => n + t.count, 0)).toBe(6);
    expect(digest.tiers.reduce((n, t) => n + t.revenueShare, 0)).toBeCloseTo(1, 10);
  });

  it('compares with the previous snapshot: tier change, migration, new risks, win-back and the log success rate', async () => {
    store = await twoSnapshots();
    await store.addExecutionLog({
      date: '2026-11-03',
      customerId: 'C002',
      owner: 'Maria',
      executor: USERS.maria,
      action: 'call',
      feedback: 'ok',
      result: 'success',
      createdAt: 'x',
    });
    await store.addExecutionLog({
      date: '2026-11-04',
      customerId: 'C005',
      owner: 'Maria',
      executor: USERS.maria,
      action: 'call',
      feedback: 'no answer',
      result: 'follow-up',
      createdAt: 'x',
    });
    const digest = (await buildDigest(store, undefined))!;
    expect(digest.snapshot.asOf).toBe('2026-11-08');
    expect(digest.previous!.asOf).toBe('2026-11-01');
    expect(digest.total).toBe(7);
    expect(digest.upgrades.map((u) => u.customerId)).toContain('C002');
    expect(digest.downgrades.map((d) => d.customerId)).toContain('C001');
    expect(digest.winBack).toEqual({ atRisk: 4, won: 1, contacts: 2, successes: 1 });
    const maria = (await buildDigest(store, 'Maria'))!;
    expect(maria.total).toBe(3);
    expect(maria.upgrades.every((u) => ['C001', 'C002', 'C005'].includes(u.customerId))).toBe(true);
  });

  it('masks names in the channel digest, in both locales', async () => {
    store = await twoSnapshots();
    for (const locale of ['en', 'zh-CN'] as const) {
      const { text } = await renderDigest(store, undefined, locale, 'channel');
      expect(text).not.toMatch(/张伟先生|上海华东科技有限公司|赵敏女士|Bob Smith/);
      expect(text).toMatch(locale === 'en' ? /Weekly tier digest — all customers/ : /每周分层简报 — 全部客户/);
    }
    expect((await renderDigest(store, 'Maria', 'en', 'dm-owner')).text).toMatch(/上海华东科技有限公司|张伟先生/);
  });

  it('renders the digest text (en)', async () => {
    store = await twoSnapshots();
    expect((await renderDigest(store, undefined, 'en')).text).toMatchInlineSnapshot(`
      "Weekly tier digest — all customers
      ────────────────────────────────────────────────────────────
      Snapshot 2026-11-08, compared with 2026-11-01
      Tiers — 7 customers · revenue ¥195,100
      • Champions: 0 (-1) · 0.0% of customers · 0.0% of revenue
      • Loyal: 1 (±0) · 14.3% of customers · 23.1% of revenue
      • Potential loyalist: 1 (+1) · 14.3% of customers · 10.3% of revenue
      • New customers: 2 (+1) · 28.6% of customers · 4.8% of revenue
      • Need attention: 0 (-1) · 0.0% of customers · 0.0% of revenue
      • At risk: 2 (+1) · 28.6% of customers · 61.5% of revenue
      • Hibernating: 1 (±0) · 14.3% of customers · 0.4% of revenue
      Share of customers = the tier's customers ÷ all customers; share of revenue = the tier's spend ÷ all spend in the snapshot.
      Top upgrades (2)
      • C004 · *女士: Need attention → Potential loyalist (¥20,000)
      • C002 · B公司: Hibernating → New customers (¥9,000)
      Top downgrades (2)
      • C001 · *先生: Champions → At risk (¥90,000)
      • C003 · Company D: New customers → Hibernating (¥800)
      New churn risks: 1 · at risk now: 4 (57.1% of customers)
      ▸ Suggested action: "Welcome back" gift pack; phone call within 3 days to learn why they stopped (Phone + SMS)
          • C001 · *先生: At risk (¥90,000)
      At risk = any rule-based churn rule matches (no purchase for 3 months with few orders, a recent complaint, or no purchase for 90 days after spending at least 2,000); no probability: the input is one row per customer, without purchase history
      Win-back: 1 of 4 at-risk customers bought again · contacts logged 0, — success"
    `);
  });

  it('lists new churn risks once under each suggested action they share, largest first', async () => {
    store = new SqliteStore(':memory:');
    await importRows(store);
    const lines = (await renderDigest(store, undefined, 'en')).text.split('\n');
    // By revenue C005 30,000, C004 20,000, C002 5,000, C003 800; C005 and C002 are in the churn-risk group, C004 and C003 in potential.
    expect(lines.filter((line) => line.startsWith('▸'))).toEqual([
      '▸ Suggested action: "Welcome back" gift pack; phone call within 3 days to learn why they stopped (Phone + SMS)',
      '▸ Suggested action: Coupon "200 off 1,000"; invitation to the new-product launch (SMS + app push)',
    ]);
    expect(lines.filter((line) => line.startsWith('    • ')).map((line) => line.slice(6, 10))).toEqual([
      'C005',
      'C002',
      'C004',
      'C003',
    ]);
  });

  it('says there is no data when the store is empty', async () => {
    store = new SqliteStore(':memory:');
    expect(await buildDigest(store, undefined)).toBeUndefined();
    expect((await renderDigest(store, undefined, 'zh-CN')).text).toContain('还没有客户数据');
  });
});
