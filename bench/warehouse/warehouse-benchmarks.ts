/**
 * The warehouse engine's benchmarks (issue 12, "Speed"), selected with
 * `npm run bench -- warehouse` (they read 10,000,000 to 100,000,000 rows, so
 * the default suite leaves them out). Our side is always the real
 * `tierline` binary in its own process, timed whole (Node start-up and
 * DuckDB's load included) with its peak RSS from /usr/bin/time; the pandas
 * side is timed after its imports, as in the other benchmarks, which favours
 * pandas by its ~1 s start-up.
 *
 * - warehouse-csv-10m: `tierline segment big.csv` (the default command,
 *   which picks DuckDB above cli/read-warehouse.ts' DUCKDB_MIN_BYTES) against
 *   pandas' read_csv + groupby RFM on the same file; targets 0.3× and 1 GB.
 * - warehouse-csv-10m-node: the same with `--engine node`, the old path.
 * - warehouse-parquet-100m: 100,000,000 Parquet order lines against the same
 *   generator's 10,000,000: the "ratio" is the growth in time (target ≤ 10,
 *   linear), both peaks < 1 GB.
 * - warehouse-postgres-10m: the 10M csv COPY'd into a throw-away PostgreSQL,
 *   `tierline segment --source postgres://… --table orders` against pandas on
 *   the csv; the phases come from a profiled in-process run of the same code
 *   (bench/warehouse/profile-sql-segment.ts) and give the database's share.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerCount, customerId, ensureTransactions } from '../generate-transactions.js';
import { REFERENCE_DIR, REPO_ROOT, PYTHON } from '../paths.js';
import { runChild, type ChildRun } from '../harness/run-child.js';
import type { Benchmark } from '../harness/benchmarks.js';
import { startPostgres, type TestPostgres } from '../support/start-postgres.js';
import { redactUrl } from '../../warehouse/index.js';
import { ensureParquet } from './generate-parquet.js';

/** The issue's targets for the default command on 10M csv rows. */
const WAREHOUSE_TARGETS = { ratio: 0.3, peakMemoryMB: 1024 } as const;
/** 10× the rows may take at most 10× the time (linear growth), in under 1 GB. */
const GROWTH_TARGETS = { ratio: 10, peakMemoryMB: 1024 } as const;
const TIERLINE = join(REPO_ROOT, 'bin', 'tierline.js');
const PROFILER = join(REPO_ROOT, 'dist', 'bench', 'warehouse', 'profile-sql-segment.js');
const TIME = '/usr/bin/time';
/**
 * A run whose resident memory passes this is killed and reported as failed:
 * the machine is shared, and a runaway engine at 100M rows would take it
 * down (TIERLINE_BENCH_RSS_CAP_MB overrides).
 */
const RSS_CAP_MB = Number(process.env['TIERLINE_BENCH_RSS_CAP_MB'] ?? 6144);

