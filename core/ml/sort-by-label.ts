/**
 * The scores of the positives (`labels > 0`) and of the negatives, each
 * sorted ascending in its own typed array: the one pass rank AUC, isotonic
 * calibration and threshold sweeps start from (typed sorts, no objects).
 * @example sortByLabel([0.9, 0.2, 0.4], [1, 0, 1]) // { positives: [0.4, 0.9], negatives: [0.2] }
 */
export function sortByLabel(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): { positives: Float64Array; negatives: Float64Array } {
  const n = labels.length;
  let count = 0;
  for (let i = 0; i < n; i++) if (labels[i]! > 0) count++;
  const positives = new Float64Array(count),
    negatives = new Float64Array(n - count);
  let p = 0,
    q = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i]! > 0) positives[p++] = scores[i]!;
    else negatives[q++] = scores[i]!;
  }
  positives.sort();
  negatives.sort();
  return { positives, negatives };
}
