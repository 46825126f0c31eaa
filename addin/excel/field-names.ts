import type { Locale } from '../../core/index.js';

type Entry = readonly [en: string, zh: string];

/** Names of the fields the pane maps, as the analyst reads them (SPEC §2). */
const FIELD_NAMES: Readonly<Record<string, Entry>> = {
  customerId: ['Customer ID', '客户ID'],
  orderDate: ['Order date', '购买日期'],
  orderAmount: ['Amount', '消费金额'],
  quantity: ['Quantity', '数量'],
  unitPrice: ['Unit price', '单价'],
  orderId: ['Order ID', '订单号'],
  lastPurchaseDate: ['Last purchase date', '最近购买时间'],
  recencyDays: ['Recency (days)', 'R值'],
  historicalFrequency: ['Frequency', '购买频次'],
  frequency6m: ['Frequency (6 months)', '近6个月消费频次'],
  annualFrequency: ['Purchases per year', '年采购频次'],
  cumulativeSpend: ['Spend', '累计消费'],
  amount6m: ['Spend (6 months)', '近6个月消费金额'],
  averageOrderValue: ['AOV', '客单价'],
  customerName: ['Customer name', '客户名称'],
  accountManager: ['Account manager', '客户经理'],
  region: ['Region', '地区'],
  industry: ['Industry', '所属行业'],
  companySize: ['Company size', '企业规模'],
  channel: ['Channel', '渠道'],
  complaints6m: ['Complaints', '投诉次数'],
  promotionsJoined6m: ['Promotions joined', '参与活动次数'],
  couponUses: ['Coupon uses', '优惠券使用次数'],
};

/** The analyst-facing name of a field id (the id itself when it has none). */
export function formatFieldName(field: string, locale: Locale): string {
  const entry = FIELD_NAMES[field];
  return entry ? (locale === 'zh-CN' ? entry[1] : entry[0]) : field;
}
