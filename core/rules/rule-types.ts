import type { StrategyGroup } from '../strategies/strategy-groups.js';
import type { MaintenanceTier } from './maintenance-strategies.js';
import type { RuleFieldId } from './rule-fields.js';

/** A one-sided comparison of a field with a threshold. */
export type Comparison = '>=' | '>' | '<=' | '<';

/** A localized text given inline (for user-defined segments, tags and rule names). */
export interface InlineLabel {
  readonly en: string;
  readonly zh: string;
}

interface NodeCommon {
  /** Tags written when this node matches (and every node above it did). */
  readonly tags?: readonly string[];
  /**
   * A rule name (label key `rule.<name>`, or literal text): a column missing
   * under this node skips this node only, and is reported under this name.
   */
  readonly name?: string;
}

interface LeafCommon extends NodeCommon {
  readonly field: RuleFieldId;
  /** The config key of this threshold inside its rule; defaults to `field`. */
  readonly key?: string;
  /**
   * `months` (recencyDays only): the threshold counts calendar months back
   * from asOf, so "> 3 months" on 2024-05-31 means more than 92 days (SPEC §2).
   */
  readonly unit?: 'months';
  /** The threshold is a multiple of the customer's industry mean AOV (SPEC §5a B). */
  readonly relativeTo?: 'industryMeanAov';
}

/** `field op value`, e.g. frequency6m ≥ 8. */
export interface CompareCondition extends LeafCommon {
  readonly op: Comparison;
  readonly value: number;
}

/** `min ≤ field ≤ max`, both bounds inclusive (SPEC §5 "inclusive exactly as written"). */
export interface BetweenCondition extends LeafCommon {
  readonly op: 'between';
  readonly min: number;
  readonly max: number;
}

export type Condition = CompareCondition | BetweenCondition;

/** Every child matches. */
export interface AllGroup extends NodeCommon {
  readonly all: readonly RuleNode[];
}

/** At least one child matches. */
export interface AnyGroup extends NodeCommon {
  readonly any: readonly RuleNode[];
}

export type RuleNode = Condition | AllGroup | AnyGroup;

/** One segment of a preset; segments are tried in order, the first match is primary. */
export interface SegmentRule {
  /** Stable id; its label is `segment.<id>` unless `label` is given. */
  readonly id: string;
  readonly label?: InlineLabel;
  /** No condition = catch-all: matches when no earlier segment did (must be last). */
  readonly when?: RuleNode;
  /** Tags written whenever this segment's condition matches, primary or not. */
  readonly tags?: readonly string[];
  /** A Table 6 strategy group (SPEC §7). */
  readonly strategyGroup?: StrategyGroup;
  /** A B maintenance strategy (SPEC §7). */
  readonly maintenance?: MaintenanceTier;
  /** This segment's rule is the preset's churn rule (SPEC §5f). */
  readonly churn?: boolean;
}

/** Tags that are not a segment (A step 5 basic tags). */
export interface TagRule {
  readonly id: string;
  readonly when: RuleNode;
  readonly tags: readonly string[];
  /** Tag label placeholders filled from this rule's thresholds: `{ n: 'recencyDays' }`. */
  readonly labelParams?: Readonly<Record<string, string>>;
}

/**
 * A rule preset as data (SPEC §5 general rules): ordered segments, first
 * match wins; every matching node's tags are collected; no match →
 * 'unclassified' unless the last segment is a catch-all.
 */
export interface RulePreset {
  readonly id: string;
  /** Where the thresholds come from (SPEC section). */
  readonly source: string;
  readonly segments: readonly SegmentRule[];
  readonly tagRules?: readonly TagRule[];
  /** Labels of tags that have no `tag.<id>` label. */
  readonly tagLabels?: Readonly<Record<string, InlineLabel>>;
  /** User-supplied industry mean AOV per industry (SPEC §5a B); data means fill the rest. */
  readonly industryMeanAov?: Readonly<Record<string, number>>;
}
