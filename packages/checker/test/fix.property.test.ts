import { parsePlan } from '@policylint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, fixText } from '../src/index.js';
import { messyPlanArb, outline, planArb, render, withoutNumbering } from './defective-plan.js';

// Property runs are synchronous and take a few seconds on a loaded machine: more than vitest's 5 s default.
const TIMEOUT = 60_000;

/** Findings as `line: rule: message`, which a failure prints readably. */
const fixable = (text: string): string[] =>
  checkText(text)
    .findings.filter((f) => f.fix !== undefined)
    .map((f) => `${f.range.start.line + 1}: ${f.ruleId}: ${f.message.en}`);

describe('fix properties', () => {
  it(
    'changes only markers, numbers, the plan’s citations of itself and pinyin annotations, and keeps the tree',
    () => {
      fc.assert(
        fc.property(fc.oneof(planArb.map(render), messyPlanArb), (text) => {
          const fixed = fixText(text).text;
          expect(withoutNumbering(fixed)).toBe(withoutNumbering(text));
          expect(outline(parsePlan(fixed))).toEqual(outline(parsePlan(text)));
        }),
        { numRuns: 100 },
      );
    },
    TIMEOUT,
  );

  it(
    'leaves no fixable finding, and fixing the fixed text changes nothing',
    () => {
      fc.assert(
        fc.property(fc.oneof(planArb.map(render), messyPlanArb), (text) => {
          const fixed = fixText(text).text;
          expect(fixable(fixed)).toEqual([]);
          expect(fixText(fixed).text).toBe(fixed);
        }),
        { numRuns: 100 },
      );
    },
    TIMEOUT,
  );
});
