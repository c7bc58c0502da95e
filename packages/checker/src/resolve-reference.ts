import { normalizeForMatch, stripPinyin, type NodeKind, type Plan, type PlanNode, type PlanReference, type Range, type ReferenceStep, type ReferenceTarget } from '@policylint/core';
import type { Corpus } from './corpus.js';
import { textAt } from './text-at.js';

/** A plan a citation can point into: the checked document (id undefined) or a corpus plan. */
export interface PlanHandle {
  id: string | undefined;
  plan: Plan;
  text: string;
}

export type Resolution =
  | {
      kind: 'resolved';
      target: PlanHandle;
      /** The cited node; undefined when the whole document is cited (《title》 alone). */
      node: PlanNode | undefined;
      /** Where the cited node (or the plan's title) is in its plan's text. */
      range: Range;
      /** The node's text with pinyin annotations stripped, script kept; computed when read. */
      readonly text: string;
    }
  | { kind: 'unknown-document'; title: string }
  | {
      kind: 'missing';
      target: PlanHandle;
      /** The node the missing one was looked for in (a part), if the citation named one. */
      within: PlanNode | undefined;
      nodeKind: NodeKind;
      /** The numbers cited that do not exist, as sorted [from, to] runs (第3至9999条 is one run, not 9,997 numbers). */
      missing: ReadonlyArray<readonly [from: number, to: number]>;
      /** The numbers the nodes of that kind in the scope do have, in order. */
      available: readonly number[];
    };

export interface ResolveContext {
  self: PlanHandle;
  /** Undefined when no corpus was found: citations of other plans are then not resolved at all. */
  corpus: Corpus | undefined;
}

/**
 * Resolves a citation: one resolution per target, or one for a document citation. A citation whose
 * plan is not known resolves to `unknown-document`, or to nothing at all without a corpus.
 */
export function resolveReference(reference: PlanReference, context: ResolveContext): Resolution[] {
  const target = targetPlan(reference, context);
  if (target === undefined) return [];
  if (target === 'unknown') return [{ kind: 'unknown-document', title: reference.document!.title }];
  if (reference.targets.length === 0) {
    const title = target.plan.titles.find((t) => t.source === 'heading') ?? target.plan.titles[0];
    const range = title?.ranges[0] ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return [{ kind: 'resolved', target, node: undefined, range, text: stripPinyin(target.plan.title ?? '') }];
  }
  return reference.targets.map((t) => resolveTarget(t, target));
}

function targetPlan(reference: PlanReference, { self, corpus }: ResolveContext): PlanHandle | 'unknown' | undefined {
  if (reference.document === null) return self;
  const key = normalizeForMatch(reference.document.title);
  if (self.plan.titles.some((t) => normalizeForMatch(t.text) === key)) return self;
  if (corpus === undefined) return undefined;
  const found = corpus.findByTitle(reference.document.title);
  return found === undefined ? 'unknown' : { id: found.id, plan: found.plan, text: found.text };
}

/** Finds one target in its plan: every step in turn, then the last number of a range. */
export function resolveTarget(target: ReferenceTarget, handle: PlanHandle): Resolution {
  let scope: PlanNode | undefined;
  for (const step of target.steps) {
    const candidates = nodesFor(handle.plan, step, scope);
    const node = candidates.byNumber.get(step.number);
    if (node === undefined) return missing(handle, scope, step, [[step.number, step.number]], candidates.numbers);
    scope = node;
  }
  const node = scope!;
  if (target.through !== undefined) {
    const last = target.steps[target.steps.length - 1]!;
    const parent = target.steps.length > 1 ? findPath(handle.plan, target.steps.slice(0, -1)) : undefined;
    const candidates = nodesFor(handle.plan, target.through, parent);
    const lost = gaps(candidates.sorted, last.number, target.through.number);
    if (lost.length > 0) return missing(handle, parent, target.through, lost, candidates.numbers);
  }
  // Read only by hover and `show`: a rule resolving thousands of citations of a long measure would
  // otherwise copy its whole text for each.
  return {
    kind: 'resolved',
    target: handle,
    node,
    range: node.range,
    get text() {
      return cleanText(handle, node.range);
    },
  };
}

/** The node each step leads to, or undefined when one is missing; used to follow renumbered nodes. */
export function findPath(plan: Plan, steps: readonly ReferenceStep[]): PlanNode | undefined {
  let scope: PlanNode | undefined;
  for (const step of steps) {
    scope = nodesFor(plan, step, scope).byNumber.get(step.number);
    if (scope === undefined) return undefined;
  }
  return scope;
}

/** The nodes of one kind in a scope: the first node with each number, and all their numbers in order and sorted. */
interface Candidates {
  byNumber: ReadonlyMap<number, PlanNode>;
  numbers: readonly number[];
  sorted: readonly number[];
}

// Kept for as long as their plan is: a document that cites its own measures on every line would
// otherwise walk its whole tree once per citation (quadratic in a plan of 100 000 headings).
const candidatesByScope = new WeakMap<Plan | PlanNode, Map<NodeKind, Candidates>>();

/** The nodes a step may name: parts; sections or （一） measures; measures; within `scope` if given. */
function nodesFor(plan: Plan, step: ReferenceStep, scope: PlanNode | undefined): Candidates {
  const kind = stepNodeKind(plan, step);
  const owner = scope ?? plan;
  let byKind = candidatesByScope.get(owner);
  if (byKind === undefined) candidatesByScope.set(owner, (byKind = new Map()));
  let found = byKind.get(kind);
  if (found !== undefined) return found;
  const byNumber = new Map<number, PlanNode>();
  const numbers: number[] = [];
  const visit = (nodes: readonly PlanNode[]): void => {
    for (const node of nodes) {
      if (node.kind !== kind) visit(node.children);
      else {
        numbers.push(node.number);
        if (!byNumber.has(node.number)) byNumber.set(node.number, node);
      }
    }
  };
  visit(owner.children);
  found = { byNumber, numbers, sorted: [...byNumber.keys()].sort((a, b) => a - b) };
  byKind.set(kind, found);
  return found;
}

export function stepNodeKind(plan: Plan, step: ReferenceStep): NodeKind {
  if (step.kind === 'part') return 'part';
  if (step.kind === 'measure') return 'measure';
  return plan.measureLevel === 2 ? 'measure' : 'section';
}

function missing(handle: PlanHandle, within: PlanNode | undefined, step: ReferenceStep, runs: Array<[number, number]>, available: readonly number[]): Resolution {
  return { kind: 'missing', target: handle, within, nodeKind: stepNodeKind(handle.plan, step), missing: runs, available };
}

/**
 * The numbers in [from, to] that `sorted` (distinct, ascending) lacks, as runs: walked over the numbers
 * there are, not over the range, which a citation may make thousands long (第1至9999条).
 */
function gaps(sorted: readonly number[], from: number, to: number): Array<[number, number]> {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < from) low = mid + 1;
    else high = mid;
  }
  const runs: Array<[number, number]> = [];
  let next = from;
  for (let i = low; i < sorted.length && sorted[i]! <= to; i++) {
    if (sorted[i]! > next) runs.push([next, sorted[i]! - 1]);
    next = sorted[i]! + 1;
  }
  if (next <= to) runs.push([next, to]);
  return runs;
}

/** The text a range covers in a plan, pinyin annotations stripped. */
export function cleanText(handle: PlanHandle, range: Range): string {
  return stripPinyin(textAt(handle.text, range)).replace(/\r\n?/g, '\n');
}
