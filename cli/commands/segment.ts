import { basename, extname } from 'node:path';
import {
  churnSummaryLines,
  formatIssue,
  formatMoney,
  formatNote,
  type ClusterReport,
  type TagId,
  customerCells,
  customerColumns,
  describeCustomer,
  formatTags,
  label,
  resultCells,
  STRATEGY_GROUPS,
  tagLabel,
  tagsOf,
  resultHeaders,
  RESULT_COLUMNS,
  type Cell,
  type CellIssue,
  type CleaningReport,
  type LabelKey,
  type Locale,
  type SegmentOptionsInput,
  type SegmentationResult,
} from '../../core/index.js';
import { formatCsvRow } from '../../io/format-csv-row.js';
import { openTableWriter, type OutputCell, type ReadTableResult } from '../../io/index.js';
import { createRowSpool, type RowSpool } from '../../io/spool-rows.js';
import { EXIT, note, UsageError, type ConsoleIo } from '../console-io.js';
import { startProgress } from '../progress.js';
import { assertOutputsAreNotInputs } from '../guard-output-paths.js';
import { parseCommandArgs } from '../parse-command.js';
import { formatTable } from '../format-table.js';
import { chooseFlag, ENGINE_FLAGS, engineFromFlags, SEGMENT_FLAGS, segmentOptionsFromFlags } from '../segment-flags.js';
import { explainWarehouse, readWithWarehouse } from '../read-warehouse.js';
import { redactUrl } from '../../warehouse/index.js';
import { readSegmented, type ReadRequest } from '../read-segmented.js';
import { localeForErrors } from '../choose-locale.js';
import { renderHelp } from '../render-help.js';

/** This command's --help in `locale` (cli.help.segment in the catalogue). */
export const SEGMENT_HELP = (locale: Locale): string => renderHelp('segment', locale);

const OPTIONS = {
  ...SEGMENT_FLAGS,
  ...ENGINE_FLAGS,
  out: { type: 'string' },
  format: { type: 'string' },
  issues: { type: 'string' },
  'spot-check': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Parsed {
  readonly file: string;
  readonly segmentOptions: SegmentOptionsInput;
  readonly locale: Locale;
  readonly values: Record<string, string | boolean | undefined>;
  readonly format: 'table' | 'csv' | 'json';
}

async function parse(argv: readonly string[], io: ConsoleIo): Promise<Parsed | 'help'> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help) return 'help';
  // With --source (issue 12) the data comes from a database or DuckDB file, not <file>.
  if (values.source !== undefined && positionals.length === 0) positionals.push(redactUrl(values.source));
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? { key: 'cli.usage.missing-file', params: { command: 'segment' } }
        : {
            key: 'cli.usage.one-file-got',
            params: { command: 'segment', count: positionals.length, files: positionals.join(' ') },
          },
    );
  const format = chooseFlag('format', values.format, ['table', 'csv', 'json'] as const) ?? 'table';
  const named = (path: string | undefined, flag: string) => (path === undefined ? undefined : { path, flag });
  // Before the config is read or anything opened: an output that is an input would destroy it.
  assertOutputsAreNotInputs(
    [named(positionals[0], '<file>'), named(values.customers, '--customers'), named(values.config, '--config')],
    [named(values.out, '--out'), named(values.issues, '--issues'), named(values['spot-check'], '--spot-check')],
  );
  // Before reading: a misnamed output would otherwise fail only after the whole run.
  for (const flag of ['out', 'issues', 'spot-check'] as const) {
    const path = values[flag];
    if (typeof path === 'string' && !/\.(csv|xlsx)$/i.test(path))
      throw new UsageError({ key: 'cli.usage.output-type', params: { flag, path } });
  }
  const { options: segmentOptions, locale } = await segmentOptionsFromFlags(values, io);
  return { file: positionals[0]!, segmentOptions, locale, values, format };
}

