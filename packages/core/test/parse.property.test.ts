import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allNodes, findReferences, nodesOfKind, parsePlan, splitLines, walkNodes, type Plan, type PlanNode, type Position, type Range } from '../src/index.js';
import { readSeed, slicer } from './helpers.js';
import { anyUnit, planText } from './plan-text-arbitrary.js';

/** A range to check, with the text it must slice back to and the range it must lie in, where known. */
interface CheckedRange {
  range: Range;
  text?: string;
  within?: Range;
}

/** Every range of the plan, with what it must slice back to where the model states it. */
function rangesOf(plan: Plan): CheckedRange[] {
  const out: CheckedRange[] = [];
  for (const span of [plan.preamble, plan.closing]) if (span !== null) out.push({ range: span.range });
  for (const title of plan.titles) for (const range of title.ranges) out.push({ range });
  for (const { node } of walkNodes(plan)) {
    out.push({ range: node.range }, { range: node.marker.range, text: node.marker.text }, { range: node.titleRange, text: node.title });
    for (const sentence of node.sentences) out.push({ range: sentence.range });
  }
  return out;
}

/** Every range of the text's citations, with the document title's text, each inside its citation. */
function citationRanges(text: string): CheckedRange[] {
  return findReferences(text).flatMap(({ range, document, targets }) => [
    { range },
    ...(document === null ? [] : [{ range: document.range, text: document.title, within: range }]),
    ...targets.flatMap((target) => [
      { range: target.range, within: range },
      ...[...target.steps, ...(target.through === undefined ? [] : [target.through])].map((step) => ({ range: step.numberRange, within: range })),
    ]),
  ]);
}

/**
 * Parses `input` and lists every range of the plan and of the text's citations that is outside the
 * text, reversed, not slicing back to its text, or out of its place in the tree or citation.
 */
function problemsOf(input: string): string[] {
  const plan = parsePlan(input);
  const text = plan.bom ? input.slice(1) : input;
  const lines = splitLines(text);
  const slice = slicer(text);
  const problems: string[] = [];
  const inside = (p: Position): boolean => p.line < lines.length && p.character <= lines[p.line]!.end - lines[p.line]!.start;
  for (const { range, text: expected, within: outer } of [...rangesOf(plan), ...citationRanges(text)]) {
    const where = JSON.stringify(range);
    if (!inside(range.start) || !inside(range.end)) problems.push(`${where} is outside the text`);
    else if (!ordered(range)) problems.push(`${where} ends before it starts`);
    else if (expected !== undefined && slice(range) !== expected) problems.push(`${where} slices to ${JSON.stringify(slice(range))}, not ${JSON.stringify(expected)}`);
    else if (outer !== undefined && !within(range, outer)) problems.push(`${where} is outside its citation ${JSON.stringify(outer)}`);
  }
  return [...problems, ...treeProblems(plan)];
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
const ordered = (r: Range): boolean => before(r.start, r.end);
const within = (inner: Range, outer: Range): boolean => before(outer.start, inner.start) && before(inner.end, outer.end);

/**
 * Where the tree breaks its own shape: a node's marker, title or sentence outside the node, a child
 * outside its parent, siblings out of order or overlapping, the preamble after the first node or the
 * closing before the last.
 */
function treeProblems(plan: Plan): string[] {
  const problems: string[] = [];
  const name = (node: PlanNode): string => `${node.kind} ${node.number} at ${JSON.stringify(node.range)}`;
  const siblings = (nodes: readonly PlanNode[]): void => {
    nodes.forEach((node, i) => {
      const next = nodes[i + 1];
      if (next !== undefined && !before(node.range.end, next.range.start)) problems.push(`${name(node)} runs into the next, ${name(next)}`);
    });
  };
  siblings(plan.children);
  for (const { node } of walkNodes(plan)) {
    if (!within(node.marker.range, node.range) || !within(node.titleRange, node.range)) problems.push(`${name(node)} does not hold its heading`);
    for (const sentence of node.sentences) if (!within(sentence.range, node.range)) problems.push(`${name(node)} does not hold its sentence ${JSON.stringify(sentence.range)}`);
    for (const child of node.children) if (!within(child.range, node.range)) problems.push(`${name(node)} does not hold its child ${name(child)}`);
    siblings(node.children);
  }
  const first = plan.children[0];
  const last = plan.children[plan.children.length - 1];
  if (first !== undefined && plan.preamble !== null && !before(plan.preamble.range.end, first.range.start)) problems.push('the preamble runs into the first node');
  if (last !== undefined && plan.closing !== null && !before(last.range.end, plan.closing.range.start)) problems.push('the closing starts inside the last node');
  return problems;
}

// Assert once per input: thousands of expect() calls per run would make the property slow.
function assertWellFormed(input: string): void {
  expect(problemsOf(input)).toEqual([]);
}

// Characters that make up real plans, so random text often forms headings, plus any Unicode at all.
const PLAN_CHARS = ['一', '二', '十', '、', '（', '）', '(', ')', '1', '2', '.', '．', '。', '\n', '\r', '\r\n', '?', '┙', 'ㄒ', '\ufeff', '#', ' ', '　', '第', '条', '區(qū)'];
const planish = fc.array(fc.oneof(fc.constantFrom(...PLAN_CHARS), fc.string({ unit: 'grapheme', maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 200 }).map((parts) => parts.join(''));

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insert'; at: number; column: number; text: string };

const seedLines = readSeed().split('\n');
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), column: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 8 }) }),
);

