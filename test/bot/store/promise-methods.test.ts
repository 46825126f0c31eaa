import { describe, expect, it } from 'vitest';
import { promiseMethods } from '../../../bot/store/promise-methods.js';

interface Counter {
  add(n: number): Promise<number>;
  fail(): Promise<void>;
}

describe('promiseMethods', () => {
  it('returns each synchronous answer as a promise, done before the call returns; a throw becomes a rejection', async () => {
    let total = 0;
    const counter = promiseMethods<Counter>({
      add: (n) => (total += n),
      fail: () => {
        throw Object.assign(new Error('no'), { code: 'nope' });
      },
    });
    const pending = counter.add(2);
    expect(total).toBe(2);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBe(2);
    expect(await counter.add(3)).toBe(5);
    const failed = counter.fail();
    await expect(failed).rejects.toMatchObject({ code: 'nope' });
  });
});
