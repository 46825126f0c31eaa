import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { runScheduledImport } from '../../cli/commands/bot-store.js';
import { SqliteStore } from '../../bot/store/sqlite-store.js';
import { run } from '../cli/run-cli.js';

const db = () => join(mkdtempSync(join(tmpdir(), 'tl-cli-')), 'tierline.db');

describe('tierline import / users / ask / digest', () => {
  it('imports the sample and answers "who is at churn risk" for one owner, as the demo does', async () => {
    const path = db();
    const imported = await run('import', 'sample/transactions.csv', '--customers', 'sample/customers.csv', '--db', path);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^Imported sample\/transactions.csv as snapshot 1 of 2026-11-01: 5,000 customers, 10 owners, money in CNY\.\n/);
    // The one churn truth's evidence: which model ranks, its back-test, what "at risk" means.
    expect(imported.out).toMatch(/\nChurn: At risk = P\(no purchase in the next 90 days\) ≥ 0\.\d\d by \S+ \(back-test AUC 0\.\d\d, precision in top 20 [\d.]+, base rate 0\.\d\d\)\.\n/);
    expect(imported.out).toContain('Owners without a Slack user (10)');
    const ask = await run('ask', 'who is at churn risk', '--as', 'Maria Garcia', '--db', path);
    expect(ask.code).toBe(0);
    expect(ask.out).toMatch(/^Customers at churn risk — Maria Garcia\n/);
    expect(ask.out).toMatch(/1–5 of \d+ · snapshot 2026-11-01/);
    const zh = await run('ask', '哪些客户有流失风险', '--as', 'Maria Garcia', '--page', '2', '--db', path);
    expect(zh.out).toMatch(/第 6–10 位/);
    const digest = await run('digest', '--preview', '--db', path);
    expect(digest.code).toBe(0);
    expect(digest.out).toMatch(/^Weekly tier digest — all customers\n[\s\S]*Snapshot 2026-11-01 \(first snapshot: no comparison yet\)/);
  }, 60_000);

  it('maps an owner to a Slack user and lists it; refuses a malformed mapping', async () => {
    const path = db();
    // Only import and the bot create a store; users needs one.
    expect(await run('users', 'list', '--db', path)).toMatchObject({ code: 1, err: expect.stringContaining(`no store at ${path}: run tierline import`) });
    new SqliteStore(path).close();
    expect(await run('users', 'map', '张伟=U0123', '--db', path)).toMatchObject({ code: 0, out: '张伟 → U0123\n' });
    expect((await run('users', 'list', '--db', path)).out).toBe('张伟\tU0123\tmanual\n');
    expect(await run('users', 'map', '张伟', '--db', path)).toMatchObject({ code: 1 });
    expect(await run('users', 'map', '张伟=someone', '--db', path)).toMatchObject({ code: 1 });
  });

  it('says what is missing: no snapshot, no asker, an unknown owner', async () => {
    const path = db();
    new SqliteStore(path).close();
    expect(await run('ask', 'churn', '--as', 'Nobody', '--db', path)).toMatchObject({ code: 2, out: expect.stringContaining('No customer data yet') });
    expect(await run('ask', 'churn', '--db', path)).toMatchObject({ code: 1, err: expect.stringContaining('--as <owner> or --manager') });
    expect(await run('digest', '--preview', '--db', path)).toMatchObject({ code: 2, err: expect.stringContaining('no snapshot yet') });
    expect(await run('digest', '--db', path)).toMatchObject({ code: 1 });
    expect(await run('import', 'no-such-file.csv', '--db', path)).toMatchObject({ code: 1, err: expect.stringContaining('file not found') });
  });
});

describe('the scheduled re-import', () => {
  it('adds a snapshot from the configured file, and a bad file leaves the store as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-reimport-'));
    const store = new SqliteStore(join(dir, 'tierline.db'));
    const file = join(dir, 'book.csv');
    writeFileSync(file, 'Customer ID,Account manager,Last purchase date,Frequency,Cumulative spend\nC1,Maria,2026-11-20,4,900\n');
    const io = { out: () => {}, err: () => {}, today: '2026-11-25', interactive: false };
    const logs: string[] = [];
    const snapshot = await runScheduledImport(store, file, io, (l) => logs.push(l));
    expect(snapshot?.customerCount).toBe(1);
    writeFileSync(file, '');
    expect(await runScheduledImport(store, file, io, (l) => logs.push(l))).toBeUndefined();
    expect(await runScheduledImport(store, join(dir, 'gone.csv'), io, (l) => logs.push(l))).toBeUndefined();
    expect(logs).toEqual([`scheduled import: snapshot 1 of 2026-11-21, 1 customers`, 'scheduled import failed: empty-file', 'scheduled import failed: ENOENT']);
    expect(store.latestSnapshot()?.id).toBe(1);
    store.close();
  });
});
