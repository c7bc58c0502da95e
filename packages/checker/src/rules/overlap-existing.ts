import { headingRange, stripPinyin, toSimplified, type Range } from '@policylint/core';
import { localized, type Localized, type RelatedLocation, type RuleFinding } from '../finding.js';
import type { OverlapMatch } from '../overlap/overlap-index.js';
import type { SegmentMeasure } from '../overlap/segment.js';
import type { Rule } from '../rule.js';
import { messagesOnce, quotesOnce, similarityAndPair } from './overlap-messages.js';

const CLOSEST_SENTENCE = localized('最相近的原句', 'closest sentence');

/** What the findings of one check say of a corpus measure that draft measures repeat. */
interface Cited {
  /** 《title》第3条“measure title” */
  zh: string;
  /** measure 3 "measure title" of 《title》 */
  en: string;
  /** The measure, as a related location. */
  measure: RelatedLocation;
  /** The suggestion to cite the measure instead: its description and the text that cites it. */
  cite: { description: Localized; newText: string };
  /** The related locations with the closest corpus sentence, by that sentence's range. */
  withSentence: Map<Range, RelatedLocation[]>;
}

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
    // Messages by the corpus sentence they quote, whose range is one of one measure's (or by the
    // measure, when there is no pair).
    const messageOf = messagesOnce();
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
    // What is said of each repeated measure, made once per check and shared by its findings (which
    // nothing changes): the copies of a measure in a draft repeat the same one, and findings alive
    // until the report each holding their own copies of these texts were 2 KB each.
    const cited = new Map<SegmentMeasure, Cited>();
    const citedOf = ({ planId, measure }: OverlapMatch): Cited => {
      let found = cited.get(measure);
      if (found === undefined) {
        const { title, simplified } = nameOf(planId);
        const zh = `${title}第${measure.number}条“${stripPinyin(measure.title)}”`;
        found = {
          zh,
          en: `measure ${measure.number} "${stripPinyin(measure.title)}" of ${title}`,
          measure: { message: localized(zh, `measure ${measure.number} of ${title}`), range: measure.range, document: planId },
          cite: {
            description: localized(`改为引用${zh}`, `cite measure ${measure.number} of ${title} instead`),
            newText: `按照《${simplified}》第${measure.number}条要求执行。`,
          },
          withSentence: new Map(),
        };
        cited.set(measure, found);
      }
      return found;
    };
    for (const unit of measureUnits()) {
      const [best] = index.query(unit, { limit: 1, exclude });
      if (best === undefined || best.similarity < config.overlapThreshold) continue;
      const about = citedOf(best);
      const message = messageOf(best.pair?.corpus ?? best.measure, best.pair?.draft.text ?? '', best.similarity, () => {
        const detail = similarityAndPair(best, (range) => corpus.textAt(best.planId, range), quoteOf);
        return localized(`与${about.zh}重复${detail['zh-CN']}`, `repeats ${about.en}${detail.en}`);
      });
      const range = headingRange(unit.node);
      if (best.pair === undefined) {
        findings.push({ message, range, related: [about.measure] });
        continue;
      }
      const sentence = best.pair.corpus;
      let related = about.withSentence.get(sentence);
      if (related === undefined) {
        related = [about.measure, { message: CLOSEST_SENTENCE, range: sentence, document: best.planId }];
        about.withSentence.set(sentence, related);
      }
      findings.push({
        message,
        range,
        // Citing the measure in force says the same without repeating it (the drafter chooses).
        suggestions: [{ description: about.cite.description, edits: [{ range: best.pair.draft.range, newText: about.cite.newText }] }],
        related,
      });
    }
    return findings;
  },
};
