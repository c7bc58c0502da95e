import { findReferences, matchMarker, nodesOfKind, parsePlan, toChineseNumeral } from '@policylint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, renumberText, resolveReference } from '../src/index.js';
import { numberingSequence } from '../src/rules/numbering-sequence.js';

/** A random plan: parts of sections or loose measures, measures with items, numbers and forms damaged at random. */
const FORMS = {
  part: ['一、', '一.', '一．', '一，'],
  section: ['（一）', '(一)', '（一）、', '（一)', '㈠'],
  measure: ['1.', '1、', '1．', '１.', '1)', '1. '],
  item: ['（1）', '(1)', '⑴', '1）'],
} as const;
type Level = keyof typeof FORMS;
interface Heading {
  level: Level;
  form: string;
  wrongNumber: number | null;
}
type MeasureSpec = [Heading, Heading[]];
type SectionSpec = [Heading, MeasureSpec[]];
interface PlanSpec {
  parts: Array<[Heading, SectionSpec[] | MeasureSpec[]]>;
  measuresRestart: boolean;
  /** Measure numbers the tasks cite, used in turn: 按照第N条执行. */
  citations: number[];
}

const heading = (level: Level): fc.Arbitrary<Heading> =>
  fc.record({
    level: fc.constant(level),
    form: fc.oneof({ weight: 4, arbitrary: fc.constant(FORMS[level][0]) }, { weight: 1, arbitrary: fc.constantFrom(...FORMS[level]) }),
    // Mostly right, sometimes any number at all: gaps, duplicates, steps back.
    wrongNumber: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }) }),
  });

const measure: fc.Arbitrary<MeasureSpec> = fc.tuple(heading('measure'), fc.array(heading('item'), { maxLength: 3 }));
const part: fc.Arbitrary<[Heading, SectionSpec[] | MeasureSpec[]]> = fc.tuple(
  heading('part'),
  fc.oneof(fc.array(fc.tuple(heading('section'), fc.array(measure, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 3 }), fc.array(measure, { minLength: 1, maxLength: 4 })),
);
const planArb: fc.Arbitrary<PlanSpec> = fc.record({
  parts: fc.array(part, { minLength: 1, maxLength: 4 }),
  measuresRestart: fc.boolean(),
  citations: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 }),
});

function write(form: string, n: number): string {
  if (form === '㈠') return String.fromCharCode(0x3220 + Math.min(n, 10) - 1);
  if (form === '⑴') return String.fromCharCode(0x2474 + Math.min(n, 20) - 1);
  if (form.includes('一')) return form.replace('一', toChineseNumeral(n)!);
  if (form.includes('１')) return form.replace('１', String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
  return form.replace('1', String(n));
}

function render(plan: PlanSpec): string {
  const lines = ['关于某项工作的实施方案'];
  let measureNo = 0;
  let cited = 0;
  const emit = (h: Heading, n: number, text: string): void => {
    lines.push(`${write(h.form, h.wrongNumber ?? n)}${text}`);
  };
  const emitMeasure = ([m, items]: MeasureSpec): void => {
    const citation = plan.citations[cited++ % plan.citations.length]!;
    emit(m, ++measureNo, `推进改革。按照第${citation}条落实责任。`);
    items.forEach((item, i) => emit(item, i + 1, '细化措施。'));
  };
  plan.parts.forEach(([p, body], i) => {
    emit(p, i + 1, '方面任务');
    if (plan.measuresRestart) measureNo = 0;
    body.forEach(([head, children], j) => {
      if (head.level !== 'section') return emitMeasure([head, children as Heading[]]);
      emit(head, j + 1, '重点领域');
      (children as MeasureSpec[]).forEach(emitMeasure);
    });
  });
  lines.push('本方案自印发之日起施行。');
  return lines.join('\n');
}

/**
 * The text with every heading marker and every citation of the document's own measures removed:
 * what renumbering must leave untouched (it rewrites cited numbers, and names the part where a lone
 * number would otherwise become ambiguous).
 */
function withoutNumbers(text: string): string {
  const lines = text.split('\n');
  for (const reference of [...findReferences(text)].reverse()) {
    const { start, end } = reference.range;
    const line = lines[start.line]!;
    lines[start.line] = line.slice(0, start.character) + line.slice(end.character);
  }
  return lines.map((line) => line.slice(matchMarker(line)?.text.length ?? 0)).join('\n');
}

/**
 * Which measure each of the text's own citations points at, as its position among the measures
 * (renumbering changes numbers, never order), or null where it points nowhere.
 */
function citedMeasures(text: string): Array<number | null> {
  const self = { id: undefined, plan: parsePlan(text), text };
  const measures = nodesOfKind(self.plan, 'measure');
  return findReferences(text).flatMap((reference) =>
    resolveReference(reference, { self, corpus: undefined }).map((r) => (r.kind === 'resolved' && r.node !== undefined ? measures.indexOf(r.node) : null)),
  );
}

describe('renumbering properties', () => {
  it('leaves no numbering-sequence finding, changes only markers and citations, and is idempotent', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const text = render(plan);
        const once = renumberText(text).text;
        expect(withoutNumbers(once)).toBe(withoutNumbers(text));
        expect(checkText(once, { rules: [numberingSequence] }).findings.map((f) => `${f.range.start.line + 1}: ${f.message.en}`)).toEqual([]);
        expect(renumberText(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every citation that resolved pointing at the same measure', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const text = render(plan);
        const before = citedMeasures(text);
        const after = citedMeasures(renumberText(text).text);
        before.forEach((cited, i) => {
          if (cited !== null) expect(after[i]).toBe(cited);
        });
      }),
      { numRuns: 300 },
    );
  });
});
