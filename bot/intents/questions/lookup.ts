import type { Question } from '../question.js';

const CUSTOMER_ID = /\b([A-Za-z]{1,4}-?\d{2,})\b/;

/** One customer by id: "C003", 「客户 C003」, "tell me about c00042". */
export const lookupQuestion: Question = {
  id: 'lookup',
  phrasings: {
    en: ['C003', 'tell me about c00042', 'what about C005?'],
    'zh-CN': ['客户 C003', '查一下 C005', 'C00042 的情况'],
  },
  match: (q) => {
    const id = CUSTOMER_ID.exec(q.text);
    return id ? { kind: 'lookup', customerId: id[1]!.toUpperCase() } : undefined;
  },
  help: 'help.lookup',
  command: { name: 'customer', usage: '/crm customer <id>' },
};
