import type { Locale } from '../intents/match-intent.js';

/**
 * Every user-visible sentence of the bot in both locales, keyed by stable
 * ids (STYLE: labels from one table, never literals in listeners).
 * `{name}` placeholders are filled by `message`.
 */
const MESSAGES = {
  'churn.title': ['Customers at churn risk', '流失风险客户'],
  'churn.title-owner': ['Customers at churn risk — {owner}', '流失风险客户 — {owner}'],
  'churn.ranked-model': ['Ranked by value at risk (lifetime model: churn probability × expected value).', '按风险价值排序（生命周期模型：流失概率 × 预期价值）。'],
  'churn.ranked-rule': ['Ranked by spend: this snapshot has no reliable lifetime model, so the SPEC churn rule decides who is at risk.', '按消费金额排序：该快照没有可靠的生命周期模型，由规范中的流失规则判定风险。'],
  'churn.none': ['No customers at churn risk in the snapshot of {asOf}.', '{asOf} 的快照中没有流失风险客户。'],
  'churn.page': ['{from}–{to} of {total} · snapshot {asOf}', '第 {from}–{to} 位，共 {total} 位 · 快照 {asOf}'],
  'field.reason': ['Reason', '原因'],
  'field.last-purchase': ['Last purchase', '最近购买'],
  'field.spend': ['Spend', '累计消费'],
  'field.segment': ['Segment', '细分群体'],
  'field.action': ['Suggested action', '建议动作'],
  'field.owner': ['Owner', '客户经理'],
  'field.value-at-risk': ['Value at risk', '风险价值'],
  'field.churn-probability': ['Churn probability', '流失概率'],
  'field.recency': ['Days since purchase', '距上次购买天数'],
  'field.frequency': ['Purchases', '购买次数'],
  'field.aov': ['Average order', '客单价'],
  'field.due': ['Due', '时间节点'],
  'field.contacts': ['Contacts logged', '已记录的联系'],
  'field.snoozed': ['Snoozed until', '已暂缓至'],
  'button.log-contact': ['Log contact', '记录联系'],
  'button.snooze': ['Snooze 30 days', '暂缓30天'],
  'button.details': ['Details', '详情'],
  'button.next': ['Next page', '下一页'],
  'button.previous': ['Previous page', '上一页'],
  'never': ['never', '无'],
  'none': ['—', '—'],
  'lookup.not-found': ['No customer {id} among the customers you can see.', '在您可查看的客户中没有 {id}。'],
  'search.none': ['No customer matching "{text}" among the customers you can see.', '在您可查看的客户中没有与“{text}”匹配的客户。'],
  'search.title': ['Customers matching "{text}"', '与“{text}”匹配的客户'],
  'segment.title': ['{segment}', '{segment}'],
  'segment.none': ['No customers in {segment}.', '{segment} 中没有客户。'],
  'segment.unknown': ['There is no segment "{segment}" in the current snapshot.', '当前快照中没有“{segment}”这个群体。'],
  'summary.title': ['Your customers', '我的客户概况'],
  'summary.title-owner': ['Customers of {owner}', '{owner} 的客户概况'],
  'summary.title-all': ['All customers', '全部客户概况'],
  'summary.line': ['{count} customers · {churn} at churn risk · spend {revenue}', '{count} 位客户 · {churn} 位有流失风险 · 消费 {revenue}'],
  'help.title': ['What I can answer', '我可以回答这些问题'],
  'help.body': [
    '• *who is at churn risk* — your customers most worth winning back (`/crm churn 10`)\n• *C003* or *tell me about Acme* — one customer\n• *show champions* — a segment\n• *my summary* — your customers by segment\n• managers: `/crm churn @maria`, `/crm digest subscribe #sales weekly mon 09:00 Asia/Shanghai all`',
    '• *哪些客户有流失风险* — 最值得挽回的客户（`/crm churn 10`）\n• *客户 C003* — 查看单个客户\n• *高价值客户* — 查看一个群体\n• *我的客户概况* — 按群体统计\n• 主管：`/crm churn @maria`、`/crm digest subscribe #sales weekly mon 09:00 Asia/Shanghai all`',
  ],
  'help.fallback': ["I didn't understand that. Here is what I can answer:", '没有理解您的问题。我可以回答：'],
  'error.no-snapshot': ['No customer data yet: an admin imports a file with `tierline import <file>`.', '还没有客户数据：请管理员运行 `tierline import <文件>` 导入。'],
  'error.empty-snapshot': ['The newest snapshot ({asOf}) has no customers.', '最新快照（{asOf}）中没有客户。'],
  'error.not-mapped': ['Your Slack account is not linked to an owner in the customer data. Ask an admin to run `/crm users map "Your Name=@you"`.', '您的 Slack 账号尚未关联客户经理。请管理员运行 `/crm users map "姓名=@您"`。'],
  'error.managers-only': ['Only managers can do that.', '只有主管可以执行此操作。'],
  'error.admins-only': ['Only admins can do that.', '只有管理员可以执行此操作。'],
  'error.owner-not-mapped': ['<@{user}> is not linked to an owner.', '<@{user}> 尚未关联客户经理。'],
  'error.forbidden-customer': ['That customer is not one of yours.', '该客户不属于您。'],
  'error.usage': ['I could not read that command: {problem}\nUsage: {usage}', '无法识别该命令：{problem}\n用法：{usage}'],
  'error.slack': ['Slack did not accept the message ({code}); nothing was lost, try again in a minute.', 'Slack 未接受该消息（{code}）；数据未丢失，请稍后重试。'],
  'log.title': ['Log contact', '记录联系'],
  'log.submit': ['Save', '保存'],
  'log.cancel': ['Cancel', '取消'],
  'log.date': ['Date', '执行日期'],
  'log.action': ['Action', '动作描述'],
  'log.feedback': ['Customer feedback', '客户反馈'],
  'log.result': ['Result', '结果标记'],
  'log.success': ['Success', '成功'],
  'log.follow-up': ['Follow-up', '待跟进'],
  'log.saved': ['Logged contact with {customer} on {date}: {result}.', '已记录 {date} 与 {customer} 的联系：{result}。'],
  'log.bad-date': ['Write the date as YYYY-MM-DD.', '日期格式应为 YYYY-MM-DD。'],
  'log.required': ['Required.', '必填。'],
  'snooze.done': ['{customer} snoozed until {until}: it leaves your churn list until then.', '{customer} 已暂缓至 {until}，在此之前不再出现在流失列表中。'],
  'home.title': ['Tierline', 'Tierline'],
  'home.tiers': ['Your customers by segment', '我的客户分层'],
  'home.top-risk': ['Top customers at churn risk', '重点流失风险客户'],
  'home.contacts': ['Contacts logged this week: {count}', '本周记录的联系：{count}'],
  'digest.title': ['Weekly tier digest — {scope}', '每周分层简报 — {scope}'],
  'digest.scope-all': ['all customers', '全部客户'],
  'digest.period': ['Snapshot {asOf}, compared with {previous}', '快照 {asOf}，对比 {previous}'],
  'digest.period-first': ['Snapshot {asOf} (first snapshot: no comparison yet)', '快照 {asOf}（首个快照，暂无对比）'],
  'digest.tiers': ['Tiers', '分层'],
  'digest.upgrades': ['Top upgrades', '升级最多'],
  'digest.downgrades': ['Top downgrades', '降级最多'],
  'digest.new-risks': ['New churn risks: {count}', '新增流失风险：{count}'],
  'digest.win-back': ['Win-back: {won} of {atRisk} at-risk customers bought again · contacts logged {contacts}, {rate} success', '挽回：{atRisk} 位风险客户中 {won} 位再次购买 · 已记录联系 {contacts} 次，成功率 {rate}'],
  'digest.empty': ['No customers in this digest\'s scope.', '本简报范围内没有客户。'],
  'digest.subscribed': ['Subscribed {channel}: {schedule} ({timeZone}), scope {scope}. Next digest {next}.', '已订阅 {channel}：{schedule}（{timeZone}），范围 {scope}。下一次简报 {next}。'],
  'digest.unsubscribed': ['Subscription {id} removed.', '已取消订阅 {id}。'],
  'digest.no-subscription': ['There is no subscription {id}.', '没有编号为 {id} 的订阅。'],
  'digest.list-empty': ['No digest subscriptions.', '没有简报订阅。'],
  'users.mapped': ['{owner} is now linked to <@{user}>.', '{owner} 已关联 <@{user}>。'],
  'upload.refused': ['Only admins can import files.', '只有管理员可以导入文件。'],
  'upload.too-large': ['That file is {size} MB; the limit is {limit} MB.', '文件大小为 {size} MB，上限为 {limit} MB。'],
  'upload.wrong-type': ['I can import .csv and .xlsx files only.', '只能导入 .csv 和 .xlsx 文件。'],
  'upload.done': ['Imported as snapshot of {asOf}: {count} customers.', '已导入为 {asOf} 的快照：{count} 位客户。'],
  'upload.failed': ['I could not read that file as a table: {problem}', '无法将该文件读取为表格：{problem}'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageId = keyof typeof MESSAGES;

/**
 * The sentence `id` in `locale` with `{name}` placeholders filled.
 * @example message('churn.none', 'en', { asOf: '2026-11-01' }) // 'No customers at churn risk in the snapshot of 2026-11-01.'
 */
export function message(id: MessageId, locale: Locale, values: Readonly<Record<string, string | number>> = {}): string {
  const text = MESSAGES[id][locale === 'zh-CN' ? 1 : 0] as string;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
