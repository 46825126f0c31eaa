/**
 * AUC of `scores` for the positives `labels > 0`, by the Mann–Whitney
 * statistic with ties counted ½: P(score of a positive > score of a negative)
 * + ½ P(equal). Sorts positives and negatives separately (typed-array sorts)
 * and merges, O(n log n).
 * @example rankAuc([0.9, 0.8, 0.3, 0.8], [1, 0, 0, 1]) // (1 + 1 + 1 + 0.5) / 4 = 0.875
 */
export function rankAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  let nPos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]! > 0) nPos++;
  const nNeg = labels.length - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  const pos = new Float64Array(nPos), neg = new Float64Array(nNeg);
  let p = 0, q = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! > 0) pos[p++] = scores[i]!;
    else neg[q++] = scores[i]!;
  }
  pos.sort();
  neg.sort();
  // For each positive: negatives strictly below (`below`) and equal (`upTo − below`).
  let wins = 0, below = 0, upTo = 0;
  for (let i = 0; i < nPos; i++) {
    const s = pos[i]!;
    while (below < nNeg && neg[below]! < s) below++;
    if (upTo < below) upTo = below;
    while (upTo < nNeg && neg[upTo]! === s) upTo++;
    wins += below + 0.5 * (upTo - below);
  }
  return wins / (nPos * nNeg);
}
