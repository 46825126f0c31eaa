import { BOT_MESSAGES } from './bot-messages.js';
import { CLI_MESSAGES } from './cli-messages.js';
import { CONFIG_MESSAGES } from './config-messages.js';
import { MODEL_MESSAGES } from './model-messages.js';
import { USAGE_MESSAGES } from './usage-messages.js';
import { CUSTOMER_ISSUE_MESSAGES } from './customer-issue-messages.js';
import { ERROR_MESSAGES } from './error-messages.js';
import { HELP_MESSAGES } from './help-messages.js';
import { ISSUE_MESSAGES } from './issue-messages.js';
import { PANE_MESSAGES } from './pane-messages.js';

/**
 * The one message catalogue (issue 14): every user-visible string of every
 * face, keyed by stable id (SPEC §11 glossary), in en and zh-CN. Code never
 * scatters label literals: it asks `label(key, locale, params)`. The engine's
 * labels live here; the bot's (`bot.*`), the pane's (`pane.*`), the CLI's (`cli.*`) and the
 * cleaning issues' (`issue.*`, `note.*`) live in the files beside it.
 */
export type Locale = 'en' | 'zh-CN';
export const LOCALES = ['en', 'zh-CN'] as const;

type Entry = readonly [en: string, zh: string];

const ENGINE_LABELS = {
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
  // {n} is money in the data's currency (formatMoney): "AOV ≥ £1,000", 「客单价≥1,000元」.
  'tag.aov-at-least': ['AOV ≥ {n}', '客单价≥{n}'],
  // Strategy groups (SPEC §7, A Table 6)
  'group.high-value': ['High-value customers', '高价值客户'],
  'group.potential': ['Potential customers', '潜力客户'],
  'group.churn-risk': ['Churn-risk customers', '流失风险客户'],
  'group.price-sensitive': ['Price-sensitive customers', '价格敏感客户'],
  'strategy.high-value.goal': ['Raise repurchase rate by 15%', '复购率提升15%'],
  'strategy.high-value.department': ['Sales', '销售部'],
  'strategy.high-value.measures': [
    'Account manager calls back once a month; tailored product recommendations',
    '客户经理每月1次电话回访；个性化产品推荐',
  ],
  'strategy.high-value.channel': ['Phone', '电话'],
  'strategy.high-value.owner': ['Supervisor', '主管'],
  'strategy.high-value.deadline': ['30th of each month', '每月30日'],
  'strategy.high-value.kpi': ['Repurchase rate, AOV growth', '复购率、客单价增长率'],
  'strategy.potential.goal': ['Convert to high value', '转化为高价值客户'],
  'strategy.potential.department': ['Marketing', '市场部'],
  'strategy.potential.measures': [
    'Coupon "200 off 1,000"; invitation to the new-product launch',
    '发放「满1000减200」优惠券；邀请参加新品发布会',
  ],
  'strategy.potential.channel': ['SMS + app push', '短信 + APP推送'],
  'strategy.potential.owner': ['Specialist', '专员'],
  'strategy.potential.deadline': ['First month of each quarter', '每季度首月'],
  'strategy.potential.kpi': ['Conversion rate, coupon redemption rate', '转化率、优惠券核销率'],
  'strategy.churn-risk.goal': ['Win back at least 20%', '挽回率≥20%'],
  'strategy.churn-risk.department': ['Customer service', '客服部'],
  'strategy.churn-risk.measures': [
    '"Welcome back" gift pack; phone call within 3 days to learn why they stopped',
    '赠送「回归专享礼包」；3天内电话回访了解流失原因',
  ],
  'strategy.churn-risk.channel': ['Phone + SMS', '电话 + 短信'],
  'strategy.churn-risk.owner': ['Team lead', '组长'],
  'strategy.churn-risk.deadline': ['15th of each month', '每月15日'],
  'strategy.churn-risk.kpi': ['Customers won back, repurchase rate', '挽回客户数、复购率'],
  'strategy.price-sensitive.goal': ['Raise purchase frequency', '提升购买频次'],
  'strategy.price-sensitive.department': ['Operations', '运营部'],
  'strategy.price-sensitive.measures': [
    'Group-buy campaign; invite a friend and buy at 50% off',
    '「拼团优惠」活动；邀请好友5折购',
  ],
  'strategy.price-sensitive.channel': ['App home-screen pop-up', 'APP首页弹窗'],
  'strategy.price-sensitive.owner': ['Manager', '经理'],
  'strategy.price-sensitive.deadline': ['1st of each month', '每月1日'],
  'strategy.price-sensitive.kpi': ['Participants, frequency growth', '活动参与人数、频次增长率'],
  'cadence.monthly': ['Monthly', '每月1次'],
  'cadence.quarterly': ['Quarterly', '每季度1次'],
  'reason.inactive-low-frequency': [
    'No purchase in {months} months; lifetime purchases {count} ≤ {max}',
    '近{months}个月未消费，累计消费{count}次 ≤ {max}',
  ],
  'reason.complaints': ['complaints in 6 months: {count}', '近6个月投诉{count}次'],
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
  yes: ['Yes', '是'],
  no: ['No', '否'],
  total: ['Total', '合计'],
  // Lifetime models (issue 7): holdout diagnostics chart
  'lifetime.chart.title': ['Repeat purchases in the holdout: actual vs predicted', '验证期购买次数：实际与预测'],
  'lifetime.chart.bucket': ['Repeat purchases in calibration', '校准期复购次数'],
  'lifetime.chart.purchases': ['Mean holdout purchases per customer', '验证期人均购买次数'],
  'lifetime.chart.series': ['Series', '系列'],
  'lifetime.chart.customers': ['Customers', '客户数'],
  'lifetime.series.actual': ['Actual', '实际'],
  'lifetime.series.predicted': ['Predicted', '预测'],
  // k-means on standardised RFM (SPEC §5c, issue 4)
  'kmeans.cluster': ['Cluster {id} · {name} (auto-named from centroid)', '聚类{id} · {name}（按质心自动命名）'],
  'kmeans.explain': [
    'nearest centroid: cluster {id} (R {r} days · F {f} · M {m})',
    '距离最近的质心：聚类{id}（R {r}天 · F {f} · M {m}）',
  ],
  'kmeans.explain.not-clustered': [
    'recency, frequency or spend missing: not clustered',
    '缺少最近消费、频次或金额：未聚类',
  ],
  'column.clusterNo': ['Cluster no.', '聚类编号'],
  'kmeans.duplicate-name': ['{name} ({n})', '{name}（{n}）'],
  'kmeans.note.rows-excluded': [
    '{count} customers with a missing or infinite recency, frequency or spend were not clustered.',
    '{count}位客户的R/F/M缺失或为无穷值，未参与聚类。',
  ],
  'kmeans.note.negative-money-clamped': [
    '{count} customers with negative spend were counted as 0 before the log transform.',
    '{count}位客户消费金额为负，取对数前按0计。',
  ],
  'kmeans.note.zero-variance': [
    '{column} is the same for every customer: it cannot separate clusters (its z-score is 0).',
    '所有客户的{column}相同，无法区分群体（标准化值为0）。',
  ],
  'kmeans.note.identical-customers': [
    'All {count} customers have the same recency, frequency and spend: one cluster, silhouette undefined.',
    '全部{count}位客户的R/F/M完全相同：归为一个群体，轮廓系数无定义。',
  ],
  'kmeans.note.k-capped': [
    'K = {requested} is more than the {distinct} distinct customers: K = {k} used.',
    'K = {requested}超过不同客户点数{distinct}：改用K = {k}。',
  ],
  'kmeans.note.k-above-guard': [
    'K = {k} is above 6: segments may be too fine to act on (K > 6 not recommended; 4–6 is typical).',
    'K = {k}大于6：群体可能过细（K > 6不推荐，常用4–6类）。',
  ],
  'kmeans.note.weak-silhouette': [
    'Silhouette {silhouette} ≤ 0.5: the clusters are weakly separated; results are shown, check them before use.',
    '轮廓系数{silhouette} ≤ 0.5：聚类区分度较弱，结果仅供参考，使用前请核查。',
  ],
  'kmeans.note.small-cluster': [
    'Cluster {id} holds {share} of customers (< 5%): check that its share is reasonable.',
    '聚类{id}仅占客户的{share}（< 5%）：请检查占比是否合理。',
  ],
  'kmeans.note.silhouette-sampled': [
    'Silhouette computed on a stratified sample of {sampled} of {count} customers.',
    '轮廓系数基于{count}位客户中{sampled}位的分层抽样计算。',
  ],
  'kmeans.note.silhouette-undefined': [
    'Silhouette is undefined for every K tried (too few distinct customers): K = {k} used.',
    '所有候选K的轮廓系数均无定义（不同客户过少）：采用K = {k}。',
  ],
  'kmeans.note.not-converged': [
    'K = {k}: k-means stopped after {maxIter} iterations before converging.',
    'K = {k}：k-means迭代{maxIter}次后仍未收敛。',
  ],
  // Rule presets, value tiers, grading, dimensions (SPEC §4, §5a–§5e, §7; issue 4)
  'segment.high-value': ['High-value customer', '高价值客户'],
  'segment.potential': ['Potential customer', '潜力客户'],
  'segment.churn-risk': ['Churn-risk customer', '流失风险客户'],
  'segment.price-sensitive': ['Price-sensitive customer', '价格敏感客户'],
  'segment.strategic': ['Strategic customer', '战略客户'],
  'segment.core': ['Core customer', '核心客户'],
  'segment.churn-warning': ['Churn-warning customer', '流失预警客户'],
  'segment.ordinary': ['Ordinary customer', '普通客户'],
  'segment.value-high': ['High-value customer', '高价值客户'],
  'segment.value-mid': ['Mid-value customer', '中价值客户'],
  'segment.value-low': ['Low-value customer', '低价值客户'],
  'segment.grade-high': ['High', '高'],
  'segment.grade-mid': ['Mid', '中'],
  'segment.grade-low': ['Low', '低'],
  'level.mid': ['Mid', '中'],
  'field.recencyDays': ['recency (days)', '最近消费天数'],
  'field.frequency6m': ['6-month frequency', '近6个月消费频次'],
  'field.historicalFrequency': ['lifetime purchases', '历史消费频次'],
  'field.amount6m': ['6-month spend', '近6个月消费金额'],
  'field.averageOrderValue': ['AOV', '客单价'],
  'field.cumulativeSpend': ['cumulative spend', '累计消费'],
  'field.tenureDays': ['tenure (days)', '客户时长(天)'],
  'field.logins3m': ['3-month logins', '近3个月登录频次'],
  'field.consultations': ['consultations', '咨询次数'],
  'field.complaints6m': ['complaints', '投诉次数'],
  'field.promotionsJoined6m': ['promotions joined', '参与活动次数'],
  'field.couponUses': ['coupon uses', '优惠券使用次数'],
  'field.satisfaction': ['satisfaction', '满意度'],
  'field.interactionCount': ['interactions', '互动次数'],
  'field.age': ['age', '年龄'],
  'field.accountBalance': ['account balance', '账户余额'],
  'field.assetSize': ['assets', '资产规模'],
  'field.firstPurchaseAmount': ['first purchase amount', '首购金额'],
  'field.annualFrequency': ['purchases per year', '年采购频次'],
  'field.purchaseCycleDays': ['purchase cycle (days)', '购买周期(天)'],
  'field.profitContribution': ['profit contribution', '利润贡献'],
  'field.referralRate': ['referral rate', '推荐率'],
  'field.repurchaseRate': ['repurchase rate', '复购率'],
  'field.serviceCost': ['service cost', '服务成本'],
  'field.ltv': ['lifetime value', '生命周期价值'],
  'rule.churn-risk-inactive': ['churn risk (inactive, low frequency)', '流失风险（未消费且低频）'],
  'rule.churn-risk-complaint': ['churn risk (complaint)', '流失风险（投诉）'],
  'rule.price-sensitive': ['price-sensitive', '价格敏感'],
  'rules.note.skipped': [
    "{columns} column not found: rule '{rule}' skipped",
    '未找到{columns}列：已跳过规则「{rule}」',
  ],
  'rules.note.skipped-many': [
    "{columns} columns not found: rule '{rule}' skipped",
    '未找到{columns}列：已跳过规则「{rule}」',
  ],
  'rules.note.no-industry': [
    'industry column not found: AOV is compared with the mean AOV of all customers ({mean})',
    '未找到所属行业列：客单价与全部客户的平均客单价（{mean}）比较',
  ],
  'rules.note.industry-from-data': [
    'Industry mean AOV taken from the data (none configured): {list}',
    '行业平均客单价取自数据（未配置）：{list}',
  ],
  'rules.note.blank-industry': [
    '{count} customers without an industry: AOV compared with the mean AOV of all customers ({mean})',
    '{count}位客户未填写行业：客单价与全部客户的平均客单价（{mean}）比较',
  ],
  'rules.note.span-too-short': [
    "Rule '{rule}' switched off: it needs {need} days of history and the data spans {span} days ({from} → {asOf})",
    '规则「{rule}」已停用：需要{need}天的历史数据，而数据仅覆盖{span}天（{from} → {asOf}）',
  ],
  'rules.note.new-customers': [
    '{count} new customers (one order in the last {days} days) kept out of churn risk',
    '{count}位新客户（近{days}天内仅1笔订单）不计入流失风险',
  ],
  'rules.note.churn-span': [
    'Win-back strategies switched off: the data spans {span} days ({from} → {asOf}), less than the 3-month churn window',
    '挽留策略已停用：数据仅覆盖{span}天（{from} → {asOf}），不足3个月的流失判断期',
  ],
  'rules.explain.new-customer': [
    'New customer: one order, {days} days ago; too early to judge churn',
    '新客户：仅1笔订单，{days}天前；尚不能判断流失',
  ],
  'rules.note.months-approximate': [
    'No analysis date: "N months" counted as N × 30 days',
    '无分析日期："N个月"按N × 30天计',
  ],
  'rules.explain.recency': ['last purchase {days} days ago', '最近消费 {days} 天前'],
  'rules.explain.never-purchased': ['never purchased', '从未消费'],
  'rules.explain.months': ['{months} months ({days} days)', '{months}个月（{days}天）'],
  'rules.explain.industry': ['{factor} × industry mean {mean} ({value})', '{factor} × 行业平均 {mean}（{value}）'],
  'rules.explain.between': ['{subject} within {min}–{max}', '{subject} 在 {min}–{max} 之间'],
  'rules.explain.between-industry': [
    '{subject} within {min}–{max} × industry mean {mean} ({lo}–{hi})',
    '{subject} 在行业平均 {mean} 的 {min}–{max} 倍之间（{lo}–{hi}）',
  ],
  'rules.explain.catch-all': ['no other tier matched', '未满足其他层级的条件'],
  'rules.explain.no-match': ['no rule matched', '未满足任何规则'],
  'column.explanation': ['Why', '细分依据'],
  'maintenance.strategic.measures': [
    '1. One-to-one dedicated account manager; 2. monthly call-back and customised product plan; 3. first access to new-product betas',
    '1. 一对一专属客户经理；2. 每月回访 + 定制化产品方案；3. 新品内测优先体验',
  ],
  'maintenance.strategic.owner': ['Account manager', '客户经理'],
  'maintenance.strategic.cadence': ['Ongoing', '长期持续'],
  'maintenance.core.measures': [
    '1. Quarterly care (birthday/holiday gift and points redemption); 2. product training and a fast after-sales channel; 3. cross-sell related products',
    '1. 每季度关怀（生日/节日礼品 + 积分兑换）；2. 产品培训 + 售后快速通道；3. 交叉销售相关产品',
  ],
  'maintenance.core.owner': ['Customer service specialist', '客服专员'],
  'maintenance.core.cadence': ['Once a quarter', '每季度1次'],
  'maintenance.potential.measures': [
    '1. New-product trial and promotion push (e.g. spend-and-save coupon); 2. peer success cases; 3. regular satisfaction survey',
    '1. 新品试用 + 促销推送（如满减券）；2. 同行成功案例；3. 定期满意度调研',
  ],
  'maintenance.potential.owner': ['Sales rep', '销售代表'],
  'maintenance.potential.cadence': ['Once a month', '每月1次'],
  'maintenance.churn-warning.measures': [
    '1. Win-back script "returning-customer gift"; 2. reason survey (questionnaire or call); 3. targeted offer "20% off your first order back"',
    '1. 挽回话术「老客户回归专属礼」；2. 流失原因调研（问卷/电话）；3. 定向优惠「回归首单8折」',
  ],
  'maintenance.churn-warning.owner': ['Customer relations specialist', '客户关系专员'],
  'maintenance.churn-warning.cadence': ['Immediately', '立即执行'],
  'tiers.sub-tier': ['{tier}, sub-tier {n}', '{tier}·第{n}档'],
  'tiers.strategy.high': ['Personalised service', '个性化服务'],
  'tiers.strategy.mid': ['Regular maintenance', '定期维护'],
  'tiers.strategy.low': ['Retention measures', '挽留措施'],
  'tiers.sla': ['≤ {hours} h', '≤ {hours} 小时'],
  'tiers.explain': [
    'RFM score {score} (R {r} · F {f} · M {m}): top {from}–{to}% → {subTier}',
    'RFM综合得分 {score}（R {r} · F {f} · M {m}）：排名前 {from}–{to}% → {subTier}',
  ],
  'tiers.explain.not-scored': ['no recency, frequency or spend: not tiered', '缺少最近消费、频次或金额：未分层'],
  'tiers.note.few-customers': [
    'Only {count} customers for {subTiers} sub-tiers: some sub-tiers are empty',
    '仅{count}位客户，少于{subTiers}个子层级：部分子层级为空',
  ],
  'column.valueTier': ['Value tier', '客户层级'],
  'column.subTier': ['Sub-tier', '子层级'],
  'column.responseSla': ['Response SLA', '响应时限'],
  'column.tierStrategy': ['Tier strategy', '分层策略'],
  'grading.group.financial': ['financial', '财务指标'],
  'grading.group.behavioural': ['behavioural', '行为指标'],
  'grading.group.qualitative': ['qualitative', '定性指标'],
  'grading.note.column-not-found': [
    '{indicator} column not found: indicator dropped, weights renormalised within its group',
    '未找到{indicator}列：已剔除该指标，组内权重重新归一',
  ],
  'grading.note.no-points': [
    '{indicator} has no points table: indicator dropped, weights renormalised within its group',
    '{indicator}没有分值对照表：已剔除该指标，组内权重重新归一',
  ],
  'grading.note.group-dropped': [
    'No {group} indicator available: group dropped, weights renormalised across the other groups',
    '没有可用的{group}：已剔除该组，其余组权重重新归一',
  ],
  'grading.note.missing': [
    '{indicator}: no value for {count} customer(s) ({ids}); weights renormalised within the group for them',
    '{indicator}：{count}位客户缺少数值（{ids}），已为其重新归一组内权重',
  ],
  'grading.note.not-graded': [
    '{count} customers have no indicator value at all: not graded',
    '{count}位客户没有任何指标数值：未评级',
  ],
  'grading.explain': ['score {score} = {parts}', '得分 {score} = {parts}'],
  'grading.explain.not-graded': ['no indicator value: not graded', '没有任何指标数值：未评级'],
  'column.gradeScore': ['Grade score', '评分'],
  'column.grade': ['Grade', '等级'],
  'dimensions.column.name': ['Dimension', '维度名称'],
  'dimensions.column.definition': ['Definition', '维度定义'],
  'dimensions.column.availability': ['Data availability', '数据可获取性'],
  'dimensions.column.r': ['Pearson r with {goal}', '与{goal}的皮尔逊相关系数'],
  'dimensions.column.relevance': ['Relevance to goal (1–5)', '与业务目标相关性(1–5)'],
  'dimensions.column.operability': ['Operability (1–5)', '可操作性(1–5)'],
  'dimensions.column.score': ['Weighted score', '综合评分'],
  'dimensions.column.selected': ['Selected', '是否选用'],
  'dimensions.note.goal-missing': [
    'Goal metric {goal} not found: no correlations; relevance needs expert scores',
    '未找到目标指标{goal}：无法计算相关系数，相关性需专家评分',
  ],
  'dimensions.note.candidate-missing': ['{field} column not found: not evaluated', '未找到{field}列：未评估'],
  'dimensions.note.relevance-needed': [
    'Relevance needs an expert score (no correlation): {fields}',
    '以下维度无相关系数，相关性需专家评分：{fields}',
  ],
  'dimensions.definition.recencyDays': ['days since the last purchase', '距最近一次消费的天数'],
  'dimensions.definition.frequency6m': ['orders in the last 6 months', '近6个月的订单数'],
  'dimensions.definition.historicalFrequency': ['orders over the whole history', '历史累计订单数'],
  'dimensions.definition.amount6m': ['spend in the last 6 months', '近6个月消费金额'],
  'dimensions.definition.averageOrderValue': ['average amount per purchase', '平均每次消费金额'],
  'dimensions.definition.cumulativeSpend': ['spend over the whole history', '历史累计消费金额'],
  'dimensions.definition.tenureDays': ['days since the first purchase', '距首次消费的天数'],
  'dimensions.definition.logins3m': ['app logins in the last 3 months', '近3个月APP登录次数'],
  'dimensions.definition.consultations': ['enquiries', '咨询次数'],
  'dimensions.definition.complaints6m': ['complaints in the last 6 months', '近6个月投诉次数'],
  'dimensions.definition.promotionsJoined6m': ['promotions joined', '参与促销活动次数'],
  'dimensions.definition.couponUses': ['discount coupons used', '优惠券使用次数'],
  'dimensions.definition.satisfaction': ['satisfaction score', '满意度评分'],
  'dimensions.definition.interactionCount': ['interactions of any kind', '各类互动次数'],
  'dimensions.definition.age': ['age in years', '年龄'],
  'dimensions.definition.accountBalance': ['account balance', '账户余额'],
  'dimensions.definition.assetSize': ['asset size', '资产规模'],
  'dimensions.definition.firstPurchaseAmount': ['value of the first order', '首次购买金额'],
  'dimensions.definition.annualFrequency': ['purchases per year', '年采购频次'],
  'dimensions.definition.purchaseCycleDays': ['typical days between orders', '平均购买间隔天数'],
  'dimensions.definition.profitContribution': ['profit from the customer', '客户利润贡献'],
  'dimensions.definition.referralRate': ['share of referrals (yes = 100%)', '推荐他人的比例（是 = 100%）'],
  'dimensions.definition.repurchaseRate': ["the customer's repurchase rate", '客户复购率'],
  'dimensions.definition.serviceCost': ['after-sales and maintenance cost', '售后与维护成本'],
  'dimensions.definition.ltv': ['lifetime value', '客户生命周期价值'],
  'dimensions.definition.industry': ['industry (national standard classification)', '所属行业（国标分类）'],
  'dimensions.definition.region': ['province or area entered at registration', '注册时填写的省份/地区'],
  'dimensions.definition.companySize': ['individual / SME / large enterprise', '个人 / 中小企业 / 大型企业'],
  'dimensions.definition.channel': ['online / offline', '线上 / 线下'],
  'dimensions.definition.gender': ['gender', '性别'],
  'dimensions.definition.membershipLevel': ['points level from the membership system', '会员系统积分等级'],
  // Charts and the visual report (SPEC §9, issue 4 "Summaries, migration and reports")
  'chart.axis.recency': ['R · recency', 'R · 最近消费'],
  'chart.axis.frequency': ['F · frequency', 'F · 消费频次'],
  'chart.axis.monetary': ['M · spend', 'M · 消费金额'],
  'chart.axis.monetaryIn': ['M · spend ({unit})', 'M · 消费金额（{unit}）'],
  'chart.radar.title': ['Segment profiles on R, F and M', '各群体R、F、M画像'],
  'chart.radar.subtitle': [
    'Segment mean ÷ mean of all customers, log scale: dashed ring = average, each ring ×2.\nR is inverted: outward = more recent.',
    '群体均值 ÷ 全体均值，对数刻度：虚线圈为均值，每圈×2。\nR取倒数：越靠外越近期。',
  ],
  'chart.radar.average': ['average', '均值'],
  'chart.radar.dimension': ['Dimension', '维度'],
  'chart.radar.ratio': ['× average', '×均值'],
  'chart.share.title': ['Customer share and revenue contribution by segment', '各群体客户占比与收入贡献'],
  'chart.share.measure': ['Measure', '指标'],
  'chart.share.customers': ['Share of customers', '客户占比'],
  'chart.share.revenue': ['Share of revenue', '收入贡献'],
  'chart.pie.customers': ['Customers by segment', '各群体客户占比'],
  'chart.pie.revenue': ['Revenue contribution by segment', '各群体收入贡献'],
  'chart.scatter.title': ['Spend vs purchase frequency by segment', '各群体消费金额与消费频次'],
  'chart.scatter.sampled': [
    '{sampled} of {count} scored customers shown (deterministic sample by segment); symmetric log axes.',
    '显示{count}位已评分客户中的{sampled}位（按群体确定性抽样）；坐标轴为对称对数刻度。',
  ],
  'chart.scatter.all': [
    'All {count} scored customers; symmetric log axes.',
    '全部{count}位已评分客户；坐标轴为对称对数刻度。',
  ],
  'chart.migration.title': ['Segment migration', '群体迁移'],
  'chart.migration.subtitle': ['Customers in both snapshots: {before} → {after}', '两期均在的客户：{before} → {after}'],
  'chart.migration.from': ['Before', '之前'],
  'chart.migration.to': ['After', '之后'],
  'chart.migration.rowShare': ['Share of the row', '占该行比例'],
  'value.blank': ['(blank)', '（空白）'],
  'value.other': ['(other)', '（其他）'],
  'column.medianRecency': ['Median R (days)', 'R中位数(天)'],
  'column.medianFrequency': ['Median F', 'F中位数'],
  'column.medianMonetary': ['Median M', 'M中位数'],
  'column.profileRecency': ['R ÷ average', 'R÷均值'],
  'column.profileFrequency': ['F ÷ average', 'F÷均值'],
  'column.profileMonetary': ['M ÷ average', 'M÷均值'],
  'column.code': ['Code', '编码'],
  'column.issues': ['Count', '次数'],
  'column.from': ['From', '原群体'],
  'column.to': ['To', '新群体'],
  'column.steps': ['Steps', '变动级数'],
  'report.title': ['Customer segmentation visual report', '客户细分可视化报告'],
  'report.file': ['File', '文件'],
  'report.scheme': ['Scheme', '细分方案'],
  'report.asOf': ['Analysis date', '分析日期'],
  'report.generated': ['Generated', '生成日期'],
  'report.shape.transactions': ['transactions', '交易明细'],
  'report.shape.customers': ['customer rows', '客户明细'],
  'report.summary': ['Summary', '摘要'],
  'report.scored': ['Scored customers', '已评分客户'],
  'report.matchRate': ['Found in the customer table', '客户表匹配率'],
  'report.segments': ['Segment summary', '群体汇总'],
  'report.charts': ['Charts', '图表'],
  'report.crossTabs': ['Distributions and cross analysis', '分布与交叉分析'],
  'report.crossTab.title': ['Segment × {attribute}', '群体 × {attribute}'],
  'report.crossTab.note': [
    'Each cell: customers, share of the segment (row) and revenue.',
    '每格：客户数、占该群体（行）比例、收入。',
  ],
  'report.rfmMatrix': ['RFM distribution matrix', 'RFM分布矩阵'],
  'report.rfmMatrix.rf': [
    'Customers by R score (rows) × F score (columns), share of scored customers',
    'R得分（行）× F得分（列）客户数及占已评分客户比例',
  ],
  'report.rfmMatrix.codes': ['Customers by RFM code', '各RFM编码客户数'],
  'report.unscored': ['Not scored: {count}', '未评分：{count}'],
  'report.migration.summary': [
    '{retained} customers in both snapshots: {stayed} stayed, {upgraded} upgraded, {downgraded} downgraded, {moved} moved otherwise; {new} new, {lost} lost.',
    '两期均在的客户{retained}位：保持{stayed}位，升级{upgraded}位，降级{downgraded}位，其他变动{moved}位；新增{new}位，流失{lost}位。',
  ],
  'report.migration.snapshots': [
    'Earlier snapshot {before}, later snapshot {after}.',
    '上期快照{before}，本期快照{after}。',
  ],
  'report.upgrades': ['Top upgrades by revenue', '收入最高的升级客户'],
  'report.downgrades': ['Top downgrades by revenue', '收入最高的降级客户'],
  'report.newCustomers': ['New customers', '新增客户'],
  'report.lostCustomers': ['Lost customers', '流失客户'],
  'report.none': ['None', '无'],
  'report.cleaning': ['Cleaning log', '清洗记录'],
  'report.noIssues': ['No issues', '无问题'],
  'report.notes': ['Run notes', '运行说明'],
  'report.kmeans': ['k-means model (Table 4)', 'k-means模型（表4 客户细分模型构建步骤表）'],
  'report.kmeans.chosen': [
    'K = {k} ({choice}), silhouette {silhouette} on {scored} customers. K > 6 is not recommended (4–6 is typical); silhouette > 0.5 = effective clustering.',
    'K = {k}（{choice}），轮廓系数{silhouette}（{scored}位客户）。不推荐K > 6（常用4–6类）；轮廓系数 > 0.5 表示聚类有效。',
  ],
  'report.kmeans.silhouette': ['Silhouette', '轮廓系数'],
  'report.kmeans.inertia': ['Inertia', '惯性（组内平方和）'],
  'report.footer': [
    'Generated by Tierline. Charts are Vega-Lite specifications rendered to inline SVG; the file needs no network access.',
    '由Tierline生成。图表为Vega-Lite规格渲染的内嵌SVG，文件无需联网。',
  ],
  'report.sheet': ['Summary', '汇总'],
  // The report's first section (issue 13): what each owner does this week.
  'report.week.title': ['What to do this week', '本周行动'],
  'report.week.sheet': ['This week', '本周行动'],
  'report.week.intro': [
    'Per account manager: the customers most at risk of leaving, what losing them would cost and the suggested action; then every strategy group with how its work is measured.',
    '按客户经理列出：最可能流失的客户、失去他们的代价和建议动作；随后是各策略群体及其效果指标。',
  ],
  'report.week.basis.expected-loss': [
    "Expected loss = churn probability × the customer's spend in the last 12 months: what a year without them is likely to cost.",
    '预期损失 = 流失概率 × 该客户近12个月消费额，即失去该客户一年可能损失的金额。',
  ],
  'report.week.basis.yearly-spend': [
    "There is no churn probability here (rule-based decision), so the value at risk is the customer's lifetime spend per year as a customer (lifetime spend ÷ years since the first purchase, at least one year).",
    '此处没有流失概率（规则判定），风险价值 = 客户平均每年的累计消费（累计消费 ÷ 首次购买至今的年数，至少按1年计）。',
  ],
  'report.week.masked': [
    'Names are masked as in any document shared outside the team; the customer ID identifies each customer.',
    '客户名称已按对外文件的要求脱敏，以客户ID识别客户。',
  ],
  'report.week.everyone': ['All customers', '全部客户'],
  'report.week.no-owner': ['No account manager', '未分配客户经理'],
  'report.week.owner-summary': [
    '{atRisk} of {customers} customers at risk · {value} at stake',
    '{customers}位客户中{atRisk}位有流失风险 · 涉及金额{value}',
  ],
  'report.week.owner-groups': ['By strategy group: {groups}', '按策略群体：{groups}'],
  'report.week.more': [
    '…and {count} more at-risk customers (see the bot or the segment output).',
    '……另有{count}位流失风险客户（见机器人或细分结果）。',
  ],
  'report.week.none': ['Nobody at risk.', '没有流失风险客户。'],
  'report.week.customer': ['Customer', '客户'],
  'report.week.expected-loss': ['Expected loss', '预期损失'],
  'report.week.value-at-risk': ['Value at risk', '风险价值'],
  'report.week.action': ['Suggested action', '建议动作'],
  'report.week.groups': ['Customers per strategy group', '各策略群体客户数'],
  'report.week.groups.note': [
    'The strategy group follows the segment, so its size is not the churn count; "at risk" counts the group\'s customers on the churn list.',
    '策略群体随细分群体而定，其人数不是流失人数；“流失风险”一列为该群体中列入流失名单的客户数。',
  ],
  'report.week.ungrouped': ['{count} customers are in no strategy group.', '{count}位客户不属于任何策略群体。'],
  'report.week.next-due': ['Next due', '下次完成时限'],
  // Churn back-test reasons (core/churn, issue 11)
  'churn.reason.silent-vs-gap': [
    'silent {days} days, {ratio}× their usual {gap}-day gap',
    '已 {days} 天未购买，是其平时间隔（{gap} 天）的 {ratio} 倍',
  ],
  'churn.reason.silent': ['silent {days} days since their only purchase day', '唯一一次购买后已 {days} 天未购买'],
  'churn.reason.silent-since-last': [
    'silent {days} days since their last purchase',
    '最近一次购买后已 {days} 天未购买',
  ],
  'churn.reason.orders': ['{orders} orders, {spend} in all', '共 {orders} 单，累计 {spend}'],
  'churn.reason.one-order': ['1 order, {spend}', '共 1 单，{spend}'],
  'churn.reason.rule': ['matches the rule "{rule}"', '符合规则「{rule}」'],
  'churn.reason.complaints': ['{n} complaint(s) in 6 months', '近6个月投诉 {n} 次'],
  'churn.rule.a-step4': ['no purchase in 3 months, at most 1 order', '近3个月未消费且历史消费≤1次'],
  'churn.rule.a-table5': [
    'no purchase in 3 months and at most 3 orders, or a complaint',
    '近3个月未消费且历史消费≤3次，或有投诉',
  ],
  'churn.rule.b-rfm': ['no purchase in 90 days, at most 1 order in 6 months', '90天未消费且近6个月消费≤1次'],
  'churn.rule.b-churn-warning': ['no purchase in 90 days, spend ≥ 2,000', '90天未消费且历史消费≥2,000'],
  // One churn truth (issue 11 §3): the definition, the model's name and why the churn column differs from a segment name.
  'churn.definition.model': [
    'At risk = P(no purchase in the next {horizon} days) ≥ {threshold} by {model} (back-test AUC {auc}, precision in top 20 {p20}, base rate {base})',
    '流失风险 = 未来{horizon}天不再购买的概率 ≥ {threshold}，模型 {model}（回测 AUC {auc}，前20名准确率 {p20}，基准流失率 {base}）',
  ],
  'churn.definition.top': [
    'At risk = the {count} largest expected losses, ranked by {model} (back-test AUC {auc}, precision in top 20 {p20}, base rate {base})',
    '流失风险 = 预期损失最大的{count}位客户，按 {model} 排序（回测 AUC {auc}，前20名准确率 {p20}，基准流失率 {base}）',
  ],
  'churn.definition.fallback': [
    "At risk = any rule-based churn rule matches, or P(no purchase in the next {horizon} days) ≥ {threshold} by the customer's own buying rhythm (too little history for a back-test: {why})",
    '流失风险 = 符合任一规则判定的流失条件，或按客户自身购买节奏估计未来{horizon}天不再购买的概率 ≥ {threshold}（历史数据不足以回测：{why}）',
  ],
  'churn.definition.rules': [
    'At risk = any rule-based churn rule matches (no purchase for 3 months with few orders, a recent complaint, or no purchase for 90 days after spending at least 2,000); no probability: {why}',
    '流失风险 = 符合任一规则判定的流失条件（近3个月未消费且订单少、近期有投诉，或累计消费满2,000后90天未消费）；无概率：{why}',
  ],
  'churn.why.customer-rows': [
    'the input is one row per customer, without purchase history',
    '输入为每位客户一行，无购买明细',
  ],
  'churn.why.switched-off': ['the churn model is switched off', '流失模型已关闭'],
  'churn.why.failed': ['the churn model could not run ({error})', '流失模型无法运行（{error}）'],
  'churn.model.rules': ['rule-based churn rules', '规则判定'],
  'churn.model.rules-and-cadence': ['rules and cadence', '规则与购买节奏'],
  'churn.model.cadence': ['cadence', '购买节奏'],
  'churn.model.bg-nbd': ['BG/NBD', 'BG/NBD'],
  'churn.model.mbg-nbd': ['MBG/NBD', 'MBG/NBD'],
  'churn.model.gbdt': ['gbdt', '梯度提升树'],
  'churn.reason.probability': [
    'P(no purchase in {horizon} days) {p} ≥ {threshold}',
    '未来{horizon}天不再购买的概率 {p} ≥ {threshold}',
  ],
  'churn.reason.segment-not-at-risk': [
    'segment "{segment}" is the scheme\'s grouping, not the churn decision: {model} puts P(no purchase in {horizon} days) at {p}, below {threshold}',
    '细分「{segment}」是方案的分组，不是流失判断：{model} 估计未来{horizon}天不再购买的概率为 {p}，低于 {threshold}',
  ],
  'churn.reason.segment-no-rule': [
    'segment "{segment}" is the scheme\'s grouping, not the churn decision: no rule-based churn rule matches',
    '细分「{segment}」是方案的分组，不是流失判断：不符合任何规则判定的流失条件',
  ],
  'churn.reason.new-customer': [
    'new customer: one order, {days} days ago; too early to judge churn',
    '新客户：仅1笔订单，{days}天前；尚不能判断流失',
  ],
  'churn.summary.count': ['At risk: {count} customers ({share})', '流失风险：{count}位客户（{share}）'],
  'churn.summary.candidates': ['Candidates (back-test AUC)', '候选模型（回测AUC）'],
  'summary.churn': ['Churn', '流失'],
  'summary.strategy-by-segment': [
    'Strategy group (follows the segment; not the churn count)',
    '策略分组（按细分，非流失人数）',
  ],
  'column.churnProbability': ['Churn probability', '流失概率'],
  'column.churnModel': ['Churn model', '流失模型'],
} as const satisfies Record<string, Entry>;