function mutate(lines: string[], mutations: readonly Mutation[]): string {
  const out = [...lines];
  for (const m of mutations) {
    if (out.length === 0) break;
    const i = m.at % out.length;
    if (m.op === 'delete') out.splice(i, 1);
    else if (m.op === 'duplicate') out.splice(i, 0, out[i]!);
    else if (m.op === 'swap') {
      const j = m.with % out.length;
      [out[i], out[j]] = [out[j]!, out[i]!];
    } else {
      const line = out[i]!;
      const column = m.column % (line.length + 1);
      out[i] = line.slice(0, column) + m.text + line.slice(column);
    }
  }
  return out.join('\n');
}

// Property runs are synchronous and take a few seconds on a loaded machine: more than vitest's 5 s default.
const TIMEOUT = 60_000;

describe('parsePlan properties', () => {
  it('never throws and keeps ranges inside the text, on random plan-like text', () => {
    fc.assert(fc.property(planish, (text) => assertWellFormed(text)), { numRuns: 2000 });
  }, TIMEOUT);

  it('never throws and keeps ranges inside the text, on plan-like lines: every marker form, comments, CR/LF/CRLF, BOM, NULs, lone surrogates', () => {
    fc.assert(fc.property(planText(), (text) => assertWellFormed(text)), { numRuns: 1500 });
  }, TIMEOUT);

  it('never throws and keeps ranges inside the text, on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => assertWellFormed(text)), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => assertWellFormed(text)), { numRuns: 500 });
    // Any code point and lone surrogates too: UTF-16 columns must not split or skip them.
    fc.assert(fc.property(fc.string({ unit: anyUnit, maxLength: 300 }), (text) => assertWellFormed(text)), { numRuns: 1000 });
  }, TIMEOUT);

  it('never throws and keeps ranges inside the text, on the seed with lines deleted, duplicated, swapped and garbled', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => assertWellFormed(mutate(seedLines, mutations))),
      { numRuns: 300 },
    );
  }, TIMEOUT);
});

describe('allNodes and nodesOfKind', () => {
  it('list the nodes walkNodes walks, in its order, every one or those of a kind', () => {
    fc.assert(
      fc.property(planText(), (text) => {
        const plan = parsePlan(text);
        const walked = [...walkNodes(plan)].map(({ node }) => node);
        // The same node objects, not equal copies.
        const same = (found: PlanNode[], expected: PlanNode[]): void => {
          expect(found.length).toBe(expected.length);
          found.forEach((node, i) => expect(node).toBe(expected[i]));
        };
        same(allNodes(plan), walked);
        for (const kind of ['part', 'section', 'measure', 'item'] as const) {
          same(allNodes(plan, kind), walked.filter((node) => node.kind === kind));
          same(nodesOfKind(plan, kind), walked.filter((node) => node.kind === kind));
        }
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);
});
