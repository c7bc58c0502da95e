import { BUCKET_MASK, BucketCounts } from './bucket-counts.js';

/** Weighs shingles by how common they are among the sentences counted. */
export interface SentenceCounts {
  /** Counts a plan's sentences: each shingle set counts once per bucket it touches. */
  addSentences(shingles: Uint32Array, sentences: number): void;
  weight(h: number): number;
}

/**
 * Inverse document frequency, smoothed, as a 32-bit float (the precision weights are kept in): rare
 * content words (电子保函, 无还本续贷) weigh several times more than the slogans every plan repeats
 * (推进, 加强, 营商环境).
 */
function inverseFrequency(units: number, count: number): number {
  return Math.fround(Math.log((units + 1) / (count + 1)) + 1);
}

/**
 * How common each shingle is across the corpus's sentences, in a fixed number of hashed buckets (a
 * collision only blurs two rare shingles together), so the table is at most 8 MB whatever the corpus
 * size (counts and remembered weights; much less while few buckets are used: see `BucketCounts`) and
 * merges by addition when a corpus file is added or replaced.
 */
export class DocumentFrequency implements SentenceCounts {
  units = 0;
  // Weights are remembered per bucket on first use: scoring reads a weight for every shingle it visits,
  // and Math.log each time was half of a query's time. After the counts change, the weights are
  // forgotten on the next read, and only if any had been computed.
  private computed = false;
  private stale = false;
  private readonly weigh = (count: number): number => inverseFrequency(this.units, count);

  constructor(private buckets = new BucketCounts()) {}

  /** Bytes held by the table. */
  get byteLength(): number {
    return this.buckets.byteLength;
  }

  /** How many of the sentences counted touch `bucket`. */
  count(bucket: number): number {
    return this.buckets.count(bucket);
  }

  /** An independent table with the same counts. */
  copy(): DocumentFrequency {
    const copy = new DocumentFrequency(this.buckets.copy());
    copy.units = this.units;
    copy.stale = this.stale;
    copy.computed = this.computed;
    return copy;
  }

  /**
   * Adds (or with -1 takes away) the sentences of one plan: each shingle set counts once per bucket it
   * touches. Computed from the segment's own shingles, so segments need not store their frequencies.
   */
  addSentences(shingles: Uint32Array, sentences: number, sign: 1 | -1 = 1): void {
    if (sign > 0) this.buckets.reserve(shingles.length);
    for (let i = 0; i < shingles.length; i++) this.buckets.add(shingles[i]! & BUCKET_MASK, sign);
    this.units += sign * sentences;
    this.stale = true;
  }

  /** Starts from nothing. */
  clear(): void {
    this.buckets = new BucketCounts();
    this.units = 0;
    this.computed = this.stale = false;
  }

  /** The weight of a shingle: see `inverseFrequency`. */
  weight(h: number): number {
    if (this.stale) {
      if (this.computed) this.buckets.forgetWeights();
      this.computed = this.stale = false;
    }
    this.computed = true;
    return this.buckets.weight(h & BUCKET_MASK, this.weigh);
  }
}

/**
 * A draft's sentences counted on top of a corpus's table, which is read, not copied: overlap-internal
 * weighs a draft's measures by the corpus and the draft together, and copying the corpus's table
 * for each check cost more than the draft's own counts. Those are few (a draft touches a few thousand
 * buckets), so they are kept by bucket in a map.
 */
export class LayeredFrequency implements SentenceCounts {
  private readonly own = new Map<number, number>();
  private base: DocumentFrequency | undefined;
  private units = 0;

  /** Starts over on top of `base` (nothing, without a corpus), with no sentences of its own. */
  reset(base: DocumentFrequency | undefined): this {
    this.own.clear();
    this.base = base;
    this.units = base?.units ?? 0;
    return this;
  }

  /** Counts `times` copies of a plan's sentences (a draft repeats whole measures). */
  addSentences(shingles: Uint32Array, sentences: number, times = 1): void {
    for (let i = 0; i < shingles.length; i++) {
      const bucket = shingles[i]! & BUCKET_MASK;
      this.own.set(bucket, (this.own.get(bucket) ?? 0) + times);
    }
    this.units += sentences * times;
  }

  /** The weight `DocumentFrequency` would give after counting the same sentences into a copy of the base's table. */
  weight(h: number): number {
    const bucket = h & BUCKET_MASK;
    return inverseFrequency(this.units, (this.base?.count(bucket) ?? 0) + (this.own.get(bucket) ?? 0));
  }
}
