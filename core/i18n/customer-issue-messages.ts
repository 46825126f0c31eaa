/**
 * The cleaning sentences of customer tables (issue 14: one catalogue): the
 * SPEC §3 rules core/features/accumulate-customers.ts applies (duplicate ids,
 * contacts, logins, registration dates, industries, impossible values). The
 * English is what the issues said before the move.
 */
export const CUSTOMER_ISSUE_MESSAGES = {
  'clean.customer.formula-error': [
    'Row {row}, {column}: "{value}" is a formula error; treated as empty.',
    '第{row}行「{column}」：“{value}”是公式错误，按空值处理。',
  ],
  'clean.customer.no-id': ['Row {row}: no customer ID; row excluded.', '第{row}行：没有客户ID，该行已排除。'],
  'clean.customer.id-formula-error': [
    'Row {row}, {column}: formula error {value} instead of a customer ID; row excluded.',
    '第{row}行「{column}」：客户ID处是公式错误 {value}，该行已排除。',
  ],
  'clean.customer.id-unified': [
    'Row {row}, {column}: {id} merged into {master} (ID mapping).',
    '第{row}行「{column}」：{id} 已按ID映射合并到 {master}。',
  ],
  'clean.transaction.id-unified': [
    'Row {row}, {column}: {id} counted as {master} (ID mapping).',
    '第{row}行「{column}」：{id} 已按ID映射计入 {master}。',
  ],
  'clean.transaction.date-empty': [
    'Row {row}, {column}: empty; row excluded.',
    '第{row}行「{column}」：为空，该行已排除。',
  ],
  'clean.customer.contact-from-duplicate': [
    'Customer {id}: contact filled from row {row} (another record of the same customer).',
    '客户 {id}：联系方式取自第{row}行（同一客户的另一条记录）。',
  ],
  'clean.customer.duplicate-id': [
    'Customer {id} appears in rows {rows}; row {used} used (most filled fields, then first).',
    '客户 {id} 出现在第{rows}行；采用第{used}行（填写字段最多者，相同时取最先出现的）。',
  ],
  'clean.customer.text-normalized-one': [
    '{column}: 1 value normalised for matching (width, traditional characters, spacing; first at row {row}: "{value}").',
    '「{column}」：1个值已规范化以便匹配（全半角、繁体字、空格；首次出现在第{row}行：“{value}”）。',
  ],
  'clean.customer.text-normalized': [
    '{column}: {count} values normalised for matching (width, traditional characters, spacing; first at row {row}: "{value}").',
    '「{column}」：{count}个值已规范化以便匹配（全半角、繁体字、空格；首次出现在第{row}行：“{value}”）。',
  ],
  'clean.customer.logins-zero': [
    'Row {row}, {column}: empty, filled with 0 (no login recorded = no activity).',
    '第{row}行「{column}」：为空，记为0（没有登录记录即没有活动）。',
  ],
  'clean.customer.registration-filled': [
    'Row {row}, {column}: empty, filled with the first purchase date {date}.',
    '第{row}行「{column}」：为空，已用首次购买日期 {date} 补全。',
  ],
  'clean.customer.contact-missing': [
    'Row {row}, {column}: empty and no other record of customer {id} has one.',
    '第{row}行「{column}」：为空，客户 {id} 的其他记录中也没有。',
  ],
  'clean.customer.contact-invalid': [
    'Row {row}, {column}: {problem}; kept, please verify.',
    '第{row}行「{column}」：{problem}；已保留，请核实。',
  ],
  'clean.contact.not-email': ['is not a valid e-mail address', '不是有效的电子邮箱地址'],
  'clean.contact.not-phone': ['is not a phone number', '不是电话号码'],
  'clean.contact.not-mobile': ['is not an 11-digit mobile number starting with 1', '不是以1开头的11位手机号码'],
  'clean.customer.industry-unrecognized': [
    'Row {row}, {column}: "{value}" is not in the industry list (GB/T 4754 sections by default); kept, please verify.',
    '第{row}行「{column}」：“{value}”不在行业列表中（默认为 GB/T 4754 门类）；已保留，请核实。',
  ],
  'clean.customer.frequency-over-limit': [
    'Row {row}, {column}: {value} orders in 6 months is more than 20 a month; please verify.',
    '第{row}行「{column}」：6个月内{value}笔订单，超过每月20笔；请核实。',
  ],
  'clean.customer.negative-spend': [
    'Row {row}, {column}: negative spend {value}; kept, please verify.',
    '第{row}行「{column}」：消费金额为负 {value}；已保留，请核实。',
  ],
} as const satisfies Record<string, readonly [en: string, zh: string]>;
