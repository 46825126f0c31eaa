// The terminal conventions of issue 13: progress only on a terminal (the
// real binary under a pseudo-terminal from util-linux `script`), --quiet,
// NO_COLOR, --version. The binary tests need `tsc -b` first, as fault.test.ts does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConsoleIo } from '../../cli/console-io.js';
import { colorEnabled } from '../../cli/console-io.js';
import { formatDuration, startProgress } from '../../cli/progress.js';
import { run } from './run-cli.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/tierline.js');
const dir = mkdtempSync(join(tmpdir(), 'tierline-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const sample = join(dir, 'small.csv');
writeFileSync(
  sample,
  'Customer ID,Last purchase date,Frequency,Cumulative spend\nC1,2026-10-01,3,300\nC2,2026-09-01,1,50\nC3,2025-01-01,10,9000\n',
);

/** A console on a fake clock that moves by `step` ms at each read. */
function fakeIo(options: { interactive: boolean; quiet?: boolean; steps: number[] }): {
  io: ConsoleIo;
  err: () => string;
} {
  let err = '';
  let at = Date.UTC(2026, 10, 1);
  const steps = [...options.steps];
  const io: ConsoleIo = {
    out: () => {},
    err: (text) => (err += text),
    now: () => new Date((at += steps.shift() ?? 0)),
    timeZone: 'UTC',
    interactive: options.interactive,
    quiet: options.quiet ?? false,
  };
  return { io, err: () => err };
}

/** Runs the binary under a pseudo-terminal (`script`), stdout and stderr both on it. */
function onTerminal(args: string, env: Record<string, string> = {}): string {
  const command = `${process.execPath} ${bin} ${args}`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '', ...env },
  });
  return result.stdout;
}

/** Runs the binary with pipes: stderr is not a terminal. */
function onPipes(args: string[], env: Record<string, string> = {}): { stdout: string; stderr: string; status: number } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, TERM: 'xterm-256color', ...env },
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}

describe('startProgress', () => {
  it('draws at once, then rows, rows/s and an ETA at most every 100 ms, and clears the line at the end', () => {
    // Clock reads: the start (drawn at once), +2000 ms, +50 ms (too soon), +100 ms.
    const { io, err } = fakeIo({ interactive: true, steps: [0, 2000, 50, 100] });
    const phase = startProgress(io, 'cli.progress.reading', 'en', { file: 'a.csv' });
    expect(err()).toBe('\rReading a.csv');
    phase.update(50_000, 0.5);
    const line = 'Reading a.csv · 50,000 rows · 25,000 rows/s · ETA 0:02';
    expect(err()).toBe(`\rReading a.csv\r${line}`);
    phase.update(60_000, 0.6);
    expect(err()).toBe(`\rReading a.csv\r${line}`);
    phase.update(70_000, 0.7);
    phase.end();
    phase.end();
    const last = 'Reading a.csv · 70,000 rows · 32,558 rows/s · ETA 0:01';
    expect(err()).toBe(`\rReading a.csv\r${line}\r${last}\r${' '.repeat(last.length)}\r`);
  });

  it('speaks the locale', () => {
    const { io, err } = fakeIo({ interactive: true, steps: [0, 1000] });
    startProgress(io, 'cli.progress.writing', 'zh-CN', { file: 'b.xlsx' }).update(3000, 0.75);
    expect(err()).toBe('\r正在写入 b.xlsx\r正在写入 b.xlsx · 3,000 行 · 每秒 3,000 行 · 预计还需 0:00');
  });

  it('prints nothing when stderr is not a terminal, or with --quiet', () => {
    for (const options of [{ interactive: false }, { interactive: true, quiet: true }]) {
      const { io, err } = fakeIo({ ...options, steps: [0, 0, 2000] });
      const phase = startProgress(io, 'cli.progress.reading', 'en', { file: 'a.csv' });
      phase.update(10, 0.5);
      phase.end();
      expect(err()).toBe('');
    }
  });

  it('formats durations as m:ss and h:mm:ss', () => {
    expect([0, 9.6, 75, 3599, 3600, 36_061].map(formatDuration)).toEqual([
      '0:00',
      '0:10',
      '1:15',
      '59:59',
      '1:00:00',
      '10:01:01',
    ]);
  });
});

describe('colorEnabled', () => {
  it('colours a terminal only, never with NO_COLOR set (non-empty) or TERM=dumb', () => {
    expect(colorEnabled(true, {})).toBe(true);
    expect(colorEnabled(true, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(true, { TERM: 'dumb' })).toBe(false);
    expect(colorEnabled(false, {})).toBe(false);
  });
});

describe('tierline on a terminal and off it', () => {
  it('shows the reading, scoring and writing phases on a terminal, and clears them', () => {
    const screen = onTerminal('segment small.csv --as-of 2026-11-01 --out out.xlsx');
    expect(screen).toContain('\rReading small.csv');
    expect(screen).toContain('\rScoring small.csv');
    expect(screen).toContain('\rWriting out.xlsx');
    expect(screen).toContain('Wrote 3 rows to out.xlsx');
    // Progress is erased with spaces, never with escape codes.
    expect(screen).not.toContain('\u001b');
  });

  it('--quiet silences progress and notes on a terminal, not the result', () => {
    const screen = onTerminal('segment small.csv --as-of 2026-11-01 --out quiet.xlsx --quiet');
    expect(screen).not.toMatch(/Reading|Scoring|Writing|Wrote/);
    expect(screen).toContain('3 customers');
  });

  it('shows no progress when stderr is a pipe', () => {
    const result = onPipes(['segment', 'small.csv', '--as-of', '2026-11-01', '--out', 'piped.xlsx']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('Wrote 3 rows to piped.xlsx\n');
  });

  it('colours the error prefix on a terminal, and nothing with NO_COLOR or off a terminal', () => {
    const coloured = onTerminal('segment');
    expect(coloured).toContain('\u001b[1;31mtierline:\u001b[0m segment: missing <file>.');
    expect(coloured).toContain('Run "tierline segment --help" to see the options.');
    expect(onTerminal('segment', { NO_COLOR: '1' })).not.toContain('\u001b');
    const piped = onPipes(['segment']);
    expect(piped.status).toBe(1);
    expect(piped.stderr).toBe(
      'tierline: segment: missing <file>.\ntierline: Run "tierline segment --help" to see the options.\n',
    );
  });

  it('--version and -V print the version in package.json', async () => {
    expect(onPipes(['--version']).stdout).toBe(`tierline ${version}\n`);
    expect(onPipes(['-V']).stdout).toBe(`tierline ${version}\n`);
    expect(await run('--version')).toEqual({ code: 0, out: `tierline ${version}\n`, err: '' });
  });
});
