import type { AllGroup, AnyGroup, Condition, RuleNode } from './rule-types.js';

/** Narrows a node to a leaf condition. */
export function isCondition(node: RuleNode): node is Condition {
  return 'field' in node;
}

/** Narrows a node to an AND group. */
export function isAll(node: RuleNode): node is AllGroup {
  return 'all' in node;
}

/** Narrows a node to an OR group. */
export function isAny(node: RuleNode): node is AnyGroup {
  return 'any' in node;
}

/** The config key of a leaf inside its rule. */
export function conditionKey(condition: Condition): string {
  return condition.key ?? condition.field;
}

/** The leaves under a node, in tree order. */
export function leavesOf(node: RuleNode | undefined): Condition[] {
  if (!node) return [];
  if (isCondition(node)) return [node];
  return (isAll(node) ? node.all : node.any).flatMap((child) => leavesOf(child));
}

/** A copy of `node` with each leaf replaced by `map(leaf)`. */
export function mapLeaves(node: RuleNode, map: (leaf: Condition) => Condition): RuleNode {
  if (isCondition(node)) return map(node);
  if (isAll(node)) return { ...node, all: node.all.map((child) => mapLeaves(child, map)) };
  return { ...node, any: node.any.map((child) => mapLeaves(child, map)) };
}
