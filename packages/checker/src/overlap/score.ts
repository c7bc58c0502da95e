import type { OverlapParams } from './params.js';
import { jaccardOf, sentenceSimilarity, sharedWeight, weigh, type WeightedSet } from './similarity.js';
import type { SentenceCounts } from './weights.js';

/** A measure as scoring sees it: its task sentences and all its shingles together, weighed. */
export interface WeightedMeasure {
  sentences: readonly WeightedSet[];
  /** Only read when both measures compared have sentences, so a caller may leave it out otherwise. */
  whole: WeightedSet | undefined;
}

/** Weighs a measure's sentences and, when given, all its shingles (needed only when both measures have sentences). */
export function weighMeasure(sentences: readonly Uint32Array[], whole: Uint32Array | undefined, df: SentenceCounts): WeightedMeasure {
  return { sentences: sentences.map((s) => weigh(s, df)), whole: whole === undefined ? undefined : weigh(whole, df) };
}

/** How alike a draft measure and a candidate are, and the sentence pair that shows it best. */
export interface MeasureScore {
  similarity: number;
  /** Sentence indexes into each measure; absent when no pair weighed enough to count. */
  pair: { draft: number; candidate: number; similarity: number } | undefined;
}

/**
 * Scores a draft measure against a candidate: the better of the whole measures' weighted Jaccard and
 * the best sentence pair (the first of equals, candidate sentence by candidate sentence). A measure
 * that is only a short title names a topic, and sharing a topic is not a repeat, so whole measures
 * are compared only when both have sentences.
 */
export function scoreMeasure(draft: WeightedMeasure, candidate: WeightedMeasure, params: OverlapParams): MeasureScore {
  let whole = 0;
  if (draft.sentences.length > 0 && candidate.sentences.length > 0) {
    const a = draft.whole!;
    const b = candidate.whole!;
    whole = jaccardOf(sharedWeight(a, b), a.total, b.total);
  }
  let pair: MeasureScore['pair'];
  let best = 0;
  const ourIndexes = scorable(draft, params);
  // Past a pair as alike as can be, no pair is better: without this stop, two measures of 30 000 equal
  // sentences each (a pasted run of one line) took seconds of bounds that could not beat it.
  for (const c of scorable(candidate, params)) {
    if (best >= 1) break;
    const theirs = candidate.sentences[c]!;
    for (const d of ourIndexes) {
      if (best >= 1) break;
      const ours = draft.sentences[d]!;
      // Only a strictly better pair is taken: one that cannot be better need not be walked.
      if (sentenceBound(ours, theirs, params) <= best) continue;
      const similarity = sentenceSimilarity(sharedWeight(ours, theirs), ours.total, theirs.total, params);
      if (similarity > best) {
        best = similarity;
        pair = { draft: d, candidate: c, similarity };
      }
    }
  }
  return { similarity: Math.max(whole, best), pair };
}

/**
 * The most `scoreMeasure` can give two measures, from their weights alone. Every step of a score
 * grows with the shared weight, which is at most the smaller total, so a candidate whose bound does
 * not beat a score already found cannot beat that score either.
 */
export function measureBound(draft: WeightedMeasure, candidate: WeightedMeasure, params: OverlapParams): number {
  let bound = 0;
  if (draft.sentences.length > 0 && candidate.sentences.length > 0) {
    const a = draft.whole!.total;
    const b = candidate.whole!.total;
    bound = jaccardOf(Math.min(a, b), a, b);
  }
  // As in scoreMeasure: only sentences that can score, and nothing is above a bound of 1.
  const ourIndexes = scorable(draft, params);
  for (const c of scorable(candidate, params)) {
    for (const d of ourIndexes) {
      if (bound >= 1) return bound;
      bound = Math.max(bound, sentenceBound(draft.sentences[d]!, candidate.sentences[c]!, params));
    }
  }
  return bound;
}

/**
 * The indexes of the sentences that can score at all: `sentenceSimilarity` gives a lighter one 0
 * whatever it is paired with. Pairing only these, 30 000 short lines are not 10⁹ pairs.
 */
function scorable(measure: WeightedMeasure, params: OverlapParams): number[] {
  const indexes: number[] = [];
  measure.sentences.forEach((sentence, i) => {
    if (sentence.total >= params.minSentenceWeight) indexes.push(i);
  });
  return indexes;
}

/** The most a sentence pair can score: its similarity if the lighter sentence were all in the other. */
function sentenceBound(a: WeightedSet, b: WeightedSet, params: OverlapParams): number {
  return sentenceSimilarity(Math.min(a.total, b.total), a.total, b.total, params);
}

/**
 * Keeps the `limit` best scores in `top`, best first, the earlier of equals first (as a stable sort
 * of all of them would): a later candidate takes a place only by scoring strictly higher.
 */
export function keepBest<T extends { similarity: number }>(top: T[], entry: T, limit: number): void {
  let at = top.length;
  while (at > 0 && top[at - 1]!.similarity < entry.similarity) at--;
  if (at >= limit) return;
  top.splice(at, 0, entry);
  if (top.length > limit) top.pop();
}
