import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion, type AnswerContext } from '../../../bot/answers/answer-question.js';
import { resolveViewer } from '../../../bot/access/resolve-viewer.js';
import { blocksToText } from '../../../bot/blocks/blocks-to-text.js';
import { buildAnswerBlocks, buildChurnList, buildHelpCard } from '../../../bot/blocks/build-answer.js';
import { buildLogContactModal } from '../../../bot/blocks/build-log-contact-modal.js';
import { helpLines } from '../../../bot/intents/question-registry.js';
import type { Locale } from '../../../bot/intents/match-intent.js';
import type { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { fixtureStore, USERS } from '../fixtures.js';

let store: SqliteStore;
afterEach(() => store?.close());

async function answer(
  intent: Parameters<typeof answerQuestion>[0],
  locale: Locale,
  user: string = USERS.maria,
  request = {},
) {
  const ctx: AnswerContext = {
    store,
    viewer: await resolveViewer(store, user, { managers: [], admins: [] }),
    locale,
    surface: 'dm',
    today: '2026-11-25',
  };
  return await answerQuestion(intent, ctx, request);
}

describe('Block Kit builders', () => {
  it('churn list (en): reason, last purchase, spend, segment, action, three buttons per customer', async () => {
    store = fixtureStore();
    const a = await answer({ kind: 'churn' }, 'en');
    if (a.kind !== 'churn') throw new Error(a.kind);
    const blocks = buildChurnList(a, 'en');
    expect(blocks[3]).toMatchInlineSnapshot(`
      {
        "block_id": "customer:C005",
        "elements": [
          {
            "action_id": "tierline_log_contact",
            "style": "primary",
            "text": {
              "text": "Log contact",
              "type": "plain_text",
            },
            "type": "button",
            "value": "{"c":"C005"}",
          },
          {
            "action_id": "tierline_snooze",
            "text": {
              "text": "Snooze 30 days",
              "type": "plain_text",
            },
            "type": "button",
            "value": "{"c":"C005"}",
          },
          {
            "action_id": "tierline_details",
            "text": {
              "text": "Details",
              "type": "plain_text",
            },
            "type": "button",
            "value": "{"c":"C005"}",
          },
        ],
        "type": "actions",
      }
    `);
    expect(blocksToText(blocks)).toMatchInlineSnapshot(`
      "Customers at churn risk — Maria
      ────────────────────────────────────────────────────────────
      Most likely to leave first (churn probability; ties by expected loss).
      C005 · Bob Smith
      Reason: silent 335 days since their last purchase; 3 orders, ¥30,000 in all; matches the rule "no purchase in 3 months and at most 3 orders, or a complaint"; matches the rule "no purchase in 90 days, spend ≥ 2,000"
      Expected loss unknown (spend shown instead)
      Last purchase: 2025-12-01 · Spend: ¥30,000 · Segment: At risk
      Suggested action: "Welcome back" gift pack; phone call within 3 days to learn why they stopped (Phone + SMS)
      C002 · 上海华东科技有限公司
      Reason: silent 245 days since their last purchase; 2 orders, ¥5,000 in all; matches the rule "no purchase in 3 months and at most 3 orders, or a complaint"; matches the rule "no purchase in 90 days, spend ≥ 2,000"
      Expected loss unknown (spend shown instead)
      Last purchase: 2026-03-01 · Spend: ¥5,000 · Segment: Hibernating
      Suggested action: "Welcome back" gift pack; phone call within 3 days to learn why they stopped (Phone + SMS)
      Decided by rule-based churn rules: no back-test (no probability to measure)
      At risk = any rule-based churn rule matches (no purchase for 3 months with few orders, a recent complaint, or no purchase for 90 days after spending at least 2,000); no probability: the input is one row per customer, without purchase history
      1–2 of 2 · snapshot 2026-11-01"
    `);
  });

  it('churn list (zh-CN)', async () => {
    store = fixtureStore();
    const a = await answer({ kind: 'churn' }, 'zh-CN');
    if (a.kind !== 'churn') throw new Error(a.kind);
    expect(blocksToText(buildChurnList(a, 'zh-CN'))).toMatchInlineSnapshot(`
      "流失风险客户 — Maria
      ────────────────────────────
      按流失概率从高到低排序（相同时按预期损失）。
      C005 · Bob Smith
      原因: 最近一次购买后已 335 天未购买；共 3 单，累计 30,000元；符合规则「近3个月未消费且历史消费≤3次，或有投诉」；符合规则「90天未消费且历史消费≥2,000」
      预期损失未知（改为显示累计消费）
      最近购买: 2025-12-01 · 累计消费: 30,000元 · 细分群体: 流失风险
      建议动作: 赠送「回归专享礼包」；3天内电话回访了解流失原因 (电话 + 短信)
      C002 · 上海华东科技有限公司
      原因: 最近一次购买后已 245 天未购买；共 2 单，累计 5,000元；符合规则「近3个月未消费且历史消费≤3次，或有投诉」；符合规则「90天未消费且历史消费≥2,000」
      预期损失未知（改为显示累计消费）
      最近购买: 2026-03-01 · 累计消费: 5,000元 · 细分群体: 休眠客户
      建议动作: 赠送「回归专享礼包」；3天内电话回访了解流失原因 (电话 + 短信)
      判定依据：规则判定；无回测（没有可衡量的概率）
      流失风险 = 符合任一规则判定的流失条件（近3个月未消费且订单少、近期有投诉，或累计消费满2,000后90天未消费）；无概率：输入为每位客户一行，无购买明细
      第 1–2 位，共 2 位 · 快照 2026-11-01"
    `);
  });

  it('pagination buttons carry the next offset and the manager request', async () => {
    store = fixtureStore();
    const a = await answer({ kind: 'churn', ownerMention: USERS.david }, 'en', USERS.mona, { pageSize: 1, offset: 0 });
    if (a.kind !== 'churn') throw new Error(a.kind);
    const blocks = buildChurnList(a, 'en', USERS.david);
    expect(blocks.at(-1)).toMatchInlineSnapshot(`
      {
        "block_id": "pagination",
        "elements": [
          {
            "action_id": "tierline_page_sort",
            "text": {
              "text": "Sort by value",
              "type": "plain_text",
            },
            "type": "button",
            "value": "{"kind":"churn","user":"UDAVID","sort":"value","offset":0,"pageSize":1}",
          },
          {
            "action_id": "tierline_page_next",
            "text": {
              "text": "Next page",
              "type": "plain_text",
            },
            "type": "button",
            "value": "{"kind":"churn","user":"UDAVID","offset":1,"pageSize":1}",
          },
        ],
        "type": "actions",
      }
    `);
  });

  it('customer card and summary in both locales', async () => {
    store = fixtureStore();
    expect(blocksToText(buildAnswerBlocks(await answer({ kind: 'lookup', customerId: 'C002' }, 'en'), 'en')))
      .toMatchInlineSnapshot(`
      "C002 · 上海华东科技有限公司
      ──────────────────────────────────
      Reason: silent 245 days since their last purchase; 2 orders, ¥5,000 in all; matches the rule "no purchase in 3 months and at most 3 orders, or a complaint"; matches the rule "no purchase in 90 days, spend ≥ 2,000"
      Expected loss unknown (spend shown instead)
      Last purchase: 2026-03-01 · Spend: ¥5,000 · Segment: Hibernating
      Suggested action: "Welcome back" gift pack; phone call within 3 days to learn why they stopped (Phone + SMS)
      Owner: Maria · Days since purchase: 245 · Purchases: 2 · Average order: ¥2,500 · Due: 2026-11-15"
    `);
    expect(blocksToText(buildAnswerBlocks(await answer({ kind: 'lookup', customerId: 'C002' }, 'zh-CN'), 'zh-CN')))
      .toMatchInlineSnapshot(`
      "C002 · 上海华东科技有限公司
      ──────────────────────────────────
      原因: 最近一次购买后已 245 天未购买；共 2 单，累计 5,000元；符合规则「近3个月未消费且历史消费≤3次，或有投诉」；符合规则「90天未消费且历史消费≥2,000」
      预期损失未知（改为显示累计消费）
      最近购买: 2026-03-01 · 累计消费: 5,000元 · 细分群体: 休眠客户
      建议动作: 赠送「回归专享礼包」；3天内电话回访了解流失原因 (电话 + 短信)
      客户经理: Maria · 距上次购买天数: 245 · 购买次数: 2 · 客单价: 2,500元 · 时间节点: 2026-11-15"
    `);
    expect(blocksToText(buildAnswerBlocks(await answer({ kind: 'summary' }, 'en'), 'en'))).toMatchInlineSnapshot(`
      "Customers of Maria
      ────────────────────────────────────
      3 customers · 2 at churn risk · spend ¥125,000
      • Champions: 1 · ¥90,000
      • At risk: 1 · ¥30,000
      • Hibernating: 1 · ¥5,000
      2026-11-01
      Decided by rule-based churn rules: no back-test (no probability to measure)
      At risk = any rule-based churn rule matches (no purchase for 3 months with few orders, a recent complaint, or no purchase for 90 days after spending at least 2,000); no probability: the input is one row per customer, without purchase history"
    `);
    expect(blocksToText(buildAnswerBlocks(await answer({ kind: 'summary' }, 'zh-CN'), 'zh-CN'))).toMatchInlineSnapshot(`
      "Maria 的客户概况
      ──────────────────────
      3 位客户 · 2 位有流失风险 · 消费 125,000元
      • 冠军客户: 1 · 90,000元
      • 流失风险: 1 · 30,000元
      • 休眠客户: 1 · 5,000元
      2026-11-01
      判定依据：规则判定；无回测（没有可衡量的概率）
      流失风险 = 符合任一规则判定的流失条件（近3个月未消费且订单少、近期有投诉，或累计消费满2,000后90天未消费）；无概率：输入为每位客户一行，无购买明细"
    `);
  });

  it('help card (fallback) in both locales: the fallback line, the title, then the registry’s help lines', async () => {
    const en = blocksToText(buildHelpCard(true, 'en')).split('\n');
    expect(en.slice(0, 2)).toEqual(["I didn't understand that. Here is what I can answer:", 'What I can answer']);
    // Adding a question to the registry adds its line here without editing this test (issue 14).
    expect(en.slice(3)).toEqual(helpLines('en').map((line) => line.replace(/\*/g, '')));
    expect(en[3]).toBe(
      '• who is at churn risk · who might leave — your customers most likely to leave, ranked · `/crm churn [n] [@owner]`',
    );
    expect(en.at(-1)).toBe(
      '• managers: `/crm churn @maria`, `/crm digest subscribe #sales weekly mon 09:00 Asia/Shanghai all`',
    );
    const zh = blocksToText(buildHelpCard(true, 'zh-CN')).split('\n');
    expect(zh.slice(0, 2)).toEqual(['没有理解您的问题。我可以回答：', '我可以回答这些问题']);
    expect(zh.slice(3)).toEqual(helpLines('zh-CN').map((line) => line.replace(/\*/g, '')));
    expect(zh[3]).toBe('• 哪些客户有流失风险 · 谁快流失了 — 最可能流失的客户，按风险排序 · `/crm churn [n] [@owner]`');
    expect(zh.at(-1)).toBe(
      '• 主管：`/crm churn @maria`、`/crm digest subscribe #sales weekly mon 09:00 Asia/Shanghai all`',
    );
  });

  it('log contact modal: SPEC Template 3 fields, suggested action prefilled', async () => {
    expect(buildLogContactModal('C002', 'C002 · 上海华东科技有限公司', '2026-11-25', 'Phone call', 'zh-CN'))
      .toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "elements": [
              {
                "text": "C002 · 上海华东科技有限公司",
                "type": "mrkdwn",
              },
            ],
            "type": "context",
          },
          {
            "block_id": "date",
            "element": {
              "action_id": "date",
              "initial_date": "2026-11-25",
              "type": "datepicker",
            },
            "label": {
              "text": "执行日期",
              "type": "plain_text",
            },
            "type": "input",
          },
          {
            "block_id": "action",
            "element": {
              "action_id": "action",
              "initial_value": "Phone call",
              "max_length": 500,
              "type": "plain_text_input",
            },
            "label": {
              "text": "动作描述",
              "type": "plain_text",
            },
            "type": "input",
          },
          {
            "block_id": "feedback",
            "element": {
              "action_id": "feedback",
              "max_length": 2000,
              "multiline": true,
              "type": "plain_text_input",
            },
            "label": {
              "text": "客户反馈",
              "type": "plain_text",
            },
            "type": "input",
          },
          {
            "block_id": "result",
            "element": {
              "action_id": "result",
              "options": [
                {
                  "text": {
                    "text": "成功",
                    "type": "plain_text",
                  },
                  "value": "success",
                },
                {
                  "text": {
                    "text": "待跟进",
                    "type": "plain_text",
                  },
                  "value": "follow-up",
                },
              ],
              "type": "radio_buttons",
            },
            "label": {
              "text": "结果标记",
              "type": "plain_text",
            },
            "type": "input",
          },
        ],
        "callback_id": "tierline_log_contact_submit",
        "close": {
          "text": "取消",
          "type": "plain_text",
        },
        "private_metadata": "{"customerId":"C002","locale":"zh-CN"}",
        "submit": {
          "text": "保存",
          "type": "plain_text",
        },
        "title": {
          "text": "记录联系",
          "type": "plain_text",
        },
        "type": "modal",
      }
    `);
  });

  it('never lets a customer name become markup or a mention', async () => {
    store = fixtureStore();
    const s = (await store.latestSnapshot())!;
    const c = { ...(await store.customer(s.id, 'C005'))!, displayName: '<!channel> *bold*' };
    const blocks = buildChurnList(
      {
        kind: 'churn',
        snapshot: s,
        owner: 'Maria',
        sort: 'risk',
        customers: [c],
        page: { offset: 0, pageSize: 5, total: 1 },
      },
      'en',
    );
    const text = JSON.stringify(blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt; ＊bold＊');
  });
});
