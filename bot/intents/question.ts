/**
 * What one bot question is (question-registry.ts lists them): how people ask
 * it in each language, how it is answered, and the catalogue keys for its
 * help line. The matcher, help card and `/crm` usage are derived from these.
 */

import type { Locale } from '../../core/index.js';
import type { AnswerContext } from '../answers/answer-question.js';
import type { Block } from '../blocks/build-answer.js';
import type { MessageId } from '../i18n/messages.js';

/** A churn list's order: most likely to leave first (default), or largest expected loss first. */
export type ChurnSort = 'risk' | 'value';

export type Intent =
  | { readonly kind: 'churn'; readonly limit?: number; readonly ownerMention?: string; readonly sort?: ChurnSort }
  | { readonly kind: 'lookup'; readonly customerId: string }
  | { readonly kind: 'search'; readonly text: string }
  | { readonly kind: 'segment'; readonly segment: string }
  | { readonly kind: 'summary'; readonly ownerMention?: string }
  | { readonly kind: 'help' }
  // A registry question with no built-in kind: its entry's `answer` serves it.
  | { readonly kind: 'asked'; readonly question: string; readonly ownerMention?: string };

/** Segment names as the matcher sees them: the snapshot's ids and labels in both locales. */
export interface SegmentVocabulary {
  readonly segments: readonly string[];
  readonly labels: { readonly en: readonly string[]; readonly zh: readonly string[] };
}

/** A question as the entries read it. */
export interface QuestionText {
  /** NFKC-folded, trimmed, Slack mentions removed. */
  readonly text: string;
  /** `text` in lower case. */
  readonly lower: string;
  /** The first user mentioned, other than the bot. */
  readonly ownerMention?: string;
  readonly vocabulary?: SegmentVocabulary;
}

export interface Question {
  /** Stable id: the `asked` intent's `question`, the help line's order, tests. */
  readonly id: string;
  /**
   * How people ask it, per locale. The help card shows the first; the
   * phrasing table in test/bot/intents checks that every one is recognised.
   */
  readonly phrasings: Readonly<Record<Locale, readonly string[]>>;
  /**
   * Words that point to this question on their own. English ones match with
   * a typo ("chrun"), every word of a keyword must be in the text; Chinese
   * ones match as a run of characters, one character off from 3 characters on.
   * The question with the longest keyword found wins; ties go to the earlier entry.
   */
  readonly keywords?: Readonly<Record<Locale, readonly string[]>>;
  /** Exact rules (ids, segment names, patterns), tried before any keyword, in registry order. */
  readonly match?: (q: QuestionText) => Intent | undefined;
  /** The intent once a keyword recognised the question (limit, order, mention read from the text). */
  readonly toIntent?: (q: QuestionText) => Intent;
  /** Rules tried only when nothing else matched ("who is Acme": a name search). */
  readonly lastResort?: (q: QuestionText) => Intent | undefined;
  /** The help card's line: `• *<first phrasing>* — <help>` (catalogue key under `bot.`). */
  readonly help?: MessageId;
  /** Its `/crm` subcommand usage, when it has one. */
  readonly command?: { readonly name: string; readonly usage: string };
  /**
   * The answer of a question with no built-in kind (recognised as
   * `{ kind: 'asked', question: id }`): its blocks for the asker, scoped by
   * the context's viewer like every answer.
   */
  readonly answer?: (ctx: AnswerContext, intent: Extract<Intent, { kind: 'asked' }>) => Promise<Block[]>;
}
