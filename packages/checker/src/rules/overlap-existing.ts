import { headingRange, stripPinyin, toSimplified } from '@policylint/core';
import { localized, type RuleFinding } from '../finding.js';
import type { Rule } from '../rule.js';
import { quotesOnce, similarityAndPair } from './overlap-messages.js';

export const overlapExisting: Rule = {
  id: 'overlap-existing',
  defaultSeverity: 'warning',
  description: localized('新措施与现行方案中的措施重复', 'a draft measure that repeats a corpus measure'),
  fixable: false,
  check({ corpus, config, documentId, measureUnits }) {
    if (corpus === undefined) return [];
    const index = corpus.overlap();
    const exclude = new Set(documentId === undefined ? [] : [documentId]);
    const findings: RuleFinding[] = [];
    const quoteOf = quotesOnce();
    // How each plan is named, once per check: a draft's repeats name the same few plans over and over.
    const names = new Map<string, { title: string; simplified: string }>();
    const nameOf = (planId: string): { title: string; simplified: string } => {
      let name = names.get(planId);
      if (name === undefined) {
        const title = corpus.get(planId)?.title;
        name = { title: `《${stripPinyin(title ?? planId)}》`, simplified: toSimplified(stripPinyin(title ?? '')) };
        names.set(planId, name);
      }
      return name;
    };
    for (const unit of measureUnits()) {
      const [best] = index.query(unit, { limit: 1, exclude });
      if (best === undefined || best.similarity < config.overlapThreshold) continue;
      const { title, simplified } = nameOf(best.planId);
      const measureTitle = stripPinyin(best.measure.title);
      const cited = `${title}第${best.measure.number}条“${measureTitle}”`;
      const detail = similarityAndPair(best, (range) => corpus.textAt(best.planId, range), quoteOf);
      findings.push({
        message: localized(
          `与${cited}重复${detail['zh-CN']}`,
          `repeats measure ${best.measure.number} "${measureTitle}" of ${title}${detail.en}`,
        ),
        range: headingRange(unit.node),
        // Citing the measure in force says the same without repeating it (the drafter chooses).
        ...(best.pair === undefined
          ? {}
          : {
              suggestions: [
                {
                  description: localized(`改为引用${cited}`, `cite measure ${best.measure.number} of ${title} instead`),
                  edits: [{ range: best.pair.draft.range, newText: `按照《${simplified}》第${best.measure.number}条要求执行。` }],
                },
              ],
            }),
        related: [
          { message: localized(`${cited}`, `measure ${best.measure.number} of ${title}`), range: best.measure.range, document: best.planId },
          ...(best.pair === undefined ? [] : [{ message: localized('最相近的原句', 'closest sentence'), range: best.pair.corpus, document: best.planId }]),
        ],
      });
    }
    return findings;
  },
};
