import { parsePlan } from '@policylint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, fixText, type Finding } from '../src/index.js';
import { defectivePlanText, planArb, render } from './defective-plan.js';
import { outline, redirectedCitations, withoutNumbering } from './fix-oracles.js';

// Property runs are synchronous and take a few seconds on a loaded machine: more than vitest's 5 s default.
const TIMEOUT = 60_000;

const DIRECTIVES = [
  '<!-- policylint-disable-next-line numbering-sequence -->',
  '<!-- policylint-disable-next-line numbering-marker text-encoding -->',
  '<!-- policylint-disable numbering-marker -->',
  '<!-- policylint-enable numbering-marker -->',
  '<!-- policylint-disable -->',
];

/** A defective plan with disable comments put in front of some of its lines. */
const withDirectives = fc
  .tuple(planArb.map(render), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...DIRECTIVES)), { minLength: 1, maxLength: 3 }))
  .map(([text, inserts]) => {
    const lines = text.split('\n');
    for (const [at, directive] of inserts) lines.splice(at % lines.length, 0, directive);
    return lines.join('\n');
  });

/** Findings as `line: rule: message`, which a failure prints readably. */
const readable = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.range.start.line + 1}: ${f.ruleId}: ${f.message.en}`);
const withFix = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.fix !== undefined);

describe('fix properties', () => {
  it(
    'changes only markers, numbers, the plan’s citations of itself and pinyin annotations, keeps the tree, and keeps each citation pointing where it did',
    () => {
      fc.assert(
        fc.property(defectivePlanText, (text) => {
          const fixed = fixText(text).text;
          expect(withoutNumbering(fixed)).toBe(withoutNumbering(text));
          expect(outline(parsePlan(fixed))).toEqual(outline(parsePlan(text)));
          expect(redirectedCitations(text, fixed)).toEqual([]);
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
        fc.property(defectivePlanText, (text) => {
          const fixed = fixText(text).text;
          expect(readable(withFix(checkText(fixed).findings))).toEqual([]);
          expect(fixText(fixed).text).toBe(fixed);
        }),
        { numRuns: 100 },
      );
    },
    TIMEOUT,
  );

  it(
    'with disable comments, leaves only fixes that a hidden finding shares, and fixing the fixed text changes nothing',
    () => {
      fc.assert(
        fc.property(withDirectives, (text) => {
          const fixed = fixText(text).text;
          const { findings, suppressed } = checkText(fixed);
          const edits = (f: Finding): string => JSON.stringify(f.fix!.edits);
          const hidden = new Set(withFix(suppressed).map(edits));
          expect(readable(withFix(findings).filter((f) => !hidden.has(edits(f))))).toEqual([]);
          expect(fixText(fixed).text).toBe(fixed);
        }),
        { numRuns: 100 },
      );
    },
    TIMEOUT,
  );
});
