import { z } from 'zod';

/**
 * Options of `fitGradientBoosting`. Names and defaults follow scikit-learn's
 * HistGradientBoostingClassifier (1.2) so a model can be checked against it,
 * except `earlyStopping`: sklearn's 'auto' turns it on above 10,000 rows;
 * here it is off unless asked for, so a fit depends on nothing but the data
 * and these options (no validation rows held back at random).
 */
export const gradientBoostingOptionsSchema = z
  .object({
    /** Boosting iterations (trees); fewer when early stopping ends the fit. */
    maxIter: z.number().int().min(1).max(10_000).default(100),
    /** Shrinkage applied to every leaf value. */
    learningRate: z.number().positive().max(10).default(0.1),
    /** Leaves per tree, grown best-first (leaf-wise, by gain). */
    maxLeafNodes: z.number().int().min(2).max(65_536).default(31),
    /** Edges from the root to the deepest leaf; unlimited when absent. */
    maxDepth: z.number().int().min(1).max(64).optional(),
    /** A split must leave at least this many training rows on each side. */
    minSamplesLeaf: z.number().int().min(1).default(20),
    /** λ in the Newton leaf value −G / (H + λ). */
    l2Regularization: z.number().min(0).default(0),
    /** Quantile bins per feature for non-missing values; NaN gets one more bin of its own. */
    maxBins: z.number().int().min(2).max(255).default(255),
    /** Bin edges come from at most this many rows, drawn with `seed` (sklearn: 200,000). */
    binSubsample: z.number().int().min(1).default(200_000),
    /** Seeds the bin subsample and the early-stopping split, the only random draws. */
    seed: z.number().int().default(0),
    /** Stop when the validation log-loss has not improved by `tol` for `nIterNoChange` iterations. */
    earlyStopping: z.boolean().default(false),
    /** Share of rows held out (stratified, seeded) for early stopping. */
    validationFraction: z.number().gt(0).lt(1).default(0.1),
    nIterNoChange: z.number().int().min(1).default(10),
    tol: z.number().min(0).default(1e-7),
  })
  .strict();

export type GradientBoostingOptions = z.input<typeof gradientBoostingOptionsSchema>;
export type ResolvedGradientBoostingOptions = z.output<typeof gradientBoostingOptionsSchema>;
