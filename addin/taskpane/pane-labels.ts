import type { Locale } from '../../core/index.js';

type Entry = readonly [en: string, zh: string];

/** Every string the task pane shows (the engine's labels come from core). */
const PANE_LABELS = {
  title: ['Tierline', 'Tierline'],
  intro: ['Select your customer table (or any cell in it), check the columns, then click Segment.', '选中客户表（或其中任一单元格），核对列映射，然后点击“细分”。'],
  scheme: ['Scheme', '细分方案'],
  asOf: ['Analysis date (optional)', '分析日期（可选）'],
  asOfHint: ['Empty: the day after the newest purchase.', '留空：最近一次购买的次日。'],
  locale: ['Language of the results', '结果语言'],
  k: ['Clusters for k-means (empty: automatic, K = 2…8)', 'k-means聚类数（留空：自动，K = 2…8）'],
  thresholds: ['Threshold overrides (JSON, optional)', '阈值覆盖（JSON，可选）'],
  thresholdsInvalid: ['The threshold overrides are not valid JSON: {detail}', '阈值覆盖不是有效的JSON：{detail}'],
  mapping: ['Column mapping', '列映射'],
  mappingSource: ['Table {source}: {shape}', '表格{source}：{shape}'],
  shapeCustomers: ['one row per customer', '每行一位客户'],
  shapeTransactions: ['one row per order (results go on a new sheet)', '每行一笔订单（结果写入新工作表）'],
  shapeUnknown: ['columns missing', '缺少列'],
  field: ['Field', '字段'],
  column: ['Column', '列'],
  notFound: ['— not found —', '— 未找到 —'],
  required: ['required', '必填'],
  refresh: ['Refresh', '刷新'],
  segment: ['Segment', '细分'],
  working: ['Segmenting…', '正在细分…'],
  done: ['{customers} customers segmented with {scheme} (analysis date {asOf}). Results: {target}; summary and charts on "{summary}".', '已用{scheme}细分{customers}位客户（分析日期{asOf}）。结果：{target}；汇总与图表见“{summary}”。'],
  replaced: ['The columns of the previous run were replaced.', '已替换上次运行写入的列。'],
  summary: ['Segments', '群体'],
  report: ['Cleaning report', '清洗报告'],
  noIssues: ['No issues found.', '未发现问题。'],
  moreIssues: ['{count} more issues are counted above but not listed.', '另有{count}条问题已计数但未列出。'],
  notes: ['Notes', '说明'],
  selectCell: ['Select cell {address}', '选中单元格{address}'],
  noExcel: ['Open this pane from Excel: the Tierline button on the Home tab.', '请在Excel中通过“开始”选项卡上的Tierline按钮打开此窗格。'],
} as const satisfies Record<string, Entry>;

export type PaneLabel = keyof typeof PANE_LABELS;

/** The pane string `key` in `locale`, `{name}` placeholders filled. */
export function formatPaneLabel(key: PaneLabel, locale: Locale, params: Readonly<Record<string, string | number>> = {}): string {
  const entry: Entry = PANE_LABELS[key];
  let text = locale === 'zh-CN' ? entry[1] : entry[0];
  for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, typeof value === 'number' ? value.toLocaleString('en-US') : value);
  return text;
}

/** Scheme choices in the pane, with their names (SPEC §5). */
export const SCHEME_CHOICES: readonly { readonly id: string; readonly name: Entry }[] = [
  { id: 'rfm', name: ['RFM: 11 named segments', 'RFM：11个命名群体'] },
  { id: 'rfm8', name: ['RFM: 8 classes (high/low vs mean)', 'RFM：8类（高/低于均值）'] },
  { id: 'rules:a-table5-rules', name: ['Rules: Table 5 tag groups (A)', '规则：表5标签分组（A）'] },
  { id: 'rules:a-step4-rules', name: ['Rules: step 4 segments (A)', '规则：第4步细分（A）'] },
  { id: 'rules:b-rfm-definitions', name: ['Rules: RFM definitions (B)', '规则：RFM定义（B）'] },
  { id: 'rules:b-maintenance-tiers', name: ['Rules: maintenance tiers (B)', '规则：维护层级（B）'] },
  { id: 'kmeans', name: ['k-means on R, F, M (automatic K)', 'k-means聚类（自动K）'] },
  { id: 'c-value-tiers', name: ['Value tiers and response SLA (C)', '价值分层与响应时限（C）'] },
  { id: 'd-grading-scorecard', name: ['Grading scorecard (D)', '评分卡分级（D）'] },
];
