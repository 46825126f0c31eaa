import { describe, expect, it } from 'vitest';
import { asksForHelp, detectLocale, matchIntent } from '../../../bot/intents/match-intent.js';

const vocabulary = {
  segments: ['champions', 'loyal', 'potential-loyalist', 'at-risk', 'hibernating'],
  labels: {
    en: ['Champions', 'Loyal', 'Potential loyalist', 'At risk', 'Hibernating'],
    zh: ['冠军客户', '忠诚客户', '潜力忠诚客户', '流失风险', '休眠客户'],
  },
};

describe('matchIntent', () => {
  it.each([
    ['who is at churn risk', { kind: 'churn' }],
    ['at-risk customers', { kind: 'churn' }],
    ['Who is at risk?', { kind: 'churn' }],
    ['哪些客户有流失风险', { kind: 'churn' }],
    ['流失预警', { kind: 'churn' }],
    ['top 10 churn risks', { kind: 'churn', limit: 10 }],
    ['前20个流失客户', { kind: 'churn', limit: 20 }],
    ['churn risk for <@UMARIA>', { kind: 'churn', ownerMention: 'UMARIA' }],
    ['C003', { kind: 'lookup', customerId: 'C003' }],
    ['客户 C003', { kind: 'lookup', customerId: 'C003' }],
    ['tell me about c00042', { kind: 'lookup', customerId: 'C00042' }],
    ['tell me about Acme', { kind: 'search', text: 'Acme' }],
    ['查一下 华东科技', { kind: 'search', text: '华东科技' }],
    ['show champions', { kind: 'segment', segment: 'champions' }],
    ['高价值客户', { kind: 'segment', segment: 'champions' }],
    ['show potential loyalist', { kind: 'segment', segment: 'potential-loyalist' }],
    ['休眠客户', { kind: 'segment', segment: 'hibernating' }],
    ['my summary', { kind: 'summary' }],
    ['我的客户概况', { kind: 'summary' }],
    ['help', { kind: 'help' }],
    ['帮助', { kind: 'help' }],
    ['what is the weather', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['ＣＨＵＲＮ', { kind: 'churn' }],
  ])('%s', (text, intent) => {
    expect(matchIntent(text, vocabulary)).toEqual(intent);
  });

  it('ignores the bot mention itself', () => {
    expect(matchIntent('<@UBOT> who is at churn risk', vocabulary, 'UBOT')).toEqual({ kind: 'churn' });
    expect(matchIntent('<@UBOT>', vocabulary, 'UBOT')).toEqual({ kind: 'help' });
  });

  it('detects the language from Han characters', () => {
    expect(detectLocale('流失')).toBe('zh-CN');
    expect(detectLocale('churn')).toBe('en');
  });

  it('reads the order of a churn list: "…by value" / 按价值 puts expected loss first, "by risk" / 按风险 the default', () => {
    expect(matchIntent('who is at churn risk by value')).toEqual({ kind: 'churn', sort: 'value' });
    expect(matchIntent('top 10 at risk, sorted by expected loss')).toEqual({ kind: 'churn', limit: 10, sort: 'value' });
    expect(matchIntent('流失风险客户 按价值')).toEqual({ kind: 'churn', sort: 'value' });
    expect(matchIntent('前10个流失风险客户按金额排序')).toEqual({ kind: 'churn', limit: 10, sort: 'value' });
    expect(matchIntent('at-risk customers by risk')).toEqual({ kind: 'churn', sort: 'risk' });
    expect(matchIntent('流失风险 按风险')).toEqual({ kind: 'churn', sort: 'risk' });
    expect(matchIntent('who is at churn risk')).toEqual({ kind: 'churn' });
    // "value" alone is not an order: "high value" names a segment.
    expect(matchIntent('churn risk among high value customers')).toEqual({ kind: 'churn' });
  });
});

describe('asksForHelp: the one help test (intent, Slack reply, tierline ask)', () => {
  it.each(['help', ' HELP ', '?', '帮助', '<@U0BOT> 帮助', '怎么用', '使用说明', 'what can you do?', '你能做什么'])(
    '%j asks for help',
    (text) => {
      expect(asksForHelp(text)).toBe(true);
    },
  );
  it.each(['', '<@U0BOT>', 'helpful customers', 'show champions', '客户 C003'])('%j does not', (text) => {
    expect(asksForHelp(text)).toBe(false);
  });
});
