import {
  BLANK_VALUE,
  churnSummaryLines,
  type CleaningReport,
  type CrossTab,
  type Currency,
  formatIssue,
  formatMoney,
  formatNote,
  label,
  type LabelKey,
  type Locale,
  type Migration,
  type MovedCustomer,
  OTHER_VALUE,
  type RfmMatrix,
  type RunNote,
  type SegmentationResult,
  segmentName,
  type SegmentSummary,
  type SnapshotCustomer,
  STRATEGY_GROUPS,
} from '../../core/index.js';
import type { WeeklyActions } from './build-weekly-actions.js';
import { SEGMENT_SUMMARY_COLUMNS } from './segment-summary-columns.js';

/** A chart already rendered to SVG; `id` names it in the page (data-chart). */
export interface RenderedChart {
  readonly id: string;
  readonly svg: string;
}

/** Everything the report page shows; built by `tierline report`. */
export interface ReportModel {
  readonly locale: Locale;
  readonly file: string;
  /** Today's date (YYYY-MM-DD), from the CLI's clock. */
  readonly generated: string;
  readonly result: SegmentationResult;
  /** Display names of segment ids (the scheme's labels; k-means names come from the data). */
  readonly names: Readonly<Record<string, string>>;
  readonly total: SegmentSummary;
  readonly crossTabs: readonly CrossTab[];
  readonly matrix?: RfmMatrix;
  readonly migration?: { readonly data: Migration; readonly beforeName: string; readonly afterName: string };
  readonly reports: readonly { readonly name: string; readonly report: CleaningReport }[];
  readonly notes: readonly RunNote[];
  /** The summary charts (radar, shares, scatter) and, with a migration, the heat map (id 'migration'). */
  readonly charts: readonly RenderedChart[];
  /** The first section: what each owner does this week (buildWeeklyActions). */
  readonly weekly: WeeklyActions;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Escapes text for HTML content and attribute values. */
export const esc = (text: string | number): string => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');
const dec = (x: number): string =>
  Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : '–';
const plain = (x: number): string =>
  Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: 0 }) : '–';
/** Money in the data's currency (formatMoney), '–' when unknown. */
const money = (x: number, currency: Currency, locale: Locale): string =>
  Number.isFinite(x) ? formatMoney(x, currency, locale, 0) : '–';

