import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { errorCode } from '../../bot/error-code.js';
import { guardProcess } from '../../bot/guard-process.js';

describe('errorCode', () => {
  it('prefers the wrapped original code, then the Web API error, then the class name; never the message', () => {
    expect(errorCode(new TypeError("Cannot read properties of null (reading 'Bob Smith')"))).toBe('TypeError');
    expect(
      errorCode(
        Object.assign(new Error('x'), {
          code: 'slack_bolt_unknown_error',
          original: Object.assign(new Error('Bob'), { code: 'ECONNREFUSED' }),
        }),
      ),
    ).toBe('ECONNREFUSED');
    expect(
      errorCode(
        Object.assign(new Error('x'), { code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } }),
      ),
    ).toBe('channel_not_found');
    expect(errorCode(Object.assign(new Error('x'), { code: 'has spaces Bob Smith' }))).toBe('internal');
    expect(errorCode(new Error('Bob Smith'))).toBe('internal');
    expect(errorCode(null)).toBe('internal');
    expect(errorCode('Bob Smith')).toBe('internal');
  });
});

describe('guardProcess', () => {
  it('logs one line per escaped error with its code only, and removes itself', () => {
    const target = new EventEmitter();
    const logs: string[] = [];
    const remove = guardProcess((l) => logs.push(l), target);
    target.emit('uncaughtException', new TypeError('Bob Smith'));
    target.emit('unhandledRejection', Object.assign(new Error('张伟先生'), { code: 'ECONNRESET' }));
    expect(logs).toEqual([
      'uncaught exception kept the bot running: TypeError',
      'unhandled rejection kept the bot running: ECONNRESET',
    ]);
    remove();
    expect(target.listenerCount('uncaughtException') + target.listenerCount('unhandledRejection')).toBe(0);
  });
});
