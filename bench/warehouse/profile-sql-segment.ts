/**
 * Where the time of a warehouse segmentation goes, measured in one process
 * with the real code (`segmentWithSql`, as `tierline segment` calls it):
 *
 *   node dist/bench/warehouse/profile-sql-segment.js <file.csv|file.parquet|postgres://…> [--table orders] [--trace]
 *
 * The engine is wrapped so that every statement is timed where the SQL
 * engine runs it, and the per-customer callback is timed apart from the
 * engine's own streaming. Phases (seconds):
 * - open: opening the engine (DuckDB instance, PostgreSQL connection);
 * - plan: columns and the 2,000-row sample;
 * - lines, copies, customers: the engine's steps (temporary tables, each computed once);
 * - totals, issues: the line totals and cleaning-count statements;
 * - customerRows: reading the one-row-per-customer table into Node;
 * - lineRowsFirst: from sending the sorted per-line statement to its first batch (the sort);
 * - lineRowsStream: the rest of the engine's streaming (database work + columns crossing into JS);
 * - coreAddCustomers: grouping those lines into orders and core's addCustomers (JS);
 * - finish: core's run.finish (scores, segments, tags, strategies, churn model, report).
 * `database` sums every phase but open, plan, coreAddCustomers and finish:
 * the share of the run spent waiting on the engine (for PostgreSQL, server
 * time plus the wire). Prints one JSON line in the harness's child format.
 */

import { parseArgs } from 'node:util';
import { openDuckDb, openPostgres, segmentWithSql, type SqlEngine, type SqlValue } from '../../warehouse/index.js';

/** Phases that are not the database's: Node opening, planning, core. */
const NOT_DATABASE = new Set(['open', 'plan', 'coreAddCustomers', 'finish']);

/** The engine, with each call's time added to `phases` (milliseconds). */
function timedEngine(
  engine: SqlEngine,
  phases: Record<string, number>,
  trace: (phase: string) => void,
): SqlEngine & { streamEnd: () => number } {
  let statement = 0;
  let columnReads = 0;
  let streamEnd = 0;
  const time = async <T>(phase: string, run: () => Promise<T>): Promise<T> => {
    trace(phase);
    const t = performance.now();
    try {
      return await run();
    } finally {
      phases[phase] = (phases[phase] ?? 0) + performance.now() - t;
    }
  };
  return {
    dialect: engine.dialect,
    label: engine.label,
    relation: engine.relation,
    columns: () => time('plan', () => engine.columns()),
    sample: (limit) => time('plan', () => engine.sample(limit)),
    // Each step (lines, copies, customers) is its own phase.
    prepare: (name, sql, values, read) => time(name, () => engine.prepare(name, sql, values, read)),
    // segmentWithSql runs `all` twice: the totals, then the cleaning counts.
    all: (sql: string, values: Readonly<Record<string, SqlValue>>) =>
      time(statement++ === 0 ? 'totals' : 'issues', () => engine.all(sql, values)),
    each: (sql, values, onBatch) => engine.each(sql, values, onBatch),
    // Called twice: the customers (one row each), then the sorted line stream.
    async eachColumns(sql, values, onBatch) {
      const phase = columnReads++ === 0 ? 'customerRows' : 'lineRows';
      if (phase === 'customerRows') return time(phase, () => engine.eachColumns(sql, values, onBatch));
      trace('lineRows');
      const sent = performance.now();
      let firstRow = 0;
      let inCore = 0;
      await engine.eachColumns(sql, values, (batch) => {
        const t = performance.now();
        if (firstRow === 0) firstRow = t - sent;
        onBatch(batch);
        inCore += performance.now() - t;
      });
      streamEnd = performance.now();
      phases['lineRowsFirst'] = firstRow;
      phases['coreAddCustomers'] = inCore;
      phases['lineRowsStream'] = streamEnd - sent - inCore - firstRow;
    },
    close: () => engine.close(),
    streamEnd: () => streamEnd,
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      table: { type: 'string' },
      today: { type: 'string', default: '2026-12-07' },
      trace: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const source = positionals[0];
  if (source === undefined) throw new Error('usage: profile-sql-segment.js <file|postgres://…> [--table name]');
  const phases: Record<string, number> = {};
  const started = performance.now();
  const postgres = source.startsWith('postgres://') || source.startsWith('postgresql://');
  const table = values.table === undefined ? {} : { table: values.table };
  const raw = postgres ? await openPostgres({ url: source, ...table }) : await openDuckDb({ path: source });
  phases['open'] = performance.now() - started;
  // --trace names each step on stderr as it starts, so a failing statement is known.
  const trace = values.trace ? (phase: string) => console.error(`  ${phase} …`) : () => {};
  const engine = timedEngine(raw, phases, trace);
  let customers = 0;
  try {
    const result = await segmentWithSql(engine, { segmentOptions: { today: values.today }, unsupported: 'fail' });
    phases['finish'] = performance.now() - engine.streamEnd();
    customers = result?.features.count ?? 0;
  } finally {
    await engine.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const database = Object.entries(phases).reduce((sum, [k, v]) => (NOT_DATABASE.has(k) ? sum : sum + v), 0);
  console.log(
    JSON.stringify({
      seconds,
      peakMemoryMB: process.resourceUsage().maxRSS / 1024,
      customers,
      timing: 'segmentWithSql from opening the engine to the finished result, after imports',
      phases: {
        ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, v / 1000])),
        database: database / 1000,
      },
    }),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