/** Short money for dense tables: 1.2M / 35.0k in English, 120.0万 / 1.2亿 in Chinese. */
export function compactMoney(x: number, locale: Locale): string {
  if (!Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  const units =
    locale === 'zh-CN'
      ? ([
          [1e8, '亿'],
          [1e4, '万'],
        ] as const)
      : ([
          [1e9, 'B'],
          [1e6, 'M'],
          [1e3, 'k'],
        ] as const);
  for (const [size, unit] of units) if (abs >= size) return `${(x / size).toFixed(1)}${unit}`;
  return plain(x);
}

const L = (key: LabelKey, locale: Locale, params?: Readonly<Record<string, string | number>>): string =>
  esc(label(key, locale, params));

/** A cell shaded by `share` (0–1), so a cross-tab reads as a heat map. */
const shade = (share: number): string =>
  share > 0 ? ` style="background:rgba(78,121,167,${Math.min(0.65, 0.08 + share * 0.6).toFixed(3)})"` : '';

const shownSegments = (summary: readonly SegmentSummary[]): SegmentSummary[] =>
  summary.filter((s) => s.count > 0 || s.segment !== 'unclassified');

function segmentTable(model: ReportModel): string {
  const { locale } = model;
  const headers = SEGMENT_SUMMARY_COLUMNS;
  const row = (name: string, s: SegmentSummary, cls = ''): string =>
    `<tr${cls}><th scope="row">${esc(name)}</th>${[int(s.count), pct(s.share), money(s.revenue, model.result.currency, locale), pct(s.revenueShare), dec(s.meanRecencyDays), dec(s.medianRecencyDays), dec(s.meanFrequency), dec(s.medianFrequency), money(s.meanMonetary, model.result.currency, locale), money(s.medianMonetary, model.result.currency, locale)].map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`;
  return `<table class="num" id="segment-table"><thead><tr>${headers.map((h) => `<th scope="col">${L(h, locale)}</th>`).join('')}</tr></thead><tbody>${shownSegments(
    model.result.summary,
  )
    .map((s) => row(segmentName(s.segment, locale, model.names), s))
    .join('')}</tbody><tfoot>${row(label('total', locale), model.total, ' class="total"')}</tfoot></table>`;
}

function valueName(value: string, locale: Locale): string {
  return value === BLANK_VALUE
    ? label('value.blank', locale)
    : value === OTHER_VALUE
      ? label('value.other', locale)
      : value;
}

function crossTabTable(tab: CrossTab, locale: Locale, names: Readonly<Record<string, string>>): string {
  const attribute = label(`column.${tab.attribute}` as LabelKey, locale);
  const rows = tab.segments
    .map((segment, s) => ({ segment, s }))
    .filter(({ segment, s }) => tab.segmentCounts[s]! > 0 || segment !== 'unclassified');
  const head = `<tr><th scope="col">${L('column.segment', locale)}</th>${tab.values.map((v) => `<th scope="col">${esc(valueName(v, locale))}</th>`).join('')}<th scope="col">${L('total', locale)}</th></tr>`;
  const body = rows
    .map(({ segment, s }) => {
      const cells = tab.values.map((_, v) => {
        const count = tab.counts[s]![v]!,
          share = tab.rowShares[s]![v]!;
        return `<td${shade(share)}>${count > 0 ? `<b>${int(count)}</b><i>${pct(share)}</i><small>${esc(compactMoney(tab.revenue[s]![v]!, locale))}</small>` : '·'}</td>`;
      });
      return `<tr><th scope="row">${esc(segmentName(segment, locale, names))}</th>${cells.join('')}<td><b>${int(tab.segmentCounts[s]!)}</b><small>${esc(compactMoney(tab.segmentRevenue[s]!, locale))}</small></td></tr>`;
    })
    .join('');
  const foot = `<tr class="total"><th scope="row">${L('total', locale)}</th>${tab.values.map((_, v) => `<td><b>${int(tab.valueCounts[v]!)}</b><i>${pct(tab.valueShares[v]!)}</i><small>${esc(compactMoney(tab.valueRevenue[v]!, locale))}</small></td>`).join('')}<td><b>${int(tab.total.count)}</b><small>${esc(compactMoney(tab.total.revenue, locale))}</small></td></tr>`;
  return `<h3>${L('report.crossTab.title', locale, { attribute })}</h3><div class="scroll"><table class="num cross" data-attribute="${esc(tab.attribute)}"><thead>${head}</thead><tbody>${body}</tbody><tfoot>${foot}</tfoot></table></div>`;
}

function matrixSection(
  matrix: RfmMatrix,
  locale: Locale,
  names: Readonly<Record<string, string>>,
  currency: Currency,
): string {
  const scoreName = (x: number): string =>
    matrix.scheme === 'rfm' ? String(x) : label(x === 2 ? 'level.high' : 'level.low', locale);
  const rf = `<table class="num matrix" id="rfm-matrix"><thead><tr><th scope="col">R \\ F</th>${matrix.levels.map((f) => `<th scope="col">F ${esc(scoreName(f))}</th>`).join('')}</tr></thead><tbody>${matrix.levels
    .map(
      (r, i) =>
        `<tr><th scope="row">R ${esc(scoreName(r))}</th>${matrix.rf[i]!.map((count, j) => `<td${shade(matrix.rfShares[i]![j]! * 4)}><b>${int(count)}</b><i>${pct(matrix.rfShares[i]![j]!)}</i></td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
  let codes: string;
  if (matrix.scheme === 'rfm') {
    // 125 codes as a 25 × 5 grid: rows R·F, columns M, each cell the code's count (its segment on hover).
    const byCode = new Map(matrix.codes.map((c) => [c.code, c]));
    const rows: string[] = [];
    for (const r of matrix.levels) {
      for (const f of matrix.levels) {
        rows.push(
          `<tr><th scope="row">R${r} F${f}</th>${matrix.levels
            .map((m) => {
              const cell = byCode.get(`${r}${f}${m}`)!;
              return `<td${shade(cell.share * 8)} title="${esc(segmentName(cell.segment, locale, names))}">${cell.count > 0 ? int(cell.count) : '·'}</td>`;
            })
            .join('')}</tr>`,
        );
      }
    }
    codes = `<table class="num codes" id="rfm-codes"><thead><tr><th scope="col">R · F \\ M</th>${matrix.levels.map((m) => `<th scope="col">M ${m}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  } else {
    codes = `<table class="num codes" id="rfm-codes"><thead><tr><th scope="col">${L('column.code', locale)}</th><th scope="col">${L('column.segment', locale)}</th><th scope="col">${L('column.count', locale)}</th><th scope="col">${L('column.share', locale)}</th><th scope="col">${L('column.revenue', locale)}</th></tr></thead><tbody>${matrix.codes
      .map(
        (c) =>
          `<tr><td>${esc(c.code)}</td><th scope="row">${esc(segmentName(c.segment, locale, names))}</th><td>${int(c.count)}</td><td>${pct(c.share)}</td><td>${money(c.revenue, currency, locale)}</td></tr>`,
      )
      .join('')}</tbody></table>`;
  }
  return `<section id="rfm"><h2>${L('report.rfmMatrix', locale)}</h2><p class="note">${L('report.rfmMatrix.rf', locale)} · ${L('report.unscored', locale, { count: int(matrix.unscored) })}</p>${rf}<h3>${L('report.rfmMatrix.codes', locale)}</h3><div class="scroll">${codes}</div></section>`;
}

function customerList(
  title: string,
  items: readonly (MovedCustomer | SnapshotCustomer)[],
  locale: Locale,
  names: Readonly<Record<string, string>>,
  currency: Currency,
): string {
  if (items.length === 0)
    return `<div class="list"><h3>${esc(title)}</h3><p class="note">${L('report.none', locale)}</p></div>`;
  const moved = 'from' in items[0]!;
  const head = moved
    ? ['column.customerId', 'column.from', 'column.to', 'column.revenue']
    : ['column.customerId', 'column.segment', 'column.revenue'];
  const rows = items.map((item) =>
    'from' in item
      ? [
          item.id,
          segmentName(item.from, locale, names),
          segmentName(item.to, locale, names),
          money(item.revenue, currency, locale),
        ]
      : [item.id, segmentName(item.segment, locale, names), money(item.revenue, currency, locale)],
  );
  // Id as the row header, segment names as text, revenue as a number.
  const cell = (x: string, i: number, last: number): string =>
    i === 0 ? `<th scope="row">${esc(x)}</th>` : i === last ? `<td>${esc(x)}</td>` : `<td class="text">${esc(x)}</td>`;
  return `<div class="list"><h3>${esc(title)}</h3><table class="num"><thead><tr>${head.map((h) => `<th scope="col">${L(h as LabelKey, locale)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((x, i) => cell(x, i, r.length - 1)).join('')}</tr>`).join('')}</tbody></table></div>`;
}

function migrationSection(model: ReportModel): string {
  const { locale } = model;
  const migration = model.migration!;
  const { counts } = migration.data;
  const heatmap = model.charts.find((c) => c.id === 'migration');
  const summary = L('report.migration.summary', locale, {
    retained: int(counts.retained),
    stayed: int(counts.stayed),
    upgraded: int(counts.upgraded),
    downgraded: int(counts.downgraded),
    moved: int(counts.moved),
    new: int(counts.new),
    lost: int(counts.lost),
  });
  return `<section id="migration"><h2>${L('chart.migration.title', locale)}</h2><p>${L('report.migration.snapshots', locale, { before: migration.beforeName, after: migration.afterName })} ${summary}</p>${heatmap ? figure(heatmap) : ''}<div class="lists">${[
    customerList(label('report.upgrades', locale), migration.data.upgrades, locale, model.names, model.result.currency),
    customerList(
      label('report.downgrades', locale),
      migration.data.downgrades,
      locale,
      model.names,
      model.result.currency,
    ),
    customerList(
      label('report.newCustomers', locale),
      migration.data.newCustomers,
      locale,
      model.names,
      model.result.currency,
    ),
    customerList(
      label('report.lostCustomers', locale),
      migration.data.lostCustomers,
      locale,
      model.names,
      model.result.currency,
    ),
  ].join('')}</div></section>`;
}

function cleaningSection(model: ReportModel): string {
  const { locale } = model;
  const blocks = model.reports.map(({ name, report }) => {
    const counts = (Object.entries(report.counts) as [string, number][]).sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    );
    if (counts.length === 0) return `<h3>${esc(name)}</h3><p class="note">${L('report.noIssues', locale)}</p>`;
    const first = (code: string): string => {
      const issue = report.issues.find((i) => i.code === code);
      return issue ? formatIssue(issue, locale) : '';
    };
    const rows = counts
      .map(
        ([code, n]) =>
          `<tr><td class="text">${locale === 'en' ? `<code>${esc(code)}</code>` : L(`issue.${code}` as LabelKey, locale)}</td><td>${int(n)}</td><td class="text">${esc(first(code))}</td></tr>`,
      )
      .join('');
    return `<h3>${esc(name)}</h3><table class="num cleaning"><thead><tr><th scope="col">${L('column.issue', locale)}</th><th scope="col">${L('column.issues', locale)}</th><th scope="col">${L('column.message', locale)}</th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  return `<section id="cleaning"><h2>${L('report.cleaning', locale)}</h2>${blocks.join('')}</section>`;
}

/** SPEC §8 Table 4 客户细分模型构建步骤表 as filled by the run: silhouette and inertia per K, the K kept, centroids in original units. */
function clusterSection(model: ReportModel): string {
  const detail = model.result.scheme.detail;
  if (detail?.kind !== 'kmeans') return '';
  const { locale } = model;
  const { report } = detail;
  const sil = (x: number | null): string => (x === null ? '–' : x.toFixed(3));
  const candidates = report.candidates
    .map(
      (c) =>
        `<tr${c.k === report.k ? ' class="chosen"' : ''}><td>${c.k}</td><td>${sil(c.silhouette)}</td><td>${dec(c.inertia)}</td><td>${c.k === report.k ? '✓' : ''}</td></tr>`,
    )
    .join('');
  const clusters = report.clusters
    .map(
      (p) =>
        `<tr><td>${p.id}</td><th scope="row">${esc(p.labels[locale])}</th><td>${int(p.size)}</td><td>${pct(p.share)}</td><td>${dec(p.centroid.recencyDays)}</td><td>${dec(p.centroid.frequency)}</td><td>${money(p.centroid.monetary, model.result.currency, locale)}</td><td>${p.revenueShare === null ? '–' : pct(p.revenueShare)}</td><td>${sil(p.silhouette)}</td></tr>`,
    )
    .join('');
  return `<section id="clusters"><h2>${L('report.kmeans', locale)}</h2>
<p>${L('report.kmeans.chosen', locale, { k: report.k, choice: report.kChoice, silhouette: sil(report.silhouette), scored: int(report.silhouetteScored) })}</p>
<div class="scroll"><table><thead><tr><th>K</th><th>${L('report.kmeans.silhouette', locale)}</th><th>${L('report.kmeans.inertia', locale)}</th><th></th></tr></thead><tbody>${candidates}</tbody></table></div>
<div class="scroll"><table><thead><tr><th>${L('column.clusterNo', locale)}</th><th>${L('column.segment', locale)}</th><th>${L('column.count', locale)}</th><th>${L('column.share', locale)}</th><th>R</th><th>F</th><th>M</th><th>${L('column.revenueShare', locale)}</th><th>${L('report.kmeans.silhouette', locale)}</th></tr></thead><tbody>${clusters}</tbody></table></div></section>`;
}

/** The owner's name as a heading: the person, "No account manager", or "All customers" without an owner column. */
function ownerName(owner: string | null, locale: Locale): string {
  return owner === null
    ? label('report.week.everyone', locale)
    : owner === ''
      ? label('report.week.no-owner', locale)
      : owner;
}

/**
 * The report's first section (issue 13): per owner the top at-risk customers
 * with the value at risk and the suggested action, then the strategy groups
 * with their goal and KPI. A suggested action shared by consecutive
 * customers is written once, spanning their rows.
 */
function weeklySection(model: ReportModel): string {
  const { locale, weekly } = model;
  const { currency } = model.result;
  const valueHeader = L(
    weekly.basis === 'expected-loss' ? 'report.week.expected-loss' : 'report.week.value-at-risk',
    locale,
  );
  const groupName = (g: number): string => label(`group.${STRATEGY_GROUPS[g]!}` as LabelKey, locale);
  const owners = weekly.owners
    .map((o) => {
      const head = `<h3>${esc(ownerName(o.owner, locale))}</h3><p class="note">${L(
        'report.week.owner-summary',
        locale,
        {
          atRisk: int(o.atRisk),
          customers: int(o.customers),
          value: money(o.valueAtRisk, currency, locale),
        },
      )} · ${L('report.week.owner-groups', locale, {
        groups: o.groupCounts.map((n, g) => `${groupName(g)} ${int(n)}`).join(locale === 'zh-CN' ? '，' : ', '),
      })}</p>`;
      if (o.top.length === 0)
        return `<div class="owner">${head}<p class="note">${L('report.week.none', locale)}</p></div>`;
      const rows = o.top.map((c, i) => {
        // Rows with the same action share one cell, so the action is read once.
        let span = 0;
        if (i === 0 || o.top[i - 1]!.action !== c.action) {
          span = 1;
          while (i + span < o.top.length && o.top[i + span]!.action === c.action) span++;
        }
        const who = c.name ? `${c.customerId} · ${c.name}` : c.customerId;
        const actionCell =
          span > 0 ? `<td class="text action"${span > 1 ? ` rowspan="${span}"` : ''}>${esc(c.action)}</td>` : '';
        return `<tr><th scope="row">${esc(who)}</th><td class="text">${esc(c.segment)}</td><td>${Number.isFinite(c.probability) ? pct(c.probability) : '–'}</td><td>${c.valueAtRisk > 0 ? money(c.valueAtRisk, currency, locale) : '–'}</td>${actionCell}</tr>`;
      });
      const more =
        o.atRisk > o.top.length
          ? `<p class="note">${L('report.week.more', locale, { count: int(o.atRisk - o.top.length) })}</p>`
          : '';
      return `<div class="owner">${head}<table class="num todo"><thead><tr><th scope="col">${L('report.week.customer', locale)}</th><th scope="col">${L('column.segment', locale)}</th><th scope="col">${L('column.churnProbability', locale)}</th><th scope="col">${valueHeader}</th><th scope="col">${L('report.week.action', locale)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}</div>`;
    })
    .join('');
  const groups = weekly.groups
    .map(
      (g) =>
        `<tr data-group="${esc(g.group)}"><th scope="row">${L(`group.${g.group}` as LabelKey, locale)}</th><td>${int(g.customers)}</td><td>${int(g.atRisk)}</td><td class="text">${esc(g.goal)}</td><td class="text">${esc(g.kpi)}</td><td class="text">${esc(g.measures)}</td><td>${esc(g.dueDate || '–')}</td></tr>`,
    )
    .join('');
  const ungrouped =
    weekly.ungrouped > 0 ? ` ${L('report.week.ungrouped', locale, { count: int(weekly.ungrouped) })}` : '';
  return `<section id="this-week"><h2>${L('report.week.title', locale)}</h2><p>${L('report.week.intro', locale)}</p><p class="note">${L(
    weekly.basis === 'expected-loss' ? 'report.week.basis.expected-loss' : 'report.week.basis.yearly-spend',
    locale,
  )} ${L('report.week.masked', locale)}</p><p class="note">${esc(model.result.churn.definition(locale))}</p><div class="owners">${owners}</div><h3>${L('report.week.groups', locale)}</h3><div class="scroll"><table class="num groups" id="strategy-groups"><thead><tr><th scope="col">${L('column.strategyGroup', locale)}</th><th scope="col">${L('column.count', locale)}</th><th scope="col">${L('column.churnRisk', locale)}</th><th scope="col">${L('column.strategyGoal', locale)}</th><th scope="col">${L('column.kpi', locale)}</th><th scope="col">${L('report.week.action', locale)}</th><th scope="col">${L('report.week.next-due', locale)}</th></tr></thead><tbody>${groups}</tbody></table></div><p class="note">${L('report.week.groups.note', locale)}${ungrouped}</p></section>`;
}

const figure = (chart: RenderedChart): string =>
  `<figure class="chart chart-${esc(chart.id)}" data-chart="${esc(chart.id)}">${chart.svg}</figure>`;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1f2328;font:14px/1.45 "DejaVu Sans","Noto Sans","Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:1180px;margin:0 auto;padding:24px}
header h1{margin:0 0 4px;font-size:26px}
.meta{color:#57606a;margin:0}
section{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:16px 20px;margin:20px 0}
h2{font-size:19px;margin:0 0 12px}
h3{font-size:15px;margin:18px 0 8px}
.kpis{display:flex;flex-wrap:wrap;gap:12px;margin:0;padding:0;list-style:none}
.kpis li{flex:1 1 160px;border:1px solid #d8dee4;border-radius:6px;padding:10px 14px}
.kpis b{display:block;font-size:22px}
.kpis span{color:#57606a;font-size:12px}
table{border-collapse:collapse;font-size:12.5px;margin:4px 0}
th,td{border:1px solid #e1e4e8;padding:4px 8px;vertical-align:top}
thead th{background:#f6f8fa;text-align:center}
tbody th,tfoot th{text-align:left;white-space:nowrap;font-weight:600}
table.num td{text-align:right;white-space:nowrap}
table.num td.text{text-align:left;white-space:normal;color:#3d444d}
tr.total td,tr.total th,tfoot td,tfoot th{background:#f6f8fa;font-weight:600}
td b,td i,td small{display:block;font-style:normal}
td i{color:#24292f;font-size:11px}
td small{color:#57606a;font-size:10.5px}
.scroll{overflow-x:auto}
.charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
figure.chart{margin:0;padding:8px;border:1px solid #eaeef2;border-radius:6px;background:#fff;overflow-x:auto;max-width:100%}
figure.chart svg{display:block;max-width:100%;height:auto}
.lists{display:flex;flex-wrap:wrap;gap:16px}
.list{flex:1 1 260px}
.list td.text{white-space:nowrap}
.owners{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:4px 20px}
.owner h3{margin:12px 0 2px}
.owner p.note{margin:0 0 6px}
table.todo td.action{vertical-align:middle;max-width:300px}
table.todo td.text:not(.action){white-space:nowrap}
table.groups td.text{max-width:260px}
.note{color:#57606a;font-size:12.5px}
ul.notes{margin:0;padding-left:20px}
footer{color:#57606a;font-size:12px;text-align:center;margin:12px 0 24px}
`;

/**
 * The self-contained HTML report (SPEC §9 visual report): inline CSS and SVG
 * only — no script, no external resource (a CSP meta tag forbids both), so
 * it opens offline and mails as one file. Every label comes from the i18n
 * table in the model's locale; data text is escaped.
 */
export function buildReportHtml(model: ReportModel): string {
  const { locale, result } = model;
  const title = label('report.title', locale);
  const shape = label(
    result.plan.shape === 'transactions' ? 'report.shape.transactions' : 'report.shape.customers',
    locale,
  );
  const meta = [
    `${L('report.file', locale)}: ${esc(model.file)} (${esc(shape)})`,
    `${L('report.scheme', locale)}: ${esc(result.options.schemeChoice.id)}`,
    `${L('report.asOf', locale)}: ${esc(result.asOf || '–')}`,
    `${L('report.generated', locale)}: ${esc(model.generated)}`,
  ].join(' · ');
  const kpis: [string, string][] = [
    [int(result.quality.customers), label('column.count', locale)],
    [money(model.total.revenue, result.currency, locale), label('column.revenue', locale)],
    [
      `${int(result.churn.atRiskCount)} (${pct(result.quality.customers > 0 ? result.churn.atRiskCount / result.quality.customers : Number.NaN)})`,
      label('column.churnRisk', locale),
    ],
    [`${int(result.quality.scored)} (${pct(result.quality.coverage)})`, label('report.scored', locale)],
    ...(result.quality.matchRate === undefined
      ? []
      : ([[pct(result.quality.matchRate), label('report.matchRate', locale)]] as [string, string][])),
  ];
  const summaryCharts = model.charts.filter((c) => c.id !== 'migration');
  return `<!DOCTYPE html>
<html lang="${esc(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Tierline">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><h1>${esc(title)}</h1><p class="meta">${meta}</p></header>
${weeklySection(model)}
<section id="summary"><h2>${L('report.summary', locale)}</h2><ul class="kpis">${kpis.map(([value, name]) => `<li><b>${esc(value)}</b><span>${esc(name)}</span></li>`).join('')}</ul></section>
<section id="churn"><h2>${L('summary.churn', locale)}</h2>${churnSummaryLines(
    result.churn,
    result.quality.customers,
    locale,
  )
    .map((line) => `<p class="note">${esc(line)}</p>`)
    .join('')}</section>
<section id="segments"><h2>${L('report.segments', locale)}</h2><div class="scroll">${segmentTable(model)}</div></section>
<section id="charts"><h2>${L('report.charts', locale)}</h2><div class="charts">${summaryCharts.map(figure).join('\n')}</div></section>
${clusterSection(model)}
${model.migration ? migrationSection(model) : ''}
${model.crossTabs.length > 0 ? `<section id="cross-tabs"><h2>${L('report.crossTabs', locale)}</h2><p class="note">${L('report.crossTab.note', locale)}</p>${model.crossTabs.map((t) => crossTabTable(t, locale, model.names)).join('')}</section>` : ''}
${model.matrix ? matrixSection(model.matrix, locale, model.names, result.currency) : ''}
${cleaningSection(model)}
<section id="notes"><h2>${L('report.notes', locale)}</h2><ul class="notes">${model.notes.map((n) => `<li>${esc(formatNote(n, locale))}</li>`).join('')}</ul></section>
<footer>${L('report.footer', locale)}</footer>
</main>
</body>
</html>
`;
}
