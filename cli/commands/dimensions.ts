import { dimensionTable, evaluateDimensions, label, RULE_FIELD_IDS, type Cell } from '../../core/index.js';
import { formatCsvRow } from '../../io/format-csv-row.js';
import { EXIT, UsageError, type ConsoleIo } from '../console-io.js';
import { parseCommandArgs } from '../parse-command.js';
import { formatTable } from '../format-table.js';
import { readSegmented } from '../read-segmented.js';
import { chooseFlag, SEGMENT_FLAGS, segmentOptionsFromFlags } from '../segment-flags.js';
import { localeForErrors } from '../choose-locale.js';
import { renderHelp } from '../render-help.js';
import type { Locale } from '../../core/index.js';

/** This command's --help in `locale` (cli.help.dimensions in the catalogue). */
export const DIMENSIONS_HELP = (locale: Locale): string => renderHelp('dimensions', locale);

const OPTIONS = {
  ...SEGMENT_FLAGS,
  goal: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const text = (cell: Cell): string => (cell === null || cell === undefined ? '' : String(cell));

/**
 * `tierline dimensions`: read and clean a file like `segment`, then print Table 3.
 * @returns the exit code.
 */
export async function runDimensions(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help) {
    io.out(DIMENSIONS_HELP(localeForErrors(argv, process.env)));
    return EXIT.ok;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? { key: 'cli.usage.missing-file', params: { command: 'dimensions' } }
        : { key: 'cli.usage.one-file-count', params: { command: 'dimensions', count: positionals.length } },
    );
  const goal = chooseFlag('goal', values.goal, RULE_FIELD_IDS);
  const format = chooseFlag('format', values.format, ['table', 'csv', 'json'] as const) ?? 'table';
  const { options, locale } = await segmentOptionsFromFlags(values, io);
  const { result } = await readSegmented(
    { file: positionals[0]!, segmentOptions: options, customers: values.customers, sheet: values.sheet },
    io,
  );
  const config = result.options.config?.dimensions ?? {};
  const evaluation = evaluateDimensions(result.features, goal ? { ...config, goal } : config, locale);
  const table = dimensionTable(evaluation, locale);
  if (format === 'json') {
    for (const row of evaluation.rows) io.out(JSON.stringify(row) + '\n');
  } else if (format === 'csv') {
    io.out(formatCsvRow([...table.headers]));
    for (const row of table.rows) io.out(formatCsvRow([...row]));
  } else {
    const numeric = new Set([3, 4, 5, 6]);
    io.out(
      formatTable(
        table.headers,
        table.rows.map((row) => row.map(text)),
        numeric,
      ) + '\n',
    );
    // The notes are already in the run's locale; the "Note:" before them comes from the catalogue too.
    for (const note of evaluation.notes) io.out(label('summary.note', locale, { note: note.message }) + '\n');
  }
  return EXIT.ok;
}
