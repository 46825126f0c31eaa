/**
 * The bot's question matcher: keyword and pattern rules in English and
 * Chinese, no language model (issue 6). Rules are tried in a fixed order —
 * help, churn, summary, customer id, segment, name search — so a message that
 * names both a segment and churn ("at-risk customers") is a churn question.
 */

// One Locale type (issue 14): the catalogue's, re-exported for the bot's modules.
export type { Locale } from '../../core/index.js';
import type { Locale } from '../../core/index.js';

/** A churn list's order: most likely to leave first (default), or largest expected loss first. */
export type ChurnSort = 'risk' | 'value';

export type Intent =
  | { readonly kind: 'churn'; readonly limit?: number; readonly ownerMention?: string; readonly sort?: ChurnSort }
  | { readonly kind: 'lookup'; readonly customerId: string }
  | { readonly kind: 'search'; readonly text: string }
  | { readonly kind: 'segment'; readonly segment: string }
  | { readonly kind: 'summary'; readonly ownerMention?: string }
  | { readonly kind: 'help' };

/** Segment names as the matcher sees them: the snapshot's ids and labels in both locales. */
export interface SegmentVocabulary {
  readonly segments: readonly string[];
  readonly labels: { readonly en: readonly string[]; readonly zh: readonly string[] };
}

// Everyday names people use for segments that are not the label itself.
const SEGMENT_ALIASES: readonly { readonly words: readonly string[]; readonly segments: readonly string[] }[] = [
  {
    words: ['高价值客户', '高价值', 'high value', 'high-value', 'vip', 'best customers', 'champion'],
    segments: ['champions', 'important-value', 'high-value', 'value-high', 'strategic'],
  },
  { words: ['忠诚', 'loyal'], segments: ['loyal'] },
  { words: ['新客', '新客户', 'new customers'], segments: ['new'] },
  { words: ['潜力', '潜力客户', 'potential'], segments: ['potential-loyalist', 'potential', 'important-development'] },
  { words: ['休眠', '沉睡', 'hibernating', 'sleeping'], segments: ['hibernating', 'about-to-sleep'] },
  { words: ['已流失', 'lost customers', 'lost'], segments: ['lost'] },
  { words: ['不能失去', "can't lose", 'cant lose'], segments: ['cant-lose'] },
];

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
const SUMMARY_PATTERNS: readonly RegExp[] = [
  /\b(my )?summary\b/i,
  /\boverview\b/i,
  /\bmy (customers|book|portfolio)\b/i,
  /概况|概览|汇总|总览|我的客户/,
];
const HELP_PATTERNS: readonly RegExp[] = [
  /^\s*(help|\?|帮助|怎么用|使用说明)\s*$/i,
  /\bwhat can you do\b/i,
  /你能做什么/,
];
const CUSTOMER_ID = /\b([A-Za-z]{1,4}-?\d{2,})\b/;

/** 'zh-CN' when the text has any Han character, else 'en': the bot answers in the asker's language. */
export function detectLocale(text: string): Locale {
  return /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en';
}

function normalize(text: string): string {
  // Slack sends full-width forms from Chinese keyboards; fold them like the engine folds headers.
  return text
    .normalize('NFKC')
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, (m) => m)
    .trim();
}

/**
 * Whether the text asks for help in so many words ("help", "?", 「帮助」, "what can you do"),
 * mentions aside: the one test behind the help intent, the Slack reply and `tierline ask`,
 * which show "I did not understand" only when help was not asked for.
 * @example asksForHelp('<@U1> 帮助') === true
 */
export function asksForHelp(text: string): boolean {
  const words = normalize(text)
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .trim();
  return HELP_PATTERNS.some((p) => p.test(words));
}

/** First Slack user mention `<@U123>` in the text, other than the bot itself. */
export function findMention(text: string, botUserId?: string): string | undefined {
  for (const m of text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)) if (m[1] !== botUserId) return m[1];
  return undefined;
}

function findSegment(text: string, vocabulary: SegmentVocabulary | undefined): string | undefined {
  if (!vocabulary) return undefined;
  const lower = text.toLowerCase();
  // Longest label first, so "potential loyalist" wins over "potential".
  const named: { word: string; segment: string }[] = [];
  vocabulary.segments.forEach((segment, i) => {
    named.push({ word: segment.replace(/-/g, ' '), segment }, { word: segment, segment });
    const en = vocabulary.labels.en[i],
      zh = vocabulary.labels.zh[i];
    if (en) named.push({ word: en.toLowerCase(), segment });
    if (zh) named.push({ word: zh, segment });
  });
  named.sort((a, b) => b.word.length - a.word.length);
  for (const { word, segment } of named) if (word.length >= 2 && lower.includes(word)) return segment;
  for (const alias of SEGMENT_ALIASES) {
    if (!alias.words.some((w) => lower.includes(w))) continue;
    const segment = alias.segments.find((s) => vocabulary.segments.includes(s));
    if (segment) return segment;
  }
  return undefined;
}

function findLimit(text: string): number | undefined {
  const m = /(?:top|前|first)\s*(\d{1,3})|(\d{1,3})\s*(?:个|位|名|customers)/i.exec(text);
  const n = m ? Number(m[1] ?? m[2]) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Classifies one question. Never throws: anything unrecognised is `help`, so
 * the asker gets the help card instead of silence.
 * @example matchIntent('哪些客户有流失风险') // { kind: 'churn' }
 * @example matchIntent('流失风险客户，按价值') // { kind: 'churn', sort: 'value' }
 * @example matchIntent('客户 C003') // { kind: 'lookup', customerId: 'C003' }
 */
export function matchIntent(raw: string, vocabulary?: SegmentVocabulary, botUserId?: string): Intent {
  const withoutBot = botUserId ? raw.replaceAll(`<@${botUserId}>`, ' ') : raw;
  const text = normalize(withoutBot);
  if (text === '' || HELP_PATTERNS.some((p) => p.test(text))) return { kind: 'help' };
  const ownerMention = findMention(text, botUserId);
  const withoutMentions = text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ').trim();
  if (CHURN_PATTERNS.some((p) => p.test(withoutMentions))) {
    const limit = findLimit(withoutMentions);
    const sort: ChurnSort | undefined = BY_VALUE.test(withoutMentions)
      ? 'value'
      : BY_RISK.test(withoutMentions)
        ? 'risk'
        : undefined;
    return {
      kind: 'churn',
      ...(limit !== undefined ? { limit } : {}),
      ...(ownerMention ? { ownerMention } : {}),
      ...(sort ? { sort } : {}),
    };
  }
  if (SUMMARY_PATTERNS.some((p) => p.test(withoutMentions)))
    return { kind: 'summary', ...(ownerMention ? { ownerMention } : {}) };
  const id = CUSTOMER_ID.exec(withoutMentions);
  if (id) return { kind: 'lookup', customerId: id[1]!.toUpperCase() };
  const segment = findSegment(withoutMentions, vocabulary);
  if (segment) return { kind: 'segment', segment };
  const about =
    /^(?:tell me about|who is|show me|look up|lookup|find|客户|查询|查一下|查找|告诉我)\s*[:：]?\s*(.+?)[?？。.!]*$/i.exec(
      withoutMentions,
    );
  if (about && about[1]!.trim().length >= 2) return { kind: 'search', text: about[1]!.trim() };
  return { kind: 'help' };
}
