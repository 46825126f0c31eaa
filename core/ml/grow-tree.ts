import type { BinnedFeatures } from './bin-features.js';
import {
  buildHistograms,
  buildRootHistograms,
  countBins,
  histogramLength,
  subtractHistograms,
} from './build-histograms.js';
import {
  emptySplit,
  findBestSplit,
  MIN_HESSIAN_TO_SPLIT,
  nodeValue,
  type SplitCandidate,
  type SplitRules,
} from './find-best-split.js';

/**
 * One regression tree as plain arrays indexed by node (0 = root), so a
 * model is JSON as it is. A leaf has `feature` −1 and children −1.
 */
export interface RegressionTree {
  /** Split feature (column index), −1 for a leaf. */
  readonly feature: number[];
  /** Raw-value threshold: x ≤ threshold goes left (the edge of bin `bin`). */
  readonly threshold: number[];
  /** Bin threshold: a binned row with bin ≤ it goes left. */
  readonly bin: number[];
  /** Where NaN goes: learned when training rows had NaN, else the side with more rows (as sklearn). */
  readonly missingLeft: boolean[];
  readonly left: number[];
  readonly right: number[];
  /** Leaf output in log-odds, learning rate applied (0 for inner nodes). */
  readonly value: number[];
  /** Loss reduction of the split (0 for leaves): feature importance sums it. */
  readonly gain: number[];
  /** Training rows that reached the node. */
  readonly count: number[];
}

export interface TreeParams extends Omit<SplitRules, 'cols' | 'binsPerFeature' | 'nonMissingBins' | 'hasMissing'> {
  readonly maxLeafNodes: number;
  /** Infinity when unlimited. */
  readonly maxDepth: number;
  readonly learningRate: number;
}

/** Buffers reused by every tree of a fit (no allocation per node beyond histograms, which are pooled). */
export interface GrowWorkspace {
  readonly indices: Uint32Array;
  readonly scratch: Uint32Array;
  readonly pool: Float64Array[];
  /** Rows per (feature, bin) of the whole training matrix: the root's counts, the same for every tree (filled by the first). */
  rootCounts: Float64Array | null;
}

export function createWorkspace(rows: number): GrowWorkspace {
  return { indices: new Uint32Array(rows), scratch: new Uint32Array(rows), pool: [], rootCounts: null };
}

/**
 * Grows one tree leaf-wise on the gradients (`gradHess`: g, h interleaved per row), as sklearn's TreeGrower (1.2):
 * the splittable node of highest gain is split next until `maxLeafNodes`
 * leaves, `maxDepth`, or no split gains; a node with fewer than
 * 2 × `minSamplesLeaf` rows is a leaf. The smaller child's histograms are
 * built from its rows, the larger one's by subtraction from the parent's.
 * Leaf values are −G/(H+λ) × learning rate, added to `raw` for the rows in
 * each leaf (the root alone gets 0, as in sklearn).
 */
