import ExcelJS from 'exceljs';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import {
  BLANK_VALUE,
  churnSummaryLines,
  excelMoneyFormat,
  label,
  type LabelKey,
  OTHER_VALUE,
  segmentName,
} from '../../core/index.js';
import type { ReportModel } from './report-html.js';
import { SEGMENT_SUMMARY_COLUMNS } from './segment-summary-columns.js';

const PERCENT = '0.0%';
const INTEGER = '#,##0';
const DECIMAL = '#,##0.0';
const RATIO = '0.00';

type Value = string | number | null;
const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The "what to do this week" sheet: per owner the top at-risk customers
 * (value at risk, suggested action), then the strategy groups with goal and
 * KPI. Real numbers with formats, names masked as in the HTML report.
 */
function writeWeeklySheet(workbook: ExcelJS.Workbook, model: Omit<ReportModel, 'charts'>, moneyFormat: string): void {
  const { locale, weekly } = model;
  const sheet = workbook.addWorksheet(label('report.week.sheet', locale));
  const title = sheet.addRow([label('report.week.title', locale)]);
  title.font = { bold: true, size: 15 };
  sheet.addRow([
    label(
      weekly.basis === 'expected-loss' ? 'report.week.basis.expected-loss' : 'report.week.basis.yearly-spend',
      locale,
    ),
  ]);
  sheet.addRow([label('report.week.masked', locale)]);
  const value = label(
    weekly.basis === 'expected-loss' ? 'report.week.expected-loss' : 'report.week.value-at-risk',
    locale,
  );
  for (const owner of weekly.owners) {
    sheet.addRow([]);
    const head = sheet.addRow([
      owner.owner === null
        ? label('report.week.everyone', locale)
        : owner.owner === ''
          ? label('report.week.no-owner', locale)
          : owner.owner,
      label('column.count', locale),
      owner.customers,
      label('column.churnRisk', locale),
      owner.atRisk,
      value,
      owner.valueAtRisk,
    ]);
    head.font = { bold: true };
    head.getCell(7).numFmt = moneyFormat;
    if (owner.top.length === 0) continue;
    const columns = sheet.addRow([
      label('column.customerId', locale),
      label('column.customerName', locale),
      label('column.segment', locale),
      label('column.churnProbability', locale),
      value,
      label('report.week.action', locale),
    ]);
    columns.font = { bold: true };
    for (const c of owner.top) {
      const row = sheet.addRow([
        c.customerId,
        c.name ?? '',
        c.segment,
        Number.isFinite(c.probability) ? c.probability : null,
        c.valueAtRisk,
        c.action,
      ]);
      row.getCell(4).numFmt = PERCENT;
      row.getCell(5).numFmt = moneyFormat;
    }
  }
  sheet.addRow([]);
  const groupsTitle = sheet.addRow([label('report.week.groups', locale)]);
  groupsTitle.font = { bold: true, size: 13 };
  const head = sheet.addRow([
    label('column.strategyGroup', locale),
    label('column.count', locale),
    label('column.churnRisk', locale),
    label('column.strategyGoal', locale),
    label('column.kpi', locale),
    label('report.week.action', locale),
    label('report.week.next-due', locale),
  ]);
  head.font = { bold: true };
  for (const g of weekly.groups)
    sheet.addRow([
      label(`group.${g.group}` as LabelKey, locale),
      g.customers,
      g.atRisk,
      g.goal,
      g.kpi,
      g.measures,
      g.dueDate,
    ]);
  sheet.getColumn(1).width = 22;
  for (let c = 2; c <= 5; c++) sheet.getColumn(c).width = 16;
  sheet.getColumn(6).width = 60;
}

/**
 * Writes the report's summary sheet with exceljs: the segment table (with
 * the total row and the R/F/M profile), then each cross-tab as three plain
 * matrices (customers, share of the segment, revenue) and the R × F matrix —
 * real numbers with number formats, so Excel users can chart and sort them.
 * Charts stay out: native Excel charts are the add-in's job.
 */
