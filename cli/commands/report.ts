import {
  compareSnapshots,
  crossTabulate,
  type Locale,
  migrationHeatmapSpec,
  radarChartSpec,
  rfmMatrix,
  scatterChartSpec,
  type SegmentationResult,
  type SegmentOptionsInput,
  shareBarChartSpec,
  sharePieChartSpec,
  snapshotOf,
  summarizeTotal,
  type VegaLiteSpec,
} from '../../core/index.js';
import { renderSvg } from '../../io/charts/index.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { EXIT, todayOf, UsageError, type ConsoleIo } from '../console-io.js';
import { assertOutputsAreNotInputs } from '../guard-output-paths.js';
import { parseCommandArgs } from '../parse-command.js';
import { SEGMENT_FLAGS, segmentOptionsFromFlags } from '../segment-flags.js';
import { readSegmented } from '../read-segmented.js';
import { buildReportHtml, type RenderedChart, type ReportModel } from '../report/report-html.js';
import { writeSummaryXlsx } from '../report/write-summary-xlsx.js';
import { buildWeeklyActions } from '../report/build-weekly-actions.js';
import { localeForErrors } from '../choose-locale.js';
import { renderHelp } from '../render-help.js';

/** This command's --help in `locale` (cli.help.report in the catalogue). */
export const REPORT_HELP = (locale: Locale): string => renderHelp('report', locale);

const OPTIONS = {
  ...SEGMENT_FLAGS,
  out: { type: 'string' },
  xlsx: { type: 'string' },
  previous: { type: 'string' },
  'previous-as-of': { type: 'string' },
  'max-points': { type: 'string' },
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

async function parse(argv: readonly string[], io: ConsoleIo): Promise<Parsed | 'help'> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help) return 'help';
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? { key: 'cli.usage.missing-file', params: { command: 'report' } }
        : {
            key: 'cli.usage.one-file-got',
            params: { command: 'report', count: positionals.length, files: positionals.join(' ') },
          },
    );
  if (values.out === undefined) throw new UsageError({ key: 'cli.usage.report-out' });
  const maxPoints = values['max-points'] === undefined ? 5000 : Number(values['max-points']);
  if (!(Number.isInteger(maxPoints) && maxPoints >= 1))
    throw new UsageError({
      key: 'cli.usage.whole-number',
      params: { flag: '--max-points', value: String(values['max-points']) },
    });
  const named = (path: string | undefined, flag: string) => (path === undefined ? undefined : { path, flag });
  // Before the config is read or anything opened: an output that is an input would destroy it.
  assertOutputsAreNotInputs(
    [
      named(positionals[0], '<file>'),
      named(values.customers, '--customers'),
      named(values.config, '--config'),
      named(values.previous, '--previous'),
    ],
    [named(values.out, '--out'), named(values.xlsx, '--xlsx')],
  );
  const { options: segmentOptions, locale } = await segmentOptionsFromFlags(values, io);
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

/** Display names of the run's segments by id (cluster names come from the data). */
function segmentNames(result: SegmentationResult, locale: Locale): Record<string, string> {
  return Object.fromEntries(result.scheme.segments.map((id, s) => [id, result.scheme.segmentLabel(s, locale)]));
}

/** The earlier run for the migration, or undefined without --previous / --previous-as-of. */
async function readPrevious(
  parsed: Parsed,
  current: SegmentationResult,
  io: ConsoleIo,
): Promise<SegmentationResult | undefined> {
  if (parsed.previous === undefined && parsed.previousAsOf === undefined) return undefined;
  if (
    parsed.previous === undefined &&
    parsed.previousAsOf !== undefined &&
    current.asOf !== '' &&
    parsed.previousAsOf >= current.asOf
  ) {
    throw new UsageError({
      key: 'cli.usage.previous-as-of',
      params: { previous: parsed.previousAsOf, current: current.asOf },
    });
  }
  const segmentOptions: SegmentOptionsInput = { ...parsed.segmentOptions };
  if (parsed.previousAsOf !== undefined) segmentOptions.asOf = parsed.previousAsOf;
  else delete segmentOptions.asOf;
  // Only ids, segments and spend are compared: the customer table is not joined.
  const { result } = await readSegmented(
    { file: parsed.previous ?? parsed.file, segmentOptions, sheet: parsed.sheet },
    io,
  );
  return result;
}

/**
 * `tierline report`: segment a file, summarise it, render the charts to SVG
 * and write one self-contained HTML page (and optionally an xlsx summary).
 * @returns the exit code.
 */
export async function runReport(argv: readonly string[], io: ConsoleIo): Promise<number> {
  const parsed = await parse(argv, io);
  if (parsed === 'help') {
    io.out(REPORT_HELP(localeForErrors(argv, process.env)));
    return EXIT.ok;
  }
  const { locale } = parsed;
  const { result, reports } = await readSegmented(
    { file: parsed.file, segmentOptions: parsed.segmentOptions, customers: parsed.customers, sheet: parsed.sheet },
    io,
  );
  const previous = await readPrevious(parsed, result, io);
  const migration = previous
    ? {
        data: compareSnapshots(snapshotOf(previous), snapshotOf(result), { top: 10 }),
        beforeName: previous.asOf || parsed.previous || '',
        afterName: result.asOf || parsed.file,
      }
    : undefined;

  const names = segmentNames(result, locale);
  const specs: [string, VegaLiteSpec][] = [
    ['radar', radarChartSpec(result.summary, { locale, names })],
    ['share', shareBarChartSpec(result.summary, { locale, names })],
    ['pie-customers', sharePieChartSpec(result.summary, { locale, names, measure: 'customers' })],
    ['pie-revenue', sharePieChartSpec(result.summary, { locale, names, measure: 'revenue' })],
    ['scatter', scatterChartSpec(result, { locale, names, maxPoints: parsed.maxPoints })],
  ];
  if (migration)
    specs.push([
      'migration',
      migrationHeatmapSpec(migration.data, {
        locale,
        names: { ...(previous ? segmentNames(previous, locale) : {}), ...names },
        beforeName: migration.beforeName,
        afterName: migration.afterName,
      }),
    ]);
  const charts: RenderedChart[] = [];
  for (const [id, spec] of specs) charts.push({ id, svg: await renderSvg(spec) });

  const model: ReportModel = {
    locale,
    names,
    file: parsed.file,
    generated: todayOf(io),
    result,
    total: summarizeTotal(result.features),
    // Twelve columns keep a table readable; the rest of an attribute's values are merged into '(other)'.
    crossTabs: crossTabulate(result.features, result.scheme, { maxValues: 12 }),
    matrix: rfmMatrix(result.features, result.scheme),
    migration,
    reports,
    notes: result.notes,
    charts,
    weekly: buildWeeklyActions(result, locale),
  };
  await writeFileAtomic(parsed.out, buildReportHtml(model));
  io.err(`Wrote ${parsed.out} (${result.features.count.toLocaleString('en-US')} customers, ${charts.length} charts)\n`);
  if (parsed.xlsx !== undefined) {
    await writeSummaryXlsx(parsed.xlsx, model);
    io.err(`Wrote ${parsed.xlsx}\n`);
  }
  return EXIT.ok;
}
