/**
 * Cleaning issues and run notes (issue 14: one catalogue). `issue.<code>` names
 * every stable issue code for a reader (a zh-CN user never reads the code
 * itself); `clean.*` and `note.*` are the sentences with their parameters.
 */
export const ISSUE_MESSAGES = {
  // One name per IssueCode (core/report/cell-issue.ts); a test keeps them complete.
  'issue.duplicate-id': ['Duplicate customer ID', '客户ID重复'],
  'issue.id-unified': ['Customer ID unified', '客户ID已统一'],
  'issue.amount-filled': ['Amount filled in', '金额已补全'],
  'issue.contact-missing': ['Contact missing', '缺少联系方式'],
  'issue.registration-date-filled': ['Registration date filled in', '注册日期已补全'],
  'issue.logins-zero': ['Logins set to 0', '登录次数记为0'],
  'issue.refund-excluded': ['Refund excluded', '退款已排除'],
  'issue.frequency-over-limit': ['Frequency over the limit', '消费频次超出上限'],
  'issue.complaint-merged': ['Complaints merged', '投诉已合并'],
  'issue.contact-invalid': ['Invalid contact', '联系方式无效'],
  'issue.date-normalized': ['Date normalised', '日期已规范化'],
  'issue.industry-unrecognized': ['Industry not recognised', '行业无法识别'],
  'issue.text-normalized': ['Text normalised', '文本已规范化'],
  'issue.amount-outlier': ['Amount outlier', '金额异常值'],
  'issue.spend-mismatch': ['Spend does not match', '消费金额不一致'],
  'issue.missing-id': ['Customer ID missing', '缺少客户ID'],
  'issue.duplicate-transaction': ['Duplicate transaction', '重复交易'],
  'issue.invalid-date': ['Invalid date', '日期无效'],
  'issue.ambiguous-date': ['Ambiguous date', '日期有歧义'],
  'issue.future-date': ['Date in the future', '日期晚于今天'],
  'issue.invalid-number': ['Invalid number', '数值无效'],
  'issue.ambiguous-number': ['Ambiguous number', '数值有歧义'],
  'issue.negative-value': ['Negative value', '负值'],
  'issue.formula-error': ['Formula error', '公式错误'],
  'issue.mixed-types': ['Mixed types', '类型混杂'],
  'issue.negative-spend': ['Negative spend', '消费金额为负'],
  'issue.missing-value': ['Value missing', '缺少数值'],
  'issue.invalid-column': ['Unusable column', '整列无法使用'],
  'issue.after-as-of': ['After the analysis date', '晚于分析日期'],
  'issue.no-purchases': ['No purchases', '没有购买记录'],
  'issue.refund-only': ['Refunds only', '只有退款'],
  'issue.refund-in-order': ['Refund inside an order', '订单内退款'],
  'issue.mixed-currency': ['Mixed currencies', '货币混杂'],
  'issue.no-variation': ['No variation', '数值无差异'],
  'issue.empty-file': ['Empty file', '文件为空'],
  'issue.header-only': ['Header only', '只有表头'],
  'issue.missing-columns': ['Columns missing', '缺少列'],
  'issue.ambiguous-column': ['Ambiguous column', '列有歧义'],
  'issue.unsupported-file': ['Unsupported file', '不支持的文件'],
  'issue.too-many-columns': ['Too many columns', '列数过多'],
  'issue.no-customers': ['No customers', '没有客户'],
  // A cell issue without its own sentence: where, what was there, and the issue's name.
  'issue.cell': ['{column}, row {row}: {name} ("{value}")', '{column}列第{row}行：{name}（“{value}”）'],
  'issue.cell-empty': ['{column}, row {row}: {name}', '{column}列第{row}行：{name}'],
  'issue.row': ['Row {row}: {name}', '第{row}行：{name}'],
  'issue.file': ['{name}', '{name}'],
  // Cell reading (core/clean/read-cell.ts, check-date.ts): "{where}: "{value}" {reason}{then}."
  'clean.cell': ['Row {row}, {column}: "{value}" {reason}{then}.', '第{row}行「{column}」：“{value}”{reason}{then}。'],
  'clean.then.row-excluded': ['; row excluded', '，该行已排除'],
  'clean.then.treated-as-empty': ['; treated as empty', '，按空值处理'],
  'clean.not-a-date': ['is not a date', '不是日期'],
  'clean.formula-error': ['is a formula error', '是公式错误'],
  'clean.placeholder-date': ['is a placeholder date, not a real one', '是占位日期，不是真实日期'],
  'clean.impossible-date': ['is not a real calendar date', '不是真实存在的日期'],
  'clean.ambiguous-date': [
    'could be day/month or month/day; set the date order (--date-order dmy or mdy)',
    '可能是日/月也可能是月/日；请指定日期顺序（--date-order dmy 或 mdy）',
  ],
  'clean.before-floor': [
    'is before the date floor {floor} (set --date-floor to accept older dates)',
    '早于日期下限{floor}（如需接受更早的日期，请设置 --date-floor）',
  ],
  'clean.future-date': ['is in the future (after today {today})', '晚于今天（{today}）'],
  'clean.ambiguous-number': [
    'could be a decimal point or a thousands separator and no other cell of the column tells; set the decimal mark (--decimal . or --decimal ,)',
    '可能是小数点也可能是千位分隔符，且该列其他单元格无法判断；请指定小数点（--decimal . 或 --decimal ,）',
  ],
  'clean.not-a-number-comma': [
    'is not a number written with a decimal comma like the rest of the column',
    '不是与该列其他单元格一样以逗号为小数点的数字',
  ],
  'clean.not-a-number': ['is not a number', '不是数字'],
  'clean.negative-rate': ['is negative, impossible for a rate', '为负数，比率不可能为负'],
  'clean.negative-days': ['is negative, impossible for a number of days', '为负数，天数不可能为负'],
  'clean.negative-count': ['is negative, impossible for a count', '为负数，次数不可能为负'],
  // core/clean/format-tally.ts
  'clean.dates-normalized': [
    '{column}: {count} {dates} written as {format} read as YYYY-MM-DD (first at row {row}: "{value}").',
    '{column}：{count}个写作{format}的{dates}已按YYYY-MM-DD读取（首次出现在第{row}行：“{value}”）。',
  ],
  'clean.format.excel-serial': ['Excel serial number', 'Excel序列号'],
  'clean.date': ['date', '日期'],
  'clean.dates': ['dates', '日期'],
  // Fatal table problems (core/headers/detect-columns.ts, core/features/accumulate-*.ts)
  'clean.no-headers': ['Row {row} has no column headers.', '第{row}行没有列标题。'],
  'clean.missing-columns': [
    'Cannot read this as a {kind} table: missing {missing}. Found: {found}. Name the columns with a mapping, e.g. --map "{field}=<header>".',
    '无法读取为{kind}表：缺少{missing}。已找到：{found}。请用列映射指定列，例如 --map "{field}=<列名>"。',
  ],
  'clean.table.customer': ['customer', '客户'],
  'clean.table.transaction': ['transaction', '交易'],
  'clean.table.customer-attribute': ['customer attribute', '客户属性'],
  'clean.verbatim': ['{text}', '{text}'],
  'clean.need.customerId': ['customer ID (客户ID)', '客户ID'],
  'clean.need.orderDate': ['order date (购买日期)', '购买日期'],
  'clean.need.orderAmount': ['amount (消费金额), or quantity (数量) × unit price (单价)', '消费金额，或 数量 × 单价'],
  'clean.need.lastPurchaseDate': ['last purchase date (最近购买时间) or recency days (R值)', '最近购买时间或R值'],
  'clean.need.historicalFrequency': [
    'frequency (购买频次 / 近6个月消费频次)',
    '购买频次（购买频次 / 近6个月消费频次）',
  ],
  'clean.need.cumulativeSpend': [
    'spend (累计消费 / 近6个月消费金额 / 消费金额)',
    '消费金额（累计消费 / 近6个月消费金额 / 消费金额）',
  ],
  'clean.header-only': ['The table has a header but no data rows.', '表格只有表头，没有数据行。'],
  'clean.no-usable-rows': [
    'None of the {count} data rows could be used; see the cleaning report.',
    '{count}行数据均无法使用；请查看清洗报告。',
  ],
  'clean.no-customer-ids': ['None of the {count} data rows has a customer ID.', '{count}行数据均没有客户ID。'],
  'clean.column-no-date': [
    'Column "{column}": none of the {count} rows has a valid date (row {row}: "{value}"). Check the column mapping or the date format.',
    '「{column}」列：{count}行中没有一个有效日期（第{row}行：“{value}”）。请检查列映射或日期格式。',
  ],
  'clean.column-no-amount': [
    'Column "{column}": none of the {count} rows has a valid amount (row {row}: "{value}"). Check the column mapping.',
    '「{column}」列：{count}行中没有一个有效金额（第{row}行：“{value}”）。请检查列映射。',
  ],
  'clean.column-no-value': [
    'Column "{column}": none of the {count} rows has a valid value (row {row}: "{value}"). Check the column mapping or the format.',
    '「{column}」列：{count}行中没有一个有效数值（第{row}行：“{value}”）。请检查列映射或格式。',
  ],
  // Run notes (core/segment/create-segmenter.ts)
  'note.as-of.given': ['Analysis date {asOf} (given).', '分析日期{asOf}（指定）。'],
  'note.as-of.none': ['No analysis date: recency taken from the recency column.', '无分析日期：最近消费天数取自该列。'],
  'note.as-of.newest-transaction': [
    'Analysis date {asOf}: the day after the newest transaction.',
    '分析日期{asOf}：最近一笔交易的次日。',
  ],
  'note.as-of.newest-purchase': [
    'Analysis date {asOf}: the day after the newest last purchase date.',
    '分析日期{asOf}：最近购买时间中最新一天的次日。',
  ],
  'note.rule-skipped': [
    "{column} column not found: rule '{rule}' skipped.",
    '未找到{column}列：已跳过规则「{rule}」。',
  ],
  'note.no-variation.one': [
    '{name}: every customer has the same value; all score {score}.',
    '{name}：所有客户数值相同，均得{score}分。',
  ],
  'note.no-variation.few': [
    '{name}: only {count} distinct values; scores {scores} used.',
    '{name}：仅有{count}个不同数值，使用得分{scores}。',
  ],
  // The CLI's segment summary (cli/commands/segment.ts formatSummary) and issues file
  'summary.head': [
    '{file}: {shape}, {count} customers, scheme {scheme}, as of {asOf}',
    '{file}：{shape}，{count}位客户，方案{scheme}，分析日期{asOf}',
  ],
  'summary.cleaning-report': ['Cleaning report ({name}): {counts}', '清洗报告（{name}）：{counts}'],
  'summary.no-issues': ['no issues', '无问题'],
  'summary.note': ['Note: {note}', '说明：{note}'],
  'summary.coverage': [
    'Coverage: {scored} of {customers} customers scored ({share}).',
    '覆盖率：{customers}位客户中{scored}位已评分（{share}）。',
  ],
  'summary.coverage-match': [
    'Coverage: {scored} of {customers} customers scored ({share}); {match} of them found in the customer table.',
    '覆盖率：{customers}位客户中{scored}位已评分（{share}）；其中{match}在客户表中找到。',
  ],
  // Churn back-test notes (core/churn/predict-churn.ts)
  'churn.note.refunds-ignored': [
    '{count} orders with a negative value (refunds) are not counted as purchases.',
    '{count}笔金额为负的订单（退款）不计为购买。',
  ],
  'churn.note.future-ignored': [
    '{count} orders on or after the analysis date are ignored.',
    '{count}笔在分析日期当天或之后的订单已忽略。',
  ],
  'churn.note.never-bought': [
    '{count} customers never bought (e.g. refunds only): they are never at risk.',
    '{count}位客户从未购买（例如只有退款）：不计入流失风险。',
  ],
  'churn.note.fallback-cadence': [
    "Churn is judged by the customer's own buying rhythm (cadence) and the rule-based churn rules until the history supports a back-test.",
    '在历史数据足以回测之前，按客户自身的购买节奏和规则判定的流失条件判断流失。',
  ],
  'churn.note.fallback-no-rank': [
    'No candidate could rank on the back-test; cadence and the rule-based churn rules decide.',
    '回测中没有候选模型能够排序；由购买节奏和规则判定的流失条件判断。',
  ],
  'churn.note.no-events': [
    'There are no purchases before the analysis date: nobody can be scored.',
    '分析日期之前没有购买记录：无法为任何客户评分。',
  ],
  'churn.note.short-history': [
    'The history covers {span} days; a back-test with a {horizon}-day horizon needs more than {need} days (two windows).',
    '历史数据仅覆盖{span}天；{horizon}天窗口的回测需要超过{need}天（两个窗口）。',
  ],
  'churn.note.few-customers': [
    'Only {count} customers had bought before the {window} window (at least {min} needed for a back-test).',
    '{window}窗口之前仅有{count}位客户购买过（回测至少需要{min}位）。',
  ],
  'churn.note.few-lapsed': [
    'Only {count} customers lapsed in the {window} window (at least {min} needed).',
    '{window}窗口中仅有{count}位客户流失（至少需要{min}位）。',
  ],
  'churn.note.few-active': [
    'Only {count} customers bought again in the {window} window (at least {min} needed).',
    '{window}窗口中仅有{count}位客户再次购买（至少需要{min}位）。',
  ],
  'churn.note.model-failed': [
    'The churn model could not run ({error}); the rule-based churn rules decide.',
    '流失模型无法运行（{error}）；由规则判定的流失条件判断。',
  ],
  'churn.window.training': ['training', '训练'],
  'churn.window.test': ['test', '测试'],
  'churn.reason.worse-than-chance': [
    'it ranks worse than chance on the back-test (AUC {auc})',
    '回测排序效果不如随机（AUC {auc}）',
  ],
  'churn.degenerate.no-dropout': [
    'the model finds no drop-out, so it cannot say who has stopped buying (a = {a}, b = {b})',
    '模型找不到流失，无法判断谁已停止购买（a = {a}，b = {b}）',
  ],
  'churn.degenerate.parameter-at-bound': [
    'the fit ran to the edge of what is possible ({name} = {value}), so its probabilities mean nothing',
    '拟合跑到了可能取值的边界（{name} = {value}），其概率没有意义',
  ],
  'churn.degenerate.not-converged': ['the fit did not settle on an answer', '拟合未能收敛'],
  'churn.degenerate.no-standard-errors': [
    'the data cannot pin the model down (no standard errors)',
    '数据不足以确定模型（无标准误）',
  ],
  'churn.degenerate.dropout-unidentified': [
    'the model finds no drop-out, so it cannot say who has stopped buying (standard error of {name} ≈ {se}, {name} = {value})',
    '模型找不到流失，无法判断谁已停止购买（{name} 的标准误 ≈ {se}，{name} = {value}）',
  ],
  'churn.degenerate.unidentified': [
    'the data cannot pin the model down (standard error of {name} ≈ {se}, {name} = {value})',
    '数据不足以确定模型（{name} 的标准误 ≈ {se}，{name} = {value}）',
  ],
  'churn.candidate.error': ['{error}', '运行出错：{error}'],
  'churn.candidate.fallback': ['used as the fallback', '作为兜底方案使用'],
  'churn.candidate.fallback-unmeasured': [
    'used as the fallback (no window to measure it on)',
    '作为兜底方案使用（没有可用于衡量的时间窗口）',
  ],
  'churn.candidate.refit-failed': ['refit on the latest window: {reason}', '在最新窗口上重新拟合：{reason}'],
  'churn.status.ok': ['ok', '正常'],
  'churn.status.degenerate': ['degenerate', '退化'],
  'churn.status.not-enough-data': ['not-enough-data', '数据不足'],
  'churn.status.failed': ['failed', '失败'],
} as const satisfies Record<string, readonly [en: string, zh: string]>;
