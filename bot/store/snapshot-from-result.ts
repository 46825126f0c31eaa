import { describeCustomer, segmentLabel, type SegmentationResult } from '../../core/index.js';
import { finiteOrNull } from './snapshot-rows.js';
import type { NewSnapshot, SnapshotChurn, StoredCustomer } from './store.js';

/** What an import stores: the snapshot row and its customers (lazily, so 1M rows stream into one transaction). */
export interface PreparedSnapshot {
  readonly snapshot: NewSnapshot;
  readonly customers: Iterable<StoredCustomer>;
  /** Why churn is decided by the rules or a fallback rather than a back-tested model (the run's churn notes); empty otherwise. */
  readonly modelNotes: readonly string[];
}

/** The run's churn evidence as the snapshot stores it. */
function churnEvidence(result: SegmentationResult): SnapshotChurn {
  const churn = result.churn;
  return {
    model: churn.model,
    horizonDays: churn.horizonDays,
    threshold: finiteOrNull(churn.threshold),
    auc: finiteOrNull(churn.auc),
    precisionAt20: finiteOrNull(churn.precisionAt20),
    baseRate: finiteOrNull(churn.baseRate),
    definition: { en: churn.definition('en'), zh: churn.definition('zh-CN') },
  };
}

/**
 * Turns a segmentation run into a storable snapshot. Churn is the run's one
 * truth (result.churn, issue 11): the at-risk flag, probability, expected
 * loss and reasons in both locales per customer; the ranking model, its
 * back-test and the definition of "at risk" per snapshot; the data's
 * currency. The bot fits no model of its own. Customers with no purchase on
 * record are kept (a salesperson may look them up) but are never at risk:
 * someone who never bought cannot stop buying.
 * @example prepareSnapshot(segmentTable(header, rows), 'sample.csv', '2026-11-25T09:00:00Z').snapshot.churn?.model // 'rules'
 */
export function prepareSnapshot(result: SegmentationResult, source: string, importedAt: string): PreparedSnapshot {
  const segments = result.scheme.segments;
  const churn = result.churn;
  const snapshot: NewSnapshot = {
    asOf: result.asOf,
    importedAt,
    source,
    scheme: result.scheme.scheme,
    segments,
    segmentLabels: {
      en: segments.map((s) => segmentLabel(s, 'en')),
      zh: segments.map((s) => segmentLabel(s, 'zh-CN')),
    },
    churnSource: churn.source === 'model' ? 'model' : 'spec-rule',
    churn: churnEvidence(result),
    currency: { code: result.currency.code, symbol: result.currency.symbol },
  };
  // Fallback notes explain themselves in the definition; notes are shown only when no back-tested model ranks.
  const backTested = churn.source === 'model' && churn.model !== 'rules-and-cadence';
  const modelNotes = backTested ? [] : churn.notes.map((n) => n.message);
  function* customers(): Generator<StoredCustomer> {
    for (let c = 0; c < result.features.count; c++) {
      const en = describeCustomer(result, c, 'en');
      const bought = (en.frequency ?? 0) > 0;
      const loss = churn.expectedLoss[c]!;
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
        churnRisk: churn.atRisk[c] === 1 && bought,
        churnReasonEn: churn.reason(c, 'en'),
        churnReasonZh: churn.reason(c, 'zh-CN'),
        churnProbability: finiteOrNull(churn.probability[c]!),
        expectedLoss: Number.isFinite(loss) ? loss : 0,
        strategyGroup: en.strategyGroup,
        dueDate: en.strategy?.dueDate ?? null,
      };
    }
  }
  return { snapshot, customers: { [Symbol.iterator]: customers }, modelNotes };
}
