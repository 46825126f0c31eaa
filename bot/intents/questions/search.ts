import type { Question } from '../question.js';

// "tell me about Acme", 「查一下 华东科技」: asked in so many words, before any keyword.
const ASKED_BY_NAME =
  /^(?:(?:tell me about|look up|lookup|查询|查一下|查找|告诉我)\s*[:：]?|客户\s*[:：]|客户\s+)\s*(.+?)[?？。.!]*$/i;
// "who is Acme", "find Bob", 「客户张伟」: a name only when no question word matched.
const NAMED = /^(?:who is|show me|find|客户)\s*[:：]?\s*(.+?)[?？。.!]*$/i;

const named = (pattern: RegExp, text: string) => {
  const m = pattern.exec(text);
  const name = m?.[1]?.trim();
  return name && name.length >= 2 ? { kind: 'search' as const, text: name } : undefined;
};

/** Customers by name: "tell me about Acme", 「查一下 华东科技」. */
export const searchQuestion: Question = {
  id: 'search',
  phrasings: {
    en: ['tell me about Acme', 'look up Bob Smith', 'who is Acme Trading'],
    'zh-CN': ['查一下 华东科技', '查询 张伟', '告诉我 上海华东'],
  },
  match: (q) => named(ASKED_BY_NAME, q.text),
  lastResort: (q) => named(NAMED, q.text),
};
