import type { Locale } from '../i18n/labels.js';
import type { RuleSchemeResult } from './apply-rules.js';

/** The rule-based churn flag of every customer (SPEC §5f). */
export interface ChurnFlags {
  /** The preset's churn segment id, or undefined when the preset has no churn rule. */
  readonly rule: string | undefined;
  /** 1 = the churn rule matched, whatever the customer's primary segment. */
  readonly flag: Uint8Array;
  /** The matched churn conditions of customer `c`, or null when not flagged. */
  explain(c: number, locale?: Locale): string | null;
}

/**
 * Flags every customer whose active preset's churn rule matched (SPEC §5f:
 * A step 4 / A Table 5 流失风险客户, B RFM 流失风险客户, B tiers 流失预警客户). The
 * flag does not depend on the primary segment: a high-value customer with a
 * complaint stays 高价值客户 and is flagged (SPEC §5b).
 * @example ruleChurnFlags(applyRules(resolveRulePreset('a-table5-rules'), features)).flag
 */
export function ruleChurnFlags(result: RuleSchemeResult): ChurnFlags {
  const n = result.segment.length;
  const flag = new Uint8Array(n);
  const rule = result.churnSegment;
  if (rule !== undefined) {
    const bit = (1 << result.segments.indexOf(rule)) >>> 0;
    for (let c = 0; c < n; c++) if ((result.matched[c]! & bit) !== 0) flag[c] = 1;
  }
  return {
    rule,
    flag,
    explain: (c, locale) => (rule !== undefined && flag[c] ? result.explainRule(c, rule, locale) : null),
  };
}
