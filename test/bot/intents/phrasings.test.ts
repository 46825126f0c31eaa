import { describe, expect, it } from 'vitest';
import { blocksToText } from '../../../bot/blocks/blocks-to-text.js';
import { buildHelpCard } from '../../../bot/blocks/build-answer.js';
import { localeOf } from '../../../bot/answers/reply-to-question.js';
import { asksForHelp, matchIntent, type Intent } from '../../../bot/intents/match-intent.js';
import { QUESTIONS } from '../../../bot/intents/question-registry.js';

const vocabulary = {
  segments: ['champions', 'loyal', 'potential-loyalist', 'new', 'hibernating', 'lost'],
  labels: {
    en: ['Champions', 'Loyal', 'Potential loyalist', 'New customers', 'Hibernating', 'Lost'],
    zh: ['重要价值客户', '忠诚客户', '潜力客户', '新客户', '休眠客户', '流失客户'],
  },
};

const churn = { kind: 'churn' } as const;
const summary = { kind: 'summary' } as const;
const help = { kind: 'help' } as const;

/** How people ask, in their words, with the intent each must reach (issue 13: ≥ 60, ≥ 25 per language). */
const ENGLISH: readonly (readonly [string, Intent])[] = [
  ['who is at churn risk', churn],
  ['who might leave', churn],
  ['anyone slipping away?', churn],
  ['chrun risk', churn],
  ['churm risk', churn],
  ['who is leaving us?', churn],
  ['which customers are about to leave', churn],
  ['customers I might lose', churn],
  ['who am I losing', churn],
  ['who stopped buying', churn],
  ['who should I call this week', churn],
  ['who should I follow up with', churn],
  ['any risky accounts?', churn],
  ['rsik list', churn],
  ['lapsed customers', churn],
  ['who is drifting away', churn],
  ['win-back list', churn],
  ['retention list please', churn],
  ['which accounts are going cold', churn],
  ['top 10 at risk by value', { kind: 'churn', limit: 10, sort: 'value' }],
  ['top 5 who might leave', { kind: 'churn', limit: 5 }],
  ['who might leave for <@UMARIA>', { kind: 'churn', ownerMention: 'UMARIA' }],
  ['my summary', summary],
  ['sumary', summary],
  ['overview', summary],
  ['how are my customers doing', summary],
  ['give me the breakdown', summary],
  ['my portfolio', summary],
  ['overveiw for <@UDAVID>', { kind: 'summary', ownerMention: 'UDAVID' }],
  ['C003', { kind: 'lookup', customerId: 'C003' }],
  ['what about C005?', { kind: 'lookup', customerId: 'C005' }],
  ['show champions', { kind: 'segment', segment: 'champions' }],
  ['my VIP customers', { kind: 'segment', segment: 'champions' }],
  ['hibernating ones', { kind: 'segment', segment: 'hibernating' }],
  ['show champoins', { kind: 'segment', segment: 'champions' }],
  ['hibernatng accounts', { kind: 'segment', segment: 'hibernating' }],
  ['tell me about Acme', { kind: 'search', text: 'Acme' }],
  ['who is Acme Trading', { kind: 'search', text: 'Acme Trading' }],
  ['find Bob Smith', { kind: 'search', text: 'Bob Smith' }],
  ['help', help],
  ['help me', help],
  ['what can I ask?', help],
  ['how does this work', help],
];

const CHINESE: readonly (readonly [string, Intent])[] = [
  ['哪些客户有流失风险', churn],
  ['谁快流失了', churn],
  ['谁快流失了？', churn],
  ['哪些客户要跟进', churn],
  ['流失预警', churn],
  ['谁可能要走了', churn],
  ['哪些客户不买了', churn],
  ['最近谁不来了', churn],
  ['这周该联系谁', churn],
  ['有哪些客户需要挽回', churn],
  ['哪些客户好久没下单', churn],
  ['谁的留失风险高', churn],
  ['帮我看看风险名单', churn],
  ['要召回哪些老客户', churn],
  ['前10个流失风险客户按价值', { kind: 'churn', limit: 10, sort: 'value' }],
  ['前5个快走的客户', { kind: 'churn', limit: 5 }],
  ['<@UMARIA> 的流失风险', { kind: 'churn', ownerMention: 'UMARIA' }],
  ['我的客户概况', summary],
  ['客户总览', summary],
  ['汇总一下', summary],
  ['我的客户分布', summary],
  ['整体情况怎么样', summary],
  ['客户 C003', { kind: 'lookup', customerId: 'C003' }],
  ['查一下 C005', { kind: 'lookup', customerId: 'C005' }],
  ['高价值客户', { kind: 'segment', segment: 'champions' }],
  ['休眠客户', { kind: 'segment', segment: 'hibernating' }],
  ['看看忠诚客户', { kind: 'segment', segment: 'loyal' }],
  ['查一下 华东科技', { kind: 'search', text: '华东科技' }],
  ['客户 张伟', { kind: 'search', text: '张伟' }],
  ['帮助', help],
  ['怎么用', help],
  ['你能做什么？', help],
  ['能问什么', help],
];

/** What the bot does not understand: the help card, marked as a fallback, in the asker's language. */
const MISSES: readonly string[] = [
  'what is the weather',
  'lunch?',
  'thanks!',
  'hello there',
  'asdfgh',
  '今天天气怎么样',
  '你好',
  '谢谢',
  '午饭吃什么',
];

describe('the phrasing table', () => {
  it('has at least 60 phrasings, 25 in each language', () => {
    expect(ENGLISH.length).toBeGreaterThanOrEqual(25);
    expect(CHINESE.length).toBeGreaterThanOrEqual(25);
    expect(ENGLISH.length + CHINESE.length).toBeGreaterThanOrEqual(60);
  });

  it.each([...ENGLISH, ...CHINESE])('%s', (text, intent) => {
    expect(matchIntent(text, vocabulary)).toEqual(intent);
  });

  it.each(MISSES)('%s is a miss: the help card as a fallback', (text) => {
    expect(matchIntent(text, vocabulary)).toEqual(help);
    expect(asksForHelp(text)).toBe(false);
  });

  it('the help reply of a miss is in the asker’s language and names what can be asked', () => {
    const en = blocksToText(buildHelpCard(true, localeOf('what is the weather', 'zh-CN')));
    expect(en).toContain("I didn't understand that. Here is what I can answer:");
    expect(en).toContain(
      '• who is at churn risk · who might leave — your customers most likely to leave, ranked · `/crm churn [n] [@owner]`',
    );
    const zh = blocksToText(buildHelpCard(true, localeOf('今天天气怎么样', 'en')));
    expect(zh).toContain('没有理解您的问题。我可以回答：');
    expect(zh).toContain(
      '• 哪些客户有流失风险 · 谁快流失了 — 最可能流失的客户，按风险排序 · `/crm churn [n] [@owner]`',
    );
    expect(zh).not.toMatch(/who is at churn risk|one customer/);
  });

  it("every registry question's own phrasings reach it", () => {
    for (const question of QUESTIONS)
      for (const text of [...question.phrasings.en, ...question.phrasings['zh-CN']]) {
        const intent = matchIntent(text, vocabulary);
        // A question with its own answer is recognised as `asked` with its id; a built-in one by its kind.
        expect({ text, id: intent.kind === 'asked' ? intent.question : intent.kind }).toEqual({
          text,
          id: question.id,
        });
      }
  });
});
