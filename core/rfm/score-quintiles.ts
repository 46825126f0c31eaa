/** One score's range after scoring, for the report. */
export interface ScoreBin {
  readonly score: number;
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

export interface QuintileScores {
  /** 1–5 per customer; 0 where the value is missing (NaN). */
  readonly scores: Uint8Array;
  readonly bins: readonly ScoreBin[];
  readonly distinctValues: number;
}

/**
 * Scores values 1–5 by quintiles with ties kept together (SPEC §5a: equal
 * values always share a score). The rule, for values sorted from worst to
 * best and grouped into blocks of equal values:
 *
 * - 5 or more distinct values: blocks fill scores 1→5 in order; a score is
 *   closed when adding the next block would overshoot its fair share (the
 *   customers not yet scored ÷ the scores left) by more than leaving it
 *   out would undershoot, and is always closed when the remaining blocks are
 *   just enough to give every remaining score one. So no score is empty, and
 *   a heavy tie (frequency = 1 for 60% of customers) takes score 1 alone while
 *   the rest are split evenly over 2–5, instead of the tie spilling over three
 *   scores or leaving the best customers at 4.
 * - fewer distinct values: spread over the scale, worst = 1, best = 5
 *   (2 values → 1, 5; 3 → 1, 3, 5; 4 → 1, 2, 4, 5); one value → everyone 3.
 *
 * Without ties this is an equal split into fifths.
 * @example scoreQuintiles(new Float64Array([1, 2, 3, 4, 5]), 'higher-better').scores → [1, 2, 3, 4, 5]
 */
export function scoreQuintiles(values: Float64Array, direction: 'higher-better' | 'lower-better'): QuintileScores {
  const sign = direction === 'higher-better' ? 1 : -1;
  let finite = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) finite++;
  const sorted = new Float64Array(finite);
  for (let i = 0, j = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) sorted[j++] = sign * values[i]! + 0; // +0 folds -0
  sorted.sort();

  const blockStart: number[] = [];
  for (let i = 0; i < finite; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) blockStart.push(i);
  const k = blockStart.length;
  const blockSize = (j: number): number => (j + 1 < k ? blockStart[j + 1]! : finite) - blockStart[j]!;
  const blockScore = new Uint8Array(k);

  if (k >= 5) {
    let score = 1,
      fill = 0,
      remaining = finite;
    for (let j = 0; j < k; j++) {
      const size = blockSize(j);
      if (fill > 0 && score < 5) {
        const scoresLeft = 5 - score + 1;
        const target = remaining / scoresLeft;
        const mustClose = k - j === scoresLeft - 1;
        if (mustClose || fill + size - target > target - fill) {
          remaining -= fill;
          score++;
          fill = 0;
        }
      }
      blockScore[j] = score;
      fill += size;
    }
  } else {
    const spread: Record<number, readonly number[]> = { 1: [3], 2: [1, 5], 3: [1, 3, 5], 4: [1, 2, 4, 5] };
    for (let j = 0; j < k; j++) blockScore[j] = spread[k]![j]!;
  }

  // The lowest oriented value of each score; a value's score is the highest
  // score whose threshold it reaches. Unused scores hold NaN, which nothing
  // reaches (an Infinity sentinel would be reached by an infinite value).
  const thresholds = new Float64Array(6).fill(Number.NaN);
  const bins: ScoreBin[] = [];
  // Blocks of one score are contiguous: emit a bin when the score changes.
  for (let j = 0; j < k;) {
    const s = blockScore[j]!;
    const from = blockStart[j]!;
    if (Number.isNaN(thresholds[s]!)) thresholds[s] = sorted[from]!;
    let next = j + 1;
    while (next < k && blockScore[next] === s) next++;
    const to = next < k ? blockStart[next]! : finite;
    bins.push({ score: s, min: sorted[from]!, max: sorted[to - 1]!, count: to - from });
    j = next;
  }
  const scores = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const x = sign * v;
    let s = 0;
    for (let t = 5; t >= 1; t--) {
      if (x >= thresholds[t]!) {
        s = t;
        break;
      }
    }
    scores[i] = s;
  }
  const oriented = bins.map((b) => (sign === 1 ? b : { ...b, min: -b.max + 0, max: -b.min + 0 }));
  return { scores, bins: oriented, distinctValues: k };
}
