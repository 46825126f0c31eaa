/**
 * What `tierline model fit|evaluate` prints (issue 14: one catalogue): the
 * data line, the parameter and holdout tables, the reliability verdict
 * (`model.reliability.*`, from core/lifetime/assess-reliability.ts) and the
 * churn back-test. The English is what the command printed before the move.
 */
export const MODEL_MESSAGES = {
  // cli/commands/model.ts
  'cli.model.summary': [
    '{file}: {customers} customers ({repeat} repeat buyers) in {unit}; cleaning: {counts}',
    '{file}：{customers}位客户（其中{repeat}位重复购买），时间单位：{unit}；清洗：{counts}',
  ],
  'cli.model.unit.weeks': ['weeks', '周'],
  'cli.model.unit.days': ['days', '天'],
  'cli.model.column.model': ['Model', '模型'],
  'cli.model.column.parameter': ['Parameter', '参数'],
  'cli.model.column.estimate': ['Estimate', '估计值'],
  'cli.model.column.std-error': ['Std. error', '标准误'],
  'cli.model.column.log-likelihood': ['Log-likelihood', '对数似然'],
  'cli.model.gamma-gamma-not-fitted': ['Gamma-Gamma not fitted: {reason}', 'Gamma-Gamma 未拟合：{reason}'],
  'cli.model.reliable': [
    'Model reliable: enough repeat buyers and purchase cycles.',
    '模型可靠：重复购买客户和购买周期都足够。',
  ],
  'cli.model.unreliable': [
    'Model unreliable — churn falls back to the rule-based churn rules:',
    '模型不可靠——流失判断改用规则判定：',
  ],
  'cli.model.holdout': ['Holdout: {length} {unit} after {date}', '验证期：{date} 之后的 {length} {unit}'],
  'cli.model.holdout-totals': [
    '{model}: predicted {predicted} vs actual {actual} repeat purchases; MAE {mae} per customer',
    '{model}：预测重复购买 {predicted} 次，实际 {actual} 次；每位客户的平均绝对误差（MAE）{mae}',
  ],
  'cli.model.holdout-auc': [
    'AUC for "bought again" ({buyers} customers did): P(alive) {alive}, expected purchases {expected}',
    '“再次购买”的 AUC（{buyers}位客户再次购买）：按存活概率 {alive}，按预期购买次数 {expected}',
  ],
  'cli.model.column.calibration-purchases': ['Calibration purchases', '校准期购买次数'],
  'cli.model.column.customers': ['Customers', '客户数'],
  'cli.model.column.actual-mean': ['Actual mean', '实际均值'],
  'cli.model.column.predicted-mean': ['Predicted mean', '预测均值'],
  'cli.model.churn-candidates': [
    'Churn candidates: no purchase in the {horizon} days after {from} (to {to}), trained on the {horizon} days before',
    '流失候选模型：以 {from} 之后 {horizon} 天（至 {to}）内不再购买为目标，用此前 {horizon} 天训练',
  ],
  'cli.model.column.auc': ['AUC', 'AUC'],
  'cli.model.column.precision-top-20': ['Precision top 20', '前20名精确率'],
  'cli.model.column.base-rate': ['Base rate', '基准流失率'],
  'cli.model.column.status': ['Status', '状态'],
  'cli.model.column.reason': ['Reason', '原因'],
  'cli.model.selected': ['Selected: {model}', '选用：{model}'],
  'cli.model.selected-because': ['Selected: {model} ({reason})', '选用：{model}（{reason}）'],
  'cli.model.fallback': ['fallback', '兜底'],
  // core/lifetime/assess-reliability.ts
  'model.reliability.few-repeat-buyers': [
    'Only {repeat} repeat buyers in the calibration period (at least {min} needed for stable parameters).',
    '校准期内只有{repeat}位重复购买客户（参数要稳定至少需要{min}位）。',
  ],
  'model.reliability.short-window': [
    'The calibration window ({days} days) is shorter than {cycles} purchase cycles (median time between purchases: {median}).',
    '校准期（{days}天）短于{cycles}个购买周期（两次购买间隔的中位数：{median}）。',
  ],
  'model.reliability.median-days': ['{days} days', '{days}天'],
  'model.reliability.median-unknown': ['unknown', '未知'],
  'model.reliability.not-converged': ['The maximum-likelihood fit did not converge.', '最大似然拟合没有收敛。'],
  'model.reliability.no-standard-errors': [
    'The likelihood is flat at the optimum (no standard errors): the parameters are not well identified.',
    '似然函数在最优点处平坦（没有标准误）：参数无法可靠确定。',
  ],
} as const satisfies Record<string, readonly [en: string, zh: string]>;
