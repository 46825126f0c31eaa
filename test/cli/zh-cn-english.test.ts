// What a zh-CN user reads from the CLI, checked for English sentences with the
// corpus test's detector (test/core/i18n/find-english.ts): every command's
// --help, `help <command>`, usage errors, option and config errors, the lines
// a run writes (Wrote N rows) and the model command's tables.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnglish } from '../core/i18n/find-english.js';
import { writeRawSampleCsv } from '../core/lifetime/cdnow.js';
import { run } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tierline-zh-'));
const at = (name: string): string => join(dir, name);
// A zh-CN user: the environment says so (every command follows LC_ALL; not all take --locale).
const lcAll = process.env.LC_ALL;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (lcAll === undefined) delete process.env.LC_ALL;
  else process.env.LC_ALL = lcAll;
});

beforeAll(() => {
  process.env.LC_ALL = 'zh_CN.UTF-8';
  const tx = ['Customer ID,Order date,Amount', 'C1,2024-01-05,100', 'C1,2024-03-01,50', 'C2,2024-02-10,80'];
  writeFileSync(at('tx.csv'), tx.join('\n') + '\n');
  writeFileSync(at('bad.json'), '{ "presets": ');
  writeFileSync(at('bad.yaml'), 'presets: [\n');
  writeFileSync(at('unknown-key.json'), '{ "nonsense": 1 }');
  writeFileSync(at('wrong-type.json'), '{ "tiers": "high" }');
  writeRawSampleCsv(at('cdnow.csv'));
});

const COMMANDS = ['segment', 'report', 'model', 'dimensions', 'import', 'users', 'ask', 'digest', 'bot'];

/** The lines of `text` with an English sentence, blanking what the user typed (the arguments) and the temp folder. */
const english = (text: string, argv: readonly string[]): string[] =>
  text
    .split(dir)
    .join(' ')
    .split('\n')
    .filter(
      (line) =>
        findEnglish(
          line,
          argv.map((a) => a.split(dir).join(' ')),
        ).length > 0,
    );

async function zh(...argv: string[]): Promise<string[]> {
  const { out, err } = await run(...argv);
  const found = english(out + '\n' + err, argv);
  // The measurement for issue 14's closing note: TIERLINE_ZH_REPORT=file lists every English line found.
  const report = process.env.TIERLINE_ZH_REPORT;
  if (report) appendFileSync(report, found.map((line) => `${argv[0]}\t${line}\n`).join(''));
  return found;
}

/** Usage and option errors, one per way a command line can be wrong. */
const USAGE: readonly (readonly string[])[] = [
  ['frobnicate'],
  ['help', 'nope'],
  ['segment'],
  ['segment', 'a.csv', 'b.csv'],
  ['segment', '@tx.csv', '--bogus'],
  ['segment', '@tx.csv', '--out'],
  ['segment', '@tx.csv', '--scheme', 'rules:nope'],
  ['segment', '@tx.csv', '--k', '1'],
  ['segment', '@tx.csv', '--window', 'six'],
  ['segment', '@tx.csv', '--format', 'xml'],
  ['segment', '@tx.csv', '--shape', 'orders'],
  ['segment', '@tx.csv', '--refunds', 'keep'],
  ['segment', '@tx.csv', '--as-of', '2024-02-31'],
  ['segment', '@tx.csv', '--as-of', 'yesterday'],
  ['segment', '@tx.csv', '--map', 'customerId'],
  ['segment', '@tx.csv', '--map', 'nonsenseField=Customer ID'],
  ['segment', '@tx.csv', '--sheet', '2'],
  ['segment', '@tx.csv', '--out', '@report.txt'],
  ['segment', '@tx.csv', '--out', '@tx.csv'],
  ['segment', '@missing.csv'],
  ['segment', '@tx.csv', '--config', '@rules.toml'],
  ['segment', '@tx.csv', '--config', '@bad.json'],
  ['segment', '@tx.csv', '--config', '@bad.yaml'],
  ['segment', '@tx.csv', '--config', '@unknown-key.json'],
  ['segment', '@tx.csv', '--config', '@wrong-type.json'],
  ['segment', '@tx.csv', '--horizon', '0'],
  ['model'],
  ['model', 'fit'],
  ['model', 'fit', '@cdnow.csv'],
  ['model', 'evaluate', '@cdnow.csv', '--calibration-end', '1997-09-30'],
  ['model', 'fit', '@cdnow.csv', '--calibration-end', '1997-09-30', '--unit', 'months'],
  ['report', '@tx.csv'],
  ['dimensions'],
  ['import'],
  ['users'],
  ['ask'],
  ['digest'],
  ['bot', '--port', 'abc'],
];
const resolveArgs = (argv: readonly string[]): string[] => argv.map((a) => (a.startsWith('@') ? at(a.slice(1)) : a));

/** Lines of runs that succeed: the summary, "Wrote N rows", the model's tables. */
const RUNS: readonly (readonly string[])[] = [
  ['segment', '@tx.csv', '--out', '@out.csv'],
  ['model', 'fit', '@cdnow.csv', '--calibration-end', '1997-09-30'],
];

describe('English a zh-CN user reads from the CLI', () => {
  it('--help of the program and of every command', async () => {
    const found = [
      ...(await zh('--help')),
      ...(await zh('help')),
      ...(await Promise.all(COMMANDS.map(async (c) => [...(await zh(c, '--help')), ...(await zh('help', c))]))).flat(),
    ];
    expect(found).toEqual([]);
  });

  // Not yet 0 (issue 14): measured with TIERLINE_ZH_REPORT; `it.fails` turns red once they are all translated.
  it.fails('usage, option and config errors', async () => {
    const found = (await Promise.all(USAGE.map((argv) => zh(...resolveArgs(argv))))).flat();
    expect(found).toEqual([]);
  });

  it.fails(
    'the lines of a run: summary, Wrote N rows, the model tables',
    async () => {
      const found = (await Promise.all(RUNS.map((argv) => zh(...resolveArgs(argv))))).flat();
      expect(found).toEqual([]);
    },
    120_000,
  );
});
