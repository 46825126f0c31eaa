import { resolveViewer, type Viewer } from '../access/resolve-viewer.js';
import { todayOf, type BotDeps } from '../bot-deps.js';
import { blocksToText } from '../blocks/blocks-to-text.js';
import { buildAnswerBlocks, type Block } from '../blocks/build-answer.js';
import { asksForHelp, matchIntent, type Intent, type Locale } from '../intents/match-intent.js';
import { answerQuestion, type Answer, type AnswerRequest, type Surface } from './answer-question.js';

/** A ready reply: Block Kit plus the plain-text fallback Slack shows in notifications. */
export interface Reply {
  readonly blocks: Block[];
  readonly text: string;
  readonly locale: Locale;
  readonly answer: Answer;
}

/**
 * The language to answer in: Chinese when the question has Han characters,
 * English when it has English words, else the bot's default (a bare "C003").
 */
export function localeOf(text: string, fallback: Locale): Locale {
  if (/\p{Script=Han}/u.test(text)) return 'zh-CN';
  const words = text.replace(/<@[^>]+>/g, ' ').match(/\b[a-z]{3,}\b/gi) ?? [];
  return words.length > 0 ? 'en' : fallback;
}

/** Answers a resolved intent for a viewer and renders it. */
export async function replyToIntent(
  deps: BotDeps,
  viewer: Viewer,
  intent: Intent,
  surface: Surface,
  locale: Locale,
  request: AnswerRequest = {},
): Promise<Reply> {
  const answer = await answerQuestion(
    intent,
    { store: deps.store, viewer, locale, surface, today: todayOf(deps) },
    request,
  );
  const requestedUser = intent.kind === 'churn' ? intent.ownerMention : undefined;
  const blocks = buildAnswerBlocks(answer, locale, requestedUser);
  return { blocks, text: blocksToText(blocks), locale, answer };
}

/**
 * Answers a free-text question from a Slack user (DM, mention or `/crm` text).
 * @example (await replyToQuestion(deps, 'U123', '哪些客户有流失风险', 'dm')).answer.kind // 'churn'
 */
export async function replyToQuestion(
  deps: BotDeps,
  slackUserId: string,
  text: string,
  surface: Surface,
  botUserId?: string,
): Promise<Reply> {
  const locale = localeOf(text, deps.defaultLocale);
  const snapshot = await deps.store.latestSnapshot();
  const vocabulary = snapshot && { segments: snapshot.segments, labels: snapshot.segmentLabels };
  const intent = matchIntent(text, vocabulary, botUserId);
  const viewer = await resolveViewer(deps.store, slackUserId, deps.access);
  return replyToIntent(deps, viewer, intent, surface, locale, {
    unmatched: intent.kind === 'help' && !asksForHelp(text),
  });
}