export async function writeSummaryXlsx(path: string, model: Omit<ReportModel, 'charts'>): Promise<void> {
  const { locale, result } = model;
  // Money in the data's currency ("£"#,##0.00), not bare numbers read as yuan.
  const MONEY = excelMoneyFormat(result.currency);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tierline';
  // Fixed dates keep the file the same from run to run (exceljs defaults to now).
  workbook.created = workbook.modified = new Date(`${model.generated || '2000-01-01'}T00:00:00Z`);
  // What to do this week comes first (issue 13), as in the HTML report.
  writeWeeklySheet(workbook, model, MONEY);
  const sheet = workbook.addWorksheet(label('report.sheet', locale));
  const write = (values: readonly Value[], formats: readonly (string | undefined)[] = [], bold = false): void => {
    const row = sheet.addRow([...values]);
    formats.forEach((format, i) => {
      if (format) row.getCell(i + 1).numFmt = format;
    });
    if (bold) row.font = { bold: true };
  };
  const title = (text: string): void => {
    sheet.addRow([]);
    const row = sheet.addRow([text]);
    row.font = { bold: true, size: 13 };
  };

  const top = sheet.addRow([label('report.title', locale)]);
  top.font = { bold: true, size: 15 };
  write([
    `${label('report.file', locale)}: ${model.file}`,
    `${label('report.scheme', locale)}: ${result.options.scheme}`,
    `${label('report.asOf', locale)}: ${result.asOf}`,
  ]);
  // The one churn truth and its evidence (model, back-test AUC, precision in the top 20, base rate, candidates).
  for (const line of churnSummaryLines(result.churn, result.features.count, locale)) write([line]);

  title(label('report.segments', locale));
  const columns: LabelKey[] = [
    ...SEGMENT_SUMMARY_COLUMNS,
    'column.profileRecency',
    'column.profileFrequency',
    'column.profileMonetary',
  ];
  write(
    columns.map((c) => label(c, locale)),
    [],
    true,
  );
  const formats = [
    undefined,
    INTEGER,
    PERCENT,
    MONEY,
    PERCENT,
    DECIMAL,
    DECIMAL,
    DECIMAL,
    DECIMAL,
    MONEY,
    MONEY,
    RATIO,
    RATIO,
    RATIO,
  ];
  const segmentRows = [...result.summary.filter((s) => s.count > 0 || s.segment !== 'unclassified'), model.total];
  for (const s of segmentRows) {
    const name = s === model.total ? label('total', locale) : segmentName(s.segment, locale, model.names);
    write(
      [
        name,
        s.count,
        s.share,
        num(s.revenue),
        s.revenueShare,
        num(s.meanRecencyDays),
        num(s.medianRecencyDays),
        num(s.meanFrequency),
        num(s.medianFrequency),
        num(s.meanMonetary),
        num(s.medianMonetary),
        num(s.profile.recency),
        num(s.profile.frequency),
        num(s.profile.monetary),
      ],
      formats,
      s === model.total,
    );
  }

  for (const tab of model.crossTabs) {
    const attribute = label(`column.${tab.attribute}` as LabelKey, locale);
    const values = tab.values.map((v) =>
      v === BLANK_VALUE ? label('value.blank', locale) : v === OTHER_VALUE ? label('value.other', locale) : v,
    );
    const segments = tab.segments
      .map((segment, s) => ({ segment, s }))
      .filter(({ segment, s }) => tab.segmentCounts[s]! > 0 || segment !== 'unclassified');
    const block = (
      measure: LabelKey,
      cell: (s: number, v: number) => number,
      total: (s: number) => number | null,
      format: string,
      footer: (v: number) => number,
    ): void => {
      title(`${label('report.crossTab.title', locale, { attribute })} · ${label(measure, locale)}`);
      write([label('column.segment', locale), ...values, label('total', locale)], [], true);
      for (const { segment, s } of segments)
        write(
          [segmentName(segment, locale, model.names), ...values.map((_, v) => cell(s, v)), total(s)],
          [undefined, ...values.map(() => format), format],
        );
      write(
        [
          label('total', locale),
          ...values.map((_, v) => footer(v)),
          measure === 'column.share' ? 1 : measure === 'column.count' ? tab.total.count : tab.total.revenue,
        ],
        [undefined, ...values.map(() => format), format],
        true,
      );
    };
    block(
      'column.count',
      (s, v) => tab.counts[s]![v]!,
      (s) => tab.segmentCounts[s]!,
      INTEGER,
      (v) => tab.valueCounts[v]!,
    );
    block(
      'column.share',
      (s, v) => tab.rowShares[s]![v]!,
      (s) => (tab.segmentCounts[s]! > 0 ? 1 : null),
      PERCENT,
      (v) => tab.valueShares[v]!,
    );
    block(
      'column.revenue',
      (s, v) => tab.revenue[s]![v]!,
      (s) => tab.segmentRevenue[s]!,
      MONEY,
      (v) => tab.valueRevenue[v]!,
    );
  }

  if (model.matrix) {
    const matrix = model.matrix;
    const level = (x: number): string =>
      matrix.scheme === 'rfm' ? String(x) : label(x === 2 ? 'level.high' : 'level.low', locale);
    title(label('report.rfmMatrix.rf', locale));
    write(['R \\ F', ...matrix.levels.map((f) => `F ${level(f)}`)], [], true);
    matrix.levels.forEach((r, i) =>
      write([`R ${level(r)}`, ...matrix.rf[i]!], [undefined, ...matrix.levels.map(() => INTEGER)]),
    );
  }

  sheet.getColumn(1).width = 24;
  for (let c = 2; c <= sheet.columnCount; c++) sheet.getColumn(c).width = 13;
  // Always a new workbook, renamed into place whole: a failed write leaves `path` as it was.
  await writeFileAtomic(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}
