/**
 * The bot's question matcher, derived from the question registry
 * (question-registry.ts): no language model (issue 6), no list of typos
 * (issue 13). A question is tried in three passes:
 * 1. each entry's exact rules, in registry order (help words, churn
 *    patterns, customer ids, segment names, "tell me about …");
 * 2. keywords in both languages, typo-tolerant (text-similarity.ts): the
 *    entry with the longest keyword found wins, ties to the earlier entry;
 * 3. last-resort rules ("who is Acme" as a name search).
 * Anything else is `help`, so the asker gets the help card instead of silence.
 */

import type { Locale } from '../../core/index.js';
import { QUESTIONS } from './question-registry.js';
import type { Intent, Question, QuestionText, SegmentVocabulary } from './question.js';
import { containsNearPhrase, isNearWord } from './text-similarity.js';

// One Locale type (issue 14): the catalogue's, re-exported for the bot's modules.
export type { Locale } from '../../core/index.js';
export type { ChurnSort, Intent, SegmentVocabulary } from './question.js';

const MENTION = /<@([A-Z0-9]+)(?:\|[^>]*)?>/g;

/** 'zh-CN' when the text has any Han character, else 'en': the bot answers in the asker's language. */
export function detectLocale(text: string): Locale {
  return /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en';
}

/** First Slack user mention `<@U123>` in the text, other than the bot itself. */
export function findMention(text: string, botUserId?: string): string | undefined {
  for (const m of text.matchAll(MENTION)) if (m[1] !== botUserId) return m[1];
  return undefined;
}

function readQuestion(raw: string, vocabulary?: SegmentVocabulary, botUserId?: string): QuestionText {
  const withoutBot = botUserId ? raw.replaceAll(`<@${botUserId}>`, ' ') : raw;
  // Slack sends full-width forms from Chinese keyboards; fold them like the engine folds headers.
  const folded = withoutBot.normalize('NFKC');
  const ownerMention = findMention(folded, botUserId);
  const text = folded.replace(MENTION, ' ').replace(/\s+/g, ' ').trim();
  return {
    text,
    lower: text.toLowerCase(),
    ...(ownerMention ? { ownerMention } : {}),
    ...(vocabulary ? { vocabulary } : {}),
  };
}

const latinWords = (lower: string): string[] => lower.match(/[a-z]+/g) ?? [];

/**
 * How strongly the text names `question` by keyword: the longest keyword
 * found (English: its word count, every word present give or take a typo;
 * Chinese: half its characters, one less when one character is off), 0 when none.
 */
function keywordScore(question: Question, lower: string, words: readonly string[]): number {
  let best = 0;
  for (const keyword of question.keywords?.en ?? []) {
    const parts = keyword.split(' ');
    if (parts.length > best && parts.every((part) => words.some((w) => isNearWord(w, part)))) best = parts.length;
  }
  for (const keyword of question.keywords?.['zh-CN'] ?? []) {
    const found = containsNearPhrase(lower, keyword);
    // A run one character off counts as a keyword one character shorter, less half: exact words win ties.
    const score = found === 'exact' ? [...keyword].length / 2 : found ? ([...keyword].length - 2) / 2 : 0;
    if (score > best) best = score;
  }
  return best;
}

/** A recognised question's intent: its own reading of the text, else `asked` for its entry's answer. */
function intentOf(question: Question, q: QuestionText): Intent {
  if (question.toIntent) return question.toIntent(q);
  return { kind: 'asked', question: question.id, ...(q.ownerMention ? { ownerMention: q.ownerMention } : {}) };
}

/** The intent and whether anything recognised it (false: the help card as a fallback). */
function recognise(q: QuestionText): { intent: Intent; recognised: boolean } {
  if (q.text === '') return { intent: { kind: 'help' }, recognised: false };
  for (const question of QUESTIONS) {
    const intent = question.match?.(q);
    if (intent) return { intent, recognised: true };
  }
  const words = latinWords(q.lower);
  let best: { question: Question; score: number } | undefined;
  for (const question of QUESTIONS) {
    if (!question.toIntent && !question.answer) continue;
    const score = keywordScore(question, q.lower, words);
    if (score > 0 && (!best || score > best.score)) best = { question, score };
  }
  if (best) return { intent: intentOf(best.question, q), recognised: true };
  for (const question of QUESTIONS) {
    const intent = question.lastResort?.(q);
    if (intent) return { intent, recognised: true };
  }
  return { intent: { kind: 'help' }, recognised: false };
}

/**
 * Whether the text asks for help in so many words ("help", "?", 「帮助」, "what can you do"),
 * mentions aside: the one test behind the help intent, the Slack reply and `tierline ask`,
 * which show "I did not understand" only when help was not asked for.
 * @example asksForHelp('<@U1> 帮助') === true
 */
export function asksForHelp(text: string): boolean {
  const { intent, recognised } = recognise(readQuestion(text));
  return recognised && intent.kind === 'help';
}

/**
 * Classifies one question. Never throws: anything unrecognised is `help`.
 * @example matchIntent('哪些客户有流失风险') // { kind: 'churn' }
 * @example matchIntent('anyone slipping away?') // { kind: 'churn' }
 * @example matchIntent('流失风险客户，按价值') // { kind: 'churn', sort: 'value' }
 * @example matchIntent('客户 C003') // { kind: 'lookup', customerId: 'C003' }
 */
export function matchIntent(raw: string, vocabulary?: SegmentVocabulary, botUserId?: string): Intent {
  return recognise(readQuestion(raw, vocabulary, botUserId)).intent;
}
