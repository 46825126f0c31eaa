import { z } from 'zod';
import type { Cell } from '../core/index.js';
import type { ReadTableResult, TableSink } from '../io/index.js';
import { createRowBatcher } from '../io/row-batcher.js';
import { openDuckDb } from './engines/open-duckdb.js';
import { openPostgres, redactUrl } from './engines/open-postgres.js';
import type { SourceColumn, SqlEngine } from './engines/sql-engine.js';
import { quoteIdentifier } from './sql/quote-identifier.js';

/** A `--source` of `tierline import` and `tierline model`: a DuckDB file or a PostgreSQL database, and what to read in it. */
export interface SourceRowsRequest {
  readonly source:
    { readonly kind: 'duckdb'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly table?: string;
  readonly query?: string;
  /** Cancel a statement after this many milliseconds. */
  readonly timeoutMs?: number;
}

const requestSchema = z
  .object({
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('duckdb'), path: z.string().min(1) }),
      z.object({ kind: z.literal('postgres'), url: z.string().min(1) }),
    ]),
    table: z.string().min(1).optional(),
    query: z.string().min(1).optional(),
    timeoutMs: z.number().int().positive().optional(),
  })
  .refine((r) => r.table === undefined || r.query === undefined, 'give --table or --query, not both');

/** Floating-point columns come as numbers; every other value as the engine's text of it (NULL as ''). */
const FLOAT_TYPES = /^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC)/;

/** Widest row accepted, as io's readers (Excel's limit). */
const MAX_COLUMNS = 16_384;

/**
 * The source as messages and snapshots name it: the file or the URL without
 * its password, then `#table` (or `#query`).
 * @example describeSource({ source: { kind: 'postgres', url: 'postgres://u:pw@h/db' }, table: 'orders' }) === 'postgres://u:***@h/db#orders'
 */
export function describeSource(request: SourceRowsRequest): string {
  const where = request.source.kind === 'postgres' ? redactUrl(request.source.url) : request.source.path;
  return request.table !== undefined
    ? `${where}#${request.table}`
    : request.query !== undefined
      ? `${where}#query`
      : where;
}

/**
 * One select item per column: the value as a csv export of it reads —
 * floating-point and decimal numbers as numbers (the same double the csv's
 * text parses to), everything else (text, integers with all their digits,
 * dates as YYYY-MM-DD, timestamps, booleans) as the engine's text.
 */
function selectItems(engine: SqlEngine, columns: readonly SourceColumn[]): string {
  const double = engine.dialect.name === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
  return columns
    .map((column, i) => {
      const q = quoteIdentifier(column.name);
      const value = FLOAT_TYPES.test(column.type) ? `CAST(${q} AS ${double})` : engine.dialect.text(q);
      return `${value} AS c${i}`;
    })
    .join(', ');
}

/** A value of the select as the Cell a csv reader gives: NULL as '', numbers as numbers, the rest as text. */
function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' || typeof value === 'string' ? value : String(value);
}

/**
 * Streams the raw rows of a `--source` into a sink exactly as io's file
 * readers do (readTable's TableSink): the column names as the header (row 1),
 * then the rows in the source's order as rows 2, 3, … in batches, blank rows
 * numbered but not handed over. DuckDB reads in chunks, PostgreSQL through a
 * cursor: the table is never held whole. Errors are the engines' (redacted
 * URL, statement timeout): WarehouseError `unreachable`, `auth-failed`,
 * `no-table`, `timeout`, `query-failed`, `bad-file`, `invalid-identifier`.
 * @throws WarehouseError; DataValidationError `too-many-columns`; fs errors for a missing DuckDB file.
 * @example await readSourceRows({ source: { kind: 'duckdb', path: 'shop.duckdb' }, table: 'orders' }, sink)
 */
export async function readSourceRows(
  request: SourceRowsRequest,
  sink: TableSink,
): Promise<ReadTableResult & { readonly label: string }> {
  const { source, table, query, timeoutMs } = requestSchema.parse(request);
  const what = {
    ...(table !== undefined ? { table } : {}),
    ...(query !== undefined ? { query } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
  const engine =
    source.kind === 'postgres'
      ? await openPostgres({ url: source.url, ...what })
      : await openDuckDb({ path: source.path, ...what });
  try {
    const columns = await engine.columns();
    const batcher = createRowBatcher(sink, { fileName: engine.label, maxColumns: MAX_COLUMNS });
    batcher.addRow(columns.map((c) => c.name));
    const keys = columns.map((_, i) => `c${i}`);
    // A problem the sink raises (a segmenter's data error) is its own, not the engine's query failing.
    let sinkError: unknown;
    try {
      await engine.each(`SELECT ${selectItems(engine, columns)} FROM ${engine.relation}`, {}, (rows) => {
        try {
          for (const row of rows) {
            const cells: Cell[] = new Array<Cell>(keys.length);
            for (let i = 0; i < keys.length; i++) cells[i] = toCell(row[keys[i]!]);
            batcher.addRow(cells);
          }
        } catch (error) {
          sinkError = error;
          throw error;
        }
      });
    } catch (error) {
      throw sinkError ?? error;
    }
    batcher.finish();
    return { format: 'csv', dataRows: batcher.dataRows, label: describeSource(request) };
  } finally {
    await engine.close();
  }
}