/** Writes the segmented table: input columns unchanged, then the new ones. */
async function writeOutput(
  path: string,
  input: KeptInput | undefined,
  parsed: Parsed,
  result: SegmentationResult,
  table: ReadTableResult,
  io: ConsoleIo,
): Promise<number> {
  const format = extname(path).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const writer = await openTableWriter(path, { format, sheetName: 'Tierline' });
  const locale = parsed.locale;
  const progress = startProgress(io, 'cli.progress.writing', locale, { file: basename(path) });
  const total = result.plan.shape === 'customers' && input?.header ? table.dataRows : result.features.count;
  // Every 1,024 rows is often enough for a line redrawn at most 10 times a second.
  const tick = (): void => {
    if ((written & 1023) === 0) progress.update(written, total > 0 ? written / total : undefined);
  };
  const headers = resultHeaders(result, locale);
  // xlsx dates come back as dates: the input's date columns and the due date.
  const dates =
    format === 'xlsx'
      ? { input: table.dateColumns ?? [], due: RESULT_COLUMNS.indexOf('dueDate') }
      : { input: [], due: -1 };
  const dueColumns = dates.due >= 0 ? [dates.due] : [];
  // A date column repeats a few thousand distinct texts: each is read once (the writer only reads the Date).
  const datesByText = new Map<string, OutputCell>();
  const cachedDate = (cell: Cell): OutputCell => {
    if (typeof cell !== 'string') return cell;
    let date = datesByText.get(cell);
    if (date === undefined) {
      date = asDate(cell);
      if (datesByText.size < 65_536) datesByText.set(cell, date);
    }
    return date;
  };
  const withDates = (cells: Cell[], offset: number): OutputCell[] => {
    const out: OutputCell[] = cells;
    for (const i of offset === 0 ? dates.input : dueColumns) out[i] = cachedDate(cells[i]);
    return out;
  };
  let written = 0;
  try {
    if (result.plan.shape === 'customers' && result.rowCustomer && input?.header) {
      // The rows kept while reading (one pass over the source: an xlsx costs far more to parse twice).
      const { rowCustomer, firstDataRow = 0 } = result;
      const blank = headers.map(() => null);
      writer.writeRow([...input.header, ...headers]);
      input.spool.replay((batch, first) => {
        for (let i = 0; i < batch.length; i++) {
          const c = rowCustomer[first + i - firstDataRow] ?? -1;
          // One array per output row: the input cells (padded to the header), then the results.
          const cells: OutputCell[] = batch[i]!.slice();
          while (cells.length < result.plan.headers.length) cells.push(null);
          withDates(cells as Cell[], 0);
          const results = c >= 0 ? withDates(resultCells(result, c, locale), 1) : blank;
          for (let j = 0; j < results.length; j++) cells.push(results[j]!);
          writer.writeRow(cells);
          written++;
          tick();
        }
      });
    } else {
      const idHeaders = customerColumns(result).map((column) => label(`column.${column}` as LabelKey, locale));
      writer.writeRow([...idHeaders, ...headers]);
      for (let c = 0; c < result.features.count; c++) {
        writer.writeRow([...customerCells(result, c), ...withDates(resultCells(result, c, locale), 1)]);
        written++;
        tick();
      }
    }
  } catch (error) {
    progress.end();
    await writer.abort();
    throw error;
  }
  await writer.close();
  progress.end();
  return written;
}

/** A customer-row input's header and rows, kept while it is read for --out. */
interface KeptInput {
  header?: readonly string[];
  readonly spool: RowSpool;
  readonly tap: NonNullable<ReadRequest['tap']>;
}

function keepInput(): KeptInput {
  const kept: KeptInput = {
    spool: createRowSpool(),
    tap: (shape, header) => {
      // A transaction file's output is one row per customer: its rows are not needed again.
      if (shape !== 'customers') return undefined;
      kept.header = header;
      return (batch, first) => kept.spool.add(batch, first);
    },
  };
  return kept;
}

/** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm:ss' text (as read from an xlsx date cell) as a Date; anything else as it is. */
function asDate(cell: Cell): OutputCell {
  if (typeof cell !== 'string') return cell;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(cell);
  if (!match) return cell;
  const [y, mo, d, h = 0, mi = 0, s = 0] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h, mi, s));
  // A text that only looks like a date (2025-02-30) stays text.
  return date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d ? date : cell;
}

/** Writes all rows with one writer, or nothing: a failure drops the temp file and leaves `path` as it was. */
async function writeRows(path: string, rows: (write: (cells: readonly Cell[]) => void) => void): Promise<void> {
  const writer = await openTableWriter(path);
  try {
    rows((cells) => writer.writeRow(cells));
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.close();
}

async function writeIssues(path: string, issues: readonly CellIssue[], locale: Locale): Promise<void> {
  await writeRows(path, (write) => {
    write([
      label('column.issue', locale),
      label('column.row', locale),
      label('column.column', locale),
      label('column.value', locale),
      label('column.message', locale),
    ]);
    for (const issue of issues)
      write([
        locale === 'en' ? issue.code : label(`issue.${issue.code}`, locale),
        issue.row,
        issue.column,
        issue.value,
        formatIssue(issue, locale),
      ]);
  });
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
export function formatSummary(
  result: SegmentationResult,
  reports: readonly { name: string; report: CleaningReport }[],
  locale: Locale,
  file: string,
): string {
  const lines: string[] = [];
  const shape = label(
    result.plan.shape === 'transactions' ? 'report.shape.transactions' : 'report.shape.customers',
    locale,
  );
  lines.push(
    label('summary.head', locale, {
      file,
      shape,
      count: int(result.features.count),
      scheme: result.options.schemeChoice.id,
      asOf: result.asOf || '–',
    }),
  );
  const total = result.summary.reduce((s, x) => ({ count: s.count + x.count, revenue: s.revenue + x.revenue }), {
    count: 0,
    revenue: 0,
  });
  const cash = (x: number): string => formatMoney(x, result.currency, locale, 0);
  const rows = result.summary
    .map((s, i) => ({ s, name: result.scheme.segmentLabel(i, locale) }))
    .filter(({ s }) => s.count > 0 || s.segment !== 'unclassified')
    .map(({ s, name }) => [
      name,
      int(s.count),
      pct(s.share),
      cash(s.revenue),
      pct(s.revenueShare),
      dec(s.meanRecencyDays),
      dec(s.meanFrequency),
      cash(Number.isNaN(s.meanMonetary) ? 0 : s.meanMonetary),
    ]);
  rows.push([label('total', locale), int(total.count), '100.0%', cash(total.revenue), '100.0%', '', '', '']);
  const headers = [
    'column.segment',
    'column.count',
    'column.share',
    'column.revenue',
    'column.revenueShare',
    'column.meanRecency',
    'column.meanFrequency',
    'column.meanMonetary',
  ].map((k) => label(k as LabelKey, locale));
  lines.push('', formatTable(headers, rows, new Set([1, 2, 3, 4, 5, 6, 7])));
  const tagCounts = new Map<string, number>();
  const own = result.scheme.tags;
  // Count ids per customer, label each tag once when printing.
  for (let c = 0; c < result.features.count; c++) {
    for (const tag of own ? own.tagsOf(c) : tagsOf(result.tags.masks[c]!))
      tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  }
  const tagName = (tag: string): string =>
    own ? own.tagLabel(tag, locale) : tagLabel(tag as TagId, locale, result.currency);
  if (tagCounts.size > 0) {
    lines.push(
      '',
      `${label('column.tags', locale)}: ${[...tagCounts]
        .sort((a, b) => b[1] - a[1])
        .map(([tag, n]) => `${formatTags([tagName(tag)], locale)} ${int(n)}`)
        .join(' · ')}`,
    );
  }
  const detail = result.scheme.detail;
  if (detail?.kind === 'kmeans') lines.push(...formatClusterReport(detail.report, locale));
  const groupCounts = new Array<number>(STRATEGY_GROUPS.length + 1).fill(0);
  for (let c = 0; c < result.features.count; c++)
    groupCounts[Math.min(result.scheme.strategy[c]!, STRATEGY_GROUPS.length)]!++;
  // Strategy groups follow the segment (a plan per segment), so they are labelled as such, not as a churn count.
  if (groupCounts.some((n, i) => n > 0 && i < STRATEGY_GROUPS.length))
    lines.push(
      `${label('summary.strategy-by-segment', locale)}: ${STRATEGY_GROUPS.map((g, i) => `${label(`group.${g}` as LabelKey, locale)} ${int(groupCounts[i]!)}`).join(' · ')}`,
    );
  lines.push(...formatChurnLines(result, locale));
  for (const { name, report } of reports) {
    const counts = Object.entries(report.counts).sort((a, b) => b[1]! - a[1]!);
    // A zh-CN reader sees each issue's name, never its code (issue 14).
    const codeText = (code: string): string => (locale === 'en' ? code : label(`issue.${code}` as LabelKey, locale));
    const list =
      counts.length === 0
        ? label('summary.no-issues', locale)
        : counts.map(([code, n]) => `${codeText(code)} ${int(n!)}`).join(locale === 'en' ? ', ' : '，');
    lines.push('', label('summary.cleaning-report', locale, { name, counts: list }));
    for (const issue of report.issues
      .filter((i) => i.code !== 'date-normalized' && i.code !== 'text-normalized')
      .slice(0, 5))
      lines.push(`  ${formatIssue(issue, locale)}`);
    for (const issue of report.issues.filter((i) => i.code === 'date-normalized' || i.code === 'text-normalized'))
      lines.push(`  ${formatIssue(issue, locale)}`);
  }
  for (const note of result.notes) lines.push(label('summary.note', locale, { note: formatNote(note, locale) }));
  const coverage = {
    scored: int(result.quality.scored),
    customers: int(result.quality.customers),
    share: pct(result.quality.coverage),
  };
  lines.push(
    result.quality.matchRate === undefined
      ? label('summary.coverage', locale, coverage)
      : label('summary.coverage-match', locale, { ...coverage, match: pct(result.quality.matchRate) }),
  );
  return lines.join('\n') + '\n';
}

/**
 * The one "at risk" count with its definition, and every back-tested
 * candidate's evidence (issue 11 §3–4).
 */
export function formatChurnLines(result: SegmentationResult, locale: Locale): string[] {
  const [headline, candidates] = churnSummaryLines(result.churn, result.features.count, locale);
  const notes = result.churn.notes
    .filter((note) => note.code !== 'fallback')
    .map((note) => `  ${formatNote(note, locale)}`);
  return ['', headline!, ...(candidates ? [`  ${candidates}`] : []), ...notes];
}

/** SPEC §8 Table 4 in brief: silhouette and inertia per K, the K chosen, centroids in original units. */
function formatClusterReport(report: ClusterReport, locale: Locale): string[] {
  const sil = (x: number | null): string => (x === null ? '–' : x.toFixed(3));
  const candidates =
    report.candidates
      .map((c) =>
        label('cli.kmeans.candidate', locale, { k: c.k, silhouette: sil(c.silhouette), inertia: money(c.inertia) }),
      )
      .join(' · ') || '–';
  const lines = ['', label('cli.kmeans.search', locale, { candidates })];
  const sample = report.silhouetteExact
    ? ''
    : label('cli.kmeans.sample', locale, { count: int(report.silhouetteScored) });
  lines.push(
    label('cli.kmeans.chosen', locale, {
      k: report.k,
      choice: label(`cli.kmeans.choice.${report.kChoice}`, locale),
      silhouette: sil(report.silhouette),
      sample,
    }),
  );
  const headers = [
    label('column.clusterNo', locale),
    label('column.segment', locale),
    label('column.count', locale),
    label('column.share', locale),
    label('cli.kmeans.recencyDays', locale),
    'F',
    'M',
    label('cli.kmeans.silhouette', locale),
  ];
  const rows = report.clusters.map((p) => [
    String(p.id),
    p.labels[locale],
    int(p.size),
    pct(p.share),
    dec(p.centroid.recencyDays),
    dec(p.centroid.frequency),
    money(p.centroid.monetary),
    sil(p.silhouette),
  ]);
  lines.push(formatTable(headers, rows, new Set([0, 2, 3, 4, 5, 6, 7])));
  return lines;
}

/**
 * `tierline segment`: read, clean, score, tag, attach strategies, write.
 * @returns the exit code.
 */
export async function runSegment(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const parsed = await parse(argv, io);
  if (parsed === 'help') {
    io.out(SEGMENT_HELP(localeForErrors(argv, process.env)));
    return EXIT.ok;
  }
  const wantIssues = typeof parsed.values.issues === 'string';
  const all: CellIssue[] = [];
  const collect = wantIssues ? (issue: CellIssue) => all.push(issue) : () => {};
  const customers = typeof parsed.values.customers === 'string' ? parsed.values.customers : undefined;
  const kept = typeof parsed.values.out === 'string' ? keepInput() : undefined;
  const choice = engineFromFlags(parsed.values);
  const file = choice.source ? undefined : parsed.file;
  const sqlRequest = { ...(file ? { file } : {}), choice, segmentOptions: parsed.segmentOptions, onIssue: collect };
  if (choice.explain) {
    io.out(await explainWarehouse(sqlRequest));
    return EXIT.ok;
  }
  const viaSql = await readWithWarehouse({ ...sqlRequest, ...(customers ? { customers } : {}) }, io);
  const { result, reports, table } =
    viaSql ??
    (await readSegmented(
      {
        file: parsed.file,
        segmentOptions: parsed.segmentOptions,
        customers,
        sheet: parsed.values.sheet,
        onIssue: collect,
        ...(kept ? { tap: kept.tap } : {}),
      },
      io,
    ).catch((error: unknown) => {
      kept?.spool.dispose();
      throw error;
    }));

  if (typeof parsed.values.out === 'string') {
    const written = await writeOutput(parsed.values.out, kept, parsed, result, table, io).finally(() =>
      kept?.spool.dispose(),
    );
    note(io, `Wrote ${int(written)} rows to ${parsed.values.out}\n`);
  }
  if (wantIssues) await writeIssues(parsed.values.issues as string, all, parsed.locale);
  if (typeof parsed.values['spot-check'] === 'string') {
    const headers = customerColumns(result).map((column) => label(`column.${column}` as LabelKey, parsed.locale));
    await writeRows(parsed.values['spot-check'], (write) => {
      write([...headers, ...resultHeaders(result, parsed.locale)]);
      for (const c of result.spotCheck) write([...customerCells(result, c), ...resultCells(result, c, parsed.locale)]);
    });
  }
  if (parsed.format === 'json') {
    await writeLines(
      io,
      result.features.count,
      (c) => JSON.stringify(describeCustomer(result, c, parsed.locale)) + '\n',
    );
  } else if (parsed.format === 'csv') {
    const idHeaders = customerColumns(result).map((column) => label(`column.${column}` as LabelKey, parsed.locale));
    io.out(formatCsvRow([...idHeaders, ...resultHeaders(result, parsed.locale)]));
    await writeLines(io, result.features.count, (c) =>
      formatCsvRow([...customerCells(result, c), ...resultCells(result, c, parsed.locale)]),
    );
  } else {
    io.out(formatSummary(result, reports, parsed.locale, parsed.file));
  }
  return EXIT.ok;
}
