/** Weighs shingles by how common they are among the sentences counted. */
export interface SentenceCounts {
  /** Counts a plan's sentences: each shingle set counts once per bucket it touches. */
  addSentences(shingles: Uint32Array, sentences: number): void;
  weight(h: number): number;
}

const BUCKETS = 1 << 20;
const MASK = BUCKETS - 1;

/**
 * Inverse document frequency, smoothed, as a 32-bit float (the precision weights are kept in): rare
 * content words (电子保函, 无还本续贷) weigh several times more than the slogans every plan repeats
 * (推进, 加强, 营商环境).
 */
function inverseFrequency(units: number, count: number): number {
  return Math.fround(Math.log((units + 1) / (count + 1)) + 1);
}

/**
 * How common each shingle is across the corpus's sentences, in a fixed table of hashed buckets (a
 * collision only blurs two rare shingles together), so the table costs 4 MB whatever the corpus size
 * and merges by addition when a corpus file is added or replaced.
 */
export class DocumentFrequency implements SentenceCounts {
  static readonly BUCKETS = BUCKETS;
  readonly counts: Uint32Array;
  units: number;
  // Weights computed on first use per bucket: scoring reads a weight for every shingle it visits, and
  // Math.log each time was half of a query's time. 0 marks a weight not computed yet (a real weight is
  // never exactly 0 in practice, and one that were would only be computed each time), so a new table
  // needs no filling: filling 4 MB with NaN up front was a tenth of a short CLI run. After the counts
  // change, the weights are cleared on the next read, and only if any had been computed.
  private readonly weights = new Float32Array(DocumentFrequency.BUCKETS);
  private computed = false;
  private stale = false;

  constructor(counts = new Uint32Array(DocumentFrequency.BUCKETS), units = 0) {
    this.counts = counts;
    this.units = units;
  }


  /**
   * Adds (or with -1 takes away) the sentences of one plan: each shingle set counts once per bucket it
   * touches. Computed from the segment's own shingles, so segments need not store their frequencies.
   */
  addSentences(shingles: Uint32Array, sentences: number, sign: 1 | -1 = 1): void {
    for (let i = 0; i < shingles.length; i++) this.counts[shingles[i]! & MASK]! += sign;
    this.units += sign * sentences;
    this.stale = true;
  }

  /** Starts from nothing. */
  clear(): void {
    this.counts.fill(0);
    this.units = 0;
    this.stale = true;
  }

  /** The weight of a shingle: see `inverseFrequency`. */
  weight(h: number): number {
    if (this.stale) {
      if (this.computed) this.weights.fill(0);
      this.computed = this.stale = false;
    }
    const bucket = h & MASK;
    if (this.weights[bucket] === 0) {
      this.weights[bucket] = inverseFrequency(this.units, this.counts[bucket]!);
      this.computed = true;
    }
    // Read back from the table, so a weight is the same 32-bit value whether just computed or not.
    return this.weights[bucket]!;
  }
}

/**
 * A draft's sentences counted on top of a corpus's table, which is read, not copied: overlap-internal
 * weighs a draft's measures by the corpus and the draft together, and copying the corpus's 4 MB table
 * for each check cost more than the draft's own counts. Those are few (a draft touches a few thousand
 * buckets), so they are kept by bucket in a map: a second 4 MB table cost a page fault per bucket
 * touched (~6 ms for the seed).
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
      const bucket = shingles[i]! & MASK;
      this.own.set(bucket, (this.own.get(bucket) ?? 0) + times);
    }
    this.units += sentences * times;
  }

  /** The weight `DocumentFrequency` would give after counting the same sentences into a copy of the base's table. */
  weight(h: number): number {
    const bucket = h & MASK;
    return inverseFrequency(this.units, (this.base?.counts[bucket] ?? 0) + (this.own.get(bucket) ?? 0));
  }
}
