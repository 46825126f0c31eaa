import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Locale, SegmentOptionsInput, SegmentationResult } from '../../core/index.js';
import { migrationHeatmapSpec, radarChartSpec, scatterChartSpec, shareBarChartSpec, sharePieChartSpec, type VegaLiteSpec } from '../../core/charts/index.js';
import { compareSnapshots, snapshotOf } from '../../core/summary/compare-snapshots.js';
import { crossTabulate } from '../../core/summary/cross-tabulate.js';
import { rfmMatrix } from '../../core/summary/rfm-matrix.js';
import { summarizeTotal } from '../../core/summary/summarize-segments.js';
import { renderSvg } from '../../io/charts/index.js';
import { EXIT, UsageError, type ConsoleIo } from '../console-io.js';
import { parseMapping } from '../parse-mapping.js';
import { readSegmented } from '../read-segmented.js';
import { buildReportHtml, type RenderedChart, type ReportModel } from '../report/report-html.js';
import { writeSummaryXlsx } from '../report/write-summary-xlsx.js';

export const REPORT_HELP = `Usage: tierline report <file> --out report.html [options]

Reads a customer table or a transaction list like "tierline segment" and
writes a self-contained HTML report (SPEC §9): the segment summary, charts
(radar of segment profiles, customer share and revenue contribution as bars
and pies, spend vs frequency scatter), cross-tabs by region, industry, size,
channel and account manager, the RFM distribution matrix, the cleaning log
counts and the run notes. With an earlier snapshot it adds the segment
migration (heat map, upgrades, downgrades, new and lost customers).

Options:
  --out <file.html>          the report to write (required)
  --xlsx <file.xlsx>         also write the summary sheet: segment table and cross-tabs
  --scheme rfm|rfm8          as in "tierline segment" (default rfm)
  --locale en|zh-CN          language of the report (default en)
  --customers <file>         customer table joined to a transaction file by customer id
  --as-of YYYY-MM-DD         analysis date (default: the day after the newest purchase)
  --previous <file>          the earlier snapshot's file (same kind, same options)
  --previous-as-of YYYY-MM-DD  the earlier analysis date; alone, the same file is
                             segmented again as of that date
  --max-points <n>           scatter points at most (default 5000, sampled by segment)
  --map "field=header,..."   name columns detection missed
  --window all|<months>      F and M over the whole history (default) or the last N months
  --frequency-by day|order   count distinct purchase days (default) or order ids
  --refunds net|exclude      net refunds against spend (default) or ignore them
  --date-order auto|dmy|mdy  how 5/3/2024 is read (default: only unambiguous dates)
  --shape auto|customers|transactions   override the detected table shape
  --sheet <name|number>      xlsx sheet (default the first)
  --today YYYY-MM-DD         today's date for future-date checks (default: system date)
  -h, --help                 this help

Exit codes: 0 ok, 1 bad usage, 2 bad data.
`;

