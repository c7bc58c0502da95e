import { blankCommentLines, findReferences, parsePlan, walkNodes } from '@policylint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, renumberText, resolveTarget } from '../src/index.js';
import { numberingSequence } from '../src/rules/numbering-sequence.js';
import { messyPlanArb, outline, OWN_TITLE, planArb, render, withoutNumbering } from './defective-plan.js';

// Well-formed plans with defects, and the same with lines deleted, duplicated, swapped or inserted.
const plans = fc.oneof(planArb.map(render), messyPlanArb);
// Property runs are synchronous and take a few seconds on a loaded machine: more than vitest's 5 s default.
const TIMEOUT = 60_000;

/**
 * Which node each of the text's own citations points at, as its position in document order
 * (renumbering changes numbers, never the tree), or null where it points nowhere. A 第N条 in a
 * comment line is no citation, nor is one of another plan. A range counts by its first number: before renumbering, in a document
 * whose numbers restart, its last number may have been found in another part than its first.
 */
function citedNodes(text: string): Array<number | null> {
  const body = blankCommentLines(text.replace(/^\ufeff/, ''));
  const self = { id: undefined, plan: parsePlan(body), text: body };
  const nodes = [...walkNodes(self.plan)].map((e) => e.node);
  // 《own title》 names the plan itself only where its title lines say so (not once they are moved into its body).
  const titled = self.plan.titles.some((t) => t.text === OWN_TITLE);
  const own = findReferences(body).filter((r) => r.document === null || (titled && r.document.title === OWN_TITLE));
  return own.flatMap((reference) =>
    reference.targets.map((target) => {
      const r = resolveTarget({ ...target, through: undefined }, self);
      return r.kind === 'resolved' && r.node !== undefined ? nodes.indexOf(r.node) : null;
    }),
  );
}

describe('renumbering properties', () => {
  it('leaves no numbering-sequence finding, changes only markers and citations, keeps the tree, and is idempotent', () => {
    fc.assert(
      fc.property(plans, (text) => {
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
      fc.property(plans, (text) => {
        const before = citedNodes(text);
        const after = citedNodes(renumberText(text).text);
        before.forEach((cited, i) => {
          if (cited !== null) expect(after[i]).toBe(cited);
        });
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);
});
