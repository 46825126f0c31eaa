/**
 * The bot's questions, one entry each (issue 14: a new question is one entry
 * file, one line here, its catalogue sentences and its test). The matcher
 * (match-intent.ts), the help card (build-answer.ts) and the `/crm` usage
 * lines (run-crm-command.ts) are all derived from this list.
 */

import type { Locale } from '../../core/index.js';
import { message } from '../i18n/messages.js';
import type { QuestionText } from './question.js';
import { churnQuestion } from './questions/churn.js';
import { contactsQuestion } from './questions/contacts.js';
import { helpQuestion } from './questions/help.js';
import { lookupQuestion } from './questions/lookup.js';
import { searchQuestion } from './questions/search.js';
import { segmentQuestion } from './questions/segment.js';
import { summaryQuestion } from './questions/summary.js';
import type { Question } from './question.js';

export type { Question, QuestionText };

/** In the order their exact rules are tried; keyword ties go to the earlier one. */
export const QUESTIONS: readonly Question[] = [
  helpQuestion,
  churnQuestion,
  lookupQuestion,
  segmentQuestion,
  summaryQuestion,
  contactsQuestion,
  searchQuestion,
];

/** The entry whose answer serves `{ kind: 'asked', question: id }`. */
export function findQuestion(id: string): Question | undefined {
  return QUESTIONS.find((q) => q.id === id);
}

/**
 * The help card's lines in `locale`, one per question with a help key: its
 * first two phrasings, what it answers, and its `/crm` usage; then the managers' line.
 * @example helpLines('en')[0] // '• *who is at churn risk* · *who might leave* — your customers most likely to leave, ranked · `/crm churn [n] [@owner]`'
 */
export function helpLines(locale: Locale): string[] {
  const lines = QUESTIONS.filter((q) => q.help).map((q) => {
    const asked = q.phrasings[locale]
      .slice(0, 2)
      .map((p) => `*${p}*`)
      .join(' · ');
    return `• ${asked} — ${message(q.help!, locale)}${q.command ? ` · \`${q.command.usage}\`` : ''}`;
  });
  return [...lines, `• ${message('help.managers', locale)}`];
}

/** The `/crm` usage line of each question that has a subcommand, by subcommand name. */
export function commandUsages(): Record<string, string> {
  return Object.fromEntries(QUESTIONS.flatMap((q) => (q.command ? [[q.command.name, q.command.usage]] : [])));
}
