import { matchMarker } from '@policylint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, renumberText } from '../src/index.js';
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
const planArb: fc.Arbitrary<PlanSpec> = fc.record({ parts: fc.array(part, { minLength: 1, maxLength: 4 }), measuresRestart: fc.boolean() });

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
function write(form: string, n: number): string {
  if (form === '㈠') return String.fromCharCode(0x3220 + Math.min(n, 10) - 1);
  if (form === '⑴') return String.fromCharCode(0x2474 + Math.min(n, 20) - 1);
  if (form.includes('一')) return form.replace('一', NUMERALS[Math.min(n, 30) - 1] ?? String(n));
  if (form.includes('１')) return form.replace('１', String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
  return form.replace('1', String(n));
}

function render(plan: PlanSpec): string {
  const lines = ['关于某项工作的实施方案'];
  let measureNo = 0;
  const emit = (h: Heading, n: number, text: string): void => {
    lines.push(`${write(h.form, h.wrongNumber ?? n)}${text}`);
  };
  const emitMeasure = ([m, items]: MeasureSpec): void => {
    emit(m, ++measureNo, `推进第${measureNo}项工作。落实责任。`);
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

/** The text with every heading marker removed: what renumbering must leave untouched. */
function withoutMarkers(text: string): string {
  return text
    .split('\n')
    .map((line) => line.slice(matchMarker(line)?.text.length ?? 0))
    .join('\n');
}

describe('renumbering properties', () => {
  it('leaves no numbering-sequence finding, changes only markers, and is idempotent', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const text = render(plan);
        const once = renumberText(text).text;
        expect(withoutMarkers(once)).toBe(withoutMarkers(text));
        expect(checkText(once, { rules: [numberingSequence] }).findings.map((f) => `${f.range.start.line + 1}: ${f.message.en}`)).toEqual([]);
        expect(renumberText(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
