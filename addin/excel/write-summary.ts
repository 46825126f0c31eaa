import {
  churnSummaryLines,
  describeCustomer,
  excelMoneyFormat,
  label,
  STRATEGY_GROUPS,
  type Cell,
  type LabelKey,
  type Locale,
  type SegmentationResult,
} from '../../core/index.js';
import { listSegmentSwatches } from './segment-colors.js';
import { HEADER_STYLE, setUniformFormat } from './write-columns.js';

type SheetKey = Extract<LabelKey, `sheet.${string}`>;

/** An add-in label (sheet names and summary headings): the one catalogue's `sheet.*` entries. */
export function formatSummaryLabel(key: SheetKey extends `sheet.${infer Id}` ? Id : never, locale: Locale): string {
  return label(`sheet.${key}` as SheetKey, locale);
}

const finite = (x: number): Cell => (Number.isFinite(x) ? x : '');
const round = (x: number, digits: number): Cell => (Number.isFinite(x) ? Number(x.toFixed(digits)) : '');

/** What the summary sheet says about the run beside the numbers. */
export interface SummaryContext {
  readonly source: string;
  readonly locale: Locale;
}

/** Where each table of the summary sheet landed (0-based rows). */
export interface SummaryLayout {
  readonly segmentHeaderRow: number;
  readonly segmentRows: number;
  readonly strategyHeaderRow: number;
  readonly profileHeaderRow: number;
  readonly charts: readonly string[];
}

/** The legend's first column (J), between the tables (A:H) and the charts (L onwards). */
const LEGEND_COLUMN = 9;

function writeTable(
  sheet: Excel.Worksheet,
  row: number,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  formats: readonly (string | undefined)[],
  column = 0,
): void {
  const head = sheet.getRangeByIndexes(row, column, 1, header.length);
  head.values = [header as Cell[]];
  head.format.font.bold = true;
  head.format.font.color = HEADER_STYLE.font;
  head.format.fill.color = HEADER_STYLE.fill;
  if (rows.length === 0) return;
  formats.forEach((format, j) => {
    if (format) setUniformFormat(sheet.getRangeByIndexes(row + 1, column + j, rows.length, 1), format);
  });
  sheet.getRangeByIndexes(row + 1, column, rows.length, header.length).values = rows as Cell[][];
}

/**
 * Queues the localized summary sheet: segment table (count, share, revenue,
 * revenue share, mean R/F/M and a total), strategy table, profile table and
 * native charts (SPEC §9): pie of customers, bar of customer share against
 * revenue share, scatter of mean spend against mean frequency (one series
 * per segment) and a radar of the profiles. Everything lands with the
 * caller's next sync; the payload is a few kilobytes.
 */
