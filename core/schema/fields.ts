/**
 * The fields Tierline understands (SPEC §2), with the header aliases that
 * detect them. Aliases are matched after `normalizeHeader`, so case, spaces,
 * full-width forms, traditional characters and unit suffixes do not matter.
 */
export type FieldKind = 'text' | 'category' | 'date' | 'money' | 'count' | 'days' | 'rate' | 'number';

export interface FieldDefinition {
  readonly id: FieldId;
  readonly kind: FieldKind;
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

export const FIELD_IDS = [
  'customerId',
  'customerName',
  'company',
  'contact',
  'industry',
  'region',
  'companySize',
  'registrationDate',
  'accountManager',
  'age',
  'gender',
  'membershipLevel',
  'accountBalance',
  'assetSize',
  'orderId',
  'orderDate',
  'orderAmount',
  'quantity',
  'unitPrice',
  'product',
  'category',
  'channel',
  'firstPurchaseDate',
  'firstPurchaseAmount',
  'lastPurchaseDate',
  'recencyDays',
  'frequency6m',
  'amount6m',
  'averageOrderValue',
  'annualFrequency',
  'historicalFrequency',
  'purchaseCycleDays',
  'logins3m',
  'consultations',
  'complaints6m',
  'promotionsJoined6m',
  'couponUses',
  'satisfaction',
  'interactionCount',
  'cumulativeSpend',
  'profitContribution',
  'referralRate',
  'repurchaseRate',
  'serviceCost',
  'ltv',
] as const;

export type FieldId = (typeof FIELD_IDS)[number];

const f = (id: FieldId, kind: FieldKind, zh: string[], en: string[]): FieldDefinition => ({ id, kind, zh, en });

/** SPEC §2 tables plus the order-line fields (quantity, unit price) analysts' exports carry. */
export const FIELDS: readonly FieldDefinition[] = [
  f(
    'customerId',
    'text',
    ['客户ID', '客户编号', '客户代码', '客户号', '会员ID', '会员编号'],
    [
      'Customer ID',
      'CustomerID',
      'Cust ID',
      'ID',
      'Customer',
      'Customer No',
      'Customer number',
      'Client ID',
      'Account ID',
    ],
  ),
  f(
    'customerName',
    'text',
    ['客户名称', '客户姓名', '姓名', '客户名'],
    ['Name', 'Customer name', 'Client name', 'Full name'],
  ),
  f(
    'company',
    'text',
    ['企业名称', '公司名称', '公司', '单位名称'],
    ['Company', 'Company name', 'Organization', 'Organisation'],
  ),
  f(
    'contact',
    'text',
    ['联系方式', '电话', '手机号', '手机', '联系电话'],
    ['Contact', 'Phone', 'Mobile', 'Telephone', 'Phone number'],
  ),
  f('industry', 'category', ['所属行业', '行业'], ['Industry', 'Sector']),
  f(
    'region',
    'category',
    ['地域', '地区', '所在地域', '所在地区', '省份', '区域'],
    ['Region', 'Province', 'Area', 'State'],
  ),
  f('companySize', 'category', ['企业规模', '客户规模', '规模'], ['Company size', 'Size', 'Segment size']),
  f(
    'registrationDate',
    'date',
    ['注册时间', '注册日期'],
    ['Registration date', 'Sign-up date', 'Signup date', 'Registered'],
  ),
  f(
    'accountManager',
    'text',
    ['客户经理', '负责人', '销售', '销售员', '业务员', '销售代表', '归属销售'],
    ['Account manager', 'Owner', 'Sales rep', 'Salesperson', 'Sales person', 'Rep', 'Account owner'],
  ),
  f('age', 'number', ['年龄'], ['Age']),
  f('gender', 'category', ['性别'], ['Gender', 'Sex']),
  f('membershipLevel', 'category', ['会员等级', '积分等级'], ['Membership level', 'Member level', 'Tier level']),
  f('accountBalance', 'money', ['账户余额'], ['Account balance', 'Balance']),
  f('assetSize', 'money', ['资产规模'], ['Assets', 'Asset size']),
  f(
    'orderId',
    'text',
    ['订单号', '订单编号', '订单ID', '发票号', '单据号'],
    [
      'Order ID',
      'OrderID',
      'Order',
      'Order No',
      'Order number',
      'Invoice',
      'InvoiceNo',
      'Invoice ID',
      'Invoice number',
      'Transaction ID',
    ],
  ),
  f(
    'orderDate',
    'date',
    ['购买日期', '下单时间', '下单日期', '交易日期', '交易时间', '订单日期', '消费日期', '日期'],
    ['Order date', 'Purchase date', 'Transaction date', 'InvoiceDate', 'Invoice date', 'Date'],
  ),
  f(
    'orderAmount',
    'money',
    ['订单金额', '消费金额', '交易金额', '金额', '销售额', '实付金额'],
    ['Amount', 'Order amount', 'Sales', 'Revenue', 'Total', 'Order total', 'Value', 'Order value'],
  ),
  f('quantity', 'number', ['数量', '购买数量'], ['Quantity', 'Qty']),
  f('unitPrice', 'money', ['单价'], ['Unit price', 'UnitPrice', 'Price']),
  f(
    'product',
    'text',
    ['产品', '商品', '产品名称', '商品名称'],
    ['Product', 'Item', 'Description', 'StockCode', 'SKU'],
  ),
  f('category', 'category', ['购买产品类别', '品类', '产品类别'], ['Category', 'Product category']),
  f('channel', 'category', ['渠道', '渠道偏好', '购买渠道'], ['Channel', 'Sales channel']),
  f(
    'firstPurchaseDate',
    'date',
    ['首次购买时间', '首购日期', '首次购买日期', '首次消费时间'],
    ['First purchase date', 'First purchase', 'First order date'],
  ),
  f('firstPurchaseAmount', 'money', ['首次消费金额', '首购金额'], ['First purchase amount', 'First order amount']),
  f(
    'lastPurchaseDate',
    'date',
    ['最近消费时间', '最近购买时间', '最后购买时间', '最近购买日期', '最近消费日期', '最后消费时间'],
    ['Last purchase date', 'Last purchase', 'Last order date', 'Last order'],
  ),
  f(
    'recencyDays',
    'days',
    ['最近消费天数', 'R值', '最近一次消费距今天数'],
    ['Recency', 'R', 'Recency days', 'Days since last purchase'],
  ),
  f(
    'frequency6m',
    'count',
    ['近6个月消费频次', '近6个月购买频次', '购买频次', '近6个月订单数'],
    ['Frequency (6 months)', 'Frequency 6m', 'F', 'Orders (6 months)'],
  ),
  f('amount6m', 'money', ['近6个月消费金额'], ['Spend (6 months)', 'Spend 6m', 'M', 'Amount (6 months)']),
  f(
    'averageOrderValue',
    'money',
    ['客单价', '平均客单价', '平均订单金额'],
    ['AOV', 'Average order value', 'Avg order value'],
  ),
  f('annualFrequency', 'count', ['年采购频次', '年购买次数'], ['Purchases per year', 'Annual frequency']),
  f(
    'historicalFrequency',
    'count',
    ['历史消费频次', '累计购买次数', '购买次数', '消费次数', '订单数'],
    ['Lifetime orders', 'Frequency', 'Orders', 'Order count', 'Total orders', 'Number of orders'],
  ),
  f('purchaseCycleDays', 'days', ['购买周期'], ['Purchase cycle', 'Purchase cycle days']),
  f('logins3m', 'count', ['近3个月登录频次', '登录次数', '登录频次'], ['Logins (3 months)', 'Logins']),
  f('consultations', 'count', ['咨询次数'], ['Consultations', 'Enquiries', 'Inquiries']),
  f('complaints6m', 'count', ['投诉次数', '客服投诉次数', '投诉'], ['Complaints', 'Complaint count']),
  f(
    'promotionsJoined6m',
    'count',
    ['参与活动次数', '参与促销活动次数', '活动参与次数'],
    ['Promotions joined', 'Promotions', 'Campaigns joined'],
  ),
  f('couponUses', 'count', ['优惠券使用次数', '折扣券使用次数'], ['Coupon uses', 'Coupons used', 'Coupons']),
  f('satisfaction', 'number', ['满意度评分', '服务满意度', '满意度'], ['Satisfaction', 'Satisfaction score', 'CSAT']),
  f('interactionCount', 'count', ['互动频次', '互动次数'], ['Interactions', 'Interaction count']),
  f(
    'cumulativeSpend',
    'money',
    ['累计消费金额', '累计消费', '历史消费', '总消费金额', '消费总额'],
    ['Cumulative spend', 'Lifetime spend', 'Total spend', 'Monetary', 'Total sales'],
  ),
  f('profitContribution', 'money', ['利润贡献'], ['Profit contribution', 'Profit']),
  f('referralRate', 'rate', ['客户推荐率', '推荐率'], ['Referral rate']),
  f('repurchaseRate', 'rate', ['复购率'], ['Repurchase rate']),
  f('serviceCost', 'money', ['服务成本'], ['Service cost']),
  f('ltv', 'money', ['生命周期价值', 'LTV', 'CLV'], ['Lifetime value', 'LTV', 'CLV']),
];

const byId = new Map<FieldId, FieldDefinition>(FIELDS.map((d) => [d.id, d]));

/** The definition of a field id. */
export function getField(id: FieldId): FieldDefinition {
  const field = byId.get(id);
  if (!field) throw new Error(`unknown field ${id}`);
  return field;
}

/** Narrows a string to a field id. */
export function isFieldId(value: string): value is FieldId {
  return byId.has(value as FieldId);
}
