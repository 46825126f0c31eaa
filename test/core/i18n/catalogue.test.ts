import { describe, expect, it } from 'vitest';
import { BOT_MESSAGES } from '../../../core/i18n/bot-messages.js';
import { CLI_MESSAGES } from '../../../core/i18n/cli-messages.js';
import { ISSUE_MESSAGES } from '../../../core/i18n/issue-messages.js';
import { CATALOGUE, label } from '../../../core/i18n/labels.js';
import { PANE_MESSAGES } from '../../../core/i18n/pane-messages.js';
import { ISSUE_CODES } from '../../../core/report/cell-issue.js';

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('the one catalogue', () => {
  it('has every key in both locales, non-empty, with the same placeholders', () => {
    const broken = Object.entries(CATALOGUE).filter(
      ([, [en, zh]]) => en.trim() === '' || zh.trim() === '' || placeholders(en).join() !== placeholders(zh).join(),
    );
    expect(broken.map(([key]) => key)).toEqual([]);
  });

  it('writes placeholders only as {word}: a brace that is not one is a typo', () => {
    const odd = Object.entries(CATALOGUE).filter(([, pair]) => pair.some((text) => /\{(?!\w+\})/.test(text)));
    expect(odd.map(([key]) => key)).toEqual([]);
  });

  it('gathers the area tables without one key shadowing another', () => {
    const parts = [BOT_MESSAGES, ISSUE_MESSAGES, PANE_MESSAGES, CLI_MESSAGES].map((part) => Object.keys(part));
    const keys = parts.flat();
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(CATALOGUE[key]).toBeDefined();
    expect(Object.keys(CATALOGUE).length).toBeGreaterThan(keys.length);
  });

  it('names every issue code in both locales (a zh-CN reader never sees the code)', () => {
    const missing = ISSUE_CODES.filter((code) => CATALOGUE[`issue.${code}`] === undefined);
    expect(missing).toEqual([]);
    expect(label('issue.refund-excluded', 'zh-CN')).toBe('退款已排除');
  });

  it('fills placeholders in one pass: a value that contains {name} stays as written', () => {
    expect(label('bot.search.none', 'en', { text: '{text}' })).toBe(
      'No customer matching "{text}" among the customers you can see.',
    );
    expect(label('pane.moreIssues', 'zh-CN', { count: 3 })).toBe('另有3条问题已计数但未列出。');
  });
});
