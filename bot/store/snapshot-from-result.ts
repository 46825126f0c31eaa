import { describeCustomer, segmentLabel, dayFromCivil, type SegmentationResult } from '../../core/index.js';
import { assessReliability, buildLifetimeSummary, fitBgNbd, fitGammaGamma, scoreLifetimes, type LifetimeScores } from '../../core/lifetime/index.js';
import type { NewSnapshot, StoredCustomer } from './store.js';

/** What an import stores: the snapshot row and its customers (lazily, so 1M rows stream into one transaction). */
export interface PreparedSnapshot {
  readonly snapshot: NewSnapshot;
  readonly customers: Iterable<StoredCustomer>;
  /** Why the churn ranking uses the SPEC rule instead of a model (empty with a reliable model). */
  readonly modelNotes: readonly string[];
}

function dayOf(iso: string): number {
  return dayFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/**
 * Fits BG/NBD + Gamma-Gamma on the purchase days the run kept, when it kept
 * them, and returns the scores only if the minimum-data guard calls the model
 * reliable: an unreliable P(alive) must not rank a salesperson's call list.
 */
function scoreModel(result: SegmentationResult): { scores?: LifetimeScores; byCustomer?: Int32Array; notes: string[] } {
  const purchaseDays = result.features.purchaseDays;
  if (!purchaseDays) return { notes: ['The file was read without purchase days (customer rows, or no lifetime model asked for): churn risk is the SPEC rule, ranked by spend.'] };
  try {
    // asOf is the day after the newest purchase: calibrate up to the day before.
    const summary = buildLifetimeSummary(purchaseDays, result.features.ids, { calibrationEndDay: dayOf(result.asOf) - 1, unit: 'weeks' });
    const transactions = fitBgNbd(summary);
    const spend = fitGammaGamma(summary);
    const reliability = assessReliability(summary, [transactions, spend]);
    if (!reliability.reliable) return { notes: reliability.reasons.map((r) => r.message) };
    const scores = scoreLifetimes(summary, { transactions, spend }, { specChurnReasons: result.tags.churnReasons });
    const byCustomer = new Int32Array(result.features.count).fill(-1);
    for (let i = 0; i < summary.count; i++) byCustomer[summary.sourceIndex ? summary.sourceIndex[i]! : i] = i;
    return { scores, byCustomer, notes: [] };
  } catch (error) {
    return { notes: [`Lifetime model not fitted (${(error as Error).message}); churn risk is the SPEC rule, ranked by spend.`] };
  }
}

/**
 * Turns a segmentation run into a storable snapshot: per customer the columns
 * the bot answers with (owner = the 客户经理 attribute), churn reasons in both
 * locales, and value at risk when a reliable lifetime model could be fitted.
 * Customers with no purchase on record are kept: a salesperson may still
 * look them up.
 * @example prepareSnapshot(segmentTable(header, rows), 'sample.csv', '2026-11-25T09:00:00Z').snapshot.asOf
 */
export function prepareSnapshot(result: SegmentationResult, source: string, importedAt: string): PreparedSnapshot {
  const segments = result.scheme.segments;
  const model = scoreModel(result);
  const churnSource = model.scores ? 'model' : 'spec-rule';
  const snapshot: NewSnapshot = {
    asOf: result.asOf,
    importedAt,
    source,
    scheme: result.scheme.scheme,
    segments,
    segmentLabels: { en: segments.map((s) => segmentLabel(s, 'en')), zh: segments.map((s) => segmentLabel(s, 'zh-CN')) },
    churnSource,
  };
  function* customers(): Generator<StoredCustomer> {
    for (let c = 0; c < result.features.count; c++) {
      const en = describeCustomer(result, c, 'en');
      const zh = describeCustomer(result, c, 'zh-CN');
      const m = model.byCustomer?.[c] ?? -1;
      const scores = model.scores;
      const atRiskByModel = scores && m >= 0 ? scores.churnRisk[m] === 1 : false;
      const pAlive = scores && m >= 0 ? scores.pAlive[m]! : Number.NaN;
      const pAliveText = Number.isFinite(pAlive) && atRiskByModel && !en.churnRisk ? Math.round((1 - pAlive) * 100) : undefined;
      yield {
        customerId: en.customerId,
        name: en.attributes.customerName ?? null,
        company: en.attributes.company ?? null,
        owner: en.attributes.accountManager ?? null,
        segment: en.segment,
        recencyDays: en.recencyDays,
        frequency: en.frequency,
        monetary: en.monetary,
        averageOrderValue: en.averageOrderValue,
        lastPurchaseDate: en.lastPurchaseDate,
        churnRisk: en.churnRisk || atRiskByModel,
        churnReasonEn: en.churnReason ?? (pAliveText !== undefined ? `Churn probability ${pAliveText}% (lifetime model)` : null),
        churnReasonZh: zh.churnReason ?? (pAliveText !== undefined ? `流失概率 ${pAliveText}%（生命周期模型）` : null),
        churnProbability: Number.isFinite(pAlive) ? 1 - pAlive : null,
        valueAtRisk: scores && m >= 0 && Number.isFinite(scores.valueAtRisk[m]!) ? scores.valueAtRisk[m]! : null,
        strategyGroup: en.strategyGroup,
        dueDate: en.strategy?.dueDate ?? null,
      };
    }
  }
  return { snapshot, customers: { [Symbol.iterator]: customers }, modelNotes: model.notes };
}
