import { parseArgs } from 'node:util';
import { extname } from 'node:path';
import {
  DataValidationError,
  OptionsError,
  customerCells,
  customerColumns,
  describeCustomer,
  formatTags,
  label,
  resultCells,
  STRATEGY_GROUPS,
  tagLabel,
  tagsOf,
  type TagId,
  resultHeaders,
  segmentLabel,
  type CellIssue,
  type CleaningReport,
  type LabelKey,
  type Locale,
  type SegmentOptionsInput,
  type SegmentationResult,
} from '../../core/index.js';
import { formatCsvRow } from '../../io/format-csv-row.js';
import { openTableWriter, readTable } from '../../io/index.js';
import { EXIT, UsageError, type ConsoleIo } from '../console-io.js';
import { formatTable } from '../format-table.js';
import { parseMapping } from '../parse-mapping.js';
import { readSegmented, sheetOption } from '../read-segmented.js';

export const SEGMENT_HELP = `Usage: tierline segment <file> [options]

Reads a customer table or a transaction list (csv or xlsx), cleans it with a
report, scores RFM, tags every customer and attaches a strategy.

Options:
  --scheme rfm|rfm8          rfm: quintile scores + 11 named segments (default);
                             rfm8: high/low against the mean, 8 classes
  --as-of YYYY-MM-DD         analysis date (default: the day after the newest purchase)
  --locale en|zh-CN          language of labels and new column headers (default en)
  --map "field=header,..."   name columns detection missed, e.g. --map "customerId=客户编号"
  --customers <file>         customer table joined to a transaction file by customer id
                             (owner, region, complaints, promotions, coupon uses, ...)
  --out <file.csv|file.xlsx> write the input columns unchanged followed by the new ones
                             (a transaction file gives one row per customer)
  --format table|csv|json    stdout: summary table (default), the output table as csv,
                             or one JSON object per customer
  --window all|<months>      F and M over the whole history (default) or the last N months
  --frequency-by day|order   count distinct purchase days (default) or order ids
  --refunds net|exclude      net refunds against spend (default) or ignore them
  --date-order auto|dmy|mdy  how 5/3/2024 is read (default: only unambiguous dates)
  --shape auto|customers|transactions   override the detected table shape
  --sheet <name|number>      xlsx sheet (default the first)
  --issues <file.csv>        write every cleaning issue (row, column, value, message)
  --spot-check <file.csv>    write the seeded 10% spot-check sample of customers
  --today YYYY-MM-DD         today's date for future-date checks (default: system date)
  -h, --help                 this help

Exit codes: 0 ok, 1 bad usage, 2 bad data.
`;

