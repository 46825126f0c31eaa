import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion, type AnswerContext } from '../../../bot/answers/answer-question.js';
import { blocksToText } from '../../../bot/blocks/blocks-to-text.js';
import { buildAnswerBlocks } from '../../../bot/blocks/build-answer.js';
import type { ChurnSort, Locale } from '../../../bot/intents/match-intent.js';
import { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { importModelSnapshot } from '../fixtures.js';

let store: SqliteStore;
afterEach(() => store?.close());

async function churnText(locale: Locale, sort?: ChurnSort): Promise<string> {
  store = new SqliteStore(':memory:');
  await importModelSnapshot(store);
  const ctx: AnswerContext = {
    store,
    viewer: { owner: 'Maria', manager: false, admin: false },
    locale,
    surface: 'dm',
    today: '2026-11-25',
  };
  return blocksToText(
    buildAnswerBlocks(await answerQuestion({ kind: 'churn', ...(sort ? { sort } : {}) }, ctx), locale),
  );
}

describe('churn list of a model snapshot: order, expected loss, evidence footer', () => {
  it('en, by risk: probability first, expected loss in pounds, never £0, the evidence and definition in the footer', async () => {
    expect(await churnText('en')).toMatchInlineSnapshot(`
      "Customers at churn risk — Maria
      ────────────────────────────────────────────────────────────
      Most likely to leave first (churn probability; ties by expected loss).
      M1 · Name M1
      Reason: reason M1
      Churn probability: 90% · Expected loss: £100
      Last purchase: 2026-07-04 · Spend: £400 · Segment: At risk
      M3 · Name M3
      Reason: reason M3
      Churn probability: 75% · Expected loss: £800
      Last purchase: 2026-07-04 · Spend: £1,200 · Segment: At risk
      M2 · Name M2
      Reason: reason M2
      Churn probability: 60% · Expected loss: £5,000
      Last purchase: 2026-07-04 · Spend: £9,000 · Segment: At risk
      M4 · Name M4
      Reason: reason M4
      Churn probability: 55% · Expected loss unknown (spend shown instead)
      Last purchase: 2026-07-04 · Spend: £2,500 · Segment: At risk
      At risk = P(no purchase in the next 90 days) ≥ 0.50 by gbdt (back-test AUC 0.81, precision in top 20 0.70, base rate 0.35)
      1–4 of 4 · snapshot 2026-11-01"
    `);
  });

  it('zh-CN, by value: largest expected loss first, the footer in Chinese', async () => {
    expect(await churnText('zh-CN', 'value')).toMatchInlineSnapshot(`
      "流失风险客户 — Maria
      ────────────────────────────
      按预期损失从高到低排序（流失概率 × 未来一年预期价值）。
      M2 · Name M2
      原因: 原因 M2
      流失概率: 60% · 预期损失: £5,000
      最近购买: 2026-07-04 · 累计消费: £9,000 · 细分群体: 流失风险
      M3 · Name M3
      原因: 原因 M3
      流失概率: 75% · 预期损失: £800
      最近购买: 2026-07-04 · 累计消费: £1,200 · 细分群体: 流失风险
      M1 · Name M1
      原因: 原因 M1
      流失概率: 90% · 预期损失: £100
      最近购买: 2026-07-04 · 累计消费: £400 · 细分群体: 流失风险
      M4 · Name M4
      原因: 原因 M4
      流失概率: 55% · 预期损失未知（改为显示累计消费）
      最近购买: 2026-07-04 · 累计消费: £2,500 · 细分群体: 流失风险
      流失风险 = 未来90天不再购买的概率 ≥ 0.50，模型 梯度提升树（回测 AUC 0.81，前20名准确率 0.70，基准流失率 0.35）
      第 1–4 位，共 4 位 · 快照 2026-11-01"
    `);
  });
});
