/**
 * The benchmark suite (`npm run bench`): each benchmark runs our engine and a
 * pandas reference on the same generated input, each in its own process, and
 * reports both times, the ratio ours ÷ reference (lower is better) and our
 * peak memory against the targets. Performance targets are ratios measured
 * in the same run, never absolute times in unit tests.
 *
 *   npm run bench [-- [warehouse] --only <name>] [--rows <n>] [--repeat <n>] [--json]
 *
 * --rows  transactions for rfm-10m-transactions (default 10,000,000); the
 *         scoring benchmark uses rows / 10 customers (1,000,000 by default).
 * --only  run one benchmark by name.
 * --repeat run each side n times (fresh processes, alternating) and keep
 *         each side's median run (default 1); use it when the ratio is
 *         close to a target, as the ~1 s scoring benchmark often is.
 * warehouse runs the warehouse engine's group instead (issue 12: 10M csv by
 *         the default command and --engine node against pandas, 10M → 100M
 *         Parquet growth, 10M rows from PostgreSQL; bench/README.md).
 * --json  one JSON object per line per benchmark on stdout, nothing else;
 *         progress still goes to stderr.
 * Generated inputs are kept in bench/data/ (git-ignored) and reused.
 * Smoke check: `npm run bench -- --rows 20000 --json`.
 */

import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCHMARKS, measure } from './harness/benchmarks.js';
import { WAREHOUSE_BENCHMARKS } from './warehouse/warehouse-benchmarks.js';
import { machineFacts } from './harness/machine.js';
import { headerLines, resultLines, toRecord, verdictLine, type BenchmarkRecord } from './harness/report.js';

const USAGE = `usage: npm run bench -- [warehouse] [--only ${[...BENCHMARKS, ...WAREHOUSE_BENCHMARKS].map((b) => b.name).join('|')}] [--rows <n>] [--repeat <n>] [--json]`;

export async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      only: { type: 'string' },
      rows: { type: 'string', default: '10000000' },
      json: { type: 'boolean', default: false },
      repeat: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const rows = Number(values.rows.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(rows) || rows < 100)
    throw new Error(`--rows must be a whole number ≥ 100, got "${values.rows}"\n${USAGE}`);
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 25)
    throw new Error(`--repeat must be a whole number 1–25, got "${values.repeat}"\n${USAGE}`);
  if (positionals.some((p) => p !== 'warehouse')) throw new Error(`unknown group "${positionals.join(' ')}"\n${USAGE}`);
  // `warehouse` runs the issue-12 group (10M–100M rows) instead of the default suite; --only finds either.
  const group = positionals.includes('warehouse') ? WAREHOUSE_BENCHMARKS : BENCHMARKS;
  const selected =
    values.only === undefined ? group : [...BENCHMARKS, ...WAREHOUSE_BENCHMARKS].filter((b) => b.name === values.only);
  if (selected.length === 0) throw new Error(`unknown benchmark "${values.only}"\n${USAGE}`);

  // Human-readable text goes to stdout unless --json claims it; progress always to stderr.
  const print = values.json ? () => {} : (line: string) => console.log(line);
  const progress = (line: string) => console.error(line);

  const facts = machineFacts();
  for (const line of headerLines(facts, rows, repeat)) print(line);
  const records: BenchmarkRecord[] = [];
  const failed: string[] = [];
  for (const benchmark of selected) {
    print('');
    progress(`${benchmark.name}:`);
    try {
      const measurement = await measure(benchmark, rows, repeat, progress);
      const record = toRecord(measurement);
      records.push(record);
      if (values.json) console.log(JSON.stringify(record));
      for (const line of resultLines(benchmark, record, measurement.checks)) print(line);
      for (const mismatch of record.mismatches)
        if (values.json) progress(`WARNING ${benchmark.name} mismatch: ${mismatch}`);
    } catch (error) {
      failed.push(benchmark.name);
      const message = `${benchmark.name} did not run: ${error instanceof Error ? error.message : String(error)}`;
      print(message);
      if (values.json) progress(message);
    }
  }
  print('');
  print('Verdicts');
  for (const record of records) print(verdictLine(record));
  for (const name of failed) print(`  ${name.padEnd(24)} DID NOT RUN (see above)`);
  return failed.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
