import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan, splitLines, walkNodes, type Plan, type Range } from '../src/index.js';
import { readSeed, slicer } from './helpers.js';

/** Every range of the plan, with what it must slice back to where the model states it. */
function rangesOf(plan: Plan): Array<{ range: Range; text?: string }> {
  const out: Array<{ range: Range; text?: string }> = [];
  for (const span of [plan.preamble, plan.closing]) if (span !== null) out.push({ range: span.range });
  for (const title of plan.titles) for (const range of title.ranges) out.push({ range });
  for (const { node } of walkNodes(plan)) {
    out.push({ range: node.range }, { range: node.marker.range, text: node.marker.text }, { range: node.titleRange, text: node.title });
    for (const sentence of node.sentences) out.push({ range: sentence.range });
  }
  return out;
}

/** Parses `input` and lists every range outside the text, reversed, or not slicing back to its text. */
function problemsOf(input: string): string[] {
  const plan = parsePlan(input);
  const text = plan.bom ? input.slice(1) : input;
  const lines = splitLines(text);
  const slice = slicer(text);
  const problems: string[] = [];
  const inside = (p: Range['start']): boolean => p.line < lines.length && p.character <= lines[p.line]!.end - lines[p.line]!.start;
  const ordered = (r: Range): boolean => r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
  for (const { range, text: expected } of rangesOf(plan)) {
    const where = JSON.stringify(range);
    if (!inside(range.start) || !inside(range.end)) problems.push(`${where} is outside the text`);
    else if (!ordered(range)) problems.push(`${where} ends before it starts`);
    else if (expected !== undefined && slice(range) !== expected) problems.push(`${where} slices to ${JSON.stringify(slice(range))}, not ${JSON.stringify(expected)}`);
  }
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

describe('parsePlan properties', () => {
  it('never throws and keeps ranges inside the text, on random plan-like text', () => {
    fc.assert(fc.property(planish, (text) => assertWellFormed(text)), { numRuns: 2000 });
  });

  it('never throws and keeps ranges inside the text, on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => assertWellFormed(text)), { numRuns: 1000 });
  });

  it('never throws and keeps ranges inside the text, on the seed with lines deleted, duplicated, swapped and garbled', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => assertWellFormed(mutate(seedLines, mutations))),
      { numRuns: 300 },
    );
  });
});
