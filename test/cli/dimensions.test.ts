import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tierline-dimensions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Lifetime orders = 2 × 6-month frequency: r = 1 → relevance 5, score (5 + 5) / 2 = 5, selected.
// Complaints 0,1,0,1,0 against 1..5: r = 0 → relevance 1; operability 4 → 2.5, not selected.
const table = [
  'Customer ID,Recency,Frequency (6 months),AOV,Lifetime orders,Complaints,Region',
  'C1,10,1,100,2,0,华东',
  'C2,20,2,300,4,1,华南',
  'C3,30,3,200,6,0,华东',
  'C4,40,4,500,8,1,',
  'C5,50,5,400,10,0,华北',
].join('\n');

describe('tierline dimensions', () => {
  it('prints Table 3 with availability, r, relevance, operability, score and selection', async () => {
    const path = join(dir, 't.csv');
    writeFileSync(path, table);
    const json = await run('dimensions', path, '--format', 'json', '--as-of', '2024-06-30');
    expect(json.code).toBe(0);
    const rows = new Map(
      json.out
        .trim()
        .split('\n')
        .map((line) => {
          const row = JSON.parse(line);
          return [row.field, row];
        }),
    );
    expect(rows.get('historicalFrequency')).toMatchObject({
      availability: 1,
      r: 1,
      relevance: 5,
      operability: 5,
      score: 5,
      selected: true,
    });
    expect(rows.get('complaints6m')).toMatchObject({ r: 0, relevance: 1, operability: 4, score: 2.5, selected: false });
    expect(rows.get('region')).toMatchObject({ availability: 0.8, r: null, relevance: null, selected: false });
    const zh = await run('dimensions', path, '--locale', 'zh-CN', '--as-of', '2024-06-30');
    expect(zh.out.split('\n')[0]).toMatch(/^维度名称\s+维度定义\s+数据可获取性/);
    expect(zh.out).toContain('中 (80%)');
  });

  it('takes expert overrides from --config and refuses an unknown goal', async () => {
    const path = join(dir, 'o.csv');
    writeFileSync(path, table);
    const config = join(dir, 'd.json');
    writeFileSync(config, JSON.stringify({ dimensions: { overrides: { region: { relevance: 2 } } } }));
    const json = await run('dimensions', path, '--format', 'json', '--config', config, '--as-of', '2024-06-30');
    const region = json.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((row) => row.field === 'region');
    // Table 3's own example: relevance 2, operability 5 → 3.5, not selected.
    expect(region).toMatchObject({ relevance: 2, relevanceSource: 'override', score: 3.5, selected: false });
    const bad = await run('dimensions', path, '--goal', 'happiness');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--goal must be one of');
  });
});
