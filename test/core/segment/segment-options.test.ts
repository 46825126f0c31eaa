import { describe, expect, it } from 'vitest';
import {
  OptionsError,
  resolveSegmentOptions,
  type SegmentOptionsInput,
} from '../../../core/segment/segment-options.js';

/** The OptionsError the options raise (fails the test when they are accepted). */
function rejected(input: unknown): OptionsError {
  try {
    resolveSegmentOptions(input as SegmentOptionsInput);
  } catch (error) {
    expect(error).toBeInstanceOf(OptionsError);
    return error as OptionsError;
  }
  throw new Error('expected an OptionsError');
}

describe('resolveSegmentOptions', () => {
  it('fills every default (SPEC §5a, §3)', () => {
    expect(resolveSegmentOptions()).toEqual({
      scheme: 'rfm',
      schemeChoice: { kind: 'rfm', id: 'rfm' },
      k: 'auto',
      config: undefined,
      locale: 'en',
      mapping: {},
      shape: 'auto',
      frequencyBy: 'order',
      refunds: 'net',
      window: 'all',
      dateOrder: 'auto',
      dateFloor: '1990-01-01',
      decimal: 'auto',
      dateFloorDay: 7305,
      idMap: {},
      maxIssuesPerCode: 10000,
      spotCheckShare: 0.1,
      seed: 42,
      churn: { enabled: true, horizonDays: 90 },
      asOfDay: undefined,
      todayDay: undefined,
    });
    expect(resolveSegmentOptions({})).toEqual(resolveSegmentOptions());
  });

  it('keeps given values and resolves asOf and today to day numbers', () => {
    const options = resolveSegmentOptions({
      scheme: 'rfm8',
      asOf: '2024-03-05',
      today: '2024-03-06',
      window: 6,
      locale: 'zh-CN',
      seed: 7,
      mapping: { customerId: '编号' },
    });
    expect(options).toMatchObject({
      scheme: 'rfm8',
      asOf: '2024-03-05',
      asOfDay: 19787,
      todayDay: 19788,
      window: 6,
      locale: 'zh-CN',
      seed: 7,
      mapping: { customerId: '编号' },
    });
    expect(resolveSegmentOptions({ asOf: '2024-02-29' }).asOfDay).toBe(19782);
  });

  it('does not mutate the caller’s options', () => {
    const input = { mapping: { customerId: 'ID' } };
    const frozen = JSON.stringify(input);
    resolveSegmentOptions(input);
    expect(JSON.stringify(input)).toBe(frozen);
  });

  it('names an unknown key', () => {
    const error = rejected({ bogus: 1 });
    expect(error.code).toBe('invalid-options');
    expect(error.name).toBe('OptionsError');
    expect(error.problems).toEqual(['Unknown option "bogus".']);
    expect(rejected({ bogus: 1, asof: '2024-01-01' }).message).toBe('Unknown option "bogus", "asof".');
  });

  it('names asOf when it is not a real calendar date or not YYYY-MM-DD', () => {
    expect(() => resolveSegmentOptions({ asOf: '2024-02-30' })).toThrowErrorMatchingInlineSnapshot(
      `[OptionsError: Option "asOf" is not a real calendar date.]`,
    );
    expect(() => resolveSegmentOptions({ asOf: '2024/02/03' })).toThrowErrorMatchingInlineSnapshot(
      `[OptionsError: Option "asOf" must be a date written YYYY-MM-DD.]`,
    );
    expect(rejected({ today: '2023-02-29' }).problems).toEqual(['Option "today" is not a real calendar date.']);
  });

  it('rejects a window of 0 or a fraction of a month', () => {
    expect(rejected({ window: 0 }).problems).toHaveLength(1);
    expect(rejected({ window: 0 }).message).toMatch(/^Option "window" /);
    expect(rejected({ window: 1.5 }).message).toMatch(/^Option "window" /);
    expect(rejected({ window: 121 }).message).toMatch(/^Option "window" /);
    expect(resolveSegmentOptions({ window: 1 }).window).toBe(1);
    expect(resolveSegmentOptions({ window: 120 }).window).toBe(120);
  });

  it('names every wrong key at once', () => {
    const error = rejected({ window: 0, asOf: '2024-02-30', scheme: 'kmeans++', spotCheckShare: 2 });
    expect(error.problems.map((p) => /^Option "([^"]+)"/.exec(p)?.[1]).sort()).toEqual([
      'asOf',
      'scheme',
      'spotCheckShare',
      'window',
    ]);
  });

  it('names the nested key of a bad mapping value', () => {
    expect(rejected({ mapping: { customerId: 3 } }).message).toMatch(/^Option "mapping\.customerId" /);
  });
});
