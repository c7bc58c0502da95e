import type { Range } from '@policylint/core';
import { DEFAULT_OVERLAP_PARAMS, type OverlapParams } from './params.js';
import { BandTable } from './band-table.js';
import { measureCount, measureSentences, measureShingles, sentenceShingles, unitKeys, type Segment, type SegmentMeasure } from './segment.js';
import { contentKey } from './shingle.js';
import { containment, jaccard, overlapOfWeighted, weightedOverlap, weightsOf, type Overlap } from './similarity.js';
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
    const sentences = segment.sentenceStart[measureCount(segment)]!;
    this.df.addSentences(sentenceShingles(segment, 0, sentences), sentences);
  }

  remove(planId: string): void {
    const old = this.segments.get(planId);
    if (old === undefined) return;
    const sentences = old.sentenceStart[measureCount(old)]!;
    this.df.addSentences(sentenceShingles(old, 0, sentences), sentences, -1);
    this.segments.delete(planId);
    this.bandTableCurrent = false;
    this.memo.clear();
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
    const sets = [draft.titleShingles, ...draft.sentences.map((s) => s.shingles)];
    // The sets' lengths first: they say where each set's content ends.
    const key = `${options.limit ?? 5}|${[...(options.exclude ?? [])].join('\n')}|${sets.map((set) => set.length).join(',')}|${sets.map(contentKey).join('')}`;
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
    const keys = [unitKeys(draft.shingles, this.params), ...draft.sentences.map((s) => unitKeys(s.shingles, this.params))];
    const found: Array<{ segment: Segment; measure: number; hits: number }> = [];
    if (!this.bandTableCurrent || this.bandTable === undefined) {
      this.bandTable = new BandTable([...this.segments.values()], this.params, this.bandTable);
      this.bandTableCurrent = true;
    }
    this.bandTable.hits(keys, exclude, (segment, measure, hits) => found.push({ segment, measure, hits }));
    // The draft's weights once per query, not once per candidate.
    const draftWeights: DraftWeights = {
      whole: draft.sentences.length > 0 && found.length > 0 ? this.weightsOf(draft.shingles) : new Float32Array(0),
      sentences: draft.sentences.map((sentence) => this.weightsOf(sentence.shingles)),
    };
    const scored = mostHits(found, this.params.maxCandidates).map(({ segment, measure }) => this.score(draft, draftWeights, segment, measure));
    scored.sort((a, b) => b.similarity - a.similarity);
    // Measure metadata is read only for what is returned (a stored plan parses it on first use).
    return scored.slice(0, limit).flatMap(({ segment, m, similarity, pair }) => {
      const measure = segment.measures[m];
      // No metadata: a stored segment whose file was deleted since; its match cannot be named.
      if (measure === undefined) return [];
      return {
        planId: segment.planId,
        measure,
        similarity,
        pair: pair === undefined ? undefined : { draft: draft.sentences.indexOf(pair.draft), corpus: measure.sentences[pair.corpus]!, similarity: pair.similarity },
      };
    });
  }

  /** Scores a draft measure against one corpus measure. */
  private score(draft: MeasureUnit, draftWeights: DraftWeights, segment: Segment, m: number): Scored {
    // A measure that is only a short title names a topic; sharing a topic is not a repeat.
    const sentences = measureSentences(segment, m);
    const bothHaveTasks = draft.sentences.length > 0 && sentences.length > 0;
    let whole = 0;
    if (bothHaveTasks) {
      const union = measureShingles(segment, m, sentences);
      whole = jaccard(overlapOfWeighted(draft.shingles, draftWeights.whole, union, this.weightsOf(union)));
    }
    let pair: Scored['pair'];
    sentences.forEach((corpus, c) => {
      const corpusWeights = this.weightsOf(corpus);
      draft.sentences.forEach((sentence, i) => {
        const similarity = this.similarityOf(overlapOfWeighted(sentence.shingles, draftWeights.sentences[i]!, corpus, corpusWeights));
        // A pair that scored nothing (too light to count) is no evidence: it is never quoted.
        if (similarity > (pair?.similarity ?? 0)) pair = { similarity, draft: sentence, corpus: c };
      });
    });
    return { segment, m, similarity: Math.max(whole, pair?.similarity ?? 0), pair };
  }

  private weightsOf(shingles: Uint32Array): Float32Array {
    return weightsOf(shingles, this.df);
  }

  /**
   * Weighted Jaccard, or containment either way when the contained sentence carries enough weight
   * (0 for a pair with a sentence too light to tell anything):
   * one task copied into a longer sentence, or a long task cut down, is still a copy.
   */
  sentenceSimilarity(a: Uint32Array, b: Uint32Array): number {
    return this.similarityOf(weightedOverlap(a, b, this.df));
  }

  private similarityOf(o: Overlap): number {
    if (Math.min(o.a, o.b) < this.params.minSentenceWeight) return 0;
    let similarity = jaccard(o);
    if (o.a >= this.params.minContainedWeight) similarity = Math.max(similarity, containment(o));
    if (o.b >= this.params.minContainedWeight) similarity = Math.max(similarity, o.shared / o.b);
    return similarity;
  }
}

const MAX_MEMO = 4096;

/** A draft measure's shingle weights, aligned with its shingles and with each sentence's. */
interface DraftWeights {
  whole: Float32Array;
  sentences: Float32Array[];
}

/** A candidate's score before its metadata is read. */
interface Scored {
  segment: Segment;
  m: number;
  similarity: number;
  pair: { similarity: number; draft: SentenceUnit; corpus: number } | undefined;
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
