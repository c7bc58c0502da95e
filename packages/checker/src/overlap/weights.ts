/**
 * How common each shingle is across the corpus's sentences, in a fixed table of hashed buckets (a
 * collision only blurs two rare shingles together), so the table costs 4 MB whatever the corpus size
 * and merges by addition when a corpus file is added or replaced.
 */
export class DocumentFrequency {
  static readonly BUCKETS = 1 << 20;
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
    const mask = DocumentFrequency.BUCKETS - 1;
    for (let i = 0; i < shingles.length; i++) this.counts[shingles[i]! & mask]! += sign;
    this.units += sign * sentences;
    this.stale = true;
  }

  /** Starts from nothing. */
  clear(): void {
    this.counts.fill(0);
    this.units = 0;
    this.stale = true;
  }

  /** Starts from another table's counts (the corpus's, under a draft's own). */
  copyFrom(other: DocumentFrequency): void {
    this.counts.set(other.counts);
    this.units = other.units;
    this.stale = true;
  }

  /**
   * Inverse document frequency, smoothed: rare content words (电子保函, 无还本续贷) weigh several
   * times more than the slogans every plan repeats (推进, 加强, 营商环境).
   */
  weight(h: number): number {
    if (this.stale) {
      if (this.computed) this.weights.fill(0);
      this.computed = this.stale = false;
    }
    const bucket = h & (DocumentFrequency.BUCKETS - 1);
    if (this.weights[bucket] === 0) {
      this.weights[bucket] = Math.log((this.units + 1) / (this.counts[bucket]! + 1)) + 1;
      this.computed = true;
    }
    // Read back from the table, so a weight is the same 32-bit value whether just computed or not.
    return this.weights[bucket]!;
  }
}

