/**
 * The engine's fatal input errors (issue 14: one catalogue): k-means
 * (`error.kmeans.*`), the lifetime models (`error.lifetime.*`), the churn
 * back-test (`error.churn.*`) and gradient boosting (`error.gbdt.*`). Each is
 * raised as a CodedError (core/i18n/coded-error.ts): a stable code for
 * programs, this sentence with its parameters for people. The English is what
 * the errors said before the move.
 */
export const ERROR_MESSAGES = {
  // core/util/parse-options.ts (an entry point's options, validated with zod)
  'error.options.unknown': ['Unknown option {keys}.', '未知选项 {keys}。'],
  'error.options.invalid': ['Option "{option}" {problem}.', '选项 "{option}"：{problem}。'],
  'error.options.date-format': ['must be a date written YYYY-MM-DD', '必须是 YYYY-MM-DD 格式的日期'],
  'error.options.impossible-date': ['is not a real calendar date', '不是真实存在的日期'],
  // core/kmeans/cluster-customers.ts
  'error.kmeans.invalid-features': [
    'Recency, frequency and spend must each hold {count} values (one per customer).',
    '最近消费、消费频次和消费金额各需 {count} 个值（每位客户一个）。',
  ],
  'error.kmeans.no-customers': ['No customers to cluster.', '没有可聚类的客户。'],
  'error.kmeans.one-customer': [
    'Only one customer: k-means needs at least two.',
    '只有一位客户：k-means 聚类至少需要两位。',
  ],
  'error.kmeans.too-few-finite': [
    'Only {valid} of {count} customers have a finite recency, frequency and spend: k-means needs at least two.',
    '{count}位客户中只有{valid}位的最近消费、消费频次和消费金额都是有效数值：k-means 聚类至少需要两位。',
  ],
  // core/lifetime/*
  'error.lifetime.no-holdout': [
    'The summary has no holdout period: build it with an observation end after the calibration end.',
    '汇总数据没有验证期：请设置晚于校准期结束日的观察结束日后重新汇总。',
  ],
  'error.lifetime.no-customers': ['No customers to fit.', '没有可拟合的客户。'],
  'error.lifetime.one-customer': [
    'One customer cannot identify a population model; fit on all customers together.',
    '一位客户无法确定总体模型；请用全部客户一起拟合。',
  ],
  'error.lifetime.no-repeat-buyers': [
    'All {count} customers bought only once in the calibration period: without repeat purchases the purchase and dropout rates cannot be told apart. Use a longer calibration period or the rule-based churn rules.',
    '校准期内全部{count}位客户都只购买过一次：没有重复购买，就无法区分购买率和流失率。请使用更长的校准期，或改用规则判定。',
  ],
  'error.lifetime.identical-customers': [
    'All {count} customers have the same frequency, recency and age: the four parameters are not identifiable.',
    '全部{count}位客户的购买频次、最近购买时间和客户年龄都相同：四个参数无法确定。',
  ],
  'error.lifetime.reasons-index': [
    'specChurnReasons has {given} entries but customer {id} needs index {at}.',
    '流失规则原因只有{given}条，但客户 {id} 需要第{at}条。',
  ],
  'error.lifetime.ids-mismatch': [
    'Purchase days describe {count} customers but {ids} ids were given.',
    '购买日期描述了{count}位客户，但给出了{ids}个客户ID。',
  ],
  'error.lifetime.column-lengths': [
    'Summary columns have different lengths ({lengths}).',
    '汇总数据各列的长度不同（{lengths}）。',
  ],
  'error.lifetime.holdout-length': [
    'A holdout frequency column needs a positive holdoutLength.',
    '有验证期购买次数列时，验证期长度必须为正数。',
  ],
  'error.lifetime.summary-lengths': [
    'frequency, recency and age must have the same length.',
    '购买频次、最近购买时间和客户年龄三列的长度必须相同。',
  ],
  'error.lifetime.invalid-summary': ['Invalid summary: {problems}.', '汇总数据无效：{problems}。'],
  'error.lifetime.problem': [
    '{problem}: {count} customer(s), first at index {first}',
    '{problem}：{count}位客户，首先出现在序号 {first}',
  ],
  'error.lifetime.problem.frequency': ['frequency must be a whole number ≥ 0', '购买频次必须是 ≥ 0 的整数'],
  'error.lifetime.problem.finite': [
    'recency and age must be finite and ≥ 0',
    '最近购买时间和客户年龄必须是 ≥ 0 的有效数值',
  ],
  'error.lifetime.problem.recency-after-age': ['recency must not exceed age', '最近购买时间不能超过客户年龄'],
  'error.lifetime.problem.recency-without-repeats': [
    'recency must be 0 when frequency is 0',
    '购买频次为 0 时最近购买时间必须为 0',
  ],
  'error.lifetime.problem.repeats-without-recency': [
    'zero recency with repeat purchases (repeats must come after the first purchase)',
    '有重复购买但最近购买时间为 0（重复购买必须在首次购买之后）',
  ],
  'error.lifetime.spend-lengths': [
    'frequency and monetaryValue must have the same length.',
    '购买频次和平均消费金额两列的长度必须相同。',
  ],
  'error.lifetime.spend-not-finite': [
    'Customer at index {index}: frequency and monetary value must be finite.',
    '序号 {index} 的客户：购买频次和消费金额必须是有效数值。',
  ],
  'error.lifetime.no-repeat-spend': [
    'None of the {count} customers has a repeat purchase with a positive amount: the Gamma-Gamma spend model needs x > 0 and mean repeat spend > 0.',
    '{count}位客户中没有人有金额为正的重复购买：Gamma-Gamma 消费金额模型需要重复购买次数 > 0 且平均重复消费 > 0。',
  ],
  'error.lifetime.identical-spenders': [
    'All {count} repeat buyers have the same frequency and spend: p, q and v are not identifiable.',
    '全部{count}位重复购买客户的购买频次和消费金额都相同：参数 p、q、v 无法确定。',
  ],
  'error.lifetime.undefined-expectation': [
    'The fitted Gamma-Gamma q is {q} ≤ 1: the population mean spend p·v/(q−1) is not finite, so expected values cannot be computed.',
    '拟合得到的 Gamma-Gamma 参数 q = {q} ≤ 1：总体平均消费 p·v/(q−1) 不是有限值，无法计算期望值。',
  ],
  // core/churn/*
  'error.churn.expected-value': [
    'Option expectedValue has {given} entries for {count} customers.',
    '预期价值选项有{given}项，但客户有{count}位。',
  ],
  'error.churn.columns': [
    'Events need customer (Int32Array), day (Int32Array) and value (Float64Array) columns.',
    '事件数据需要 customer（Int32Array）、day（Int32Array）和 value（Float64Array）三列。',
  ],
  'error.churn.column-lengths': [
    'Event columns differ in length: customer {customer}, day {day}, value {value}.',
    '事件各列长度不同：customer {customer}，day {day}，value {value}。',
  ],
  'error.churn.customers': [
    'customers must be a whole number ≥ 0 (got {value}).',
    '客户数必须是 ≥ 0 的整数（实际为 {value}）。',
  ],
  'error.churn.as-of': [
    'asOfDay must be a whole day number (got {value}).',
    '分析日必须是整数日序号（实际为 {value}）。',
  ],
  'error.churn.invalid-customer': [
    'Event {index}: customer {customer} is outside 0–{last} (column customer).',
    '第{index}个事件：客户 {customer} 超出 0–{last} 的范围（customer 列）。',
  ],
  'error.churn.invalid-value': [
    'Event {index}: value {value} is not a finite number (column value, customer {customer}).',
    '第{index}个事件：金额 {value} 不是有效数值（value 列，客户 {customer}）。',
  ],
  'error.churn.invalid-attribute': [
    'Attribute {name} has {given} entries for {count} customers.',
    '属性 {name} 有{given}项，但客户有{count}位。',
  ],
  'error.churn.no-history': [
    'The customer features carry no purchase history: import transactions with purchase days kept (keepPurchaseDays) to back-test churn models.',
    '客户特征中没有购买历史：请导入交易记录并保留购买日期（keepPurchaseDays），才能回测流失模型。',
  ],
  // core/ml/gradient-boosting.ts
  'error.gbdt.model-columns': [
    'The data has {cols} feature columns but the model was fitted on {fitted}.',
    '数据有{cols}个特征列，但模型是用{fitted}个特征列拟合的。',
  ],
  'error.gbdt.rows': ['rows must be a whole number ≥ 1, got {value}.', '行数必须是 ≥ 1 的整数，实际为 {value}。'],
  'error.gbdt.cols': ['cols must be a whole number ≥ 1, got {value}.', '列数必须是 ≥ 1 的整数，实际为 {value}。'],
  'error.gbdt.features': [
    'features must be a Float64Array of rows × cols = {expected} values, got {got}.',
    '特征必须是含 行数 × 列数 = {expected} 个值的 Float64Array，实际为 {got}。',
  ],
  'error.gbdt.no-labels': [
    'Fitting needs one 0/1 label per row: {rows} rows, no labels.',
    '拟合需要每行一个 0/1 标签：共{rows}行，但没有标签。',
  ],
  'error.gbdt.label-count': [
    'Fitting needs one 0/1 label per row: {rows} rows, {labels} labels.',
    '拟合需要每行一个 0/1 标签：共{rows}行，但有{labels}个标签。',
  ],
  'error.gbdt.invalid-label': [
    'Labels must be 0 or 1: row {row} has {value}.',
    '标签必须是 0 或 1：第{row}行为 {value}。',
  ],
  'error.gbdt.one-class': [
    'Every label is {value}: fitting needs rows of both classes.',
    '所有标签都是 {value}：拟合需要两类都有的数据。',
  ],
  'error.gbdt.invalid-model': [
    'Not a gradient-boosting model written by this version of Tierline (kind "gradient-boosting-classifier", version 1).',
    '不是本版本 Tierline 写出的梯度提升模型（kind "gradient-boosting-classifier"，version 1）。',
  ],
} as const satisfies Record<string, readonly [en: string, zh: string]>;
