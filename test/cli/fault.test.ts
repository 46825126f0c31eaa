// Fault suite: the real binary (node bin/tierline.js, built by tsc -b) killed
// mid-write, two importers on one store, and a write to a full filesystem.
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_FILE_PATTERN } from '../../io/write-file-atomic.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/tierline.js');
const dir = mkdtempSync(join(tmpdir(), 'tierline-fault-'));
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const STACK = /^\s+at /m;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  err: string;
}

function tierline(args: readonly string[]): { done: Promise<Run>; pid: number; kill: () => void } {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, TIERLINE_DEBUG: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<Run>((done) => child.on('close', (code, signal) => done({ code, signal, err })));
  return { done, pid: child.pid!, kill: () => child.kill('SIGKILL') };
}

const BIG_ROWS = 300_000;
let big = '';
beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/main.js'))) throw new Error('Build first: npx tsc -b');
  // A customer table: --out re-reads it and writes one row per input row, so the write lasts long enough to kill.
  const lines = ['客户编号,客户名称,最近购买时间,购买次数,累计消费'];
  for (let i = 0; i < BIG_ROWS; i++)
    lines.push(
      `C${i},name ${i},2024-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')},${1 + (i % 13)},${100 + (i % 997)}`,
    );
  big = join(dir, 'big.csv');
  writeFileSync(big, lines.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Waits until a temp file for `name` appears in `folder` with some bytes in it. */
async function waitForTemp(folder: string, name: string, run: Promise<Run>): Promise<string | undefined> {
  let finished = false;
  void run.then(() => (finished = true));
  while (!finished) {
    const temp = readdirSync(folder).find((f) => f.startsWith(`.${name}.`) && TEMP_FILE_PATTERN.test(f));
    if (temp && statSync(join(folder, temp)).size > 0) return temp;
    await new Promise((r) => setTimeout(r, 10));
  }
  return undefined;
}

describe('fault suite (real binary)', () => {
  for (const name of ['out.csv', 'out.xlsx']) {
    it(`kill -9 during --out ${name} (${BIG_ROWS.toLocaleString('en-US')} rows) leaves the previous file, never a truncated one`, async () => {
      const folder = join(dir, `kill-${name}`);
      mkdirSync(folder);
      const target = join(folder, name);
      writeFileSync(target, 'previous output\n');
      const before = sha(target);
      const input = sha(big);
      const run = tierline(['segment', big, '--out', target]);
      const temp = await waitForTemp(folder, name, run.done);
      expect(temp, 'the write should still be in progress when killed').toBeDefined();
      run.kill();
      const result = await run.done;
      expect(result.signal).toBe('SIGKILL');
      // The previous file byte for byte; the half-written temp file is all kill -9 can leave.
      expect(sha(target)).toBe(before);
      expect(
        readdirSync(folder)
          .filter((f) => f !== name)
          .every((f) => TEMP_FILE_PATTERN.test(f)),
      ).toBe(true);
      expect(sha(big)).toBe(input);
    }, 120_000);
  }

  it('a killed first write leaves no file at all when there was none', async () => {
    const folder = join(dir, 'kill-new');
    mkdirSync(folder);
    const run = tierline(['segment', big, '--out', join(folder, 'new.csv')]);
    expect(await waitForTemp(folder, 'new.csv', run.done)).toBeDefined();
    run.kill();
    await run.done;
    expect(existsSync(join(folder, 'new.csv'))).toBe(false);
  }, 120_000);

  it('two tierline import processes on one store both finish, and the store is intact', async () => {
    const db = join(dir, 'store.db');
    const sample = join(root, 'sample/transactions.csv');
    const runs = await Promise.all([
      tierline(['import', sample, '--db', db]).done,
      tierline(['import', sample, '--db', db, '--as-of', '2026-10-25']).done,
    ]);
    for (const r of runs) {
      expect(r.err).not.toMatch(STACK);
      expect(r.code).toBe(0);
    }
    const store = new Database(db, { readonly: true });
    try {
      expect(store.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(store.prepare('SELECT count(*) AS n FROM snapshots').get()).toEqual({ n: 2 });
      expect(store.prepare('SELECT count(DISTINCT snapshot_id) AS n FROM customers').get()).toEqual({ n: 2 });
    } finally {
      store.close();
    }
  }, 120_000);

  // A 64 KiB tmpfs fills up long before the ~300 KB output is written.
  const root_ = process.getuid?.() === 0;
  let full: string | undefined;
  if (root_) {
    const mountPoint = join(dir, 'full');
    mkdirSync(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { stdio: 'ignore' });
      full = mountPoint;
    } catch {
      full = undefined;
    }
  }
  afterAll(() => {
    if (full) execFileSync('umount', [full], { stdio: 'ignore' });
  });

  it.skipIf(!full)(
    `a write to a full filesystem (64k tmpfs${full ? '' : ': SKIPPED, needs root and mount'}) is one ENOSPC line naming the path, exit 2, nothing half-written`,
    async () => {
      const folder = full!;
      const previous = join(folder, 'segmented.csv');
      writeFileSync(previous, 'previous\n');
      const input = join(root, 'sample/transactions.csv');
      const inputSha = sha(input);
      for (const [flag, out] of [
        ['--out', previous],
        ['--out', join(folder, 'new.xlsx')],
        ['--issues', join(folder, 'issues.csv')],
      ] as const) {
        const r = await tierline(['segment', input, '--customers', join(root, 'sample/customers.csv'), flag, out]).done;
        expect(r.code, r.err).toBe(2);
        expect(r.err).toBe(
          `tierline: cannot write ${out}: no space left on the device (disk full or quota reached); free some space or write elsewhere. The previous file, if any, is unchanged.\n`,
        );
        expect(readFileSync(previous, 'utf8')).toBe('previous\n');
        expect(readdirSync(folder)).toEqual(['segmented.csv']);
      }
      const report = await tierline(['report', input, '--out', join(folder, 'report.html')]).done;
      expect(report.code).toBe(2);
      expect(report.err).toMatch(/^tierline: cannot write .*report\.html: no space left on the device.*\n$/);
      expect(readdirSync(folder)).toEqual(['segmented.csv']);
      expect(sha(input)).toBe(inputSha);
    },
    120_000,
  );
});
