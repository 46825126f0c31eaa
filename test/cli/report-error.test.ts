import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UsageError, type ConsoleIo } from '../../cli/console-io.js';
import { localeForErrors } from '../../cli/choose-locale.js';
import { reportError, StoreError } from '../../cli/report-error.js';
import { DataValidationError, OptionsError } from '../../core/index.js';

function report(
  error: unknown,
  command = 'segment',
  debug = false,
  locale: 'en' | 'zh-CN' = 'en',
): { code: number; err: string } {
  let err = '';
  const io: ConsoleIo = {
    out: () => {},
    err: (t) => (err += t),
    now: () => new Date('2026-01-01T12:00:00Z'),
    timeZone: 'UTC',
    interactive: false,
  };
  return { code: reportError(error, io, { command, debug, locale }), err };
}
const errno = (code: string, path?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: boom`), { code, ...(path ? { path } : {}) });

describe('reportError', () => {
  it('follows a usage error with one hint line pointing at the --help of the command that failed', () => {
    expect(report(new UsageError('--k must be 2–20; got "1".'), 'report')).toEqual({
      code: 1,
      err: 'tierline: --k must be 2–20; got "1".\ntierline: Run "tierline report --help" to see the options.\n',
    });
    expect(report(new UsageError('unknown command "x".'), '')).toEqual({
      code: 1,
      err: 'tierline: unknown command "x".\ntierline: Run "tierline --help" to see the options.\n',
    });
  });

  it('prints every data issue on its own line, exit 2; bad options exit 1', () => {
    const issues = [1, 2].map((row) => ({
      code: 'invalid-date' as const,
      row,
      column: 'd',
      value: 'x',
      message: `Row ${row}: bad`,
    }));
    expect(report(new DataValidationError(issues))).toEqual({
      code: 2,
      err: 'tierline: Row 1: bad\ntierline: Row 2: bad\n',
    });
    expect(report(new OptionsError(['Option "asOf" is not a real calendar date.'])).code).toBe(1);
  });

  it('names the path and the fix for each fs error', () => {
    expect(report(errno('ENOSPC', '/mnt/x.csv'))).toEqual({
      code: 2,
      err: 'tierline: cannot write /mnt/x.csv: no space left on the device (disk full or quota reached); free some space or write elsewhere. The previous file, if any, is unchanged.\n',
    });
    expect(report(errno('EROFS', '/ro/x.csv'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('/ro/x.csv: the filesystem is read-only'),
    });
    expect(report(errno('EACCES', '/etc/x'))).toMatchObject({
      code: 1,
      err: "tierline: /etc/x: permission denied; check the file's and folder's permissions or choose another path.\n",
    });
    expect(report(errno('EMFILE', 'a.csv'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('a.csv: too many open files'),
    });
    expect(report(errno('EISDIR', '/tmp'))).toMatchObject({
      code: 1,
      err: 'tierline: /tmp is a folder, not a file; name a file (inside it).\n',
    });
    expect(report(errno('ENOENT', '/no/such/folder/x.csv'))).toMatchObject({
      code: 1,
      err: 'tierline: /no/such/folder/x.csv: the folder /no/such/folder does not exist; create it or choose another path.\n',
    });
  });

  it('reports a store problem as given, and a raw SQLite failure without a stack', () => {
    expect(report(new StoreError('no store at x.db: run tierline import first.', 1))).toEqual({
      code: 1,
      err: 'tierline: no store at x.db: run tierline import first.\n',
    });
    const sqlite = report(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'));
    expect(sqlite.code).toBe(2);
    expect(sqlite.err).toBe(
      'tierline: the store failed: database or disk is full (SQLITE_FULL); check --db or $TIERLINE_DB and run again.\n',
    );
  });

  it('turns anything else into one internal-error line, exit 70; --debug adds the stack', () => {
    const bug = new TypeError('Cannot read properties of undefined (reading "x")\nsecond line');
    expect(report(bug)).toEqual({
      code: 70,
      err: 'tierline: internal error: Cannot read properties of undefined (reading "x"). Run again with --debug or TIERLINE_DEBUG=1 for details.\n',
    });
    expect(report(errno('ENOSPC')).code).toBe(70);
    const debug = report(bug, 'segment', true);
    expect(debug.code).toBe(70);
    expect(debug.err).toMatch(/^\s+at /m);
  });

  it('speaks zh-CN when the locale is zh-CN, with the same exit codes', () => {
    const zh = (error: unknown, command = 'segment'): { code: number; err: string } =>
      report(error, command, false, 'zh-CN');
    expect(zh(errno('ENOENT', '/no/such/folder/x.csv'))).toEqual({
      code: 1,
      err: 'tierline: /no/such/folder/x.csv：文件夹 /no/such/folder 不存在；请先创建它或选择其他路径。\n',
    });
    expect(zh(errno('EISDIR', '/tmp'))).toEqual({
      code: 1,
      err: 'tierline: /tmp 是文件夹而不是文件；请指定（其中的）一个文件。\n',
    });
    expect(zh(errno('EACCES', '/etc/x'))).toEqual({
      code: 1,
      err: 'tierline: /etc/x：没有权限；请检查文件和文件夹的权限，或选择其他路径。\n',
    });
    expect(zh(errno('ENOSPC', '/mnt/x.csv'))).toEqual({
      code: 2,
      err: 'tierline: 无法写入 /mnt/x.csv：设备空间不足（磁盘已满或已达配额）；请释放空间或写到其他位置。原有文件（如有）保持不变。\n',
    });
    expect(zh(new StoreError({ key: 'cli.store.none', params: { path: 'x.db' } }, 1))).toEqual({
      code: 1,
      err: 'tierline: x.db 处没有数据存储：请先运行 tierline import <file> --db x.db。\n',
    });
    expect(zh(new UsageError('segment: missing <file>.'))).toEqual({
      code: 1,
      err: 'tierline: segment: missing <file>.\ntierline: 运行 "tierline segment --help" 查看可用选项。\n',
    });
    expect(zh(new TypeError('boom'))).toEqual({
      code: 70,
      err: 'tierline: 内部错误：boom。请加 --debug 或设置 TIERLINE_DEBUG=1 重新运行以查看详情。\n',
    });
  });

  it("keeps a StoreError's English as its message, for logs", () => {
    expect(new StoreError({ key: 'cli.store.none', params: { path: 'x.db' } }, 1).message).toBe(
      'no store at x.db: run tierline import <file> --db x.db first.',
    );
    expect(report(new StoreError({ key: 'cli.store.none', params: { path: 'x.db' } }, 1)).err).toBe(
      'tierline: no store at x.db: run tierline import <file> --db x.db first.\n',
    );
  });

  it("takes the error line's locale from a valid --locale, else the environment (also when parsing failed)", () => {
    expect(localeForErrors(['x.csv', '--locale', 'zh-CN'], { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(localeForErrors(['x.csv', '--locale=en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeForErrors(['x.csv', '--locale', 'fr'], { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeForErrors(['--bogus'], { LC_ALL: 'zh_CN.UTF-8' })).toBe('zh-CN');
  });
});
