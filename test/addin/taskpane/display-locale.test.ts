import { describe, expect, it } from 'vitest';
import { localeOfDisplayLanguage } from '../../../addin/taskpane/display-locale.js';

describe('localeOfDisplayLanguage: the pane starts in the language Office displays', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['zu-ZA', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%j → %s', (displayLanguage, locale) => {
    expect(localeOfDisplayLanguage(displayLanguage)).toBe(locale);
  });
});
