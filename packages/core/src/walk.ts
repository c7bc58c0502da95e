import type { NodeKind, Plan, PlanNode } from './model.js';

/** Every node of the plan in document order (pre-order), with its parent chain. */
export function* walkNodes(plan: Plan): Generator<{ node: PlanNode; ancestors: readonly PlanNode[] }> {
  const stack: Array<{ node: PlanNode; ancestors: readonly PlanNode[] }> = [];
  for (let i = plan.children.length - 1; i >= 0; i--) stack.push({ node: plan.children[i]!, ancestors: [] });
  while (stack.length > 0) {
    const entry = stack.pop()!;
    yield entry;
    const ancestors = [...entry.ancestors, entry.node];
    for (let i = entry.node.children.length - 1; i >= 0; i--) stack.push({ node: entry.node.children[i]!, ancestors });
  }
}

/** The nodes of one kind in document order, e.g. every measure of the plan. */
export function nodesOfKind(plan: Plan, kind: NodeKind): PlanNode[] {
  return allNodes(plan, kind);
}

/**
 * Every node (or every node of one kind) in document order: walkNodes' order, without its entries and
 * ancestor lists, for rules that need neither (a generator's steps are slow in code that runs once, cold).
 */
export function allNodes(plan: Plan, kind?: NodeKind): PlanNode[] {
  const out: PlanNode[] = [];
  const stack = [...plan.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (kind === undefined || node.kind === kind) out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/**
 * Whether the text reads as a plan: at least two headings, of at least two levels. Notes, letters
 * and READMEs that happen to start one line with `1.` are not plans and are left alone.
 */
export function isPlanLike(plan: Plan): boolean {
  const kinds = new Set<NodeKind>();
  let headings = 0;
  for (const { node } of walkNodes(plan)) {
    kinds.add(node.kind);
    headings++;
    if (headings >= 2 && kinds.size >= 2) return true;
  }
  return false;
}
