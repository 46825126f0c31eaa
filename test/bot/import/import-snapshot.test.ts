import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importSnapshot, runScheduledImport, SqliteStore, type ImportedSnapshot } from '../../../bot/index.js';
import { DataValidationError, segmentTable } from '../../../core/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-bot-import-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const header = ['Customer ID', 'Account manager', 'Last purchase date', 'Frequency', 'Cumulative spend'];
const rows = [
  ['C1', 'Maria', '2026-11-20', 4, 900],
  ['C2', 'Maria', '2026-10-01', 1, 120],
];

describe('bot/import: a segmented run becomes a snapshot', () => {
  it('stores the run as one snapshot and writes the segmented table as csv', async () => {
    const store = new SqliteStore(':memory:');
    const result = segmentTable(header, rows, { today: '2026-11-25' });
    const out = join(dir, 'segmented.csv');
    const { snapshot } = await importSnapshot(store, {
      result,
      source: 'book.csv',
      importedAt: '2026-11-25T09:00:00Z',
      locale: 'en',
      segmentedOut: out,
    });
    expect(snapshot).toMatchObject({
      id: 1,
      source: 'book.csv',
      importedAt: '2026-11-25T09:00:00Z',
      asOf: '2026-11-21',
      customerCount: 2,
    });
    expect((await store.latestSnapshot())?.id).toBe(1);
    const lines = readFileSync(out, 'utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[0]!.startsWith('Customer ID,')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['C1', 'C2']);
    store.close();
  });

  it('the scheduled import logs the snapshot, and a failure by its code without throwing', async () => {
    const logs: string[] = [];
    const snapshot = { id: 3, asOf: '2026-11-21', customerCount: 7 } as ImportedSnapshot['snapshot'];
    expect(
      await runScheduledImport(
        async () => ({ snapshot, notes: [] }),
        (l) => logs.push(l),
      ),
    ).toBe(snapshot);
    const bad = new DataValidationError([
      { code: 'empty-file', row: 0, column: '', value: 'x.csv', message: 'x.csv has no header row.' },
    ]);
    expect(
      await runScheduledImport(
        () => Promise.reject(bad),
        (l) => logs.push(l),
      ),
    ).toBeUndefined();
    expect(
      await runScheduledImport(
        () => Promise.reject(Object.assign(new Error('gone'), { code: 'ENOENT' })),
        (l) => logs.push(l),
      ),
    ).toBeUndefined();
    expect(logs).toEqual([
      'scheduled import: snapshot 3 of 2026-11-21, 7 customers',
      'scheduled import failed: empty-file',
      'scheduled import failed: ENOENT',
    ]);
  });
});
