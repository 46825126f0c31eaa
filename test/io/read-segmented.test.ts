import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CustomersJoinError, readSegmented } from '../../io/read-segmented.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-read-segmented-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readSegmented: the one read-and-segment pipeline', () => {
  it('segments a customer-row file and reports its cleaning', async () => {
    const path = file(
      'book.csv',
      'Customer ID,Last purchase date,Frequency,Cumulative spend\nC1,2026-11-20,4,900\nC2,2026-10-01,1,120\n',
    );
    const { result, reports } = await readSegmented({ file: path, segmentOptions: { today: '2026-11-25' } });
    expect(result.features.count).toBe(2);
    expect(result.quality.scored).toBe(2);
    expect(reports.map((r) => r.name)).toEqual([path]);
  });

  it('joins a customer table onto transactions, and refuses one for a customer-row file', async () => {
    const orders = file(
      'orders.csv',
      'Order ID,Customer ID,Order date,Amount\nO1,A,2026-11-05,100\nO2,B,2026-11-20,70\n',
    );
    const customers = file('customers.csv', 'Customer ID,Region\nA,North\nB,South\n');
    const joined = await readSegmented({ file: orders, customers, segmentOptions: { today: '2026-11-25' } });
    expect(joined.reports.map((r) => r.name)).toEqual([orders, customers]);
    const book = file(
      'book-rows.csv',
      'Customer ID,Last purchase date,Frequency,Cumulative spend\nA,2026-11-20,4,900\n',
    );
    await expect(
      readSegmented({ file: book, customers, segmentOptions: { today: '2026-11-25' } }),
    ).rejects.toBeInstanceOf(CustomersJoinError);
  });

  it('an empty file is one empty-file issue naming it', async () => {
    const path = file('empty.csv', '');
    await expect(readSegmented({ file: path, segmentOptions: {} })).rejects.toMatchObject({
      issues: [{ code: 'empty-file', row: 0, column: '', value: '', message: 'empty.csv is empty' }],
    });
  });
});