/** Resident MiB of the process GNU time runs (its one child), or 0 when it is not there yet. */
function childRssMB(timePid: number): number {
  try {
    const children = readFileSync(`/proc/${timePid}/task/${timePid}/children`, 'utf8').trim();
    if (children === '') return 0;
    const status = readFileSync(`/proc/${children.split(' ')[0]}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * Runs `node bin/tierline.js <args>` under /usr/bin/time: wall seconds of
 * the whole process and its peak RSS (GNU time's %M, KiB). The summary on
 * stdout gives the customer count.
 * @throws Error naming the command when it fails.
 */
export function runTierline(args: readonly string[], timing: string): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'tierline-bench-'));
  const measured = join(dir, 'time.txt');
  // The PostgreSQL URL carries the throw-away server's password: messages show it redacted.
  const label = ['tierline', ...args.map((a) => (a.startsWith('postgres://') ? redactUrl(a) : a))].join(' ');
  return new Promise<ChildRun>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(TIME, ['-f', '%e %M', '-o', measured, process.execPath, TIERLINE, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: REPO_ROOT,
    });
    let stdout = '';
    let overCap = 0;
    const watchdog = setInterval(() => {
      const rss = child.pid === undefined ? 0 : childRssMB(child.pid);
      if (rss <= RSS_CAP_MB) return;
      overCap = rss;
      clearInterval(watchdog);
      const pid = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ')[0];
      if (pid) process.kill(Number(pid), 'SIGKILL');
    }, 500);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => (stdout += text));
    child.on('error', (error) =>
      reject(new Error(`${label}: ${error.message} (is ${TIME} installed? apt-get install -y time)`)),
    );
    child.on('close', (code, signal) => {
      clearInterval(watchdog);
      const wallSeconds = (performance.now() - started) / 1000;
      if (overCap > 0) {
        reject(
          new Error(
            `${label} killed after ${wallSeconds.toFixed(0)} s: resident memory ${Math.round(overCap)} MB passed the ${RSS_CAP_MB} MB cap`,
          ),
        );
        return;
      }
      if (code !== 0) {
        reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`));
        return;
      }
      const [seconds, kib] = readFileSync(measured, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
      const customers = Number(/([\d,]+) customers/.exec(stdout)?.[1]?.replaceAll(',', '') ?? 0);
      resolve({ report: { seconds: seconds!, peakMemoryMB: kib! / 1024, customers, timing }, wallSeconds });
    });
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const python = (script: string, args: readonly string[]) => runChild(PYTHON, [join(REFERENCE_DIR, script), ...args]);
const int = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Customers spread over the activity range, for pandas' sample (the summary has no per-customer figures). */
const checkIds = (rows: number): string =>
  [0, 1, 99, customerCount(rows) - 1]
    .filter((c) => c < customerCount(rows))
    .map(customerId)
    .join(',');

const PANDAS_TIMES =
  'read_csv + to_datetime → groupby last date / distinct days / net sum → 3 × qcut(rank), after imports';

/** Same customer count on both sides, and our peak against the memory target. */
function compareCustomers(ours: ChildRun, reference: ChildRun, referenceName: string) {
  const checks: string[] = [];
  const mismatches: string[] = [];
  const a = ours.report.customers,
    b = reference.report.customers;
  if (a === b) checks.push(`customers agree (${int(a)})`);
  else mismatches.push(`customer count: ours ${int(a)}, ${referenceName} ${int(b)}`);
  return { checks, mismatches };
}

function csvBenchmark(name: string, engineArgs: readonly string[], targets?: Benchmark['targets']): Benchmark {
  return {
    name,
    referenceName: 'pandas',
    unit: 'transactions',
    ...(targets ? { targets } : {}),
    oursTimes: `the whole process \`tierline segment big.csv${engineArgs.length > 0 ? ' ' + engineArgs.join(' ') : ''}\` (start-up, read, features, scores, segments, tags, strategies, churn model, summary)`,
    referenceTimes: PANDAS_TIMES,
    async prepare(rows, log) {
      const path = await ensureTransactions({ rows }, log);
      return {
        rows,
        ours: () => runTierline(['segment', path, ...engineArgs], 'whole process, /usr/bin/time'),
        reference: () => python('rfm_pandas.py', [path, '--check', checkIds(rows)]),
        compare: (ours, reference) => compareCustomers(ours, reference, 'pandas'),
      };
    },
  };
}

export const warehouseCsv = csvBenchmark('warehouse-csv-10m', [], WAREHOUSE_TARGETS);
export const warehouseCsvNode = csvBenchmark('warehouse-csv-10m-node', ['--engine', 'node']);

