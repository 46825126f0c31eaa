import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  createAttributeReader,
  DataValidationError,
  label,
  type AttributeTable,
  type CellIssue,
  type CleaningReport,
  type SegmentationResult,
  type SegmentOptionsInput,
} from '../core/index.js';
import type { ReadTableResult } from '../io/index.js';
import { explainSql, openDuckDb, openPostgres, planSql, segmentWithSql, type SqlEngine } from '../warehouse/index.js';
import { UsageError, type ConsoleIo } from './console-io.js';
import { readInput } from './read-segmented.js';
import type { EngineChoice } from './segment-flags.js';

/**
 * Above this size `--engine auto` would aggregate a plain csv in embedded
 * DuckDB. Measured on this 2-core machine (shared, load 2–5), the default
 * command, each pair in one run (wall, CPU, peak RSS): 200k lines Node
 * 5.9 s / DuckDB 7.6 s; 1M lines Node 7.0 s (6.9 s CPU, 438 MB) / DuckDB
 * 6.9 s (8.8 s CPU, 624 MB); 10M lines Node 43.1 s (47.4 s CPU, 1.74 GB) /
 * DuckDB 71.3 s (64.5 s CPU, 1.70 GB). DuckDB draws level at about 1M lines
 * and falls behind again at 10M (its per-line table no longer fits in memory
 * and goes to a compressed scratch file), and the peak at 10M is core's
 * scoring of 1M customers on either path: there is no size where the SQL
 * path is faster or leaner, so auto keeps csv on Node at every size
 * (README "Big files and databases"). Parquet, csv.gz and --source always go
 * through SQL (Node reads neither).
 */
export const DUCKDB_MIN_BYTES = Number.POSITIVE_INFINITY;

export interface WarehouseRequest {
  /** The <file> argument (absent with --source). */
  readonly file?: string;
  readonly choice: EngineChoice;
  readonly segmentOptions: SegmentOptionsInput;
  readonly customers?: string;
  readonly onIssue?: (issue: CellIssue) => void;
  readonly keepPurchaseDays?: boolean;
}

export interface WarehouseRun {
  readonly result: SegmentationResult;
  readonly reports: { readonly name: string; readonly report: CleaningReport }[];
  readonly table: ReadTableResult;
  /** What the summary names as the input. */
  readonly name: string;
}

/** Which engine reads the request, and whether a cell SQL reads differently is an error or a reason to fall back. */
async function chooseEngine(
  request: WarehouseRequest,
): Promise<{ open: () => Promise<SqlEngine>; unsupported: 'fail' | 'fallback'; name: string } | undefined> {
  const { choice } = request;
  const timeout = choice.timeoutMs !== undefined ? { timeoutMs: choice.timeoutMs } : {};
  const what = {
    ...(choice.table !== undefined ? { table: choice.table } : {}),
    ...(choice.query !== undefined ? { query: choice.query } : {}),
  };
  if (choice.source?.kind === 'postgres') {
    const url = choice.source.url;
    return { open: () => openPostgres({ url, ...what, ...timeout }), unsupported: 'fail', name: 'PostgreSQL' };
  }
  if (choice.source?.kind === 'duckdb') {
    const path = choice.source.path;
    return { open: () => openDuckDb({ path, ...what, ...timeout }), unsupported: 'fail', name: basename(path) };
  }
  const file = request.file!;
  const lower = file.toLowerCase();
  const open = () => openDuckDb({ path: file, ...timeout });
  if (lower.endsWith('.parquet') || lower.endsWith('.gz')) {
    if (choice.engine === 'node')
      throw new UsageError({ key: 'cli.usage.engine-node-file', params: { file: basename(file) } });
    return { open, unsupported: 'fail', name: file };
  }
  if (lower.endsWith('.xlsx')) {
    if (choice.engine === 'duckdb')
      throw new UsageError({ key: 'cli.usage.engine-duckdb-file', params: { file: basename(file) } });
    return undefined;
  }
  if (choice.engine === 'node') return undefined;
  if (choice.engine === 'duckdb') return { open, unsupported: 'fail', name: file };
  const size = (await stat(file)).size;
  return size >= DUCKDB_MIN_BYTES ? { open, unsupported: 'fallback', name: file } : undefined;
}

/** A customer table to join, read in Node as `tierline segment` reads one. */
async function readJoin(
  path: string,
  request: WarehouseRequest,
): Promise<(AttributeTable & { report: CleaningReport }) | undefined> {
  let reader: ReturnType<typeof createAttributeReader> | undefined;
  await readInput(path, {
    header: (cells, rowNumber) => {
      reader = createAttributeReader(cells, request.segmentOptions, {
        headerRow: rowNumber,
        ...(request.onIssue ? { onIssue: request.onIssue } : {}),
      });
    },
    rows: (batch, first) => reader!.addRows(batch, first),
  });
  if (!reader)
    throw new DataValidationError([
      { code: 'empty-file', row: 0, column: '', value: path, message: `${path} has no header row.` },
    ]);
  return reader.finish();
}

/**
 * Segments through the SQL engine when the flags or the file call for it;
 * undefined when the Node path should read the file (small csv, xlsx, or a
 * large csv whose sample holds cells SQL reads differently).
 * @throws UsageError, WarehouseError, DataValidationError
 */
export async function readWithWarehouse(request: WarehouseRequest, io: ConsoleIo): Promise<WarehouseRun | undefined> {
  const chosen = await chooseEngine(request);
  if (!chosen) return undefined;
  const join = request.customers !== undefined ? await readJoin(request.customers, request) : undefined;
  const engine = await chosen.open();
  let result: SegmentationResult | undefined;
  try {
    result = await segmentWithSql(engine, {
      segmentOptions: request.segmentOptions,
      unsupported: chosen.unsupported,
      ...(request.onIssue ? { onIssue: request.onIssue } : {}),
      ...(request.keepPurchaseDays !== undefined ? { keepPurchaseDays: request.keepPurchaseDays } : {}),
      ...(join ? { join } : {}),
    });
  } finally {
    await engine.close();
  }
  if (!result) {
    const locale = request.segmentOptions.locale === 'zh-CN' ? 'zh-CN' : 'en';
    io.err(`${label('warehouse.fallback', locale, { source: chosen.name })}\n`);
    return undefined;
  }
  const reports = [{ name: chosen.name, report: result.report }];
  if (join && request.customers !== undefined) reports.push({ name: request.customers, report: join.report });
  return { result, reports, table: { format: 'csv', dataRows: result.features.count }, name: chosen.name };
}

/**
 * `--explain`: the feature SQL for this source, planned from its columns and
 * the flags (--map …), in the engine's dialect.
 * @throws UsageError, WarehouseError, DataValidationError
 */
export async function explainWarehouse(request: WarehouseRequest): Promise<string> {
  const chosen = (await chooseEngine({ ...request, choice: { ...request.choice, engine: 'duckdb' } }))!;
  const engine = await chosen.open();
  try {
    const plan = await planSql(engine, request.segmentOptions);
    const own = request.choice.source?.kind === 'postgres' || request.choice.table || request.choice.query;
    return explainSql(plan, engine.dialect.name, engine.relation, own ? engine.relation : 'source');
  } finally {
    await engine.close();
  }
}
