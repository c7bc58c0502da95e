import { nodesOfKind, parsePlan } from '@policylint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, Corpus, type CorpusDocument } from '../src/index.js';
import { defectivePlanText } from './defective-plan.js';
import { seedCorpus } from './corpus-helpers.js';
import { readRepoFile, SEED } from './helpers.js';

// Property runs are synchronous and take a few seconds on a loaded machine: more than vitest's 5 s default.
const TIMEOUT = 60_000;

/** The seed's measures as `title。tasks` lines without their markers: material for plans that repeat each other. */
const SEED_MEASURES = nodesOfKind(parsePlan(readRepoFile(SEED)), 'measure').map((m) => `${m.title}。${m.body.replace(/\n/g, '')}`);
// A few titles for many plans, so that two corpus plans may claim the same one.
const TITLES = ['甲市优化营商环境行动方案', '乙市促进民间投资若干措施', '丙市助力企业高质量发展行动方案'];

const measureLines = fc.array(fc.nat({ max: SEED_MEASURES.length - 1 }), { minLength: 1, maxLength: 5 }).map((picks) => picks.map((i, n) => `${n + 1}.${SEED_MEASURES[i]!}`));

/** A plan in force: one of the titles, one part, some of the seed's measures. */
const corpusPlan = fc.tuple(fc.nat({ max: TITLES.length - 1 }), measureLines).map(([t, measures]) => [TITLES[t]!, '一、重点任务', ...measures].join('\n'));

/** A draft that repeats some corpus measures and cites the corpus plans by title, some citations pointing nowhere. */
const draft = fc
  .tuple(measureLines, fc.array(fc.tuple(fc.nat({ max: TITLES.length }), fc.integer({ min: 1, max: 6 })), { maxLength: 4 }))
  .map(([measures, citations]) => {
    const cites = citations.map(([t, n]) => `按照《${TITLES[t] ?? '丁市不存在的方案'}》第${n}条执行。`).join('');
    return ['关于某项工作的实施方案', '一、重点任务', ...measures, `${measures.length + 1}.加强协调。${cites}`].join('\n');
  });

/** A corpus of plans (ids in path order) and the same plans in another order. */
const corpusInTwoOrders = fc
  .array(corpusPlan, { minLength: 1, maxLength: 4 })
  .map((texts): CorpusDocument[] => texts.map((text, i) => ({ id: `seeds/plan-${i}.txt`, text })))
  .chain((documents) => fc.tuple(fc.constant(documents), fc.shuffledSubarray(documents, { minLength: documents.length, maxLength: documents.length })));

/** Everything a check reports, as one string a failure shows in a diff. */
const report = (text: string, corpus?: Corpus): string => JSON.stringify(checkText(text, { corpus }).findings, null, 1);

describe('check determinism', () => {
  it(
    'gives the same findings when the same text is checked twice, with and without a corpus that remembers earlier checks',
    () => {
      // One corpus for every run, as an editor keeps one: its remembered matches and quotes must not change a result.
      const corpus = seedCorpus();
      fc.assert(
        fc.property(fc.oneof(defectivePlanText, draft), (text) => {
          expect(report(text)).toBe(report(text));
          expect(report(text, corpus)).toBe(report(text, corpus));
        }),
        { numRuns: 100 },
      );
    },
    TIMEOUT,
  );

  it(
    'gives the same findings whatever order the corpus plans are handed over in',
    () => {
      fc.assert(
        fc.property(draft, corpusInTwoOrders, (text, [documents, shuffled]) => {
          expect(report(text, new Corpus(shuffled))).toBe(report(text, new Corpus(documents)));
        }),
        { numRuns: 100 },
      );
    },
    TIMEOUT,
  );

  // Found by the property above (shrunk): two plans with one title and one measure, handed over in
  // either order, named the first handed over, both as the cited plan and as the one repeated.
  it('names the plan with the first id when plans share a title and a measure, whatever their order', () => {
    const plan = `${TITLES[0]}\n一、重点任务\n1.${SEED_MEASURES[0]}`;
    const documents = [
      { id: 'b.txt', text: plan },
      { id: 'a.txt', text: plan },
    ];
    const text = `关于某项工作的实施方案\n一、重点任务\n1.${SEED_MEASURES[0]}\n2.加强协调。按照《${TITLES[0]}》第2条执行。`;
    for (const order of [documents, [...documents].reverse()]) {
      const corpus = new Corpus(order);
      expect(corpus.findByTitle(TITLES[0]!)?.id).toBe('a.txt');
      const named = checkText(text, { corpus }).findings.flatMap((f) => (f.related ?? []).map((r) => `${f.ruleId}: ${r.document}`));
      expect(named).toContain('overlap-existing: a.txt');
      expect(named).not.toContain('overlap-existing: b.txt');
    }
  });
});