export const warehouseParquet: Benchmark = {
  name: 'warehouse-parquet-100m',
  referenceName: '10× fewer',
  unit: 'rows',
  targets: GROWTH_TARGETS,
  oursTimes: '`tierline segment lines.parquet` on 10 × --rows generated order lines, whole process',
  referenceTimes: 'the same command on --rows lines of the same generator (ratio = growth in time; linear = 10)',
  async prepare(rows, log) {
    const small = await ensureParquet({ rows }, log);
    const big = await ensureParquet({ rows: rows * 10 }, log);
    const timing = 'whole process, /usr/bin/time';
    return {
      rows: rows * 10,
      ours: () => runTierline(['segment', big], timing),
      reference: () => runTierline(['segment', small], timing),
      compare(ours, reference) {
        const checks: string[] = [];
        const mismatches: string[] = [];
        const peak = reference.report.peakMemoryMB;
        (peak < GROWTH_TARGETS.peakMemoryMB ? checks : mismatches).push(
          `${int(rows)} rows: ${reference.report.seconds.toFixed(2)} s, peak ${int(peak)} MB (target < ${int(GROWTH_TARGETS.peakMemoryMB)} MB), ${int(reference.report.customers)} customers`,
        );
        const memoryGrowth = ours.report.peakMemoryMB / peak;
        checks.push(
          `memory grows ${memoryGrowth.toFixed(2)}× for 10× the rows (customers ${int(ours.report.customers)})`,
        );
        return { checks, mismatches };
      },
    };
  },
};

/** Loads the csv into `orders` (typed columns, as a warehouse holds them) with psql's \copy, then ANALYZE. */
async function loadOrders(server: TestPostgres, csv: string, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const statements = [
    'CREATE TABLE orders ("Order ID" text, "Customer ID" text, "Order date" date, "Amount" numeric(12, 2))',
    `\\copy orders FROM '${csv.replaceAll("'", "''")}' WITH (FORMAT csv, HEADER true)`,
    'ANALYZE orders',
  ];
  const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', server.host, '-p', String(server.port), '-U', server.user];
  for (const statement of statements)
    await new Promise<void>((resolve, reject) => {
      const child = spawn('psql', [...args, '-d', server.database, '-c', statement], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, PGPASSWORD: server.password },
      });
      let stderr = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (text: string) => (stderr += text));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`psql ${statement.slice(0, 40)}…: ${stderr.trim()}`)),
      );
    });
  log(`  loaded ${csv} into PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export const warehousePostgres: Benchmark = {
  name: 'warehouse-postgres-10m',
  referenceName: 'pandas',
  unit: 'transactions',
  targets: { ratio: 1, peakMemoryMB: 1024 },
  oursTimes:
    '`tierline segment --source postgres://… --table orders`, whole process; phases from a profiled in-process run (database = lines + totals + issues + customer rows until streamed)',
  referenceTimes: `pandas on the same rows as csv: ${PANDAS_TIMES}`,
  async prepare(rows, log) {
    const csv = await ensureTransactions({ rows }, log);
    log('  starting a throw-away PostgreSQL …');
    const server = await startPostgres();
    process.once('beforeExit', () => void server.stop());
    try {
      await loadOrders(server, csv, log);
    } catch (error) {
      await server.stop();
      throw error;
    }
    let profile: ChildRun | undefined;
    return {
      rows,
      async ours() {
        const run = await runTierline(
          ['segment', '--source', server.url, '--table', 'orders'],
          'whole process, /usr/bin/time',
        );
        profile = await runChild(process.execPath, [PROFILER, server.url, '--table', 'orders']);
        return { ...run, report: { ...run.report, phases: profile.report.phases ?? {} } };
      },
      reference: () => python('rfm_pandas.py', [csv, '--check', checkIds(rows)]),
      compare(ours, reference) {
        const result = compareCustomers(ours, reference, 'pandas');
        if (profile) {
          const p = profile.report.phases ?? {};
          const total = profile.report.seconds;
          const share = (k: string) => `${(((p[k] ?? 0) / total) * 100).toFixed(0)}%`;
          result.checks.push(
            `profiled run ${total.toFixed(1)} s: database ${share('database')} (cleaned lines ${share('lines')}, totals ${share('totals')}, repeated lines ${share('copies')}, cleaning counts ${share('issues')}, customers ${share('customers')}, line rows: first after ${(p['lineRowsFirst'] ?? 0).toFixed(1)} s, streaming ${share('lineRowsStream')}), core addCustomers ${share('coreAddCustomers')}, finish ${share('finish')}`,
          );
        }
        void server.stop();
        return result;
      },
    };
  },
};

export const WAREHOUSE_BENCHMARKS: readonly Benchmark[] = [
  warehouseCsv,
  warehouseCsvNode,
  warehouseParquet,
  warehousePostgres,
];
