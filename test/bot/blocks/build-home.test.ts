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

function home(user: string, locale: Locale) {
  const ctx: AnswerContext = { store, viewer: resolveViewer(store, user, { managers: [], admins: [] }), locale, surface: 'dm', today: '2026-11-25' };
  return buildHome(answerQuestion({ kind: 'summary' }, ctx), answerQuestion({ kind: 'churn' }, ctx), 2, locale);
}

describe('App Home and digest blocks', () => {
  it('App Home (en): tiers, top risks with buttons, contacts this week', () => {
    store = fixtureStore();
    const view = home(USERS.david, 'en');
    expect(view.blocks.filter((b) => b.type === 'actions')).toHaveLength(2);
    expect(blocksToText(view.blocks)).toMatchInlineSnapshot(`
      "Tierline
      ────────────────
      Your customers by segment (2026-11-01)
      • Loyal: 1 · ¥45,000
      • New customers: 1 · ¥800
      • Need attention: 1 · ¥20,000
      Top customers at churn risk
      Ranked by spend: this snapshot has no reliable lifetime model, so the SPEC churn rule decides who is at risk.
      C004 · 李娜女士
      Reason: complaints in 6 months: 2
      Last purchase: 2026-10-01 · Spend: ¥20,000 · Segment: Need attention
      Suggested action: Coupon "200 off 1,000"; invitation to the new-product launch (SMS + app push)
      C003 · Acme Trading Co., Ltd.
      Reason: No purchase in 3 months; lifetime purchases 1 ≤ 3; complaints in 6 months: 1
      Last purchase: 2026-04-01 · Spend: ¥800 · Segment: New customers
      Suggested action: Coupon "200 off 1,000"; invitation to the new-product launch (SMS + app push)
      1–2 of 2 · snapshot 2026-11-01
      Contacts logged this week: 2"
    `);
  });

  it('App Home (zh-CN) for an unmapped user says how to get mapped', () => {
    store = fixtureStore();
    expect(blocksToText(home(USERS.eve, 'zh-CN').blocks)).toMatchInlineSnapshot(`
      "Tierline
      ────────────────
      您的 Slack 账号尚未关联客户经理。请管理员运行 \`/crm users map "姓名=@您"\`。"
    `);
  });

  it('digest (zh-CN), names masked', () => {
    store = fixtureStore();
    const later = ROWS.map((r) => [...r]);
    later[3] = ['C004', '李娜女士', 'David', '2026-11-06', 7, 26000, 0];
    importRows(store, later, '2026-11-08');
    expect(renderDigest(store, 'David', 'zh-CN').text).toMatchInlineSnapshot(`
      "每周分层简报 — David
      ────────────────────────────
      快照 2026-11-08，对比 2026-11-01
      分层 — 3 · ¥71,800
      • 忠诚客户: 2 (+1) · 98.9%
      • 新客户: 1 (±0) · 1.1%
      • 需要关注: 0 (-1) · 0.0%
      升级最多 (1)
      • C004 · *女士: 需要关注 → 忠诚客户 (¥26,000)
      新增流失风险：0
      挽回：2 位风险客户中 1 位再次购买 · 已记录联系 0 次，成功率 —"
    `);
  });
});
