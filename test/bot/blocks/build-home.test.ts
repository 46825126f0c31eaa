import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion, type AnswerContext } from '../../../bot/answers/answer-question.js';
import { resolveViewer } from '../../../bot/access/resolve-viewer.js';
import { blocksToText } from '../../../bot/blocks/blocks-to-text.js';
import { buildHome } from '../../../bot/blocks/build-home.js';
import { renderDigest } from '../../../bot/digests/render-digest.js';
import type { Locale } from '../../../bot/intents/match-intent.js';
import type { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { fixtureStore, importRows, ROWS, USERS } from '../fixtures.js';

let store: SqliteStore;
afterEach(() => store?.close());

async function home(user: string, locale: Locale) {
  const ctx: AnswerContext = {
    store,
    viewer: await resolveViewer(store, user, { managers: [], admins: [] }),
    locale,
    surface: 'dm',
    today: '2026-11-25',
  };
  return buildHome(
    await answerQuestion({ kind: 'summary' }, ctx),
    await answerQuestion({ kind: 'churn' }, ctx),
    2,
    locale,
  );
}

describe('App Home and digest blocks', () => {
  it('App Home (en): tiers, top risks with buttons, contacts this week', async () => {
    store = fixtureStore();
    const view = await home(USERS.david, 'en');
    // Two customers' buttons, then the list controls (Sort by value; one page, so no page buttons).
    const actions = view.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(3);
    expect(actions[2]).toMatchObject({
      block_id: 'pagination',
      elements: [{ action_id: 'tierline_page_sort', value: '{"kind":"churn","sort":"value","offset":0,"pageSize":5}' }],
    });
    expect(blocksToText(view.blocks)).toMatchInlineSnapshot(`
      "Tierline
      ────────────────
      Your customers by segment (2026-11-01)
      • Loyal: 1 · ¥45,000
      • New customers: 1 · ¥800
      • Need attention: 1 · ¥20,000
      Top customers at churn risk
      Most likely to leave first (churn probability; ties by expected loss).
      C004 · 李娜女士
      Reason: silent 31 days since their last purchase; 6 orders, ¥20,000 in all; matches the rule "no purchase in 3 months and at most 3 orders, or a complaint"; 2 complaint(s) in 6 months
      Expected loss unknown (spend shown instead)
      Last purchase: 2026-10-01 · Spend: ¥20,000 · Segment: Need attention
      Suggested action: Coupon "200 off 1,000"; invitation to the new-product launch (SMS + app push)
      C003 · Acme Trading Co., Ltd.
      Reason: silent 214 days since their only purchase day; 1 order, ¥800; matches the rule "no purchase in 3 months, at most 1 order"; matches the rule "no purchase in 3 months and at most 3 orders, or a complaint"; 1 complaint(s) in 6 months
      Expected loss unknown (spend shown instead)
      Last purchase: 2026-04-01 · Spend: ¥800 · Segment: New customers
      Suggested action: Coupon "200 off 1,000"; invitation to the new-product launch (SMS + app push)
      Decided by rule-based churn rules: no back-test (no probability to measure)
      At risk = any rule-based churn rule matches (no purchase for 3 months with few orders, a recent complaint, or no purchase for 90 days after spending at least 2,000); no probability: the input is one row per customer, without purchase history
      1–2 of 2 · snapshot 2026-11-01
      Contacts logged this week: 2"
    `);
  });

  it('App Home (zh-CN) for an unmapped user says how to get mapped', async () => {
    store = fixtureStore();
    expect(blocksToText((await home(USERS.eve, 'zh-CN')).blocks)).toMatchInlineSnapshot(`
      "Tierline
      ────────────────
      您的 Slack 账号尚未关联客户经理。请管理员运行 \`/crm users map "姓名=@您"\`。"
    `);
  });

  it('digest (zh-CN), names masked', async () => {
    store = fixtureStore();
    const later = ROWS.map((r) => [...r]);
    later[3] = ['C004', '李娜女士', 'David', '2026-11-06', 7, 26000, 0];
    await importRows(store, later, '2026-11-08');
    expect((await renderDigest(store, 'David', 'zh-CN')).text).toMatchInlineSnapshot(`
      "每周分层简报 — David
      ────────────────────────────
      快照 2026-11-08，对比 2026-11-01
      分层 — 3位客户 · 收入71,800元
      • 忠诚客户：2位 (+1) · 占客户数 66.7% · 占收入 98.9%
      • 新客户：1位 (±0) · 占客户数 33.3% · 占收入 1.1%
      • 需要关注：0位 (-1) · 占客户数 0.0% · 占收入 0.0%
      占客户数 = 该层客户数 ÷ 全部客户数；占收入 = 该层消费额 ÷ 快照内全部消费额。
      升级最多 (1)
      • C004 · *女士: 需要关注 → 忠诚客户 (26,000元)
      新增流失风险：0 · 当前流失风险：1（占客户 33.3%）
      流失风险 = 符合任一规则判定的流失条件（近3个月未消费且订单少、近期有投诉，或累计消费满2,000后90天未消费）；无概率：输入为每位客户一行，无购买明细
      挽回：2 位风险客户中 1 位再次购买 · 已记录联系 0 次，成功率 —"
    `);
  });
});