const OPTIONS = {
  out: { type: 'string' },
  xlsx: { type: 'string' },
  scheme: { type: 'string' },
  locale: { type: 'string' },
  customers: { type: 'string' },
  'as-of': { type: 'string' },
  previous: { type: 'string' },
  'previous-as-of': { type: 'string' },
  'max-points': { type: 'string' },
  map: { type: 'string' },
  window: { type: 'string' },
  'frequency-by': { type: 'string' },
  refunds: { type: 'string' },
  'date-order': { type: 'string' },
  shape: { type: 'string' },
  sheet: { type: 'string' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Parsed {
  readonly file: string;
  readonly out: string;
  readonly xlsx?: string;
  readonly locale: Locale;
  readonly segmentOptions: SegmentOptionsInput;
  readonly customers?: string;
  readonly sheet?: string;
  readonly previous?: string;
  readonly previousAsOf?: string;
  readonly maxPoints: number;
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
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'report: missing <file>.' : `report: one file expected, got ${positionals.length}: ${positionals.join(' ')}.`);
  if (values.out === undefined) throw new UsageError('report: --out <file.html> is required.');
  const choose = <T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got "${value}".`);
    return value as T;
  };
  const mapping = parseMapping(values.map);
  if ('error' in mapping) throw new UsageError(mapping.error);
  const locale = choose('locale', values.locale, ['en', 'zh-CN'] as const) ?? 'en';
  let window: 'all' | number | undefined;
  if (values.window !== undefined) {
    window = values.window === 'all' ? 'all' : Number(values.window);
    if (window !== 'all' && !(Number.isInteger(window) && window >= 1 && window <= 120)) throw new UsageError(`--window must be "all" or a number of months 1–120; got "${values.window}".`);
  }
  const maxPoints = values['max-points'] === undefined ? 5000 : Number(values['max-points']);
  if (!(Number.isInteger(maxPoints) && maxPoints >= 1)) throw new UsageError(`--max-points must be a whole number ≥ 1; got "${values['max-points']}".`);
  const segmentOptions: SegmentOptionsInput = {
    // The scheme is checked by the engine's option schema (OptionsError, exit 1),
    // so every scheme `segment` accepts works here without a second list.
    scheme: values.scheme as SegmentOptionsInput['scheme'],
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
  return {
    file: positionals[0]!,
    out: values.out,
    xlsx: values.xlsx,
    locale,
    segmentOptions,
    customers: values.customers,
    sheet: values.sheet,
    previous: values.previous,
    previousAsOf: values['previous-as-of'],
    maxPoints,
  };
}

/** The earlier run for the migration, or undefined without --previous / --previous-as-of. */
async function readPrevious(parsed: Parsed, current: SegmentationResult, io: ConsoleIo): Promise<SegmentationResult | undefined> {
  if (parsed.previous === undefined && parsed.previousAsOf === undefined) return undefined;
  if (parsed.previous === undefined && parsed.previousAsOf !== undefined && current.asOf !== '' && parsed.previousAsOf >= current.asOf) {
    throw new UsageError(`--previous-as-of ${parsed.previousAsOf} must be before the analysis date ${current.asOf}.`);
  }
  const segmentOptions: SegmentOptionsInput = { ...parsed.segmentOptions };
  if (parsed.previousAsOf !== undefined) segmentOptions.asOf = parsed.previousAsOf;
  else delete segmentOptions.asOf;
  // Only ids, segments and spend are compared: the customer table is not joined.
  const { result } = await readSegmented({ file: parsed.previous ?? parsed.file, segmentOptions, sheet: parsed.sheet }, io);
  return result;
}

/**
 * `tierline report`: segment a file, summarise it, render the charts to SVG
 * and write one self-contained HTML page (and optionally an xlsx summary).
 * @returns the exit code.
 */
export async function runReport(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const parsed = parse(argv, io);
  if (parsed === 'help') {
    io.out(REPORT_HELP);
    return EXIT.ok;
  }
  const { locale } = parsed;
  const { result, reports } = await readSegmented({ file: parsed.file, segmentOptions: parsed.segmentOptions, customers: parsed.customers, sheet: parsed.sheet }, io);
  const previous = await readPrevious(parsed, result, io);
  const migration = previous ? { data: compareSnapshots(snapshotOf(previous), snapshotOf(result), { top: 10 }), beforeName: previous.asOf || parsed.previous || '', afterName: result.asOf || parsed.file } : undefined;

  const specs: [string, VegaLiteSpec][] = [
    ['radar', radarChartSpec(result.summary, { locale })],
    ['share', shareBarChartSpec(result.summary, { locale })],
    ['pie-customers', sharePieChartSpec(result.summary, { locale, measure: 'customers' })],
    ['pie-revenue', sharePieChartSpec(result.summary, { locale, measure: 'revenue' })],
    ['scatter', scatterChartSpec(result, { locale, maxPoints: parsed.maxPoints })],
  ];
  if (migration) specs.push(['migration', migrationHeatmapSpec(migration.data, { locale, beforeName: migration.beforeName, afterName: migration.afterName })]);
  const charts: RenderedChart[] = [];
  for (const [id, spec] of specs) charts.push({ id, svg: await renderSvg(spec) });

  const model: ReportModel = {
    locale,
    file: parsed.file,
    generated: io.today,
    result,
    total: summarizeTotal(result.features),
    // Twelve columns keep a table readable; the rest of an attribute's values are merged into '(other)'.
    crossTabs: crossTabulate(result.features, result.scheme, { maxValues: 12 }),
    matrix: rfmMatrix(result.features, result.scheme),
    migration,
    reports,
    notes: result.notes,
    charts,
  };
  await writeFile(parsed.out, buildReportHtml(model));
  io.err(`Wrote ${parsed.out} (${result.features.count.toLocaleString('en-US')} customers, ${charts.length} charts)\n`);
  if (parsed.xlsx !== undefined) {
    await writeSummaryXlsx(parsed.xlsx, model);
    io.err(`Wrote ${parsed.xlsx}\n`);
  }
  return EXIT.ok;
}
