import type { CustomerFeatures } from '../features/customer-features.js';
import { guardNewCustomers } from '../rules/guard-new-customers.js';
import type { TagResult } from '../tags/assign-tags.js';
import type { SchemeResult } from './apply-scheme.js';
import { findScheme } from './scheme-registry.js';
import type { SegmentOptions } from './segment-options.js';

export { clusterSegmentId } from './scheme-runners.js';

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
  // The options were resolved through the registry, so the id is always there.
  const entry = findScheme(options.schemeChoice.id)!;
  return guardNewCustomers(entry.run({ options, features, tags }), features, options.locale);
}
