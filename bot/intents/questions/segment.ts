import type { Question, SegmentVocabulary } from '../question.js';
import { isNearWord } from '../text-similarity.js';

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

function findSegment(lower: string, vocabulary: SegmentVocabulary | undefined): string | undefined {
  if (!vocabulary) return undefined;
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

/**
 * A label word of 6 letters or more, give or take a typo ("champoins"), when
 * nothing else matched: late, so "lose" stays a churn word and not the segment "lost".
 */
function findNearSegment(lower: string, vocabulary: SegmentVocabulary | undefined): string | undefined {
  if (!vocabulary) return undefined;
  const words = lower.match(/[a-z]+/g) ?? [];
  for (const [i, segment] of vocabulary.segments.entries()) {
    const labelWords = [...segment.split('-'), ...(vocabulary.labels.en[i] ?? '').toLowerCase().split(/[^a-z]+/)];
    if (labelWords.some((l) => l.length >= 6 && words.some((w) => isNearWord(w, l)))) return segment;
  }
  return undefined;
}

/** A segment's customers: "show champions", 「高价值客户」, by the snapshot's own labels or everyday names. */
export const segmentQuestion: Question = {
  id: 'segment',
  phrasings: {
    en: ['show champions', 'loyal customers', 'show potential loyalist', 'my VIP customers'],
    'zh-CN': ['高价值客户', '休眠客户', '看看忠诚客户', '潜力客户有哪些'],
  },
  match: (q) => {
    const segment = findSegment(q.lower, q.vocabulary);
    return segment ? { kind: 'segment', segment } : undefined;
  },
  lastResort: (q) => {
    const segment = findNearSegment(q.lower, q.vocabulary);
    return segment ? { kind: 'segment', segment } : undefined;
  },
  help: 'help.segment',
  command: { name: 'segment', usage: '/crm segment <name>' },
};
