import type { ReadTableResult, TableSink } from '../io/index.js';
import { describeSource, readSourceRows, type SourceRowsRequest } from '../warehouse/index.js';
import { UsageError } from './console-io.js';
import { engineFromFlags } from './segment-flags.js';

/** `--source` and what to read in it, for the commands that read raw rows (import, model): issue 12. */
export const SOURCE_FLAGS = {
  source: { type: 'string' },
  table: { type: 'string' },
  query: { type: 'string' },
  'statement-timeout': { type: 'string' },
} as const;

type SourceFlagValues = { readonly [K in keyof typeof SOURCE_FLAGS]?: string };

/** Where a command's rows come from: a `--source`, with its name for messages and a reader shaped like io's readTable. */
export interface RowSource {
  readonly request: SourceRowsRequest;
  /** The source as the output and the snapshot name it (password redacted). */
  readonly name: string;
  /** Streams the source's rows into a sink as readTable streams a file's. */
  readonly readRows: (sink: TableSink) => Promise<ReadTableResult>;
}

/** How a command spells the source flags in its messages: `tierline import` the defaults, `tierline bot` its --import-* flags. */
export interface SourceFlagNames {
  /** The alternative to a source: `<file>` or `--import-file`. */
  readonly file: string;
  readonly source: string;
  readonly table: string;
  readonly query: string;
  readonly 'statement-timeout': string;
}

const DEFAULT_NAMES: SourceFlagNames = {
  file: '<file>',
  source: '--source',
  table: '--table',
  query: '--query',
  'statement-timeout': '--statement-timeout',
};

/**
 * The `--source` of `command`, or undefined when the rows come from the
 * <file> argument (`names` spells the flags in messages, for `tierline bot`'s --import-* flags).
 * @throws UsageError for <file> and --source together, --table with --query, --table/--query/--statement-timeout without --source, a malformed source or timeout.
 */
export function sourceFromFlags(
  values: SourceFlagValues,
  positionals: readonly string[],
  command: string,
  names: SourceFlagNames = DEFAULT_NAMES,
): RowSource | undefined {
  if (values.source !== undefined && positionals.length > 0)
    throw new UsageError({
      key: 'cli.usage.source-and-file',
      params: { command, file: positionals[0]!, fileArg: names.file, sourceFlag: names.source },
    });
  if (values.table !== undefined && values.query !== undefined)
    throw new UsageError({
      key: 'cli.usage.table-and-query',
      params: { command, tableFlag: names.table, queryFlag: names.query },
    });
  if (values.source === undefined) {
    const flag = (['table', 'query', 'statement-timeout'] as const).find((f) => values[f] !== undefined);
    if (flag !== undefined)
      throw new UsageError({
        key: 'cli.usage.needs-source',
        params: { command, flag: names[flag], sourceFlag: names.source },
      });
    return undefined;
  }
  // The source's form and the timeout are checked as `tierline segment` checks them.
  const choice = engineFromFlags(values, names);
  const request: SourceRowsRequest = {
    source: choice.source!,
    ...(choice.table !== undefined ? { table: choice.table } : {}),
    ...(choice.query !== undefined ? { query: choice.query } : {}),
    ...(choice.timeoutMs !== undefined ? { timeoutMs: choice.timeoutMs } : {}),
  };
  return { request, name: describeSource(request), readRows: (sink) => readSourceRows(request, sink) };
}
