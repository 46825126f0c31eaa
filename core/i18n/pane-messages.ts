/**
 * Every string the Excel task pane shows (issue 14: one catalogue). Keys are
 * `pane.<id>`; the pane reads them through `formatPaneLabel`, which is `label`.
 */
export const PANE_MESSAGES = {
  'pane.title': ['Tierline', 'Tierline'],
  'pane.intro': [
    'Select your customer table (or any cell in it), check the columns, then click Segment.',
    '选中客户表（或其中任一单元格），核对列映射，然后点击“细分”。',
  ],
  'pane.scheme': ['Scheme', '细分方案'],
  'pane.asOf': ['Analysis date (optional)', '分析日期（可选）'],
  'pane.asOfHint': ['Empty: the day after the newest purchase.', '留空：最近一次购买的次日。'],
  'pane.locale': ['Language of the results', '结果语言'],
  'pane.k': ['Clusters for k-means (empty: automatic, K = 2…8)', 'k-means聚类数（留空：自动，K = 2…8）'],
  'pane.thresholds': ['Threshold overrides (JSON, optional)', '阈值覆盖（JSON，可选）'],
  'pane.thresholdsInvalid': [
    'The threshold overrides are not valid JSON: {detail}',
    '阈值覆盖不是有效的JSON：{detail}',
  ],
  'pane.mapping': ['Column mapping', '列映射'],
  'pane.mappingSource': ['Table {source}: {shape}', '表格{source}：{shape}'],
  'pane.shapeCustomers': ['one row per customer', '每行一位客户'],
  'pane.shapeTransactions': ['one row per order (results go on a new sheet)', '每行一笔订单（结果写入新工作表）'],
  'pane.shapeUnknown': ['columns missing', '缺少列'],
  'pane.field': ['Field', '字段'],
  'pane.column': ['Column', '列'],
  'pane.notFound': ['— not found —', '— 未找到 —'],
  'pane.required': ['required', '必填'],
  'pane.refresh': ['Refresh', '刷新'],
  'pane.segment': ['Segment', '细分'],
  'pane.working': ['Segmenting…', '正在细分…'],
  'pane.done': [
    '{customers} customers segmented with {scheme} (analysis date {asOf}). Results: {target}; summary and charts on "{summary}".',
    '已用{scheme}细分{customers}位客户（分析日期{asOf}）。结果：{target}；汇总与图表见“{summary}”。',
  ],
  'pane.replaced': ['The columns of the previous run were replaced.', '已替换上次运行写入的列。'],
  'pane.summary': ['Segments', '群体'],
  'pane.report': ['Cleaning report', '清洗报告'],
  'pane.noIssues': ['No issues found.', '未发现问题。'],
  'pane.moreIssues': ['{count} more issues are counted above but not listed.', '另有{count}条问题已计数但未列出。'],
  'pane.notes': ['Notes', '说明'],
  'pane.selectCell': ['Select cell {address}', '选中单元格{address}'],
  'pane.noExcel': [
    'Open this pane from Excel: the Tierline button on the Home tab.',
    '请在Excel中通过“开始”选项卡上的Tierline按钮打开此窗格。',
  ],
  // The add-in's summary sheet (addin/excel/write-summary.ts)
  'sheet.summarySheet': ['Tierline Summary', 'Tierline 汇总'],
  'sheet.customersSheet': ['Tierline Customers', 'Tierline 客户'],
  'sheet.strategies': ['Strategies', '维护策略'],
  'sheet.profiles': [
    'Segment profiles (segment mean ÷ mean of all customers; R inverted, so higher = more recent)',
    '群体画像（群体均值 ÷ 全体均值；R取倒数，越大越近期）',
  ],
  'sheet.source': ['Source', '数据来源'],
} as const satisfies Record<string, readonly [en: string, zh: string]>;
