import type { Range } from '@policylint/core';
import { DEFAULT_OVERLAP_PARAMS, type OverlapParams } from './params.js';
import { BandTable, mostHits } from './band-table.js';
import { forEachShingleBlock, measureCount, measureKeySets, measureSentences, measureShingles, segmentMeasure, type Segment, type SegmentMeasure } from './segment.js';
import { keepBest, measureBound, scoreMeasure, weighMeasure, type MeasureScore, type WeightedMeasure } from './score.js';
import { Recent } from '../recent.js';
import { sentenceSimilarity, weightedOverlap } from './similarity.js';
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
  private bandTable: BandTable | undefined;
  /** False after a plan was added or removed: the table is rebuilt, from itself, on the next query. */
  private bandTableCurrent = false;
  // Results by the draft measure's content: an editor re-checks a whole draft on each keystroke, and
  // all measures but the edited one ask again what they asked before. Cleared when the corpus changes.
  private readonly memo = new Map<string, Array<Omit<OverlapMatch, 'pair'> & { pair: { draft: number; corpus: Range; similarity: number } | undefined }>>();
  // Candidates' weights by plan and measure: the same corpus measures are candidates of many draft
  // measures (a draft that copies a plan, the copies of a measure), and weighing one reads its
  // shingles (from disk, for a stored plan). Forgotten when the corpus, and so every weight, changes.
  private readonly weighed = new Recent<string, WeightedMeasure>(MAX_WEIGHED);

  /**
   * @param df the frequency table to count into; a caller that builds many short-lived indexes (one per
   * check) passes one it reuses, since a table is 8 MB.
   */
  constructor(
    readonly params: OverlapParams = DEFAULT_OVERLAP_PARAMS,
    readonly df: DocumentFrequency = new DocumentFrequency(),
  ) {}

  /** Adds a plan's segment, replacing one for the same plan. */
  add(segment: Segment): void {
    this.remove(segment.planId);
    this.segments.set(segment.planId, segment);
    this.bandTableCurrent = false;
    this.memo.clear();
    this.weighed.clear();
    this.count(segment, 1);
  }

  remove(planId: string): void {
    const old = this.segments.get(planId);
    if (old === undefined) return;
    this.count(old, -1);
    this.segments.delete(planId);
    this.bandTableCurrent = false;
    this.memo.clear();
    this.weighed.clear();
  }

  /** Counts a plan's sentences into the frequency table (or with -1 takes them away). */
  private count(segment: Segment, sign: 1 | -1): void {
    let sentences = segment.sentenceStart[measureCount(segment)]!;
    forEachShingleBlock(segment, (block) => {
      this.df.addSentences(block, sentences, sign);
      sentences = 0;
    });
  }

  get planIds(): string[] {
    return [...this.segments.keys()];
  }

  get measureCount(): number {
    let n = 0;
    for (const s of this.segments.values()) n += measureCount(s);
    return n;
  }

  /**
   * The corpus measures most like `draft`, best first, at most `limit`; plans in `exclude` (the draft
   * itself, when it is in the corpus) are skipped. Includes matches below the threshold. Results are
   * remembered by the measure's content until the corpus changes; `remember: false` searches afresh.
   */
  query(draft: MeasureUnit, options: { limit?: number; exclude?: ReadonlySet<string>; remember?: boolean } = {}): OverlapMatch[] {
    if (options.remember === false) return this.rebind(this.search(draft, options.limit ?? 5, options.exclude), draft);
    const key = `${options.limit ?? 5}|${[...(options.exclude ?? [])].join('\n')}|${draft.content}`;
    let found = this.memo.get(key);
    if (found === undefined) {
      found = this.search(draft, options.limit ?? 5, options.exclude);
      if (this.memo.size >= MAX_MEMO) this.memo.delete(this.memo.keys().next().value!);
      this.memo.set(key, found);
    }
    return this.rebind(found, draft);
  }

  /** The same content may sit elsewhere in the text now: point each pair at this draft's sentence. */
  private rebind(found: ReturnType<OverlapIndex['search']>, draft: MeasureUnit): OverlapMatch[] {
    return found.map((match) => ({ ...match, pair: match.pair === undefined ? undefined : { ...match.pair, draft: draft.sentences[match.pair.draft]! } }));
  }

  private search(draft: MeasureUnit, limit: number, exclude: ReadonlySet<string> | undefined) {
    const keys = measureKeySets(draft, this.params);
    const found: Array<{ segment: Segment; measure: number; hits: number }> = [];
    if (!this.bandTableCurrent || this.bandTable === undefined) {
      this.bandTable = new BandTable([...this.segments.values()], this.params, this.bandTable);
      this.bandTableCurrent = true;
    }
    this.bandTable.hits(keys, exclude, (segment, measure, hits) => found.push({ segment, measure, hits }));
    if (found.length === 0) return [];
    // The draft's weights once per query, not once per candidate.
    const ours = weighMeasure(draft.sentences.map((s) => s.shingles), draft.sentences.length > 0 ? draft.shingles : undefined, this.df);
    const top: Scored[] = [];
    for (const { segment, measure: m } of mostHits(found, this.params.maxCandidates)) {
      const theirs = this.weighed.get(`${segment.planId}\n${m}`, () => {
        const sentences = measureSentences(segment, m);
        // The union is made only when it can be compared (a stored plan keeps none).
        return weighMeasure(sentences, sentences.length > 0 ? measureShingles(segment, m, sentences) : undefined, this.df);
      });
      if (top.length === limit && measureBound(ours, theirs, this.params) <= top[limit - 1]!.similarity) continue;
      keepBest(top, { segment, m, ...scoreMeasure(ours, theirs, this.params) }, limit);
    }
    // Measure metadata is read only for what is returned (a stored plan parses it on first use).
    return top.flatMap(({ segment, m, similarity, pair }) => {
      const measure = segmentMeasure(segment, m);
      // No metadata: a stored segment whose file was deleted since; its match cannot be named.
      if (measure === undefined) return [];
      return {
        planId: segment.planId,
        measure,
        similarity,
        pair: pair === undefined ? undefined : { draft: pair.draft, corpus: measure.sentences[pair.candidate]!, similarity: pair.similarity },
      };
    });
  }

  /**
   * Weighted Jaccard, or containment either way when the contained sentence carries enough weight
   * (0 for a pair with a sentence too light to tell anything):
   * one task copied into a longer sentence, or a long task cut down, is still a copy.
   */
  sentenceSimilarity(a: Uint32Array, b: Uint32Array): number {
    const { shared, a: x, b: y } = weightedOverlap(a, b, this.df);
    return sentenceSimilarity(shared, x, y, this.params);
  }
}

const MAX_MEMO = 4096;
/** Weighed candidates kept: a few thousand measures' weights, a few MB. */
const MAX_WEIGHED = 4096;

/** A candidate's score before its metadata is read. */
interface Scored extends MeasureScore {
  segment: Segment;
  m: number;
}
