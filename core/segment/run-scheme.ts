import type { CustomerFeatures } from '../features/customer-features.js';
import { gradeCustomers } from '../grading/grade-customers.js';
import { label, type Locale } from '../i18n/labels.js';
import { clusterCustomers, NOT_CLUSTERED, type ClusterProfile } from '../kmeans/cluster-customers.js';
import { applyRules } from '../rules/apply-rules.js';
import { ruleChurnFlags } from '../rules/churn-flag.js';
import { guardNewCustomers } from '../rules/guard-new-customers.js';
import { maintenanceStrategy } from '../rules/maintenance-strategies.js';
import { formatNumber } from '../rules/rule-fields.js';
import { resolveRulePreset } from '../rules/rules-config.js';
import { STRATEGY_GROUPS } from '../strategies/strategy-groups.js';
import type { TagResult } from '../tags/assign-tags.js';
import { assignValueTiers } from '../tiers/value-tiers.js';
import { applyScheme, strategyGroupOf, type SchemeColumns, type SchemeResult } from './apply-scheme.js';
import type { SegmentOptions } from './segment-options.js';

const NO_STRATEGY = 255;
const UNCLASSIFIED = 'unclassified';

/** The "Why" column every scheme with explanations writes first among its own columns. */
function withExplanation(explain: (c: number, locale: Locale) => string, own?: SchemeColumns): SchemeColumns {
  return {
    headers: (locale) => [label('column.explanation', locale), ...(own?.headers(locale) ?? [])],
    cells: (c, locale) => [explain(c, locale), ...(own?.cells(c, locale) ?? [])],
  };
}

/**
 * Runs the scheme the options name (SPEC §5) on the features. Every scheme
 * keeps the rfm quintile scores as its R/F/M columns (rfm8 its high/low);
 * schemes without a strategy table of their own — value tiers, the
 * scorecard — take the Table 6 strategy of the customer's rfm segment, and
 * k-means clusters that of their rfm8 name (SPEC §5c naming).
 * @throws ConfigError for a malformed preset or config; KMeansError when k-means has fewer than 2 customers to cluster.
 * @example runScheme(resolveSegmentOptions({ scheme: 'rules:a-table5-rules' }), features, tags).explain(0, 'en')
 */
export function runScheme(options: SegmentOptions, features: CustomerFeatures, tags: TagResult): SchemeResult {
  // One guard for every scheme: no "at risk" on evidence the data cannot hold.
  return guardNewCustomers(runAnyScheme(options, features, tags), features, options.locale);
}

