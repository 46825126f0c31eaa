import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  customerCells,
  customerColumns,
  detectColumns,
  label,
  resultCells,
  resultHeaders,
  segmentTable,
  type Cell,
  type LabelKey,
  type Locale,
  type SegmentationResult,
} from '../../../core/index.js';
import { openTableWriter } from '../../../io/index.js';
import { collectTable, createTempDir } from '../../io/collect-table.js';

const temp = createTempDir('own-output');
afterAll(() => temp.cleanup());

// A001 bought 3 times for 508.5 in all, 2 times for 388 in the last 6 months:
// re-reading the output must keep 3 / 508.5 (it became 2 / 388).
const transactions: Cell[][] = [
  ['A001', '2023-06-10', '120.5'],
  ['A001', '2024-01-15', '188'],
  ['A001', '2024-03-01', '200'],
  ['B002', '2024-02-20', '90'],
  ['C003', '2023-09-01', '1500'],
  ['C003', '2023-12-24', '60'],
  ['D004', '2024-02-28', '35'],
  ['E005', '2023-05-05', '700'],
];
const customers: Cell[][] = [
  ['A001', '2024-03-01', '3', '508.5', 'East'],
  ['B002', '2024-02-20', '1', '90', 'North'],
  ['C003', '2023-12-24', '2', '1560', 'East'],
  ['D004', '2024-02-28', '1', '35', 'West'],
  ['E005', '2023-05-05', '1', '700', 'South'],
];

/** What each customer got: every feature and the segment, keyed by id. */
function outcome(result: SegmentationResult): Record<string, unknown> {
  const f = result.features;
  return Object.fromEntries(
    f.ids.map((id, c) => [
      id,
      {
        r: f.recencyDays[c],
        f: f.frequency[c],
        m: f.monetary[c],
        f6: f.frequency6m[c],
        m6: f.amount6m[c],
        aov: Math.round(f.averageOrderValue[c]! * 100) / 100,
        segment: result.scheme.segment[c],
      },
    ]),
  );
}

/** Writes a run's output as `tierline segment --out` does: source rows + results, or one row per customer. */
async function writeOutput(
  path: string,
  header: readonly Cell[],
  rows: readonly Cell[][],
  result: SegmentationResult,
  locale: Locale,
): Promise<void> {
  const writer = await openTableWriter(path);
  if (result.plan.shape === 'customers') {
    writer.writeRow([...header, ...resultHeaders(result, locale)]);
    rows.forEach((row, i) => writer.writeRow([...row, ...resultCells(result, result.rowCustomer![i]!, locale)]));
  } else {
    writer.writeRow([
      ...customerColumns(result).map((column) => label(`column.${column}` as LabelKey, locale)),
      ...resultHeaders(result, locale),
    ]);
    for (let c = 0; c < result.features.count; c++)
      writer.writeRow([...customerCells(result, c), ...resultCells(result, c, locale)]);
  }
  await writer.close();
}

describe("segmenting Tierline's own output gives the same result", () => {
  const cases = [
    ['transactions', ['客户ID', '下单时间', '订单金额'], transactions],
    ['customers', ['Customer ID', 'Last purchase', 'Orders', 'Total spend', 'Region'], customers],
  ] as const;
  for (const [shape, header, rows] of cases) {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const format of ['csv', 'xlsx'] as const) {
        it(`${shape} → ${locale} ${format} → segment again`, async () => {
          const first = segmentTable(header, rows, { locale });
          expect(first.plan.shape).toBe(shape);
          const path = join(temp.dir, `${shape}-${locale}.${format}`);
          await writeOutput(
            path,
            header,
            rows.map((r) => [...r]),
            first,
            locale,
          );
          const table = await collectTable(path);
          const second = segmentTable(
            table.header!,
            table.dataRows.map(([, cells]) => [...cells]),
            { locale },
          );
          expect(outcome(second)).toEqual(outcome(first));
          expect(outcome(second)['A001']).toMatchObject(
            shape === 'transactions' ? { f: 3, m: 508.5, f6: 2, m6: 388 } : { f: 3, m: 508.5 },
          );
        });
      }
    }
  }

  it('own columns pass through when the source columns are there (customer rows + appended results)', () => {
    const first = segmentTable(cases[1][1], customers, { locale: 'zh-CN' });
    const headers = [...cases[1][1], ...resultHeaders(first, 'zh-CN')];
    const plan = detectColumns(headers);
    expect(plan.columns).toMatchObject({ historicalFrequency: 2, cumulativeSpend: 3, lastPurchaseDate: 1 });
    expect(plan.columns.frequency6m).toBeUndefined();
    expect(plan.columns.amount6m).toBeUndefined();
    expect(plan.passThrough.map((i) => headers[i])).toContain('近6个月消费频次');
  });

  it('a source file that merely has a 6-month column (no Tierline signature) is read as before', () => {
    const plan = detectColumns(['客户ID', '最近购买时间', '近6个月消费频次', '近6个月消费金额', '细分群体']);
    expect(plan.columns).toMatchObject({ frequency6m: 2, amount6m: 3 });
  });
});