const LABELS = {
  ...ENGINE_LABELS,
  ...ISSUE_MESSAGES,
  ...BOT_MESSAGES,
  ...PANE_MESSAGES,
  ...CLI_MESSAGES,
  ...HELP_MESSAGES,
  ...ERROR_MESSAGES,
  ...CUSTOMER_ISSUE_MESSAGES,
  ...USAGE_MESSAGES,
  ...CONFIG_MESSAGES,
  ...MODEL_MESSAGES,
} as const satisfies Record<string, Entry>;

/** Every catalogue entry, for the completeness test (same keys and placeholders in both locales). */
export const CATALOGUE: Readonly<Record<string, Entry>> = LABELS;

export type LabelKey = keyof typeof LABELS;

/** A catalogue sentence and its parameters, rendered in any locale later (a cell issue's text, a run note). */
export interface Message {
  readonly key: LabelKey;
  readonly params?: MessageParams;
}

/** Parameter values: plain text and numbers, a list of plain items (joined by ", " or "、"), or nested Messages rendered in the same locale (a list joined by "; " or "；"). */
export type MessageParams = Readonly<
  Record<string, string | number | Message | readonly Message[] | readonly string[]>
>;

/**
 * The label of `key` in `locale`, with `{name}` placeholders filled (a nested
 * Message parameter is rendered in the same locale).
 * @example label('segment.at-risk', 'zh-CN') === '流失风险'
 */
