import type { Question } from '../question.js';

/** "help", 「帮助」, "what can you do": the help card (also the answer to anything not understood). */
export const helpQuestion: Question = {
  id: 'help',
  phrasings: {
    en: ['help', '?', 'what can you do?', 'how does this work', 'what can I ask', 'commands', 'help me'],
    'zh-CN': ['帮助', '怎么用', '使用说明', '你能做什么', '能问什么', '有哪些命令'],
  },
  keywords: {
    en: ['help', 'what can you do', 'what can i ask', 'how does this work', 'commands', 'instructions', 'usage'],
    'zh-CN': ['帮助', '怎么用', '使用说明', '你能做什么', '能做什么', '能问什么', '命令', '说明书'],
  },
  match: (q) => (/^(?:help|\?|帮助|怎么用|使用说明)$/i.test(q.text) ? { kind: 'help' } : undefined),
  toIntent: () => ({ kind: 'help' }),
};
