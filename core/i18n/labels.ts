/**
 * Every user-visible label, keyed by stable id (SPEC §11 glossary). Code never
 * scatters label literals: it asks `label(key, locale)`.
 */
export type Locale = 'en' | 'zh-CN';
export const LOCALES = ['en', 'zh-CN'] as const;

type Entry = readonly [en: string, zh: string];

const LABELS = {
  // RFM 11 named segments (SPEC appendix)
  'segment.champions': ['Champions', '冠军客户'],
  'segment.loyal': ['Loyal', '忠诚客户'],
  'segment.potential-loyalist': ['Potential loyalist', '潜力忠诚客户'],
  'segment.new': ['New customers', '新客户'],
  'segment.promising': ['Promising', '有希望客户'],
  'segment.need-attention': ['Need attention', '需要关注'],
  'segment.about-to-sleep': ['About to sleep', '即将沉睡'],
  'segment.at-risk': ['At risk', '流失风险'],
  'segment.cant-lose': ["Can't lose them", '不能失去'],
  'segment.hibernating': ['Hibernating', '休眠客户'],
  'segment.lost': ['Lost', '已流失'],
  'segment.unclassified': ['Unclassified', '未分类'],
  // rfm8 (SPEC §5a)
  'segment.important-value': ['Important value', '重要价值客户'],
  'segment.important-development': ['Important development', '重要发展客户'],
  'segment.important-retention': ['Important retention', '重要保持客户'],
  'segment.important-win-back': ['Important win-back', '重要挽留客户'],
  'segment.general-value': ['General value', '一般价值客户'],
  'segment.general-development': ['General development', '一般发展客户'],
  'segment.general-retention': ['General retention', '一般保持客户'],
  'segment.general-win-back': ['General win-back', '一般挽留客户'],
  // Tags (SPEC §6 Table 5 and A step 5 basic tags)
  'tag.high-value': ['High value', '高价值'],
  'tag.frequent-high-aov': ['Frequent, high AOV', '高频高客单'],
  'tag.active-loyal': ['Active & loyal', '活跃忠诚'],
  'tag.potential': ['Potential', '潜力客户'],
  'tag.mid-frequency-mid-aov': ['Mid frequency, mid AOV', '中频中客单'],
  'tag.growing': ['Growing', '增长型'],
  'tag.churn-risk': ['Churn risk', '流失风险'],
  'tag.low-frequency': ['Low frequency', '低频'],
  'tag.has-complaints': ['Has complaints', '投诉记录'],
  'tag.price-sensitive': ['Price-sensitive', '价格敏感'],
  'tag.promotion-driven': ['Promotion-driven', '促销偏好'],
  'tag.low-aov': ['Low AOV', '低客单'],
  'tag.no-purchase-months': ['No purchase in {n} months', '近{n}个月未消费'],
  'tag.aov-at-least': ['AOV ≥ {n} yuan', '客单价≥{n}元'],
  // Strategy groups (SPEC §7, A Table 6)
  'group.high-value': ['High-value customers', '高价值客户'],
  'group.potential': ['Potential customers', '潜力客户'],
  'group.churn-risk': ['Churn-risk customers', '流失风险客户'],
  'group.price-sensitive': ['Price-sensitive customers', '价格敏感客户'],
  'strategy.high-value.goal': ['Raise repurchase rate by 15%', '复购率提升15%'],
  'strategy.high-value.department': ['Sales', '销售部'],
  'strategy.high-value.measures': ['Account manager calls back once a month; tailored product recommendations', '客户经理每月1次电话回访；个性化产品推荐'],
  'strategy.high-value.channel': ['Phone', '电话'],
  'strategy.high-value.owner': ['Supervisor', '主管'],
  'strategy.high-value.deadline': ['30th of each month', '每月30日'],
  'strategy.high-value.kpi': ['Repurchase rate, AOV growth', '复购率、客单价增长率'],
  'strategy.potential.goal': ['Convert to high value', '转化为高价值客户'],
  'strategy.potential.department': ['Marketing', '市场部'],
  'strategy.potential.measures': ['Coupon "200 off 1,000"; invitation to the new-product launch', '发放「满1000减200」优惠券；邀请参加新品发布会'],
  'strategy.potential.channel': ['SMS + app push', '短信 + APP推送'],
  'strategy.potential.owner': ['Specialist', '专员'],
  'strategy.potential.deadline': ['First month of each quarter', '每季度首月'],
  'strategy.potential.kpi': ['Conversion rate, coupon redemption rate', '转化率、优惠券核销率'],
  'strategy.churn-risk.goal': ['Win back at least 20%', '挽回率≥20%'],
  'strategy.churn-risk.department': ['Customer service', '客服部'],
  'strategy.churn-risk.measures': ['"Welcome back" gift pack; phone call within 3 days to learn why they stopped', '赠送「回归专享礼包」；3天内电话回访了解流失原因'],
  'strategy.churn-risk.channel': ['Phone + SMS', '电话 + 短信'],
  'strategy.churn-risk.owner': ['Team lead', '组长'],
  'strategy.churn-risk.deadline': ['15th of each month', '每月15日'],
  'strategy.churn-risk.kpi': ['Customers won back, repurchase rate', '挽回客户数、复购率'],
  'strategy.price-sensitive.goal': ['Raise purchase frequency', '提升购买频次'],
  'strategy.price-sensitive.department': ['Operations', '运营部'],
  'strategy.price-sensitive.measures': ['Group-buy campaign; invite a friend and buy at 50% off', '「拼团优惠」活动；邀请好友5折购'],
  'strategy.price-sensitive.channel': ['App home-screen pop-up', 'APP首页弹窗'],
  'strategy.price-sensitive.owner': ['Manager', '经理'],
  'strategy.price-sensitive.deadline': ['1st of each month', '每月1日'],
  'strategy.price-sensitive.kpi': ['Participants, frequency growth', '活动参与人数、频次增长率'],
  'cadence.monthly': ['Monthly', '每月1次'],
  'cadence.quarterly': ['Quarterly', '每季度1次'],
  'reason.inactive-low-frequency': ['No purchase in {months} months; lifetime purchases {count} ≤ {max}', '近{months}个月未消费，累计消费{count}次 ≤ {max}'],
  'reason.complaints': ['{count} complaints in 6 months', '近6个月投诉{count}次'],
  // Lifecycle (SPEC §5f)
  'lifecycle.new': ['New', '新客'],
  'lifecycle.active': ['Active', '活跃'],
  'lifecycle.silent': ['Silent', '沉默'],
  'lifecycle.lapsed': ['Lapsed', '流失'],
  // Output columns
  'column.customerId': ['Customer ID', '客户ID'],
  'column.recencyDays': ['Recency (days)', '最近消费天数'],
  'column.frequency': ['Frequency', '消费频次'],
  'column.monetary': ['Monetary', '消费金额'],
  'column.frequency6m': ['Frequency (6 months)', '近6个月消费频次'],
  'column.amount6m': ['Spend (6 months)', '近6个月消费金额'],
  'column.averageOrderValue': ['AOV', '客单价'],
  'column.firstPurchaseDate': ['First purchase date', '首次购买时间'],
  'column.lastPurchaseDate': ['Last purchase date', '最近购买时间'],
  'column.tenureDays': ['Tenure (days)', '客户时长(天)'],
  'column.rScore': ['R score', 'R得分'],
  'column.fScore': ['F score', 'F得分'],
  'column.mScore': ['M score', 'M得分'],
  'column.rfmCode': ['RFM code', 'RFM编码'],
  'column.segment': ['Segment', '细分群体'],
  'column.tags': ['Tags', '标签'],
  'column.lifecycle': ['Lifecycle', '生命周期'],
  'column.churnRisk': ['Churn risk', '流失风险'],
  'column.churnReason': ['Churn reason', '流失原因'],
  'column.customerName': ['Customer name', '客户名称'],
  'column.company': ['Company', '企业名称'],
  'column.accountManager': ['Account manager', '客户经理'],
  'column.region': ['Region', '地区'],
  'column.industry': ['Industry', '所属行业'],
  'column.companySize': ['Company size', '企业规模'],
  'column.contact': ['Contact', '联系方式'],
  'column.gender': ['Gender', '性别'],
  'column.membershipLevel': ['Membership level', '会员等级'],
  'column.segmentShort': ['Segment', '群体'],
  'level.high': ['High', '高'],
  'level.low': ['Low', '低'],
  'column.strategyGroup': ['Strategy group', '策略群体'],
  'column.strategyGoal': ['Strategy goal', '策略目标'],
  'column.measures': ['Strategy', '维护策略'],
  'column.channel': ['Channel', '渠道'],
  'column.strategyChannel': ['Contact channel', '触达渠道'],
  'column.department': ['Department', '执行部门'],
  'column.strategyOwner': ['Strategy owner', '策略负责人'],
  'column.cadence': ['Cadence', '执行周期'],
  'column.dueDate': ['Due date', '时间节点'],
  'column.kpi': ['KPI', '效果指标'],
  'column.count': ['Customers', '客户数'],
  'column.share': ['Share', '占比'],
  'column.revenue': ['Revenue', '收入'],
  'column.revenueShare': ['Revenue share', '收入占比'],
  'column.meanRecency': ['Mean R (days)', '平均R(天)'],
  'column.meanFrequency': ['Mean F', '平均F'],
  'column.meanMonetary': ['Mean M', '平均M'],
  'column.issue': ['Issue', '问题'],
  'column.row': ['Row', '行'],
  'column.value': ['Value', '值'],
  'column.message': ['Message', '说明'],
  'column.column': ['Column', '列'],
  'yes': ['Yes', '是'],
  'no': ['No', '否'],
  'total': ['Total', '合计'],
} as const satisfies Record<string, Entry>;

export type LabelKey = keyof typeof LABELS;

/**
 * The label of `key` in `locale`, with `{name}` placeholders filled.
 * @example label('segment.at-risk', 'zh-CN') === '流失风险'
 */
export function label(key: LabelKey, locale: Locale, params?: Readonly<Record<string, string | number>>): string {
  const entry: Entry = LABELS[key];
  let text = locale === 'zh-CN' ? entry[1] : entry[0];
  if (params) for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** True when `key` is a known label key (for ids built at run time). */
export function isLabelKey(key: string): key is LabelKey {
  return Object.prototype.hasOwnProperty.call(LABELS, key);
}

/** Tags are written 【…】 in Chinese and […] in English (SPEC §6). */
export function formatTags(tags: readonly string[], locale: Locale): string {
  return locale === 'zh-CN' ? tags.map((t) => `【${t}】`).join('') : tags.map((t) => `[${t}]`).join(' ');
}
