import {
  headingRange,
  type PlanNode,
  type PlanReference,
  type Position,
  type Range,
  type ReferenceStep,
  type ReferenceTarget,
} from '@policylint/core';
import type { TextEdit } from './finding.js';
import { writeNumber } from './renumber.js';
import { findPath } from './resolve-reference.js';
import type { RuleContext } from './rule.js';

/** Whether `position` lies in `range` (end inclusive, so a cursor right after a citation counts). */
export function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position): boolean => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}

/** The citation and, in it, the target at a position; undefined when the position is in none. */
export function citationAt(context: RuleContext, position: Position): { reference: PlanReference; target: number | undefined } | undefined {
  for (const reference of context.references()) {
    if (!contains(reference.range, position)) continue;
    const target = reference.targets.findIndex((t) => contains(t.range, position));
    return { reference, target: target === -1 ? (reference.targets.length > 0 ? 0 : undefined) : target };
  }
  return undefined;
}

/** The node whose heading (marker or title) is at a position. */
export function headingAt(context: RuleContext, position: Position): PlanNode | undefined {
  let found: PlanNode | undefined;
  const visit = (nodes: readonly PlanNode[]): void => {
    for (const node of nodes) {
      if (contains(headingRange(node), position)) found = node;
      visit(node.children);
    }
  };
  visit(context.plan.children);
  return found;
}

/** Every citation in the document that resolves to `node` of the document itself, with the target that does. */
export function citationsOf(context: RuleContext, node: PlanNode): Array<{ reference: PlanReference; target: ReferenceTarget }> {
  const out: Array<{ reference: PlanReference; target: ReferenceTarget }> = [];
  for (const reference of context.references()) {
    const resolutions = context.resolve(reference);
    reference.targets.forEach((target, i) => {
      const r = resolutions[i];
      if (r?.kind === 'resolved' && r.target.id === undefined && r.node === node) out.push({ reference, target });
    });
  }
  return out;
}

/**
 * Renames a node's number: its marker takes `to`, and every citation of it in the document follows
 * (`第3条` → `第5条`). Nothing else changes; the numbering rules will say if the result has a gap.
 * @returns the edits, or undefined when the marker cannot be written with that number.
 */
export function renumberNodeEdits(context: RuleContext, node: PlanNode, to: number, writeMarker: (node: PlanNode, n: number) => string | undefined): TextEdit[] | undefined {
  const marker = writeMarker(node, to);
  if (marker === undefined || node.marker.form === null) return undefined;
  const edits: TextEdit[] = [{ range: node.marker.range, newText: marker }];
  for (const { target } of citationsOf(context, node)) {
    const steps: ReferenceStep[] = [...target.steps, ...(target.through === undefined ? [] : [target.through])];
    for (const step of steps) {
      if (findPath(context.plan, pathTo(target, step)) === node) edits.push({ range: step.numberRange, newText: writeNumber(to, step.numeral) });
    }
  }
  return edits;
}

function pathTo(target: ReferenceTarget, step: ReferenceStep): ReferenceStep[] {
  if (step === target.through) return [...target.steps.slice(0, -1), step];
  return target.steps.slice(0, target.steps.indexOf(step) + 1);
}
