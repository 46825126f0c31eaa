import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's PostgreSQL 15 (package `postgresql`, which .ci/run installs). */
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** A throw-away PostgreSQL server: its connection string and the way to remove it. */
export interface TestPostgres {
  /** postgres://user:password@127.0.0.1:port/database */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** Stops the server and deletes its data directory. Safe to call twice. */
  stop(): Promise<void>;
}

// PostgreSQL refuses to run as root (CI runs as root), so there the server
// runs as `nobody` through util-linux's runuser, which every Debian has.
const NOBODY_UID = 65534;
const NOBODY_GID = 65534;
const asRoot = process.getuid?.() === 0;

const runPg = async (tool: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> => {
  const bin = join(POSTGRES_BIN, tool);
  const [command, argv] = asRoot ? ['runuser', ['-u', 'nobody', '--', bin, ...args]] : [bin, args];
  await run(command, argv, { env: { ...process.env, ...env }, timeout: 60_000 });
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const messageOf = (error: unknown): string => {
  const e = error as { stderr?: string; message?: string };
  return (e.stderr || e.message || String(error)).trim().split('\n').slice(-3).join(' | ');
};

/**
 * Starts a PostgreSQL 15 on 127.0.0.1 at a free port, with a temporary data
 * directory, password (scram-sha-256) authentication and one empty database.
 * Throws a clear message when PostgreSQL is missing or cannot start: tests
 * that need it fail, they are never skipped.
 */
export const startPostgres = async (): Promise<TestPostgres> => {
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL 15 is not installed (${POSTGRES_BIN}/initdb is missing): apt-get install -y postgresql (.ci/run does this)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'tierline-pg-'));
  const data = join(dir, 'data');
  const user = 'tierline';
  const password = randomBytes(12).toString('hex');
  const database = 'tierline_test';
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`);
  if (asRoot) {
    chownSync(dir, NOBODY_UID, NOBODY_GID);
    chownSync(pwfile, NOBODY_UID, NOBODY_GID);
  }
  let started = false;
  const stop = async (): Promise<void> => {
    if (started) {
      started = false;
      await runPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const log = join(dir, 'server.log');
  try {
    await runPg('initdb', [
      '-D',
      data,
      '-U',
      user,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    let port = 0;
    // A free port can be taken between the probe and the server's bind: try a few.
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-c unix_socket_directories=${dir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=100',
      ].join(' ');
      try {
        await runPg('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '30', 'start']);
        started = true;
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
    await runPg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, database], { PGPASSWORD: password });
    const host = '127.0.0.1';
    return {
      url: `postgres://${user}:${password}@${host}:${port}/${database}`,
      host,
      port,
      user,
      password,
      database,
      stop,
    };
  } catch (error) {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-3).join(' | ') : '';
    await stop();
    throw new Error(
      `PostgreSQL could not start for the tests: ${messageOf(error)}${serverLog ? ` (server log: ${serverLog})` : ''}`,
    );
  }
};
