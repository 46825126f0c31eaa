// Issue 11 acceptance, end to end through the real `tierline` binary on a
// retailer-shaped order-line export whose future is known: each
// salesperson's top 20 is mostly truly lapsed, the order inside the at-risk
// list beats random, the churn probability ranks all customers well, and no
// listed id never bought.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankAuc } from '../../core/ml/index.js';
import { formatCsvRow } from '../../io/format-csv-row.js';
import { generateRetailHistory, OWNERS, RETAIL_HEADER, type RetailHistory } from './retail-order-lines.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/tierline.js');

interface Exported {
  customerId: string;
  owner: string | null;
  rank: number;
  churnProbability: number | null;
}

const tierline = async (...args: string[]): Promise<string> =>
  (await run(process.execPath, [BIN, ...args], { maxBuffer: 1 << 28 })).stdout;

/** AUC of `score` for "lapsed" (no purchase in the truth window). */
function aucLapsed(history: RetailHistory, rows: readonly { id: string; score: number }[]): number {
  const scores = Float64Array.from(rows, (r) => r.score);
  const labels = Uint8Array.from(rows, (r) => (history.boughtAfter.get(r.id) ? 0 : 1));
  return rankAuc(scores, labels);
}

describe('churn on a retailer order-line export (issue 11 done-when)', () => {
  const history = generateRetailHistory(3000);
  let dir: string;
  let file: string;
  let db: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tierline-acceptance-'));
    file = join(dir, 'online-retail.csv');
    db = join(dir, 'store.db');
    writeFileSync(file, [RETAIL_HEADER, ...history.rows].map((r) => formatCsvRow(r)).join(''));
    await tierline('import', file, '--db', db, '--as-of', history.asOf, '--currency', 'GBP', '--today', history.asOf);
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ranks every customer well: churn probability AUC ≥ 0.73 for "no purchase in the next 100 days"', async () => {
    const out = await tierline(
      'segment',
      file,
      '--as-of',
      history.asOf,
      '--currency',
      'GBP',
      '--today',
      history.asOf,
      '--format',
      'json',
    );
    const customers = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { customerId: string; churnProbability: number | null });
    expect(customers.length).toBeGreaterThan(2500);
    const scored = customers
      .filter((c) => c.churnProbability !== null)
      .map((c) => ({ id: c.customerId, score: c.churnProbability! }));
    expect(scored.length).toBe(customers.length);
    const auc = aucLapsed(history, scored);
    console.info(`acceptance: ${customers.length} customers, churn probability AUC ${auc.toFixed(3)}`);
    expect(auc).toBeGreaterThanOrEqual(0.73);
  }, 180_000);

  it("each salesperson's top 20 is mostly truly lapsed (≥ 65%) and never lists an id that never bought", async () => {
    for (const owner of OWNERS) {
      const list = JSON.parse(
        await tierline('ask', 'who is at churn risk', '--as', owner, '--db', db, '--format', 'json', '--limit', '20'),
      ) as Exported[];
      expect(list).toHaveLength(20);
      for (const row of list) {
        expect(row.owner).toBe(owner);
        expect(history.buyers.has(row.customerId), `${row.customerId} never bought`).toBe(true);
      }
      const lapsed = list.filter((row) => !history.boughtAfter.get(row.customerId)).length;
      console.info(`acceptance: ${owner} top 20: ${lapsed} truly lapsed`);
      expect(lapsed / 20).toBeGreaterThanOrEqual(0.65);
    }
  }, 180_000);

  it('orders the at-risk list better than random (AUC ≥ 0.55 inside the list)', async () => {
    const list = JSON.parse(
      await tierline('ask', 'who is at churn risk', '--manager', '--db', db, '--format', 'json', '--limit', '1000000'),
    ) as Exported[];
    expect(list.length).toBeGreaterThan(100);
    for (const row of list) expect(history.buyers.has(row.customerId), `${row.customerId} never bought`).toBe(true);
    // Rank 1 is the riskiest: a higher score for a smaller rank.
    const auc = aucLapsed(
      history,
      list.map((row) => ({ id: row.customerId, score: -row.rank })),
    );
    console.info(`acceptance: at-risk list of ${list.length}, AUC inside the list ${auc.toFixed(3)}`);
    expect(auc).toBeGreaterThanOrEqual(0.55);
  }, 180_000);
});