export function growTree(
  data: BinnedFeatures,
  edges: readonly (readonly number[])[],
  gradHess: Float32Array,
  params: TreeParams,
  work: GrowWorkspace,
  raw: Float64Array,
): RegressionTree {
  const { rows, cols, binned, missingBin, hasMissing } = data;
  const binsPerFeature = missingBin + 1;
  const rules: SplitRules = {
    cols,
    binsPerFeature,
    nonMissingBins: data.nonMissingBins,
    hasMissing,
    minSamplesLeaf: params.minSamplesLeaf,
    l2: params.l2,
  };
  const length = histogramLength(cols, binsPerFeature);
  const { indices, scratch, pool } = work;
  const takeHistogram = (): Float64Array => {
    const hist = pool.pop();
    if (hist === undefined) return new Float64Array(length);
    hist.fill(0);
    return hist;
  };
  for (let i = 0; i < rows; i++) indices[i] = i;
  const goesLeft = new Uint8Array(binsPerFeature);

  const tree: RegressionTree = {
    feature: [],
    threshold: [],
    bin: [],
    missingLeft: [],
    left: [],
    right: [],
    value: [],
    gain: [],
    count: [],
  };
  const start: number[] = [],
    stop: number[] = [],
    sumG: number[] = [],
    sumH: number[] = [],
    depth: number[] = [],
    newton: number[] = [];
  const splits: (SplitCandidate | null)[] = [],
    hists: (Float64Array | null)[] = [];
  const addNode = (from: number, to: number, g: number, h: number, d: number, v: number): number => {
    const id = start.length;
    start.push(from);
    stop.push(to);
    sumG.push(g);
    sumH.push(h);
    depth.push(d);
    newton.push(v);
    splits.push(null);
    hists.push(null);
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.bin.push(-1);
    tree.missingLeft.push(false);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(0);
    tree.gain.push(0);
    tree.count.push(to - from);
    return id;
  };
  const leaves: number[] = [];
  const splittable: number[] = [];
  const finalize = (id: number): void => {
    tree.value[id] = params.learningRate * newton[id]!;
    leaves.push(id);
    const hist = hists[id];
    if (hist) pool.push(hist);
    hists[id] = null;
  };
  /** Finds the node's best split; queues it when it gains, else makes it a leaf. */
  const consider = (id: number): void => {
    const split = findBestSplit(hists[id]!, stop[id]! - start[id]!, sumG[id]!, sumH[id]!, rules, emptySplit());
    if (split.gain > 0) {
      splits[id] = split;
      splittable.push(id);
    } else finalize(id);
  };

  let g0 = 0,
    h0 = 0;
  for (let i = 0; i < rows; i++) {
    g0 += gradHess[2 * i]!;
    h0 += gradHess[2 * i + 1]!;
  }
  const root = addNode(0, rows, g0, h0, 0, 0);
  if (rows < 2 * params.minSamplesLeaf || h0 < MIN_HESSIAN_TO_SPLIT) finalize(root);
  else {
    hists[root] = takeHistogram();
    work.rootCounts ??= countBins(binned, rows, cols, binsPerFeature);
    buildRootHistograms(hists[root]!, binned, rows, cols, binsPerFeature, gradHess, work.rootCounts);
    consider(root);
  }

  while (splittable.length > 0) {
    let pick = 0;
    for (let i = 1; i < splittable.length; i++)
      if (splits[splittable[i]!]!.gain > splits[splittable[pick]!]!.gain) pick = i;
    const id = splittable.splice(pick, 1)[0]!;
    const split = splits[id]!;
    const from = start[id]!,
      to = stop[id]!;
    const feature = split.feature,
      binThreshold = split.bin;
    // Stable partition (rows keep their order in each child, so later passes read the binned matrix forwards),
    // branch-free: a per-bin side table, and every row written to both sides with only one cursor moving.
    for (let bin = 0; bin <= missingBin; bin++)
      goesLeft[bin] = bin === missingBin ? (split.missingLeft ? 1 : 0) : bin <= binThreshold ? 1 : 0;
    const column = data.columns.subarray(feature * rows, (feature + 1) * rows);
    let write = from,
      spilled = 0;
    for (let k = from; k < to; k++) {
      const row = indices[k]!;
      const left = goesLeft[column[row]!]!;
      indices[write] = row;
      scratch[spilled] = row;
      write += left;
      spilled += 1 - left;
    }
    indices.set(scratch.subarray(0, spilled), write);
    const d = depth[id]! + 1;
    const gR = sumG[id]! - split.gradientLeft,
      hR = sumH[id]! - split.hessianLeft;
    const left = addNode(
      from,
      write,
      split.gradientLeft,
      split.hessianLeft,
      d,
      nodeValue(split.gradientLeft, split.hessianLeft, params.l2),
    );
    const right = addNode(write, to, gR, hR, d, nodeValue(gR, hR, params.l2));
    const nLeft = write - from,
      nRight = to - write;
    tree.feature[id] = feature;
    tree.bin[id] = binThreshold;
    tree.threshold[id] = edges[feature]![binThreshold]!;
    tree.missingLeft[id] = hasMissing[feature] === 1 ? split.missingLeft : nLeft > nRight;
    tree.left[id] = left;
    tree.right[id] = right;
    tree.gain[id] = split.gain;
    const parentHist = hists[id]!;
    hists[id] = null;

    if (leaves.length + splittable.length + 2 >= params.maxLeafNodes) {
      pool.push(parentHist);
      finalize(left);
      finalize(right);
      for (const rest of splittable) finalize(rest);
      splittable.length = 0;
      break;
    }
    const splitLeft = d < params.maxDepth && nLeft >= 2 * params.minSamplesLeaf;
    const splitRight = d < params.maxDepth && nRight >= 2 * params.minSamplesLeaf;
    if (!splitLeft && !splitRight) {
      pool.push(parentHist);
      finalize(left);
      finalize(right);
      continue;
    }
    const [small, large] = nLeft < nRight ? [left, right] : [right, left];
    hists[small] = takeHistogram();
    buildHistograms(hists[small]!, binned, cols, binsPerFeature, gradHess, indices, start[small]!, stop[small]!);
    hists[large] = subtractHistograms(parentHist, hists[small]!);
    if (splitLeft) consider(left);
    else finalize(left);
    if (splitRight) consider(right);
    else finalize(right);
  }

  for (const leaf of leaves) {
    const value = tree.value[leaf]!;
    if (value === 0) continue;
    for (let k = start[leaf]!; k < stop[leaf]!; k++) raw[indices[k]!] = raw[indices[k]!]! + value;
  }
  return tree;
}
