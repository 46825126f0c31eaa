import { describe, expect, it } from 'vitest';
import { maskName } from '../../../core/text/mask-name.js';

describe('maskName (SPEC §10: 「*先生」, 「A公司」)', () => {
  it.each([
    ['张伟先生', 0, 'zh-CN', '*先生'],
    ['李娜女士', 0, 'en', '*女士'],
    ['上海华东科技有限公司', 0, 'zh-CN', 'A公司'],
    ['上海华东科技有限公司', 2, 'en', 'C公司'],
    ['Acme Trading Co., Ltd.', 1, 'en', 'Company B'],
    ['Mr. Bob Smith', 0, 'en', 'Mr. *'],
    ['Bob Smith', 0, 'en', '*'],
    ['王芳', 0, 'zh-CN', '*'],
    ['*女士', 0, 'zh-CN', '*女士'],
  ] as const)('%s → %s', (name, position, locale, masked) => {
    expect(maskName(name, position, locale)).toBe(masked);
  });

  it('keeps no name as no name', () => {
    expect(maskName(null, 0, 'en')).toBeNull();
    expect(maskName('  ', 0, 'en')).toBeNull();
  });
});