function runAnyScheme(options: SegmentOptions, features: CustomerFeatures, tags: TagResult): SchemeResult {
  const choice = options.schemeChoice;
  if (choice.kind === 'rfm' || choice.kind === 'rfm8') return applyScheme(choice.kind, features, tags);
  const base = applyScheme('rfm', features, tags);
  const locale = options.locale;
  const common = { id: choice.id, r: base.r, f: base.f, m: base.m, bins: base.bins };

  if (choice.kind === 'rules') {
    const result = applyRules(resolveRulePreset(choice.preset!, options.config), features, { locale });
    const churn = ruleChurnFlags(result);
    const hasMaintenance = result.maintenance.some((tier) => tier !== undefined);
    const maintenance: SchemeColumns | undefined = hasMaintenance
      ? {
          headers: (l) => [label('column.tierStrategy', l), label('column.strategyOwner', l), label('column.cadence', l)],
          cells: (c, l) => {
            const tier = result.maintenance[result.segment[c]!];
            if (!tier) return [null, null, null];
            const row = maintenanceStrategy(tier, l);
            return [row.measures, row.owner, row.cadence];
          },
        }
      : undefined;
    return {
      ...common,
      scheme: 'rules',
      segments: result.segments,
      segment: result.segment,
      strategy: result.strategy,
      segmentLabel: (s, l) => result.segmentLabel(s, l),
      explain: (c, l) => result.explain(c, l),
      columns: withExplanation((c, l) => result.explain(c, l), maintenance),
      tags: {
        ids: result.tags,
        tagsOf: (c) => result.tagsOf(c),
        tagLabels: (c, l) => result.tags.flatMap((_, t) => ((result.tagMasks[c]! & (1 << t)) !== 0 ? [result.tagLabel(t, l)] : [])),
        tagLabel: (tag, l) => result.tagLabel(result.tags.indexOf(tag), l),
      },
      ...(churn.rule !== undefined ? { churn: { flag: churn.flag, reason: (c: number, l: Locale) => churn.explain(c, l) } } : {}),
      detail: { kind: 'rules', result },
      // RuleNote already carries each skipped rule once.
      notes: result.notes,
    };
  }

  if (choice.kind === 'kmeans') {
    const clustered = clusterCustomers(features, { k: options.k, seed: options.seed, locale });
    const { report, labels } = clustered;
    const k = report.clusters.length;
    const segments = [...report.clusters.map((p) => clusterSegmentId(p)), UNCLASSIFIED];
    const segment = new Uint8Array(features.count);
    const strategy = new Uint8Array(features.count).fill(NO_STRATEGY);
    for (let c = 0; c < features.count; c++) {
      const cluster = labels[c]!;
      segment[c] = cluster === NOT_CLUSTERED ? k : cluster;
      if (cluster === NOT_CLUSTERED) continue;
      const group = strategyGroupOf(report.clusters[cluster]!.segment, tags.masks[c]!);
      if (group) strategy[c] = STRATEGY_GROUPS.indexOf(group);
    }
    const segmentLabel = (s: number, l: Locale): string => (s < k ? report.clusters[s]!.labels[l] : label('segment.unclassified', l));
    const explain = (c: number, l: Locale): string => {
      const cluster = labels[c]!;
      if (cluster === NOT_CLUSTERED) return label('kmeans.explain.not-clustered', l);
      const centroid = report.clusters[cluster]!.centroid;
      return label('kmeans.explain', l, {
        id: cluster,
        r: formatNumber(Math.round(centroid.recencyDays * 10) / 10),
        f: formatNumber(Math.round(centroid.frequency * 10) / 10),
        m: formatNumber(Math.round(centroid.monetary)),
      });
    };
    return {
      ...common,
      scheme: 'kmeans',
      segments,
      segment,
      strategy,
      segmentLabel,
      explain,
      columns: withExplanation(explain, {
        headers: (l) => [label('column.clusterNo', l)],
        cells: (c) => [labels[c] === NOT_CLUSTERED ? null : labels[c]!],
      }),
      detail: { kind: 'kmeans', report, labels },
      notes: report.notes.map((n) => ({ code: n.code, message: n.message })),
    };
  }

  // Value tiers and the scorecard share one shape: segments, labels, columns, explanations.
  const own = (result: ReturnType<typeof assignValueTiers> | ReturnType<typeof gradeCustomers>) => ({
    ...common,
    segments: result.segments,
    segment: result.segment,
    strategy: base.strategy,
    segmentLabel: (s: number, l: Locale) => result.segmentLabel(s, l),
    explain: (c: number, l: Locale) => result.explain(c, l),
    columns: withExplanation((c, l) => result.explain(c, l), { headers: (l) => result.headers(l), cells: (c, l) => result.cells(c, l) }),
    notes: result.notes,
  });
  if (choice.kind === 'tiers') {
    const result = assignValueTiers(features, options.config?.tiers ?? {}, locale);
    return { ...own(result), scheme: 'tiers', detail: { kind: 'tiers', result } };
  }
  const result = gradeCustomers(features, options.config?.grading ?? {}, locale);
  return { ...own(result), scheme: 'grading', detail: { kind: 'grading', result } };
}

/** Stable segment id of a cluster: `cluster-<id>` (its name is proposed from the centroid and may change with the data). */
export function clusterSegmentId(profile: Pick<ClusterProfile, 'id'>): string {
  return `cluster-${profile.id}`;
}
