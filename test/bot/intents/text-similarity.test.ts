import { describe, expect, it } from 'vitest';
import { containsNearPhrase, editDistance, isNearWord } from '../../../bot/intents/text-similarity.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['churn', 'churn', 0],
    ['chrun', 'churn', 1], // one swap
    ['churm', 'churn', 1], // one substitution
    ['chun', 'churn', 1], // one deletion
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['流逝', '流失', 1],
  ] as const)('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('isNearWord: a typo budget that grows with the word', () => {
  it.each([
    ['chrun', 'churn', true],
    ['leve', 'leave', true],
    ['rsik', 'risk', true],
    ['retenton', 'retention', true],
    ['rettenton', 'retention', true],
    ['all', 'call', false], // 4 letters: same length and first letter only
    ['rusk', 'risk', true],
    ['disk', 'risk', false],
    ['helpful', 'help', false],
    ['lose', 'lost', true],
    ['can', 'cat', false], // 3 letters: exact only
    ['chains', 'churn', false],
  ] as const)('%s ~ %s: %s', (word, keyword, near) => {
    expect(isNearWord(word, keyword)).toBe(near);
  });
});

describe('containsNearPhrase: Chinese runs, one character off from 4 characters', () => {
  it.each([
    ['谁的流失风险高', '流失风险', 'exact'],
    ['谁的流逝风险高', '流失风险', 'near'],
    ['今天天气怎么样', '怎么用', undefined], // 3 characters: exact only
    ['谁快流失了', '流失风险', undefined],
  ] as const)('%s ∋ %s: %s', (text, phrase, how) => {
    expect(containsNearPhrase(text, phrase)).toBe(how);
  });
});
