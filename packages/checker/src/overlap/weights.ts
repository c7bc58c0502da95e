/**
 * How common each shingle is across the corpus's sentences, in a fixed table of hashed buckets (a
 * collision only blurs two rare shingles together), so the table costs 4 MB whatever the corpus size
 * and merges by addition when a corpus file is added or replaced.
 */
export class DocumentFrequency {
  static readonly BUCKETS = 1 << 20;
  readonly counts: Uint32Array;
  units: number;
  // Weights computed on first use per bucket (NaN: not yet): scoring reads a weight for every shingle
  // it visits, and Math.log each time was half of a query's time.
  private readonly weights = new Float32Array(DocumentFrequency.BUCKETS).fill(Number.NaN);

  constructor(counts = new Uint32Array(DocumentFrequency.BUCKETS), units = 0) {
    this.counts = counts;
    this.units = units;
  }


  /** Adds (or with -1 takes away) one plan's share. */
  merge(share: SparseFrequency, sign: 1 | -1 = 1): void {
    share.buckets.forEach((bucket, i) => (this.counts[bucket]! += sign * share.counts[i]!));
    this.units += sign * share.units;
    this.weights.fill(Number.NaN);
  }

  /** The whole table as a share another index can merge in. */
  share(): SparseFrequency {
    const buckets: number[] = [];
    this.counts.forEach((c, i) => {
      if (c !== 0) buckets.push(i);
    });
    return { buckets: Uint32Array.from(buckets), counts: Uint32Array.from(buckets, (b) => this.counts[b]!), units: this.units };
  }

  /**
   * Inverse document frequency, smoothed: rare content words (电子保函, 无还本续贷) weigh several
   * times more than the slogans every plan repeats (推进, 加强, 营商环境).
   */
  weight(h: number): number {
    const bucket = h & (DocumentFrequency.BUCKETS - 1);
    let w = this.weights[bucket]!;
    if (Number.isNaN(w)) {
      w = Math.log((this.units + 1) / (this.counts[bucket]! + 1)) + 1;
      this.weights[bucket] = w;
    }
    return w;
  }
}

/** One plan's document frequencies: only the buckets it touches, so a segment stays small. */
export interface SparseFrequency {
  buckets: Uint32Array;
  counts: Uint32Array;
  units: number;
}

/** Counts, for each shingle bucket, how many of these units (sentences) contain it. */
export function countFrequencies(units: readonly Uint32Array[]): SparseFrequency {
  const counts = new Map<number, number>();
  for (const shingleSet of units) {
    for (const h of shingleSet) {
      const bucket = h & (DocumentFrequency.BUCKETS - 1);
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    }
  }
  const buckets = Uint32Array.from(counts.keys()).sort();
  return { buckets, counts: Uint32Array.from(buckets, (b) => counts.get(b)!), units: units.length };
}
