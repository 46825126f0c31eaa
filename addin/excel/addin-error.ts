import { label, type LabelKey, type Locale } from '../../core/index.js';

type Entry = readonly [en: string, zh: string];

/** A message kept in the one catalogue (core/i18n), as an entry of this table. */
const fromCatalogue = (key: LabelKey): Entry => [label(key, 'en'), label(key, 'zh-CN')];

/**
 * What the add-in tells the analyst when it stops before writing anything.
 * Every message says what was found and what to do next.
 */
const MESSAGES = {
  'empty-selection': [
    'The selected cell {address} is empty and has no data around it. Select a cell inside your customer table (or the whole table), then click Segment.',
    '所选单元格{address}为空，周围也没有数据。请选中客户表中的任一单元格（或整个表格），再点击“细分”。',
  ],
  'header-only': [
    'The table {address} has a header row but no data rows below it. Add the customer or order rows, then click Segment.',
    '表格{address}只有表头，下面没有数据行。请添加客户或订单数据后再点击“细分”。',
  ],
  'missing-columns': [
    'Tierline could not find these columns: {missing}. Choose the matching column for each under "Column mapping", then click Segment again.',
    'Tierline未找到以下列：{missing}。请在“列映射”中为每项选择对应的列，然后再次点击“细分”。',
  ],
  'merged-cells': [
    'The table {address} contains merged cells ({areas}). Unmerge them (Home › Merge & Center › Unmerge Cells) so every row has its own values, then click Segment again.',
    '表格{address}中有合并单元格（{areas}）。请取消合并（开始 › 合并后居中 › 取消单元格合并），使每行都有自己的值，然后再次点击“细分”。',
  ],
  'too-many-rows': [
    'The table {address} has {rows} data rows; the add-in reads at most {max}. Split the sheet, or run the tierline command line on the exported file (tierline segment <file>), which streams any size.',
    '表格{address}有{rows}行数据，插件最多读取{max}行。请拆分工作表，或导出文件后使用tierline命令行（tierline segment <文件>），它可处理任意大小。',
  ],
  'sheet-protected': [
    'The sheet "{sheet}" is protected, so Tierline cannot add its columns. Unprotect it (Review › Unprotect Sheet), then click Segment again.',
    '工作表“{sheet}”受保护，Tierline无法添加结果列。请撤销保护（审阅 › 撤消工作表保护），然后再次点击“细分”。',
  ],
  'workbook-protected': [
    'The workbook structure is protected, so Tierline cannot add the "{summary}" sheet. Unprotect it (Review › Protect Workbook), then click Segment again.',
    '工作簿结构受保护，Tierline无法添加“{summary}”工作表。请撤销保护（审阅 › 保护工作簿），然后再次点击“细分”。',
  ],
  'sheet-name-taken': [
    'This workbook already has a sheet named "{sheet}" that Tierline did not create. Rename or delete that sheet, then click Segment again. Nothing was changed.',
    '此工作簿中已有一个名为“{sheet}”的工作表，且不是Tierline创建的。请重命名或删除该工作表，然后再次点击“细分”。未做任何更改。',
  ],
  'target-occupied': [
    'Tierline writes its {count} result columns to {target}, but {cells} already hold data that Tierline did not write. Move that data, or insert empty columns right of the table, then click Segment again. Nothing was changed.',
    'Tierline需要将{count}个结果列写入{target}，但{cells}中已有非Tierline写入的数据。请移走这些数据，或在表格右侧插入空列，然后再次点击“细分”。未做任何更改。',
  ],
  'no-room': [
    'There is no room for {count} result columns right of the table {address}: a sheet ends at column XFD. Move the table left or onto a new sheet, then click Segment again.',
    '表格{address}右侧没有足够空间容纳{count}个结果列（工作表最后一列为XFD）。请将表格左移或移到新工作表，然后再次点击“细分”。',
  ],
  'summary-sheet-selected': [
    'The selection is on a sheet Tierline wrote ("{sheet}"). Select a cell in your own customer table, then click Segment.',
    '所选区域位于Tierline生成的工作表（“{sheet}”）。请选中您自己的客户表中的单元格，再点击“细分”。',
  ],
  'invalid-options': ['The settings are not valid: {problems}', '设置无效：{problems}'],
  'table-overlap': fromCatalogue('pane.errorTableOverlap'),
  'excel-failed': [
    'Excel stopped the write ({detail}). Tierline removed the columns it had started to write; your data is unchanged. Try again, or select a smaller table.',
    'Excel中止了写入（{detail}）。Tierline已删除已开始写入的列，您的数据未改变。请重试，或选择较小的表格。',
  ],
} as const satisfies Record<string, Entry>;

export type AddinErrorCode = keyof typeof MESSAGES;

/** The message of `code` in `locale`, `{name}` placeholders filled. */
export function formatAddinMessage(
  code: AddinErrorCode,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const entry: Entry = MESSAGES[code];
  let text = locale === 'zh-CN' ? entry[1] : entry[0];
  for (const [name, value] of Object.entries(params))
    text = text.replaceAll(`{${name}}`, typeof value === 'number' ? value.toLocaleString('en-US') : value);
  return text;
}

/**
 * A reason the add-in stopped before changing the workbook (or, for
 * `excel-failed`, after undoing its own partial write). `fields` names the
 * unmapped fields for `missing-columns`, so the pane can ask for them.
 */
export class AddinError extends Error {
  constructor(
    readonly code: AddinErrorCode,
    message: string,
    readonly fields: readonly string[] = [],
  ) {
    super(message);
    this.name = 'AddinError';
  }
}

/** Builds the AddinError of `code` in `locale`. */
export function createAddinError(
  code: AddinErrorCode,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
  fields: readonly string[] = [],
): AddinError {
  return new AddinError(code, formatAddinMessage(code, locale, params), fields);
}
