import { z } from 'zod';
import { LOCALES } from '../i18n/labels.js';
import { parseOptions } from '../util/parse-options.js';

const clusterCount = z.number().int().min(2).max(20);

/** Options of `clusterCustomers`; every default lives here (SPEC §5c; defaults not in source are marked there). */
export const clusterOptionsSchema = z
  .object({
    /** 'auto': best silhouette over `kRange`; a number fixes K (the analyst's choice). */
    k: z.union([z.literal('auto'), clusterCount]).default('auto'),
    /** K tried by 'auto', inclusive (SPEC §5c: 2…8). */
    kRange: z
      .tuple([clusterCount, clusterCount])
      .refine(([min, max]) => min <= max, 'must be [min, max] with min ≤ max')
      .default([2, 8]),
    /** k-means++ restarts per K, lowest inertia kept (SPEC §5c default 10). */
    restarts: z.number().int().min(1).max(100).default(10),
    maxIter: z.number().int().min(1).max(10_000).default(300),
    /** Relative tolerance on the centroid shift, scaled by the mean column variance (sklearn `tol`). */
    tol: z.number().min(0).max(1).default(1e-4),
    seed: z.number().int().default(42),
    /** log1p(max(money, 0)) before the z-score: spend is heavily skewed. */
    logMonetary: z.boolean().default(true),
    /** Silhouette is exact up to this many customers, on a stratified sample of this size above (sklearn's usual 10,000). */
    silhouetteSampleSize: z.number().int().min(100).max(100_000).default(10_000),
    /** Language of the notes' messages; cluster labels come in every locale. */
    locale: z.enum(LOCALES).default('en'),
  })
  .strict();

export type ClusterOptionsInput = z.input<typeof clusterOptionsSchema>;
export type ClusterOptions = z.output<typeof clusterOptionsSchema>;

/**
 * Validates options once at the entry; inner code trusts the result.
 * @throws OptionsError (code `invalid-options`) naming every wrong key.
 * @example resolveClusterOptions({ k: 4 }).restarts === 10
 */
export function resolveClusterOptions(input: unknown = {}): ClusterOptions {
  return parseOptions(clusterOptionsSchema, input);
}