export function label(key: LabelKey, locale: Locale, params?: MessageParams): string {
  const entry: Entry = LABELS[key];
  const text = locale === 'zh-CN' ? entry[1] : entry[0];
  if (!params) return text;
  // One pass, so a value that itself contains `{name}` (a customer's search text) is never filled again.
  const parts = compiledTemplate(text);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out +=
      (Object.prototype.hasOwnProperty.call(params, name) ? paramText(params[name]!, locale) : `{${name}}`) +
      parts[i + 1]!;
  }
  return out;
}

// Templates split once into [text, name, text, name, …, text] (odd places are `{name}` placeholders):
// per-customer columns render the same few templates hundreds of thousands of times.
const compiledTemplates = new Map<string, readonly string[]>();

function compiledTemplate(text: string): readonly string[] {
  let parts = compiledTemplates.get(text);
  if (parts === undefined) {
    const split: string[] = [];
    let last = 0;
    for (const match of text.matchAll(/\{(\w+)\}/g)) {
      split.push(text.slice(last, match.index), match[1]!);
      last = match.index + match[0].length;
    }
    split.push(text.slice(last));
    compiledTemplates.set(text, (parts = split));
  }
  return parts;
}

function paramText(value: MessageParams[string], locale: Locale): string {
  // A list of plain items (codes, names) uses the locale's list separator: ", " or "、".
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return (value as readonly string[]).join(locale === 'zh-CN' ? '、' : ', ');
  if (Array.isArray(value))
    return (value as readonly Message[])
      .map((m) => label(m.key, locale, m.params))
      .join(locale === 'zh-CN' ? '；' : '; ');
  return typeof value === 'object' ? label((value as Message).key, locale, (value as Message).params) : String(value);
}

/** A Message in `locale`. */
export function renderMessage(message: Message, locale: Locale): string {
  return label(message.key, locale, message.params);
}

/** True when `key` is a known label key (for ids built at run time). */
export function isLabelKey(key: string): key is LabelKey {
  return Object.prototype.hasOwnProperty.call(LABELS, key);
}

/** Tags are written 【…】 in Chinese and […] in English (SPEC §6). */
export function formatTags(tags: readonly string[], locale: Locale): string {
  return locale === 'zh-CN' ? tags.map((t) => `【${t}】`).join('') : tags.map((t) => `[${t}]`).join(' ');
}
