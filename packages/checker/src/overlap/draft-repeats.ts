import type { Range } from '@policylint/core';
import { BandTable, mostHits } from './band-table.js';
import type { OverlapParams } from './params.js';
import { keepBest, measureBound, scoreMeasure, weighMeasure, type MeasureScore, type WeightedMeasure } from './score.js';
import { buildSegment, measureKeySets } from './segment.js';
import type { MeasureUnit, SentenceUnit } from './units.js';
import type { DocumentFrequency } from './weights.js';

/** The earlier measure of the same draft that a measure is most like. */
export interface EarlierMatch {
  /** Its index among the draft's measures. */
  earlier: number;
  similarity: number;
  /** The closest pair: a sentence of the later measure and the range of one of the earlier's. */
  pair: { draft: SentenceUnit; corpus: Range; similarity: number } | undefined;
}

/**
 * For each measure of a draft, the earlier measure it is most like (undefined when LSH finds none),
 * with the candidates, scores and ties an overlap index of the draft's measures would give when each
 * is queried with the later ones excluded. The draft's measures are in memory, so each is weighed
 * once, not once per query it is a candidate of. Counts the draft's sentences into `df` first, which
 * then weighs everything.
 */
export function findEarlierRepeats(units: readonly MeasureUnit[], df: DocumentFrequency, params: OverlapParams): Array<EarlierMatch | undefined> {
  for (const unit of units) for (const sentence of unit.sentences) df.addSentences(sentence.shingles, 1);
  const keySets = units.map((unit) => measureKeySets(unit, params));
  const table = new BandTable([buildSegment('draft', units, params, keySets)], params);
  const weighed: Array<WeightedMeasure | undefined> = [];
  const weigh = (m: number): WeightedMeasure => {
    const unit = units[m]!;
    return (weighed[m] ??= weighMeasure(
      unit.sentences.map((s) => s.shingles),
      unit.sentences.length > 0 ? unit.shingles : undefined,
      df,
    ));
  };
  return units.map((unit, i) => {
    const found: Array<{ measure: number; hits: number }> = [];
    table.hits(keySets[i]!, undefined, (_, measure, hits) => found.push({ measure, hits }), i);
    if (found.length === 0) return undefined;
    const ours = weigh(i);
    const best: Array<MeasureScore & { earlier: number }> = [];
    for (const { measure } of mostHits(found, params.maxCandidates)) {
      const theirs = weigh(measure);
      if (best.length === 1 && measureBound(ours, theirs, params) <= best[0]!.similarity) continue;
      keepBest(best, { earlier: measure, ...scoreMeasure(ours, theirs, params) }, 1);
    }
    const [{ earlier, similarity, pair }] = best as [MeasureScore & { earlier: number }];
    return {
      earlier,
      similarity,
      pair: pair === undefined ? undefined : { draft: unit.sentences[pair.draft]!, corpus: units[earlier]!.sentences[pair.candidate]!.range, similarity: pair.similarity },
    };
  });
}
