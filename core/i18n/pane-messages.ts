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
  'pane.asOf': ['Analysis date', '分析日期'],
  'pane.asOfHint': ['Empty: the day after the newest purchase.', '留空：最近一次购买的次日。'],
  'pane.locale': ['Language of the results', '结果语言'],
  'pane.k': ['Clusters for k-means (empty: automatic, K = 2…8)', 'k-means聚类数（留空：自动，K = 2…8）'],
  'pane.advanced': ['Advanced options', '高级选项'],
  'pane.thresholds': ['Thresholds of this scheme (empty: the default shown)', '本方案的阈值（留空：使用显示的默认值）'],
  'pane.noThresholds': ['This scheme has no thresholds to set here.', '此方案没有可在此设置的阈值。'],
  'pane.rangeMin': ['{field} from', '{field}下限'],
  'pane.rangeMax': ['{field} to', '{field}上限'],
  'pane.recencyMonths': ['Months since the last purchase', '距最近一次购买的月数'],
  'pane.unitIndustryMean': ['× industry mean order value', '× 行业平均客单价'],
  'pane.slaTitle': ['Response SLA (hours)', '响应时限（小时）'],
  'pane.weightsTitle': ['Indicator group weights (they sum to 1)', '指标组权重（合计为1）'],
  'pane.otherSettings': [
    '{count} more settings stored in this workbook are kept and used.',
    '本工作簿中另存的{count}项设置将保留并生效。',
  ],
  'pane.configDocs': [
    'Tag thresholds, sub-tiers, scorecard indicators and other settings:',
    '标签阈值、子层级、评分卡指标等其他设置：',
  ],
  'pane.configDocsLink': ['config file reference', '配置文件说明'],
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
  // Remove Tierline results (addin/excel/remove-results.ts) and the undo story
  'pane.remove': ['Remove Tierline results', '删除Tierline结果'],
  'pane.removing': ['Removing…', '正在删除…'],
  'pane.undoNote': [
    'Excel cannot undo a whole Tierline run: Ctrl+Z does not take back what an add-in wrote. To take the results out, click Remove Tierline results: it removes exactly the columns, colours, table and sheets Tierline added, and nothing else.',
    'Excel无法撤销整次Tierline运行：Ctrl+Z无法撤回插件写入的内容。如需去掉结果，请点击“删除Tierline结果”：它只删除Tierline添加的列、颜色、表格和工作表，其他内容不受影响。',
  ],
  'pane.removed': [
    'Removed {columns} result columns and {sheets} sheets that Tierline wrote. Your data is unchanged.',
    '已删除Tierline写入的{columns}个结果列和{sheets}个工作表。您的数据未改变。',
  ],
  'pane.nothingToRemove': [
    'This workbook holds no Tierline results to remove.',
    '此工作簿中没有可删除的Tierline结果。',
  ],
  'pane.keptChanged': [
    'The columns at {address} were left in place: their headers are no longer the ones Tierline wrote, so they are yours now.',
    '{address}处的列已保留：其表头已不是Tierline写入的内容，视为您的数据。',
  ],
  'pane.errorTableOverlap': [
    'The data and its result columns ({target}) would overlap the Excel table "{table}". Move that table or your data apart, then click Segment again. Nothing was changed.',
    '数据及其结果列（{target}）将与Excel表格“{table}”重叠。请将该表格与您的数据分开，然后再次点击“细分”。未做任何更改。',
  ],
  'pane.tableSkipped': [
    'The header row {address} has empty, repeated or non-text names, so Tierline did not make the range an Excel table (Excel would rename them). Select the data and the result columns together before you sort or filter.',
    '表头行{address}中有空白、重复或非文本的列名，因此Tierline未将该区域转换为Excel表格（Excel会重命名这些列名）。排序或筛选前，请同时选中数据和结果列。',
  ],
  // Why the add-in stopped before changing the workbook (addin/excel/addin-error.ts)
  'pane.error.empty-selection': [
    'The selected cell {address} is empty and has no data around it. Select a cell inside your customer table (or the whole table), then click Segment.',
    '所选单元格{address}为空，周围也没有数据。请选中客户表中的任一单元格（或整个表格），再点击“细分”。',
  ],
  'pane.error.header-only': [
    'The table {address} has a header row but no data rows below it. Add the customer or order rows, then click Segment.',
    '表格{address}只有表头，下面没有数据行。请添加客户或订单数据后再点击“细分”。',
  ],
  'pane.error.missing-columns': [
    'Tierline could not find these columns: {missing}. Choose the matching column for each under "Column mapping", then click Segment again.',
    'Tierline未找到以下列：{missing}。请在“列映射”中为每项选择对应的列，然后再次点击“细分”。',
  ],
  'pane.error.merged-cells': [
    'The table {address} contains merged cells ({areas}). Unmerge them (Home › Merge & Center › Unmerge Cells) so every row has its own values, then click Segment again.',
    '表格{address}中有合并单元格（{areas}）。请取消合并（开始 › 合并后居中 › 取消单元格合并），使每行都有自己的值，然后再次点击“细分”。',
  ],
  'pane.error.too-many-rows': [
    'The table {address} has {rows} data rows; the add-in reads at most {max}. Split the sheet, or run the tierline command line on the exported file (tierline segment <file>), which streams any size.',
    '表格{address}有{rows}行数据，插件最多读取{max}行。请拆分工作表，或导出文件后使用tierline命令行（tierline segment <文件>），它可处理任意大小。',
  ],
  'pane.error.sheet-protected': [
    'The sheet "{sheet}" is protected, so Tierline cannot add its columns. Unprotect it (Review › Unprotect Sheet), then click Segment again.',
    '工作表“{sheet}”受保护，Tierline无法添加结果列。请撤销保护（审阅 › 撤消工作表保护），然后再次点击“细分”。',
  ],
  'pane.error.workbook-protected': [
    'The workbook structure is protected, so Tierline cannot add the "{summary}" sheet. Unprotect it (Review › Protect Workbook), then click Segment again.',
    '工作簿结构受保护，Tierline无法添加“{summary}”工作表。请撤销保护（审阅 › 保护工作簿），然后再次点击“细分”。',
  ],
  'pane.error.sheet-name-taken': [
    'This workbook already has a sheet named "{sheet}" that Tierline did not create. Rename or delete that sheet, then click Segment again. Nothing was changed.',
    '此工作簿中已有一个名为“{sheet}”的工作表，且不是Tierline创建的。请重命名或删除该工作表，然后再次点击“细分”。未做任何更改。',
  ],
  'pane.error.target-occupied': [
    'Tierline writes its {count} result columns to {target}, but {cells} already hold data that Tierline did not write. Move that data, or insert empty columns right of the table, then click Segment again. Nothing was changed.',
    'Tierline需要将{count}个结果列写入{target}，但{cells}中已有非Tierline写入的数据。请移走这些数据，或在表格右侧插入空列，然后再次点击“细分”。未做任何更改。',
  ],
  'pane.error.no-room': [
    'There is no room for {count} result columns right of the table {address}: a sheet ends at column XFD. Move the table left or onto a new sheet, then click Segment again.',
    '表格{address}右侧没有足够空间容纳{count}个结果列（工作表最后一列为XFD）。请将表格左移或移到新工作表，然后再次点击“细分”。',
  ],
  'pane.error.summary-sheet-selected': [
    'The selection is on a sheet Tierline wrote ("{sheet}"). Select a cell in your own customer table, then click Segment.',
    '所选区域位于Tierline生成的工作表（“{sheet}”）。请选中您自己的客户表中的单元格，再点击“细分”。',
  ],
  'pane.error.invalid-options': ['The settings are not valid: {problems}', '设置无效：{problems}'],
  'pane.error.excel-failed': [
    'Excel stopped the write ({detail}). Tierline removed the columns it had started to write; your data is unchanged. Try again, or select a smaller table.',
    'Excel中止了写入（{detail}）。Tierline已删除已开始写入的列，您的数据未改变。请重试，或选择较小的表格。',
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
  'sheet.legend': ['Segment colours', '群体颜色'],
} as const satisfies Record<string, readonly [en: string, zh: string]>;
