// What a zh-CN user reads from the CLI, checked for English sentences with the
// corpus test's detector (test/core/i18n/find-english.ts): every command's
// --help, `help <command>`, usage errors, option and config errors, the lines
// a run writes (Wrote N rows), the model command's tables and the dimension
// evaluation's notes.
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
  writeFileSync(at('empty.db'), ''); // a store with no snapshot yet
  writeFileSync(at('bad.yaml'), 'presets: [\n');
  writeFileSync(at('unknown-key.json'), '{ "nonsense": 1 }');
  writeFileSync(at('wrong-type.json'), '{ "tiers": "high" }');
  // A config with a problem in every section: a misspelt key, a rate written as a percentage, min > max, weights not
  // summing to 1, a tier table that stops short of 100%, a threshold out of range.
  writeFileSync(
    at('rules.yaml'),
    'presets:\n  a-table5-rules:\n    high-value:\n      frequncy6m: 9\n  b-maintenance-tiers:\n    strategic: { referralRate: 90 }\n',
  );
  writeFileSync(at('min-max.yaml'), 'presets:\n  a-table5-rules:\n    potential:\n      frequency6m: { min: 8 }\n');
  writeFileSync(
    at('grading.yaml'),
    'grading:\n  groups:\n    financial: { weight: 0.6 }\n  grades: [{ id: top, min: 50 }]\n',
  );
  writeFileSync(
    at('tiers.yaml'),
    'tiers:\n  slaHours: { high: 0 }\n  subTiers: [{ id: 1, tier: high, fromPercent: 0, toPercent: 50 }]\n',
  );
  writeFileSync(at('dimensions.yaml'), 'dimensions:\n  threshold: 9\n  weights: { relevance: 0.7 }\n');
  writeFileSync(at('duplicate.yaml'), 'tiers: {}\ntiers: {}\n');
  // Dimension candidates the table does not have: a note each.
  writeFileSync(at('candidates.yaml'), 'dimensions:\n  candidates: [frequency6m, logins3m, industry]\n');
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
  ['segment', '@tx.csv', '--config', '@rules.yaml'],
  ['segment', '@tx.csv', '--config', '@min-max.yaml'],
  ['segment', '@tx.csv', '--scheme', 'd-grading-scorecard', '--config', '@grading.yaml'],
  ['segment', '@tx.csv', '--config', '@tiers.yaml'],
  ['segment', '@tx.csv', '--config', '@duplicate.yaml'],
  ['dimensions', '@tx.csv', '--config', '@dimensions.yaml'],
  ['segment', '@tx.csv', '--horizon', '0'],
  ['model'],
  ['model', 'fit'],
  ['model', 'fit', '@cdnow.csv'],
  ['model', 'evaluate', '@cdnow.csv', '--calibration-end', '1997-09-30'],
  ['model', 'fit', '@cdnow.csv', '--calibration-end', '1997-09-30', '--unit', 'months'],
  ['report', '@tx.csv'],
  ['dimensions'],
  ['dimensions', 'a.csv', 'b.csv'],
  ['import'],
  ['users'],
  ['ask'],
  ['digest'],
  ['bot', '--port', 'abc'],
  ['bot', 'extra'],
  ['ask', 'who is at churn risk'],
  ['ask', 'who is at churn risk', '--as', 'A', '--sort', 'nope'],
  ['ask', 'who is at churn risk', '--as', 'A', '--limit', '0'],
  ['ask', 'who is at churn risk', '--as', 'A', '--limit', '3'],
  ['digest', '--preview', '--locale', 'fr'],
  ['digest', '--preview', '--db', '@empty.db'],
  ['users', 'frobnicate'],
  ['users', 'map'],
  ['users', 'map', 'nobody'],
  ['users', 'role', 'x'],
  ['report', '@tx.csv', '--out', '@r.html', '--max-points', '0'],
  ['report'],
  ['segment', '@tx.csv', '--engine', 'node', '--source', 'duckdb:x.duckdb'],
  ['segment', '--source', 'mysql://host/db'],
  ['segment', '@tx.csv', '--table', 't'],
  ['segment', '--source', 'duckdb:x.duckdb', '--table', 't', '--query', 'select 1'],
  ['segment', '--source', 'duckdb:x.duckdb', '--statement-timeout', 'soon'],
];
const resolveArgs = (argv: readonly string[]): string[] => argv.map((a) => (a.startsWith('@') ? at(a.slice(1)) : a));