const OPTIONS = {
  scheme: { type: 'string' },
  'as-of': { type: 'string' },
  locale: { type: 'string' },
  map: { type: 'string' },
  customers: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  window: { type: 'string' },
  'frequency-by': { type: 'string' },
  refunds: { type: 'string' },
  'date-order': { type: 'string' },
  shape: { type: 'string' },
  sheet: { type: 'string' },
  issues: { type: 'string' },
  'spot-check': { type: 'string' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Parsed {
  readonly file: string;
  readonly segmentOptions: SegmentOptionsInput;
  readonly locale: Locale;
  readonly values: Record<string, string | boolean | undefined>;
  readonly format: 'table' | 'csv' | 'json';
}

function parse(argv: readonly string[], io: ConsoleIo): Parsed | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'segment: missing <file>.' : `segment: one file expected, got ${positionals.length}: ${positionals.join(' ')}.`);
  const choose = <T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got "${value}".`);
    return value as T;
  };
  const mapping = parseMapping(values.map);
  if ('error' in mapping) throw new UsageError(mapping.error);
  const format = choose('format', values.format, ['table', 'csv', 'json'] as const) ?? 'table';
  const locale = choose('locale', values.locale, ['en', 'zh-CN'] as const) ?? 'en';
  let window: 'all' | number | undefined;
  if (values.window !== undefined) {
    window = values.window === 'all' ? 'all' : Number(values.window);
    if (window !== 'all' && !(Number.isInteger(window) && window >= 1 && window <= 120)) throw new UsageError(`--window must be "all" or a number of months 1–120; got "${values.window}".`);
  }
  const segmentOptions: SegmentOptionsInput = {
    scheme: choose('scheme', values.scheme, ['rfm', 'rfm8'] as const),
    asOf: values['as-of'],
    today: values.today ?? io.today,
    locale,
    mapping: mapping.mapping,
    shape: choose('shape', values.shape, ['auto', 'customers', 'transactions'] as const),
    frequencyBy: choose('frequency-by', values['frequency-by'], ['day', 'order'] as const),
    refunds: choose('refunds', values.refunds, ['net', 'exclude'] as const),
    dateOrder: choose('date-order', values['date-order'], ['auto', 'dmy', 'mdy'] as const),
    window,
  };
  for (const key of Object.keys(segmentOptions) as (keyof SegmentOptionsInput)[]) if (segmentOptions[key] === undefined) delete segmentOptions[key];
  return { file: positionals[0]!, segmentOptions, locale, values, format };
}

/** Writes the segmented table: input columns unchanged, then the new ones. */
async function writeOutput(path: string, source: string, parsed: Parsed, result: SegmentationResult): Promise<number> {
  const format = extname(path).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const writer = await openTableWriter(path, { format, sheetName: 'Tierline' });
  const locale = parsed.locale;
  const headers = resultHeaders(locale);
  let written = 0;
  try {
    if (result.plan.shape === 'customers' && result.rowCustomer) {
      // Second pass over the source keeps memory flat: rows are never held.
      const { rowCustomer, firstDataRow = 0 } = result;
      const blank = headers.map(() => null);
      await readTable(
        source,
        {
          header: (cells) => writer.writeRow([...cells, ...headers]),
          rows: (batch, first) => {
            for (let i = 0; i < batch.length; i++) {
              const c = rowCustomer[first + i - firstDataRow] ?? -1;
              const row = batch[i]!;
              const padded = row.length < result.plan.headers.length ? [...row, ...new Array(result.plan.headers.length - row.length).fill(null)] : row;
              writer.writeRow([...padded, ...(c >= 0 ? resultCells(result, c, locale) : blank)]);
              written++;
            }
          },
        },
        { sheet: sheetOption(parsed.values.sheet) },
      );
    } else {
      const idHeaders = customerColumns(result).map((column) => label(`column.${column}` as LabelKey, locale));
      writer.writeRow([...idHeaders, ...headers]);
      for (let c = 0; c < result.features.count; c++) {
        writer.writeRow([...customerCells(result, c), ...resultCells(result, c, locale)]);
        written++;
      }
    }
  } finally {
    await writer.close();
  }
  return written;
}

async function writeIssues(path: string, issues: readonly CellIssue[], locale: Locale): Promise<void> {
  const writer = await openTableWriter(path);
  writer.writeRow([label('column.issue', locale), label('column.row', locale), label('column.column', locale), label('column.value', locale), label('column.message', locale)]);
  for (const issue of issues) writer.writeRow([issue.code, issue.row, issue.column, issue.value, issue.message]);
  await writer.close();
}

/** Writes one line per customer in ~1 MB chunks, waiting for stdout to drain (1M customers stay flat in memory). */
async function writeLines(io: ConsoleIo, count: number, line: (c: number) => string): Promise<void> {
  let chunk = '';
  for (let c = 0; c < count; c++) {
    chunk += line(c);
    if (chunk.length >= 1 << 20) {
      await (io.write ?? io.out)(chunk);
      chunk = '';
    }
  }
  if (chunk) await (io.write ?? io.out)(chunk);
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const money = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const dec = (x: number): string => (Number.isNaN(x) ? '–' : x.toFixed(1));

/** The readable summary printed by `--format table`. */
export function formatSummary(result: SegmentationResult, reports: readonly { name: string; report: CleaningReport }[], locale: Locale, file: string): string {
  const lines: string[] = [];
  const shape = result.plan.shape === 'transactions' ? 'transactions' : 'customer rows';
  lines.push(`${file}: ${shape}, ${int(result.features.count)} customers, scheme ${result.options.scheme}, as of ${result.asOf || '–'}`);
  const total = result.summary.reduce((s, x) => ({ count: s.count + x.count, revenue: s.revenue + x.revenue }), { count: 0, revenue: 0 });
  const rows = result.summary
    .filter((s) => s.count > 0 || s.segment !== 'unclassified')
    .map((s) => [segmentLabel(s.segment, locale), int(s.count), pct(s.share), money(s.revenue), pct(s.revenueShare), dec(s.meanRecencyDays), dec(s.meanFrequency), money(Number.isNaN(s.meanMonetary) ? 0 : s.meanMonetary)]);
  rows.push([label('total', locale), int(total.count), '100.0%', money(total.revenue), '100.0%', '', '', '']);
  const headers = ['column.segment', 'column.count', 'column.share', 'column.revenue', 'column.revenueShare', 'column.meanRecency', 'column.meanFrequency', 'column.meanMonetary'].map((k) => label(k as LabelKey, locale));
  lines.push('', formatTable(headers, rows, new Set([1, 2, 3, 4, 5, 6, 7])));
  const tagCounts = new Map<string, number>();
  for (let c = 0; c < result.features.count; c++) for (const tag of tagsOf(result.tags.masks[c]!)) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  if (tagCounts.size > 0) {
    lines.push('', `${label('column.tags', locale)}: ${[...tagCounts].sort((a, b) => b[1] - a[1]).map(([tag, n]) => `${formatTags([tagLabel(tag as TagId, locale)], locale)} ${int(n)}`).join(' · ')}`);
  }
  const groupCounts = new Array<number>(STRATEGY_GROUPS.length + 1).fill(0);
  for (let c = 0; c < result.features.count; c++) groupCounts[Math.min(result.scheme.strategy[c]!, STRATEGY_GROUPS.length)]!++;
  lines.push(`${label('column.strategyGroup', locale)}: ${STRATEGY_GROUPS.map((g, i) => `${label(`group.${g}` as LabelKey, locale)} ${int(groupCounts[i]!)}`).join(' · ')}`);
  for (const { name, report } of reports) {
    const counts = Object.entries(report.counts).sort((a, b) => b[1]! - a[1]!);
    lines.push('', `Cleaning report (${name}): ${counts.length === 0 ? 'no issues' : counts.map(([code, n]) => `${code} ${int(n!)}`).join(', ')}`);
    for (const issue of report.issues.filter((i) => i.code !== 'date-normalized' && i.code !== 'text-normalized').slice(0, 5)) lines.push(`  ${issue.message}`);
    for (const issue of report.issues.filter((i) => i.code === 'date-normalized' || i.code === 'text-normalized')) lines.push(`  ${issue.message}`);
  }
  for (const note of result.notes) lines.push(`Note: ${note.message}`);
  lines.push(`Coverage: ${int(result.quality.scored)} of ${int(result.quality.customers)} customers scored (${pct(result.quality.coverage)})${result.quality.matchRate === undefined ? '' : `; ${pct(result.quality.matchRate)} of them found in the customer table`}.`);
  return lines.join('\n') + '\n';
}

/**
 * `tierline segment`: read, clean, score, tag, attach strategies, write.
 * @returns the exit code.
 */
export async function runSegment(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const parsed = parse(argv, io);
  if (parsed === 'help') {
    io.out(SEGMENT_HELP);
    return EXIT.ok;
  }
  const wantIssues = typeof parsed.values.issues === 'string';
  const all: CellIssue[] = [];
  const collect = wantIssues ? (issue: CellIssue) => all.push(issue) : () => {};
  const customers = typeof parsed.values.customers === 'string' ? parsed.values.customers : undefined;
  const { result, reports } = await readSegmented({ file: parsed.file, segmentOptions: parsed.segmentOptions, customers, sheet: parsed.values.sheet, onIssue: collect }, io);

  if (typeof parsed.values.out === 'string') {
    const written = await writeOutput(parsed.values.out, parsed.file, parsed, result);
    io.err(`Wrote ${int(written)} rows to ${parsed.values.out}\n`);
  }
  if (wantIssues) await writeIssues(parsed.values.issues as string, all, parsed.locale);
  if (typeof parsed.values['spot-check'] === 'string') {
    const writer = await openTableWriter(parsed.values['spot-check']);
    const headers = customerColumns(result).map((column) => label(`column.${column}` as LabelKey, parsed.locale));
    writer.writeRow([...headers, ...resultHeaders(parsed.locale)]);
    for (const c of result.spotCheck) writer.writeRow([...customerCells(result, c), ...resultCells(result, c, parsed.locale)]);
    await writer.close();
  }
  if (parsed.format === 'json') {
    await writeLines(io, result.features.count, (c) => JSON.stringify(describeCustomer(result, c, parsed.locale)) + '\n');
  } else if (parsed.format === 'csv') {
    const idHeaders = customerColumns(result).map((column) => label(`column.${column}` as LabelKey, parsed.locale));
    io.out(formatCsvRow([...idHeaders, ...resultHeaders(parsed.locale)]));
    await writeLines(io, result.features.count, (c) => formatCsvRow([...customerCells(result, c), ...resultCells(result, c, parsed.locale)]));
  } else {
    io.out(formatSummary(result, reports, parsed.locale, parsed.file));
  }
  return EXIT.ok;
}

/** Maps thrown errors to messages and exit codes. */
export function reportError(error: unknown, io: ConsoleIo): number {
  if (error instanceof UsageError) {
    io.err(`tierline: ${error.message}\nRun "tierline segment --help" for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof OptionsError) {
    io.err(`tierline: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof DataValidationError) {
    io.err(error.issues.map((i) => `tierline: ${i.message}`).join('\n') + '\n');
    return EXIT.data;
  }
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const problem = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : undefined;
  if (problem) {
    io.err(`tierline: ${path ?? ''}: ${problem}.\n`);
    return EXIT.usage;
  }
  throw error;
}
