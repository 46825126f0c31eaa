import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../io/index.js';
import type { Cell } from '../../core/index.js';
import { findEnglish } from '../core/i18n/find-english.js';
import { run } from './run-cli.js';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'tierline-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function readAll(path: string): Promise<{ header: string[]; rows: Cell[][] }> {
  let header: string[] = [];
  const rows: Cell[][] = [];
  await readTable(path, {
    header: (cells) => (header = [...cells]),
    rows: (batch) => rows.push(...batch.map((r) => [...r])),
  });
  return { header, rows };
}

const customersCsv = [
  '客户编号,客户名称,最近购买时间,购买次数,累计消费(元),备注',
  'C001,*先生,2024/3/1,5,"85,000",VIP',
  'C002,*女士,2024年2月1日,2,12000元,',
  ',*无名,2024-01-01,1,10,no id',
  'C003,*制造集团,2024-03-01,8,12万,',
].join('\n');

describe('tierline segment', () => {
  it('prints help for the program and the command', async () => {
    expect((await run('--help')).code).toBe(0);
    const help = await run('segment', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: tierline segment <file> [options]');
    expect((await run()).code).toBe(1);
  });

  it('exits 1 on bad usage with a message naming the problem', async () => {
    expect(await run('frobnicate')).toMatchObject({ code: 1 });
    const bad = await run('segment', file('a.csv', customersCsv), '--scheme', 'rules:nope');
    expect(bad).toMatchObject({
      code: 1,
      err: expect.stringContaining(
        '--scheme must be one of rfm, rfm8, rules:a-step4-rules, rules:a-table5-rules, rules:b-rfm-definitions, rules:b-maintenance-tiers, kmeans, c-value-tiers, d-grading-scorecard; got "rules:nope".',
      ),
    });
    expect((await run('segment', file('a2.csv', customersCsv), '--k', '1')).err).toContain(
      '--k must be "auto" or a whole number 2–20; got "1".',
    );
    expect((await run('segment', file('a3.csv', customersCsv), '--config', 'x.toml')).err).toContain(
      '--config must be a .json, .yaml or .yml file; got "x.toml".',
    );
    expect((await run('segment', file('b.csv', customersCsv), '--bogus')).code).toBe(1);
    expect((await run('segment', join(dir, 'missing.csv'))).err).toBe(
      `tierline: ${join(dir, 'missing.csv')}: file not found; check the name and the folder.\n`,
    );
    expect((await run('segment', file('c.csv', customersCsv), '--map', 'customerId')).err).toContain(
      '--map: "customerId" is not field=header',
    );
    expect((await run('segment', file('d.csv', customersCsv), '--as-of', '2024-02-31')).err).toBe(
      'tierline: Option "asOf" is not a real calendar date.\n',
    );
  });

  it('exits 2 on bad data: empty file, header only, wrong file type, missing columns', async () => {
    const empty = await run('segment', file('empty.csv', ''));
    expect(empty).toMatchObject({ code: 2, err: 'tierline: empty.csv is empty\n' });
    const headerOnly = await run('segment', file('header.csv', 'Customer ID,Order date,Amount\n'));
    expect(headerOnly).toMatchObject({ code: 2, err: 'tierline: The table has a header but no data rows.\n' });
    const xls = await run(
      'segment',
      file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
    );
    expect(xls.code).toBe(2);
    expect(xls.err).toMatch(/xls/i);
    const pdf = await run('segment', file('report.pdf', '%PDF-1.4\n%âãÏÓ\n1 0 obj\n'));
    expect(pdf.code).toBe(2);
    const noColumns = await run('segment', file('notes.csv', 'Name,Notes\nA,B\n'));
    expect(noColumns.code).toBe(2);
    expect(noColumns.err).toContain('missing customer ID');
  });

  it('segments customer rows: input columns unchanged, new columns appended, summary printed', async () => {
    const source = file('customers.csv', customersCsv);
    const out = join(dir, 'customers-out.csv');
    const result = await run('segment', source, '--out', out, '--locale', 'zh-CN');
    expect(result.code).toBe(0);
    // zh-CN run: the summary is in Chinese and names issues, never their codes (issue 14).
    expect(result.out).toContain('客户明细，3位客户，方案rfm，分析日期2024-03-02');
    expect(result.out).toContain('缺少客户ID 1');
    expect(result.out).not.toContain('missing-id');
    const input = await readAll(source);
    const output = await readAll(out);
    expect(output.header.slice(0, input.header.length)).toEqual(input.header);
    expect(output.header.slice(input.header.length, input.header.length + 3)).toEqual([
      '最近消费天数',
      '消费频次',
      '消费金额',
    ]);
    expect(output.rows).toHaveLength(input.rows.length);
    output.rows.forEach((row, i) =>
      expect(row.slice(0, input.header.length).map((c) => c ?? '')).toEqual(input.rows[i]!.map((c) => c ?? '')),
    );
    // The row without an id keeps its cells and gets empty result columns.
    expect(output.rows[2]!.slice(input.header.length).every((c) => c === '' || c === null)).toBe(true);
    expect(readFileSync(source, 'utf8')).toBe(customersCsv);
  });

  it('prints one JSON object per customer with the documented fields', async () => {
    const result = await run('segment', file('j.csv', customersCsv), '--format', 'json');
    const lines = result.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    for (const key of ['customerId', 'recencyDays', 'frequency', 'monetary', 'r', 'f', 'm', 'segment', 'tags'])
      expect(lines[0]).toHaveProperty(key);
    expect(lines.map((l) => [l.customerId, l.recencyDays, l.frequency, l.monetary])).toEqual([
      ['C001', 1, 5, 85000],
      ['C002', 30, 2, 12000],
      ['C003', 1, 8, 120000],
    ]);
  });

  it('honours an explicit column mapping', async () => {
    const odd = file('odd.csv', 'Kunde,Datum,Betrag\nK1,2024-03-01,10\nK2,2024-03-02,20\n');
    expect((await run('segment', odd)).code).toBe(2);
    const mapped = await run(
      'segment',
      odd,
      '--map',
      'customerId=Kunde,orderDate=Datum,orderAmount=Betrag',
      '--format',
      'json',
    );
    expect(mapped.code).toBe(0);
    expect(mapped.out.trim().split('\n')).toHaveLength(2);
  });

  it('shows no progress when stderr is not a terminal, however large the file (test/cli/progress.test.ts has the terminal)', async () => {
    const lines = ['Customer ID,Order date,Amount'];
    for (let i = 0; i < 200_000; i++) lines.push(`C${i % 20000},2024-0${1 + (i % 9)}-1${i % 10},${(i % 997) + 0.5}`);
    const big = file('big.csv', lines.join('\n'));
    const result = await run('segment', big, '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out.trim().split('\n')).toHaveLength(20000);
  });

  it('runs the demo on the bundled sample: transactions joined to customers, xlsx out', async () => {
    const out = join(dir, 'segmented.xlsx');
    const issues = join(dir, 'issues.csv');
    const result = await run(
      'segment',
      join(root, 'sample/transactions.csv'),
      '--customers',
      join(root, 'sample/customers.csv'),
      '--out',
      out,
      '--issues',
      issues,
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain('transactions, 5,000 customers, scheme rfm, as of 2026-11-01');
    expect(result.out).toMatch(/refund-excluded 900.*duplicate-transaction 300/);
    expect(result.out).toContain('future-date 1');
    const written = await readAll(out);
    expect(written.rows).toHaveLength(5000);
    expect(written.header.slice(0, 2)).toEqual(['Customer ID', 'Customer name']);
    const log = await readAll(issues);
    expect(log.rows.filter((r) => r[0] === 'refund-excluded')).toHaveLength(900);
  }, 60_000);

  it('selects every SPEC §5 scheme: rules with explanations, k-means with its K search, tiers, scorecard', async () => {
    const table = [
      'Customer ID,Recency,Frequency (6 months),AOV,Lifetime orders,Complaints',
      'C1,12,9,1620,20,0',
      'C2,40,5,1000,6,0',
      'C3,120,0,500,2,0',
      'C4,5,9,1700,30,1',
      'C5,200,1,90,1,0',
      'C6,3,12,2500,40,0',
    ].join('\n');
    const path = file('schemes.csv', table);
    const rules = await run(
      'segment',
      path,
      '--scheme',
      'rules:a-table5-rules',
      '--as-of',
      '2024-06-30',
      '--format',
      'json',
    );
    expect(rules.code).toBe(0);
    const first = JSON.parse(rules.out.split('\n')[0]!);
    expect(first).toMatchObject({
      customerId: 'C1',
      segment: 'high-value',
      explanation: '6-month frequency 9 ≥ 8; AOV 1,620 ≥ 1,500; last purchase 12 days ago ≤ 30',
    });
    const kmeans = await run('segment', path, '--scheme', 'kmeans', '--k', '2', '--as-of', '2024-06-30');
    expect(kmeans.code).toBe(0);
    expect(kmeans.out).toContain('K = 2 (fixed)');
    expect(kmeans.out).toContain('(auto-named from centroid)');
    const tiers = await run('segment', path, '--scheme', 'c-value-tiers', '--as-of', '2024-06-30', '--format', 'csv');
    expect(tiers.out.split(/\r?\n/)[0]).toMatch(/,Why,Value tier,Sub-tier,Response SLA,Tier strategy$/);
    const grading = await run('segment', path, '--scheme', 'd-grading-scorecard', '--as-of', '2024-06-30');
    expect(grading.out).toMatch(/^High /m);
  });

  it('prints the k-means block in zh-CN with no English sentence (issue 14)', async () => {
    const table = [
      'Customer ID,Recency,Frequency (6 months),AOV,Lifetime orders,Complaints',
      'C1,12,9,1620,20,0',
      'C2,40,5,1000,6,0',
      'C3,120,0,500,2,0',
      'C4,5,9,1700,30,1',
      'C5,200,1,90,1,0',
      'C6,3,12,2500,40,0',
    ].join('\n');
    const path = file('kmeans-zh.csv', table);
    const zh = await run('segment', path, '--scheme', 'kmeans', '--as-of', '2024-06-30', '--locale', 'zh-CN');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('K值搜索：K=2 轮廓系数 0.509 惯性 5 · K=3');
    expect(zh.out).toContain('K = 2（自动选择），轮廓系数 0.509；参考：4–6个聚类，轮廓系数 > 0.5。');
    expect(zh.out).toMatch(/R（天）.*轮廓系数/);
    expect(zh.out.split('\n').flatMap((line) => findEnglish(line, [path, 'kmeans']))).toEqual([]);
    const en = await run('segment', path, '--scheme', 'kmeans', '--as-of', '2024-06-30', '--locale', 'en');
    expect(en.out).toContain('K = 2 (auto), silhouette 0.509; guidance: 4–6 clusters, silhouette > 0.5.');
    expect(en.out).toMatch(/R \(days\) +F +M +Silhouette/);
    expect(en.out).not.toContain('SPEC guidance');
  });

  it('reads --config as JSON or YAML and names a wrong key (exit 1)', async () => {
    const path = file('config-data.csv', customersCsv);
    const yaml = file('t.yaml', 'presets:\n  a-table5-rules:\n    high-value:\n      frequency6m: 9\n');
    expect((await run('segment', path, '--scheme', 'rules', '--config', yaml)).code).toBe(0);
    const wrong = file(
      'w.json',
      JSON.stringify({ presets: { 'a-table5-rules': { 'high-value': { frequency6m: 'nine' } } } }),
    );
    const bad = await run('segment', path, '--scheme', 'rules', '--config', wrong);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('presets.a-table5-rules.high-value.frequency6m');
    const broken = await run('segment', path, '--config', file('b.json', '{ nope'));
    expect(broken).toMatchObject({ code: 1, err: expect.stringContaining('(config): invalid JSON') });
  });

  it("accepts the README's config example for every scheme it configures", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const example = /```yaml\n(presets:[\s\S]*?)```/.exec(readme)![1]!;
    const config = file('readme.yaml', example);
    for (const scheme of ['rules', 'rules:b-rfm-definitions', 'c-value-tiers', 'd-grading-scorecard']) {
      const result = await run(
        'segment',
        join(root, 'sample', 'transactions.csv'),
        '--customers',
        join(root, 'sample', 'customers.csv'),
        '--scheme',
        scheme,
        '--config',
        config,
      );
      expect(result.code, `${scheme}: ${result.err}`).toBe(0);
    }
    // Four full runs of the sample, each with the churn back-test: ~6 s of CPU apiece.
  }, 120_000);
});