/** Lines of runs that succeed: the summary, "Wrote N rows", the model's tables, the dimension evaluation's notes. */
const RUNS: readonly (readonly string[])[] = [
  ['segment', '@tx.csv', '--out', '@out.csv'],
  ['model', 'fit', '@cdnow.csv', '--calibration-end', '1997-09-30'],
  // Too short a calibration period: the model is unreliable, with its reasons.
  ['model', 'fit', '@cdnow.csv', '--calibration-end', '1997-02-15'],
  ['model', 'evaluate', '@cdnow.csv', '--calibration-end', '1997-09-30', '--holdout-end', '1998-06-30'],
  // The goal column is missing; then candidates the table does not have and a category needing an expert relevance.
  ['dimensions', '@tx.csv', '--goal', 'logins3m'],
  ['dimensions', '@tx.csv', '--config', '@candidates.yaml'],
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

  // Measured with TIERLINE_ZH_REPORT (issue 14): 7 English lines before config problems, the model's tables and the
  // dimension notes came from the catalogue; 0 after.
  it('usage, option and config errors', async () => {
    const found = (await Promise.all(USAGE.map((argv) => zh(...resolveArgs(argv))))).flat();
    expect(found).toEqual([]);
  });

  it('the lines of a run: summary, Wrote N rows, the model tables, the dimension notes', async () => {
    const found = (await Promise.all(RUNS.map((argv) => zh(...resolveArgs(argv))))).flat();
    expect(found).toEqual([]);
  }, 120_000);

  // The cases above prove nothing if they stop before what they test: each reaches its Chinese sentence.
  it('config problems, the model tables and the dimension notes reach the reader in Chinese', async () => {
    const config = await run(...resolveArgs(['segment', '@tx.csv', '--config', '@rules.yaml']));
    expect(config.code).toBe(1);
    expect(config.err).toContain('presets.a-table5-rules.high-value.frequncy6m：未知的键（可用的键：');
    expect(config.err).toContain('presets.b-maintenance-tiers.strategic.referralRate：比率是 0–1 的小数（0.9 = 90%）');
    const grading = await run(
      ...resolveArgs(['segment', '@tx.csv', '--scheme', 'd-grading-scorecard', '--config', '@grading.yaml']),
    );
    expect(grading.err).toContain(
      'grading.groups：权重 financial 0.6 + behavioural 0.3 + qualitative 0.2 = 1.1，应为 1',
    );
    expect((await run(...resolveArgs(['segment', '@tx.csv', '--config', '@duplicate.yaml']))).err).toContain(
      '（配置）：YAML 格式有误：第2行第1列：键重复',
    );
    const unreliable = await run(...resolveArgs(['model', 'fit', '@cdnow.csv', '--calibration-end', '1997-02-15']));
    expect(unreliable.out).toContain('模型不可靠——流失判断改用规则判定：\n  校准期内只有166位重复购买客户');
    const evaluate = await run(...resolveArgs(RUNS[3]!));
    expect(evaluate.out).toContain('BG/NBD：预测重复购买 1653.4 次，实际 1882 次');
    expect(evaluate.out).toMatch(/^选用：规则与购买节奏（/m);
    const notes = await run(...resolveArgs(RUNS[4]!));
    expect(notes.out).toContain('说明：未找到目标指标近3个月登录频次');
  }, 120_000);
});
