import { describe, expect, it } from 'vitest';
import { localeFromEnvironment } from '../../cli/choose-locale.js';

describe('localeFromEnvironment', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG; zh* is zh-CN', () => {
    expect(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LANG: 'zh_TW.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({ LC_ALL: '', LC_MESSAGES: 'zh_CN', LANG: 'en_GB' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LANG: 'C.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({})).toBe('en');
  });
});
