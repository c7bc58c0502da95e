import { headingLabel, headingRange, stripPinyin } from '@policylint/core';
import { localized, type RelatedLocation, type RuleFinding } from '../finding.js';
import { findEarlierRepeats } from '../overlap/draft-repeats.js';
import { LayeredFrequency } from '../overlap/weights.js';
import { DEFAULT_OVERLAP_PARAMS } from '../overlap/params.js';
import type { Rule } from '../rule.js';
import { messagesOnce, quotesOnce, similarityAndPair } from './overlap-messages.js';

const INTERNAL_PARAMS = { ...DEFAULT_OVERLAP_PARAMS, minContainedWeight: Number.POSITIVE_INFINITY };
// One table of the draft's own counts reused by every check (checks run one at a time): allocating
// it per keystroke was a good part of an edit's cost. Made on first use, not at import: a CLI run that
// never gets here (outline, show) should not pay for it.
let draftFrequencies: LayeredFrequency | undefined;

export const overlapInternal: Rule = {
  id: 'overlap-internal',
  defaultSeverity: 'warning',
  description: localized('同一文稿中的两条措施相互重复', 'two measures of the same draft that repeat each other'),
  fixable: false,
  check({ config, corpus, measureUnits }) {
    const units = measureUnits();
    if (units.length < 2) return [];
    // Weights come from the corpus where there is one: a draft alone is too small to tell slogans.
    // Containment is off inside one document: its measures share its vocabulary and boilerplate, so
    // one measure's short task is easily "contained" in another's long one; a real internal repeat is a copy.
    const frequencies = (draftFrequencies ??= new LayeredFrequency()).reset(corpus?.overlap().df);
    const findings: RuleFinding[] = [];
    const quoteOf = quotesOnce();
    // The earlier measure as a related location, once per check and measure, shared by the findings
    // of its copies (which nothing changes): findings are alive until the report is written.
    const relatedOf: Array<RelatedLocation[] | undefined> = [];
    const messageOf = messagesOnce();
    // Each measure against the earlier ones only (never itself): the later of two repeats is the one to report.
    findEarlierRepeats(units, frequencies, INTERNAL_PARAMS).forEach((best, i) => {
      if (best === undefined || best.similarity < config.overlapThreshold) return;
      const earlier = units[best.earlier]!.node;
      // By the earlier sentence the message quotes, whose range is one of the earlier measure's (or by
      // that measure, when there is no pair).
      const message = messageOf(best.pair?.corpus ?? earlier, best.pair?.draft.text ?? '', best.similarity, () => {
        const label = headingLabel(earlier);
        // The pair's earlier sentence is one of the earlier measure's, its text at hand: slicing it out
        // of the draft took a line table of the whole draft (~10 ms of a 1 MB plan's check).
        const sentences = units[best.earlier]!.sentences;
        const detail = similarityAndPair(best, (range) => sentences.find((sentence) => sentence.range === range)?.text, quoteOf);
        return localized(`与本文件“${label}”重复${detail['zh-CN']}`, `repeats "${label}" of this document${detail.en}`);
      });
      let related = relatedOf[best.earlier];
      if (related === undefined) {
        const label = headingLabel(earlier);
        relatedOf[best.earlier] = related = [{ message: localized(`“${stripPinyin(label)}”`, `"${label}"`), range: headingRange(earlier) }];
      }
      findings.push({ message, range: headingRange(units[i]!.node), related });
    });
    return findings;
  },
};
