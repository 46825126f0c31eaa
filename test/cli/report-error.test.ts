import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UsageError, type ConsoleIo } from '../../cli/console-io.js';
import { reportError, StoreError } from '../../cli/report-error.js';
import { DataValidationError, OptionsError } from '../../core/index.js';

function report(error: unknown, command = 'segment', debug = false): { code: number; err: string } {
  let err = '';
  const io: ConsoleIo = { out: () => {}, err: (t) => (err += t), now: () => new Date('2026-01-01T12:00:00Z'), timeZone: 'UTC', interactive: false };
  return { code: reportError(error, io, { command, debug }), err };
}
const errno = (code: string, path?: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: boom`), { code, ...(path ? { path } : {}) });

describe('reportError', () => {
  it('points a usage error at the command that failed', () => {
    expect(report(new UsageError('--k must be 2–20; got "1".'), 'report')).toEqual({ code: 1, err: 'tierline: --k must be 2–20; got "1". (see tierline report --help)\n' });
    expect(report(new UsageError('unknown command "x".'), '')).toEqual({ code: 1, err: 'tierline: unknown command "x". (see tierline --help)\n' });
  });

  it('prints every data issue on its own line, exit 2; bad options exit 1', () => {
    const issues = [1, 2].map((row) => ({ code: 'invalid-date' as const, row, column: 'd', value: 'x', message: `Row ${row}: bad` }));
    expect(report(new DataValidationError(issues))).toEqual({ code: 2, err: 'tierline: Row 1: bad\ntierline: Row 2: bad\n' });
    expect(report(new OptionsError(['Option "asOf" is not a real calendar date.'])).code).toBe(1);
  });

  it('names the path and the fix for each fs error', () => {
    expect(report(errno('ENOSPC', '/mnt/x.csv'))).toEqual({ code: 2, err: 'tierline: cannot write /mnt/x.csv: no space left on the device (disk full or quota reached); free some space or write elsewhere. The previous file, if any, is unchanged.\n' });
    expect(report(errno('EROFS', '/ro/x.csv'))).toMatchObject({ code: 1, err: expect.stringContaining('/ro/x.csv: the filesystem is read-only') });
    expect(report(errno('EACCES', '/etc/x'))).toMatchObject({ code: 1, err: 'tierline: /etc/x: permission denied; check the file\'s and folder\'s permissions or choose another path.\n' });
    expect(report(errno('EMFILE', 'a.csv'))).toMatchObject({ code: 2, err: expect.stringContaining('a.csv: too many open files') });
    expect(report(errno('EISDIR', '/tmp'))).toMatchObject({ code: 1, err: 'tierline: /tmp is a folder, not a file; name a file (inside it).\n' });
    expect(report(errno('ENOENT', '/no/such/folder/x.csv'))).toMatchObject({ code: 1, err: 'tierline: /no/such/folder/x.csv: the folder /no/such/folder does not exist; create it or choose another path.\n' });
  });

  it('reports a store problem as given, and a raw SQLite failure without a stack', () => {
    expect(report(new StoreError('no store at x.db: run tierline import first.', 1))).toEqual({ code: 1, err: 'tierline: no store at x.db: run tierline import first.\n' });
    const sqlite = report(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'));
    expect(sqlite.code).toBe(2);
    expect(sqlite.err).toBe('tierline: the store failed: database or disk is full (SQLITE_FULL); check --db or $TIERLINE_DB and run again.\n');
  });

  it('turns anything else into one internal-error line, exit 70; --debug adds the stack', () => {
    const bug = new TypeError('Cannot read properties of undefined (reading "x")\nsecond line');
    expect(report(bug)).toEqual({ code: 70, err: 'tierline: internal error: Cannot read properties of undefined (reading "x"). Run again with --debug or TIERLINE_DEBUG=1 for details.\n' });
    expect(report(errno('ENOSPC')).code).toBe(70);
    const debug = report(bug, 'segment', true);
    expect(debug.code).toBe(70);
    expect(debug.err).toMatch(/^\s+at /m);
  });
});
