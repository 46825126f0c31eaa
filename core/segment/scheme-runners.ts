/**
 * The runners of the built-in schemes (SPEC §5), one per registry kind: each
 * turns the features and tags into a SchemeResult. A new scheme's runner lives
 * in its own folder and is named by one line in scheme-registry.ts.
 */
import type { CustomerFeatures } from '../features/customer-features.js';
import { gradeCustomers } from '../grading/grade-customers.js';
import { label, type Locale } from '../i18n/labels.js';
import { clusterCustomers, NOT_CLUSTERED, type ClusterProfile } from '../kmeans/cluster-customers.js';
import { applyRules } from '../rules/apply-rules.js';
import { ruleChurnFlags } from '../rules/churn-flag.js';
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

/** What every scheme runner gets: the resolved options, the features and the tags. */
export interface SchemeRunInput {
  readonly options: SegmentOptions;
  readonly features: CustomerFeatures;
  readonly tags: TagResult;
}

/** Runs one scheme; the registry names one per scheme id. */
export type SchemeRunner = (input: SchemeRunInput) => SchemeResult;

/** The "Why" column every scheme with explanations writes first among its own columns. */
function withExplanation(explain: (c: number, locale: Locale) => string, own?: SchemeColumns): SchemeColumns {
  return {
    headers: (locale) => [label('column.explanation', locale), ...(own?.headers(locale) ?? [])],
    cells: (c, locale) => [explain(c, locale), ...(own?.cells(c, locale) ?? [])],
  };
}

/** The rfm quintile scores every non-RFM scheme keeps as its R/F/M columns (and their Table 6 strategy). */
function rfmBase({ options, features, tags }: SchemeRunInput) {
  const base = applyScheme('rfm', features, tags);
  return { base, common: { id: options.schemeChoice.id, r: base.r, f: base.f, m: base.m, bins: base.bins } };
}

/** SPEC §5a: quintile scores and the 11 named segments. */
export const runRfmScheme: SchemeRunner = ({ features, tags }) => applyScheme('rfm', features, tags);

/** SPEC §5a: high/low against the mean, 8 classes. */
export const runRfm8Scheme: SchemeRunner = ({ features, tags }) => applyScheme('rfm8', features, tags);

/** SPEC §5b: a rule preset, first match plus every tag. */
export const runRulesScheme: SchemeRunner = (input) => {
  const { options, features } = input;
  const { common } = rfmBase(input);
  const choice = options.schemeChoice;
  const locale = options.locale;
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
      tagLabels: (c, l) =>
        result.tags.flatMap((_, t) => ((result.tagMasks[c]! & (1 << t)) !== 0 ? [result.tagLabel(t, l)] : [])),
      tagLabel: (tag, l) => result.tagLabel(result.tags.indexOf(tag), l),
    },
    ...(churn.rule !== undefined
      ? { churn: { flag: churn.flag, reason: (c: number, l: Locale) => churn.explain(c, l) } }
      : {}),
    detail: { kind: 'rules', result },
    // RuleNote already carries each skipped rule once.
    notes: result.notes,
  };
};

/** SPEC §5c: k-means on standardised R, F, M; clusters named from their rfm8 centroid. */
export const runKmeansScheme: SchemeRunner = (input) => {
  const { options, features, tags } = input;
  const { common } = rfmBase(input);
  const locale = options.locale;
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
  const segmentLabel = (s: number, l: Locale): string =>
    s < k ? report.clusters[s]!.labels[l] : label('segment.unclassified', l);
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
};

// Value tiers and the scorecard share one shape: segments, labels, columns, explanations.
function ownScheme(
  input: SchemeRunInput,
  result: ReturnType<typeof assignValueTiers> | ReturnType<typeof gradeCustomers>,
) {
  const { base, common } = rfmBase(input);
  return {
    ...common,
    segments: result.segments,
    segment: result.segment,
    strategy: base.strategy,
    segmentLabel: (s: number, l: Locale) => result.segmentLabel(s, l),
    explain: (c: number, l: Locale) => result.explain(c, l),
    columns: withExplanation((c, l) => result.explain(c, l), {
      headers: (l) => result.headers(l),
      cells: (c, l) => result.cells(c, l),
    }),
    notes: result.notes,
  };
}

/** SPEC §5d: high/mid/low value tiers with sub-tiers and response SLAs. */
export const runValueTiersScheme: SchemeRunner = (input) => {
  const { options, features } = input;
  const locale = options.locale;
  const result = assignValueTiers(features, options.config?.tiers ?? {}, locale);
  return { ...ownScheme(input, result), scheme: 'tiers', detail: { kind: 'tiers', result } };
};

/** SPEC §5e (scheme D): weighted scorecard → grade. */
export const runGradingScheme: SchemeRunner = (input) => {
  const { options, features } = input;
  const locale = options.locale;
  const result = gradeCustomers(features, options.config?.grading ?? {}, locale);
  return { ...ownScheme(input, result), scheme: 'grading', detail: { kind: 'grading', result } };
};

/** Stable segment id of a cluster: `cluster-<id>` (its name is proposed from the centroid and may change with the data). */
export function clusterSegmentId(profile: Pick<ClusterProfile, 'id'>): string {
  return `cluster-${profile.id}`;
}
