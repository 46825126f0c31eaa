import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { openTableWriter, readTable, type OutputCell } from '../../io/index.js';
import { AS_OF_SERIAL, createCustomerSheet } from '../addin/customer-sheet.js';
import type { Benchmark } from '../harness/benchmarks.js';
import { runChild } from '../harness/run-child.js';
import { DATA_DIR, OURS_DIR } from '../paths.js';

/** Issue 13's targets for `tierline segment` of 100,000 rows xlsx → xlsx. */
export const XLSX_TARGETS = { ratio: 3, peakMemoryMB: 500, seconds: 5 } as const;

// The customer sheet's "Last purchase date" column (an Excel serial there).
const DATE_COLUMN = 6;
const MS_PER_DAY = 86_400_000;

/**
 * The add-in benchmark's customer sheet as the two files an analyst would
 * have: an .xlsx with real date cells, and the same rows as a .csv with
 * YYYY-MM-DD dates (generated once in bench/data, reused).
 * @returns the two paths.
 */
export async function ensureSegmentInputs(
  rows: number,
  log: (line: string) => void,
): Promise<{ xlsx: string; csv: string }> {
  const paths = {
    xlsx: join(DATA_DIR, `segment-customers-${rows}.xlsx`),
    csv: join(DATA_DIR, `segment-customers-${rows}.csv`),
  };
  if (existsSync(paths.xlsx) && existsSync(paths.csv)) return paths;
  mkdirSync(DATA_DIR, { recursive: true });
  log(`  generating ${paths.xlsx} and ${paths.csv} …`);
  const sheet = createCustomerSheet(rows);
  for (const format of ['xlsx', 'csv'] as const) {
    const partial = `${paths[format]}.partial.${format}`;
    const writer = await openTableWriter(partial, { format, sheetName: 'Customers', bom: false });
    sheet.forEach((row, i) => {
      const cells: OutputCell[] = [...row];
      const serial = row[DATE_COLUMN];
      // The serial is the day count from 1899-12-30 (AS_OF_SERIAL is 2026-11-01).
      if (i > 0 && typeof serial === 'number')
        cells[DATE_COLUMN] = new Date(Date.UTC(2026, 10, 1) - (AS_OF_SERIAL - serial) * MS_PER_DAY);
      writer.writeRow(cells);
    });
    await writer.close();
    // Renamed only when complete: an interrupted run never leaves a short file behind.
    renameSync(partial, paths[format]);
  }
  return paths;
}

/** Every cell of a table as text (dates as YYYY-MM-DD, as readTable gives them), for a value-by-value comparison. */
async function readCells(path: string): Promise<string[][]> {
  const rows: string[][] = [];
  const text = (cells: readonly unknown[]): string[] => {
    const out = cells.map((cell) => (cell === null || cell === undefined ? '' : String(cell)));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  };
  await readTable(path, {
    header: (cells) => rows.push(text(cells)),
    rows: (batch) => batch.forEach((row) => rows.push(text(row))),
  });
  return rows;
}

/**
 * `segment-xlsx-100k`: `tierline segment` of the 100,000-row customer sheet
 * from .xlsx to .xlsx against the same rows from .csv to .csv, in the same
 * run (issue 13). The ratio target is 3×; the absolute targets (≤ 5 s and
 * < 500 MB) are checks, and a miss fails the verdict. The two outputs must
 * hold the same values cell for cell (xlsx dates read back as YYYY-MM-DD).
 */
export const segmentXlsx: Benchmark = {
  name: 'segment-xlsx-100k',
  referenceName: 'csv',
  unit: 'rows',
  targets: { ratio: XLSX_TARGETS.ratio, peakMemoryMB: XLSX_TARGETS.peakMemoryMB },
  oursTimes:
    'tierline segment SHEET.xlsx --out OUT.xlsx (one streaming read that profiles and collects, core, streaming xlsx write)',
  referenceTimes: 'tierline segment SHEET.csv --out OUT.csv on the same rows',
  async prepare(transactionRows, log) {
    // One sheet row per 100 transactions: the 100,000 rows at the default 10M.
    const rows = Math.max(100, Math.round(transactionRows / 100));
    const inputs = await ensureSegmentInputs(rows, log);
    const outputs = {
      xlsx: join(DATA_DIR, `segment-output-${rows}.xlsx`),
      csv: join(DATA_DIR, `segment-output-${rows}.csv`),
    };
    const script = join(OURS_DIR, 'segment-xlsx-cli.js');
    return {
      rows,
      ours: () => runChild(process.execPath, [script, inputs.xlsx, outputs.xlsx]),
      reference: () => runChild(process.execPath, [script, inputs.csv, outputs.csv]),
      async compare(ours, reference) {
        const checks: string[] = [];
        const mismatches: string[] = [];
        const a = ours.report.customers,
          b = reference.report.customers;
        if (a === b) checks.push(`customers agree (${a.toLocaleString('en-US')})`);
        else mismatches.push(`customer count: xlsx ${a}, csv ${b}`);
        const [x, c] = [await readCells(outputs.xlsx), await readCells(outputs.csv)];
        let differing = 0;
        let first = '';
        for (let i = 0; i < Math.max(x.length, c.length); i++) {
          const left = JSON.stringify(x[i] ?? null),
            right = JSON.stringify(c[i] ?? null);
          if (left !== right && differing++ === 0) first = `row ${i + 1}: xlsx ${left}, csv ${right}`;
        }
        if (differing === 0) checks.push(`outputs agree cell for cell (${x.length.toLocaleString('en-US')} rows)`);
        else mismatches.push(`${differing} output rows differ between xlsx and csv; first ${first}`);
        const seconds = ours.report.seconds;
        (seconds <= XLSX_TARGETS.seconds ? checks : mismatches).push(
          `xlsx → xlsx ${seconds.toFixed(2)} s ${seconds <= XLSX_TARGETS.seconds ? '≤' : '>'} ${XLSX_TARGETS.seconds} s (issue 13 target)`,
        );
        return { checks, mismatches };
      },
    };
  },
};
