import { parsePlan } from '@policylint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, renumberText } from '../src/index.js';
import { numberingSequence } from '../src/rules/numbering-sequence.js';
import { defectivePlanText } from './defective-plan.js';
import { outline, redirectedCitations, withoutNumbering } from './fix-oracles.js';

// Property runs are synchronous and take a few seconds on a loaded machine: more than vitest's 5 s default.
const TIMEOUT = 60_000;

describe('renumbering properties', () => {
  it('leaves no numbering-sequence finding, changes only markers and citations, keeps the tree, and is idempotent', () => {
    fc.assert(
      fc.property(defectivePlanText, (text) => {
        const once = renumberText(text).text;
        expect(withoutNumbering(once)).toBe(withoutNumbering(text));
        expect(outline(parsePlan(once))).toEqual(outline(parsePlan(text)));
        expect(checkText(once, { rules: [numberingSequence] }).findings.map((f) => `${f.range.start.line + 1}: ${f.message.en}`)).toEqual([]);
        expect(renumberText(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it('keeps every citation that resolved pointing at the same part, section or measure', () => {
    fc.assert(
      fc.property(defectivePlanText, (text) => {
        expect(redirectedCitations(text, renumberText(text).text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);
});