export function queueSummarySheet(
  context: Excel.RequestContext,
  result: SegmentationResult,
  summary: SummaryContext,
): { sheet: Excel.Worksheet; layout: SummaryLayout } {
  const { locale } = summary;
  const t = (key: LabelKey) => label(key, locale);
  const sheet = context.workbook.worksheets.add(formatSummaryLabel('summarySheet', locale));
  const title = sheet.getRange('A1');
  title.values = [[t('report.segments')]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  sheet.getRange('A2').values = [
    [
      `${t('report.scheme')}: ${result.scheme.id} · ${t('report.asOf')}: ${result.asOf || '–'} · ${formatSummaryLabel('source', locale)}: ${summary.source}`,
    ],
  ];
  // The one churn truth with its evidence (model, back-test AUC, precision in the top 20, base rate, candidates).
  sheet.getRange('A3').values = [[churnSummaryLines(result.churn, result.features.count, locale).join(' ')]];

  // Segment table.
  const segmentHeaderRow = 3;
  const segments = result.summary.map((s, i) => [
    result.scheme.segmentLabel(i, locale),
    s.count,
    finite(s.share),
    round(s.revenue, 2),
    finite(s.revenueShare),
    round(s.meanRecencyDays, 1),
    round(s.meanFrequency, 2),
    round(s.meanMonetary, 2),
  ]);
  const totalCustomers = result.summary.reduce((sum, s) => sum + s.count, 0);
  const totalRevenue = result.summary.reduce((sum, s) => sum + (Number.isFinite(s.revenue) ? s.revenue : 0), 0);
  const segmentTable = [
    ...segments,
    [
      t('total'),
      totalCustomers,
      totalCustomers > 0 ? 1 : '',
      round(totalRevenue, 2),
      totalRevenue !== 0 ? 1 : '',
      '',
      '',
      '',
    ],
  ];
  writeTable(
    sheet,
    segmentHeaderRow,
    [
      t('column.segment'),
      t('column.count'),
      t('column.share'),
      t('column.revenue'),
      t('column.revenueShare'),
      t('column.meanRecency'),
      t('column.meanFrequency'),
      t('column.meanMonetary'),
    ],
    segmentTable,
    [
      undefined,
      '#,##0',
      '0.0%',
      excelMoneyFormat(result.currency, 0),
      '0.0%',
      '0.0',
      '0.0',
      excelMoneyFormat(result.currency, 0),
    ],
  );
  const lastSegmentRow = segmentHeaderRow + segments.length; // 0-based row of the last segment
  sheet.getRangeByIndexes(lastSegmentRow + 1, 0, 1, 8).format.font.bold = true;

  // Legend (J:K): each segment in the colour its result cells and the charts use, with its count.
  const swatches = listSegmentSwatches(result, locale);
  writeTable(
    sheet,
    segmentHeaderRow,
    [formatSummaryLabel('legend', locale), t('column.count')],
    swatches.map((s) => [s.label, s.count]),
    [undefined, '#,##0'],
    LEGEND_COLUMN,
  );
  swatches.forEach((swatch, i) => {
    const cell = sheet.getRangeByIndexes(segmentHeaderRow + 1 + i, LEGEND_COLUMN, 1, 1);
    cell.format.fill.color = swatch.fill;
    cell.format.font.color = swatch.font;
  });

  // Strategy table: one row per strategy group present, with its customer count.
  const strategyHeaderRow = lastSegmentRow + 4;
  const counts = new Array<number>(STRATEGY_GROUPS.length).fill(0);
  const example = new Array<number>(STRATEGY_GROUPS.length).fill(-1);
  for (let c = 0; c < result.features.count; c++) {
    const g = result.scheme.strategy[c]!;
    if (g < STRATEGY_GROUPS.length) {
      counts[g]!++;
      if (example[g] === -1) example[g] = c;
    }
  }
  const strategies: Cell[][] = [];
  STRATEGY_GROUPS.forEach((group, g) => {
    if (example[g]! < 0) return;
    const strategy = describeCustomer(result, example[g]!, locale).strategy;
    strategies.push([
      label(`group.${group}` as LabelKey, locale),
      counts[g]!,
      strategy?.goal ?? '',
      strategy?.measures ?? '',
      strategy?.channel ?? '',
      strategy?.department ?? '',
      strategy?.owner ?? '',
      strategy?.cadence ?? '',
      strategy?.dueDate ?? '',
      strategy?.kpi ?? '',
    ]);
  });
  sheet.getRangeByIndexes(strategyHeaderRow - 1, 0, 1, 1).values = [[formatSummaryLabel('strategies', locale)]];
  sheet.getRangeByIndexes(strategyHeaderRow - 1, 0, 1, 1).format.font.bold = true;
  writeTable(
    sheet,
    strategyHeaderRow,
    [
      t('column.strategyGroup'),
      t('column.count'),
      t('column.strategyGoal'),
      t('column.measures'),
      t('column.strategyChannel'),
      t('column.department'),
      t('column.strategyOwner'),
      t('column.cadence'),
      t('column.dueDate'),
      t('column.kpi'),
    ],
    strategies,
    [undefined, '#,##0'],
  );

  // Profile table for the radar: segments with scored customers only.
  const profileHeaderRow = strategyHeaderRow + strategies.length + 3;
  const profiled = result.summary
    .map((s, i) => ({ s, i }))
    .filter(
      ({ s }) =>
        s.count > 0 &&
        Number.isFinite(s.profile.frequency) &&
        Number.isFinite(s.profile.monetary) &&
        s.profile.recency > 0,
    );
  const profiles = profiled.map(({ s, i }) => [
    result.scheme.segmentLabel(i, locale),
    round(1 / s.profile.recency, 3),
    round(s.profile.frequency, 3),
    round(s.profile.monetary, 3),
  ]);
  sheet.getRangeByIndexes(profileHeaderRow - 1, 0, 1, 1).values = [[formatSummaryLabel('profiles', locale)]];
  sheet.getRangeByIndexes(profileHeaderRow - 1, 0, 1, 1).format.font.bold = true;
  writeTable(
    sheet,
    profileHeaderRow,
    [t('column.segment'), t('chart.axis.recency'), t('chart.axis.frequency'), t('chart.axis.monetary')],
    profiles,
    [undefined, '0.00', '0.00', '0.00'],
  );

  sheet.getRange('A:A').format.columnWidth = 150;
  sheet.getRange('B:J').format.columnWidth = 90;

  // Charts, right of the tables (column L onwards).
  const charts: string[] = [];
  const first = segmentHeaderRow + 1;
  const rows = segments.length;
  const place = (chart: Excel.Chart, name: string, top: number) => {
    chart.name = name;
    chart.setPosition(`L${top}`, `S${top + 17}`);
    charts.push(name);
  };
  if (rows > 0) {
    const pie = sheet.charts.add('Pie', sheet.getRangeByIndexes(segmentHeaderRow, 0, rows + 1, 2), 'Columns');
    pie.title.text = t('chart.pie.customers');
    for (let i = 0; i < rows; i++)
      pie.series.getItemAt(0).points.getItemAt(i).format.fill.setSolidColor(swatches[i]!.fill);
    place(pie, 'TierlinePie', 1);

    const bar = sheet.charts.add('BarClustered', sheet.getRange(`C${first}:C${first + rows}`), 'Columns');
    bar.title.text = t('chart.share.title');
    const categories = sheet.getRange(`A${first + 1}:A${first + rows}`);
    bar.series.getItemAt(0).setXAxisValues(categories);
    bar.series.getItemAt(0).name = t('chart.share.customers');
    const revenue = bar.series.add(t('chart.share.revenue'));
    revenue.setValues(sheet.getRange(`E${first + 1}:E${first + rows}`));
    revenue.setXAxisValues(categories);
    place(bar, 'TierlineShares', 20);

    const scattered = result.summary
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.count > 0 && Number.isFinite(s.meanFrequency) && Number.isFinite(s.meanMonetary));
    if (scattered.length > 0) {
      const cellOf = (column: string, i: number) => sheet.getRange(`${column}${first + 1 + i}`);
      const scatter = sheet.charts.add(
        'XYScatter',
        sheet.getRange(`G${first + 1 + scattered[0]!.i}:H${first + 1 + scattered[0]!.i}`),
        'Columns',
      );
      scatter.title.text = t('chart.scatter.title');
      const paint = (series: Excel.ChartSeries, i: number) => {
        series.markerBackgroundColor = swatches[i]!.fill;
        series.markerForegroundColor = swatches[i]!.fill;
      };
      scatter.series.getItemAt(0).name = result.scheme.segmentLabel(scattered[0]!.i, locale);
      paint(scatter.series.getItemAt(0), scattered[0]!.i);
      for (const { i } of scattered.slice(1)) {
        const series = scatter.series.add(result.scheme.segmentLabel(i, locale));
        series.setXAxisValues(cellOf('G', i));
        series.setValues(cellOf('H', i));
        paint(series, i);
      }
      scatter.axes.categoryAxis.title.text = t('chart.axis.frequency');
      scatter.axes.valueAxis.title.text = t('chart.axis.monetary');
      place(scatter, 'TierlineScatter', 39);
    }
  }
  if (profiles.length > 0) {
    const radar = sheet.charts.add(
      'Radar',
      sheet.getRangeByIndexes(profileHeaderRow, 0, profiles.length + 1, 4),
      'Rows',
    );
    radar.title.text = t('chart.radar.title');
    profiled.forEach(({ i }, k) => (radar.series.getItemAt(k).format.line.color = swatches[i]!.fill));
    place(radar, 'TierlineRadar', 58);
  }
  return { sheet, layout: { segmentHeaderRow, segmentRows: rows, strategyHeaderRow, profileHeaderRow, charts } };
}
