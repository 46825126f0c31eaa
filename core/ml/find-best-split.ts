import { HISTOGRAM_FIELDS } from './build-histograms.js';

/** sklearn's min_hessian_to_split: a child needs at least this much curvature. */
export const MIN_HESSIAN_TO_SPLIT = 1e-3;

/** Newton leaf value −G / (H + λ), with sklearn's 1e-15 guard against H + λ = 0. */
export function nodeValue(sumGradients: number, sumHessians: number, l2: number): number {
  return -sumGradients / (sumHessians + l2 + 1e-15);
}

/** The best split of a node; `gain ≤ 0` means none is allowed. Reused between calls. */
export interface SplitCandidate {
  gain: number;
  feature: number;
  /** Rows whose bin ≤ this go left (missing rows follow `missingLeft`). */
  bin: number;
  missingLeft: boolean;
  gradientLeft: number;
  hessianLeft: number;
  countLeft: number;
}

export function emptySplit(): SplitCandidate {
  return { gain: -1, feature: -1, bin: -1, missingLeft: false, gradientLeft: 0, hessianLeft: 0, countLeft: 0 };
}

/** What the search needs of the binned features and the options. */
export interface SplitRules {
  readonly cols: number;
  readonly binsPerFeature: number;
  readonly nonMissingBins: Int32Array;
  readonly hasMissing: Uint8Array;
  readonly minSamplesLeaf: number;
  readonly l2: number;
}

/**
 * Best split of a node over all features, as sklearn's Splitter (1.2):
 * bins scanned left to right with missing rows sent right, then (for a
 * feature with missing training values) right to left with them sent left;
 * gain = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ), the loss reduction of the
 * Newton step; a side needs `minSamplesLeaf` rows and 1e-3 hessian; strictly
 * better gains win, so ties keep the earlier feature, bin and direction.
 */
export function findBestSplit(
  hist: Float64Array,
  count: number,
  sumGradients: number,
  sumHessians: number,
  rules: SplitRules,
  best: SplitCandidate,
): SplitCandidate {
  const { cols, binsPerFeature, nonMissingBins, hasMissing, minSamplesLeaf, l2 } = rules;
  const parentLoss = (sumGradients * sumGradients) / (sumHessians + l2 + 1e-15);
  best.gain = -1;
  best.feature = -1;
  let bestScore = 0; // gain must exceed 0 (min_gain_to_split)
  for (let f = 0; f < cols; f++) {
    const offset = f * binsPerFeature * HISTOGRAM_FIELDS;
    const lastBin = nonMissingBins[f]! - 1; // splitting after the last value bin leaves nothing on the right
    let gL = 0,
      hL = 0,
      nL = 0;
    for (let b = 0; b < lastBin; b++) {
      const o = offset + b * HISTOGRAM_FIELDS;
      gL += hist[o]!;
      hL += hist[o + 1]!;
      nL += hist[o + 2]!;
      const nR = count - nL;
      if (nL < minSamplesLeaf) continue;
      if (nR < minSamplesLeaf) break;
      const hR = sumHessians - hL;
      if (hL < MIN_HESSIAN_TO_SPLIT) continue;
      if (hR < MIN_HESSIAN_TO_SPLIT) break;
      const gR = sumGradients - gL;
      const gain = (gL * gL) / (hL + l2 + 1e-15) + (gR * gR) / (hR + l2 + 1e-15) - parentLoss;
      if (gain > bestScore) {
        bestScore = gain;
        best.feature = f;
        best.bin = b;
        best.missingLeft = false;
        best.gradientLeft = gL;
        best.hessianLeft = hL;
        best.countLeft = nL;
      }
    }
    if (hasMissing[f] === 0) continue;
    let gR = 0,
      hR = 0,
      nR = 0;
    for (let b = lastBin - 1; b >= 0; b--) {
      const o = offset + (b + 1) * HISTOGRAM_FIELDS;
      gR += hist[o]!;
      hR += hist[o + 1]!;
      nR += hist[o + 2]!;
      const nLeft = count - nR;
      if (nR < minSamplesLeaf) continue;
      if (nLeft < minSamplesLeaf) break;
      const hLeft = sumHessians - hR;
      if (hR < MIN_HESSIAN_TO_SPLIT) continue;
      if (hLeft < MIN_HESSIAN_TO_SPLIT) break;
      const gLeft = sumGradients - gR;
      const gain = (gLeft * gLeft) / (hLeft + l2 + 1e-15) + (gR * gR) / (hR + l2 + 1e-15) - parentLoss;
      if (gain > bestScore) {
        bestScore = gain;
        best.feature = f;
        best.bin = b;
        best.missingLeft = true;
        best.gradientLeft = gLeft;
        best.hessianLeft = hLeft;
        best.countLeft = nLeft;
      }
    }
  }
  if (best.feature >= 0) best.gain = bestScore;
  return best;
}
