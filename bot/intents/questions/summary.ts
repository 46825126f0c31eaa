import type { Intent, Question, QuestionText } from '../question.js';

const summaryIntent = (q: QuestionText): Intent => ({
  kind: 'summary',
  ...(q.ownerMention ? { ownerMention: q.ownerMention } : {}),
});

/** Tier counts: "my summary", 「我的客户概况」, a manager's "overview for @maria". */
export const summaryQuestion: Question = {
  id: 'summary',
  phrasings: {
    en: ['my summary', 'overview', 'how are my customers doing', 'give me the breakdown', 'my portfolio', 'sumary'],
    'zh-CN': ['我的客户概况', '客户总览', '汇总一下', '我的客户分布', '整体情况怎么样'],
  },
  keywords: {
    en: [
      'summary',
      'overview',
      'my customers',
      'my book',
      'my portfolio',
      'breakdown',
      'dashboard',
      'stats',
      'statistics',
      'numbers',
      'how am i doing',
      'customers doing',
    ],
    'zh-CN': ['概况', '概览', '汇总', '总览', '我的客户', '分布', '统计', '整体情况', '总体情况'],
  },
  toIntent: summaryIntent,
  help: 'help.summary',
  command: { name: 'summary', usage: '/crm summary [@owner]' },
};
