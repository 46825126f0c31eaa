import { sortByLabel } from './sort-by-label.js';

/**
 * AUC of `scores` for the positives `labels > 0`, by the Mann–Whitney
 * statistic with ties counted ½: P(score of a positive > score of a negative)
 * + ½ P(equal). Sorts positives and negatives separately (typed-array sorts)
 * and merges, O(n log n).
 * @example rankAuc([0.9, 0.8, 0.3, 0.8], [1, 0, 0, 1]) // (1 + 1 + 1 + 0.5) / 4 = 0.875
 */
export function rankAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const { positives: pos, negatives: neg } = sortByLabel(scores, labels);
  const nPos = pos.length,
    nNeg = neg.length;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  // For each positive: negatives strictly below (`below`) and equal (`upTo − below`).
  let wins = 0,
    below = 0,
    upTo = 0;
  for (let i = 0; i < nPos; i++) {
    const s = pos[i]!;
    while (below < nNeg && neg[below]! < s) below++;
    if (upTo < below) upTo = below;
    while (upTo < nNeg && neg[upTo]! === s) upTo++;
    wins += below + 0.5 * (upTo - below);
  }
  return wins / (nPos * nNeg);
}
