import type { ChurnSort, Intent, Question, QuestionText } from '../question.js';

const CHURN_PATTERNS: readonly RegExp[] = [
  /\bchurn/i,
  /\bat[\s-]?risk\b/i,
  /\bwin[\s-]?back\b/i,
  /\babout to leave\b/i,
  /流失/,
  /预警/,
  /挽回|挽留/,
  /风险客户/,
];
// "…by value" / 「按价值」: the same churn list, largest expected loss first.
const BY_VALUE =
  /\b(?:by|sorted by|ordered by|rank(?:ed)? by) (?:value|expected loss|spend|revenue)\b|按(?:价值|金额|消费|预期损失)/i;
const BY_RISK =
  /\b(?:by|sorted by|ordered by|rank(?:ed)? by) (?:risk|probability|churn probability)\b|按(?:风险|流失概率|概率)/i;

function findLimit(text: string): number | undefined {
  const m = /(?:top|前|first)\s*(\d{1,3})|(\d{1,3})\s*(?:个|位|名|customers)/i.exec(text);
  const n = m ? Number(m[1] ?? m[2]) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function churnIntent(q: QuestionText): Intent {
  const limit = findLimit(q.text);
  const sort: ChurnSort | undefined = BY_VALUE.test(q.text) ? 'value' : BY_RISK.test(q.text) ? 'risk' : undefined;
  return {
    kind: 'churn',
    ...(limit !== undefined ? { limit } : {}),
    ...(q.ownerMention ? { ownerMention: q.ownerMention } : {}),
    ...(sort ? { sort } : {}),
  };
}

/** Who is likely to leave: the churn list, most likely first (or by value), optionally one owner's. */
export const churnQuestion: Question = {
  id: 'churn',
  phrasings: {
    en: [
      'who is at churn risk',
      'who might leave',
      'anyone slipping away?',
      'chrun risk',
      'which customers are about to leave',
      'top 10 at risk by value',
      'who should I call this week',
      'customers I might lose',
      'who stopped buying',
      'win-back list',
    ],
    'zh-CN': [
      '哪些客户有流失风险',
      '谁快流失了',
      '哪些客户要跟进',
      '流失预警',
      '前10个流失风险客户按价值',
      '谁可能要走了',
      '哪些客户不买了',
      '这周该联系谁',
      '有哪些客户需要挽回',
    ],
  },
  keywords: {
    en: [
      'churn',
      'churning',
      'churned',
      'risk',
      'risky',
      'leave',
      'leaving',
      'slipping',
      'slip away',
      'lapse',
      'lapsing',
      'lapsed',
      'lose',
      'losing',
      'drifting',
      'attrition',
      'retention',
      'win back',
      'stopped buying',
      'stop buying',
      'not buying',
      'follow up',
      'reach out',
      'should call',
      'should contact',
      'going cold',
      'gone quiet',
    ],
    'zh-CN': [
      '流失',
      '快走',
      '要走',
      '走了',
      '离开',
      '不买了',
      '不来了',
      '没下单',
      '跟进',
      '挽回',
      '挽留',
      '预警',
      '风险',
      '该联系谁',
      '要联系',
      '丢客户',
      '快丢',
      '召回',
    ],
  },
  match: (q) => (CHURN_PATTERNS.some((p) => p.test(q.text)) ? churnIntent(q) : undefined),
  toIntent: churnIntent,
  help: 'help.churn',
  command: { name: 'churn', usage: '/crm churn [n] [@owner]' },
};
