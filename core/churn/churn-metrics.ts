/**
 * Share of positives among the `k` highest scores; a block of equal scores
 * straddling the cut counts with its own positive rate (so the answer does
 * not depend on row order). NaN when there are no rows.
 * @example precisionAtK([0.9, 0.8, 0.8, 0.1], [1, 0, 1, 0], 2) // (1 + ½) / 2 = 0.75
 */
export function precisionAtK(scores: ArrayLike<number>, labels: ArrayLike<number>, k: number): number {
  const n = scores.length;
  if (n === 0) return Number.NaN;
  const take = Math.min(k, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => scores[y]! - scores[x]! || x - y);
  let hits = 0, i = 0;
  while (i < take) {
    let j = i, blockHits = 0;
    while (j < n && scores[order[j]!] === scores[order[i]!]) blockHits += labels[order[j++]!]! > 0 ? 1 : 0;
    const inside = Math.min(j, take) - i;
    hits += (blockHits * inside) / (j - i);
    i = j;
  }
  return hits / take;
}

/**
 * The probability threshold with the highest F1 for "lapsed" on labelled
 * probabilities (ties: the higher threshold, fewer customers listed);
 * returns 1.01 (nobody) when there is no positive.
 * @example maxF1Threshold([0.9, 0.6, 0.2], [1, 1, 0]) // 0.6
 */
export function maxF1Threshold(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = probabilities.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i]! > 0) positives++;
  if (positives === 0) return 1.01;
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => probabilities[y]! - probabilities[x]!);
  let best = -1, threshold = 1.01, tp = 0, listed = 0;
  for (let i = 0; i < n; ) {
    const p = probabilities[order[i]!]!;
    for (; i < n && probabilities[order[i]!] === p; i++) {
      listed++;
      if (labels[order[i]!]! > 0) tp++;
    }
    const f1 = (2 * tp) / (listed + positives);
    if (f1 > best) {
      best = f1;
      threshold = p;
    }
  }
  return threshold;
}
