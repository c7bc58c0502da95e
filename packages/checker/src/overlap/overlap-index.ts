import type { Range } from '@policylint/core';
import { DEFAULT_OVERLAP_PARAMS, type OverlapParams } from './params.js';
import { countBandHits, measureShingles, unitKeys, type Segment, type SegmentMeasure } from './segment.js';
import { containment, jaccard, weightedOverlap } from './similarity.js';
import type { MeasureUnit, SentenceUnit } from './units.js';
import { DocumentFrequency } from './weights.js';

/** A corpus measure a draft measure resembles, with the sentence pair that shows it best. */
export interface OverlapMatch {
  planId: string;
  measure: SegmentMeasure;
  /** 0…1; at or above the threshold the draft measure repeats this one. */
  similarity: number;
  /** The closest draft sentence and corpus sentence; absent when either measure is only a title. */
  pair: { draft: SentenceUnit; corpus: Range; similarity: number } | undefined;
}

/**
 * Corpus measures by content: MinHash LSH fetches candidates, then weighted (IDF) Jaccard and
 * containment decide, sentence by sentence and for the measure as a whole. Segments (one per corpus
 * plan) can be added and replaced one at a time, which is how a changed corpus file is re-indexed.
 */
export class OverlapIndex {
  private readonly segments = new Map<string, Segment>();
  readonly df = new DocumentFrequency();
  // Per-measure hit counters, reused across queries (zeroed after each segment).
  private readonly scratch: { counts: Uint16Array; touched: number[] } = { counts: new Uint16Array(1024), touched: [] };

  constructor(readonly params: OverlapParams = DEFAULT_OVERLAP_PARAMS) {}

  /** Adds a plan's segment, replacing one for the same plan. */
  add(segment: Segment): void {
    this.remove(segment.planId);
    this.segments.set(segment.planId, segment);
    this.df.addSentences(segment.sentenceShingles, segment.sentenceStart[segment.measures.length]!);
  }

  remove(planId: string): void {
    const old = this.segments.get(planId);
    if (old === undefined) return;
    this.df.addSentences(old.sentenceShingles, old.sentenceStart[old.measures.length]!, -1);
    this.segments.delete(planId);
  }

  get planIds(): string[] {
    return [...this.segments.keys()];
  }

  get measureCount(): number {
    let n = 0;
    for (const s of this.segments.values()) n += s.measures.length;
    return n;
  }

  /**
   * The corpus measures most like `draft`, best first, at most `limit`; plans in `exclude` (the draft
   * itself, when it is in the corpus) are skipped. Includes matches below the threshold.
   */
  query(draft: MeasureUnit, options: { limit?: number; exclude?: ReadonlySet<string> } = {}): OverlapMatch[] {
    const keys = [unitKeys(draft.shingles, this.params), ...draft.sentences.map((s) => unitKeys(s.shingles, this.params))];
    const found: Array<{ segment: Segment; measure: number; hits: number }> = [];
    for (const segment of this.segments.values()) {
      if (options.exclude?.has(segment.planId)) continue;
      countBandHits(segment, keys, this.scratch, (measure, hits) => found.push({ segment, measure, hits }));
    }
    const matches = mostHits(found, this.params.maxCandidates).map(({ segment, measure }) => this.score(draft, segment, measure));
    matches.sort((a, b) => b.similarity - a.similarity);
    return matches.slice(0, options.limit ?? 5);
  }

  /** Scores a draft measure against one corpus measure. */
  private score(draft: MeasureUnit, segment: Segment, m: number): OverlapMatch {
    // A measure that is only a short title names a topic; sharing a topic is not a repeat.
    const bothHaveTasks = draft.sentences.length > 0 && segment.sentenceStart[m + 1]! > segment.sentenceStart[m]!;
    const whole = bothHaveTasks
      ? jaccard(weightedOverlap(draft.shingles, measureShingles(segment, m), this.df))
      : 0;
    let best: { similarity: number; draft: SentenceUnit; corpus: number } | undefined;
    for (let s = segment.sentenceStart[m]!; s < segment.sentenceStart[m + 1]!; s++) {
      const corpus = segment.sentenceShingles.subarray(segment.sentenceOffsets[s]!, segment.sentenceOffsets[s + 1]!);
      for (const sentence of draft.sentences) {
        const similarity = this.sentenceSimilarity(sentence.shingles, corpus);
        // A pair that scored nothing (too light to count) is no evidence: it is never quoted.
        if (similarity > (best?.similarity ?? 0)) best = { similarity, draft: sentence, corpus: s - segment.sentenceStart[m]! };
      }
    }
    const measure = segment.measures[m]!;
    return {
      planId: segment.planId,
      measure,
      similarity: Math.max(whole, best?.similarity ?? 0),
      pair: best === undefined ? undefined : { draft: best.draft, corpus: measure.sentences[best.corpus]!, similarity: best.similarity },
    };
  }

  /**
   * Weighted Jaccard, or containment either way when the contained sentence carries enough weight
   * (0 for a pair with a sentence too light to tell anything):
   * one task copied into a longer sentence, or a long task cut down, is still a copy.
   */
  sentenceSimilarity(a: Uint32Array, b: Uint32Array): number {
    const o = weightedOverlap(a, b, this.df);
    if (Math.min(o.a, o.b) < this.params.minSentenceWeight) return 0;
    let similarity = jaccard(o);
    if (o.a >= this.params.minContainedWeight) similarity = Math.max(similarity, containment(o));
    if (o.b >= this.params.minContainedWeight) similarity = Math.max(similarity, o.shared / o.b);
    return similarity;
  }
}

/**
 * The `limit` entries with the most band hits, the most first, ties in the order found (corpus order,
 * so results do not depend on timing). Hit counts are small integers: bucket them instead of sorting.
 */
function mostHits<T extends { hits: number }>(entries: readonly T[], limit: number): T[] {
  const buckets: T[][] = [];
  for (const entry of entries) (buckets[entry.hits] ??= []).push(entry);
  const out: T[] = [];
  for (let h = buckets.length - 1; h > 0 && out.length < limit; h--) {
    for (const entry of buckets[h] ?? []) {
      if (out.length === limit) break;
      out.push(entry);
    }
  }
  return out;
}
