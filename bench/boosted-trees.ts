/**
 * Gradient boosting of regression trees for a yes/no label over the answer's evidence (logistic
 * loss, Newton leaf values), and their evaluation: the answerability calibration compares it with
 * the logistic gate on questions held back from the fit. Each tree asks a few questions of the
 * evidence ("is the coverage below 0.6?") and adds its leaf's value to the log-odds, so unlike a
 * weighted sum it can say "a high coverage counts only when the question's words are not missing
 * from the corpus". Deterministic: every tree sees every example and every evidence, and of equal
 * splits the first evidence of `EVIDENCE` and the lowest threshold win.
 */
import { EVIDENCE, type AnswerEvidence } from '../src/search/answerability.ts';

/** A node of a regression tree: a split on one evidence, or a leaf's addition to the log-odds. */
export type TreeNode =
  /** Evidence below the threshold goes to the node at index `below` of the tree, the rest to `above`. */
  | { feature: keyof AnswerEvidence; threshold: number; below: number; above: number }
  | { leaf: number };

/** Boosted trees: the log-odds is the base plus one leaf of each tree, each tree's root its first node. */
export interface BoostedTrees {
  base: number;
  trees: readonly (readonly TreeNode[])[];
}

/** The size of the ensemble and how far each tree may fit. */
export interface BoostingSettings {
  trees: number;
  depth: number;
  /** The share of each tree's fitted step that is kept: small steps over many trees generalise better. */
  shrinkage: number;
  /** The fewest examples a leaf holds, so no leaf speaks for a handful of quirky questions. */
  minLeaf: number;
}

/** Pulls each leaf's value towards 0 as if it held this much more of the loss's curvature. */
const LEAF_PRIOR = 1;

interface Split {
  feature: number;
  threshold: number;
  gain: number;
}

/** Boosted trees fitted to tell the examples labelled true from the rest. */
export function fitBoostedTrees(examples: readonly AnswerEvidence[], labels: readonly boolean[], settings: BoostingSettings): BoostedTrees {
  const columns = EVIDENCE.map((name) => Float64Array.from(examples, (e) => e[name]));
  const orders = columns.map((column) => Int32Array.from(examples.keys()).sort((a, b) => (column[a] ?? 0) - (column[b] ?? 0) || a - b));
  const positives = labels.filter(Boolean).length;
  const base = Math.log(positives / Math.max(1, examples.length - positives));
  const odds = new Float64Array(examples.length).fill(base);
  const gradient = new Float64Array(examples.length);
  const curvature = new Float64Array(examples.length);
  const inNode = new Uint8Array(examples.length);

  const sums = (members: readonly number[]) => members.reduce((sum, i) => ({ g: sum.g + (gradient[i] ?? 0), h: sum.h + (curvature[i] ?? 0) }), { g: 0, h: 0 });
  const leafValue = (members: readonly number[]) => {
    const { g, h } = sums(members);
    return (-settings.shrinkage * g) / (h + LEAF_PRIOR);
  };

  /** The split of `members` that most lowers the loss, or null when none leaves `minLeaf` examples each side. */
  const bestSplit = (members: readonly number[]): Split | null => {
    const { g, h } = sums(members);
    const parent = (g * g) / (h + LEAF_PRIOR);
    for (const i of members) inNode[i] = 1;
    let best: Split | null = null;
    columns.forEach((column, feature) => {
      let gBelow = 0;
      let hBelow = 0;
      let below = 0;
      let previous = -1;
      for (const i of orders[feature] ?? []) {
        if (!inNode[i]) continue;
        const value = column[i] ?? 0;
        if (previous >= 0 && value !== column[previous] && below >= settings.minLeaf && members.length - below >= settings.minLeaf) {
          const gain = (gBelow * gBelow) / (hBelow + LEAF_PRIOR) + ((g - gBelow) * (g - gBelow)) / (h - hBelow + LEAF_PRIOR) - parent;
          if (gain > (best?.gain ?? 0)) best = { feature, threshold: between(column[previous] ?? 0, value), gain };
        }
        gBelow += gradient[i] ?? 0;
        hBelow += curvature[i] ?? 0;
        below++;
        previous = i;
      }
    });
    for (const i of members) inNode[i] = 0;
    return best;
  };

  const grow = (tree: TreeNode[], members: readonly number[], depth: number): number => {
    const at = tree.length;
    tree.push({ leaf: leafValue(members) });
    const split = depth > 0 ? bestSplit(members) : null;
    if (!split) return at;
    const column = columns[split.feature] ?? new Float64Array();
    const below = grow(tree, members.filter((i) => (column[i] ?? 0) < split.threshold), depth - 1);
    const above = grow(tree, members.filter((i) => (column[i] ?? 0) >= split.threshold), depth - 1);
    tree[at] = { feature: EVIDENCE[split.feature] ?? 'coverage', threshold: split.threshold, below, above };
    return at;
  };

  const trees: TreeNode[][] = [];
  const everyone = [...examples.keys()];
  for (let t = 0; t < settings.trees; t++) {
    odds.forEach((z, i) => {
      const p = 1 / (1 + Math.exp(-z));
      gradient[i] = p - (labels[i] ? 1 : 0);
      curvature[i] = Math.max(p * (1 - p), 1e-9);
    });
    const tree: TreeNode[] = [];
    grow(tree, everyone, settings.depth);
    trees.push(tree);
    examples.forEach((e, i) => (odds[i] = (odds[i] ?? 0) + leafOf(tree, e)));
  }
  return { base, trees };
}

/** The shortest decimal above `low` and at most `high`, near their middle: a threshold that reads well and splits them exactly. */
function between(low: number, high: number): number {
  const middle = (low + high) / 2;
  for (let digits = 0; digits <= 15; digits++) {
    const rounded = Math.round(middle * 10 ** digits) / 10 ** digits;
    if (rounded > low && rounded <= high) return rounded;
  }
  return high;
}

/** The value of the leaf the evidence reaches in one tree. */
function leafOf(tree: readonly TreeNode[], evidence: AnswerEvidence): number {
  let node = tree[0];
  while (node && !('leaf' in node)) node = tree[evidence[node.feature] < node.threshold ? node.below : node.above];
  if (!node) throw new Error('a boosted tree points to a node it does not hold');
  return node.leaf;
}

/** The trees' probability for the evidence. */
export function boostedProbability(model: BoostedTrees, evidence: AnswerEvidence): number {
  const logOdds = model.trees.reduce((sum, tree) => sum + leafOf(tree, evidence), model.base);
  return 1 / (1 + Math.exp(-logOdds));
}
