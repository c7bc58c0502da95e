/** The number of hashed buckets shingles are counted in; a shingle's bucket is its low bits. */
export const BUCKETS = 1 << 20;
export const BUCKET_MASK = BUCKETS - 1;

// Kept sparse up to this many buckets in use: then the open-addressing table is 2^17 slots (1.5 MB),
// the flat one 8 MB. A seed-size corpus uses ~10,000 buckets; 100,000 measures use most of them.
const MAX_SPARSE = 1 << 16;
const FIRST_CAPACITY = 1 << 10;

/**
 * A count and a remembered 32-bit weight per bucket. A flat array of 2^20 counts is the fastest to
 * read, but a fresh 4 MB array costs a page fault for every page first touched, and a few thousand
 * shingles touch them all (~11 ms for the seed's, on these machines: a tenth of a short CLI run, twice
 * with the weights). So the table starts as an open-addressing hash with linear probing (buckets are
 * hash bits already, so a slot is the bucket's own low bits) and turns flat once many buckets are in
 * use. What it answers is the same either way.
 */
export class BucketCounts {
  /** bucket + 1 per slot, 0 for a free one; undefined once flat (slot = bucket). */
  private keys: Int32Array | undefined = new Int32Array(FIRST_CAPACITY);
  private counts = new Uint32Array(FIRST_CAPACITY);
  private weights = new Float32Array(FIRST_CAPACITY);
  private used = 0;

  /** Bytes held by the table. */
  get byteLength(): number {
    return (this.keys?.byteLength ?? 0) + this.counts.byteLength + this.weights.byteLength;
  }

  count(bucket: number): number {
    const slot = this.find(bucket);
    return slot < 0 ? 0 : this.counts[slot]!;
  }

  add(bucket: number, delta: number): void {
    const slot = this.slotFor(bucket); // first: taking a slot may move the table to new arrays
    this.counts[slot]! += delta;
  }

  /** The weight remembered for `bucket`, computed from its count by `weigh` the first time (0 is "not yet"). */
  weight(bucket: number, weigh: (count: number) => number): number {
    const slot = this.slotFor(bucket);
    const known = this.weights[slot]!;
    if (known !== 0) return known;
    // Stored as a 32-bit float: `weigh` rounds to one, so the value returned now is the one read later.
    return (this.weights[slot] = weigh(this.counts[slot]!));
  }

  forgetWeights(): void {
    this.weights.fill(0);
  }

  copy(): BucketCounts {
    const copy = new BucketCounts();
    copy.keys = this.keys?.slice();
    copy.counts = this.counts.slice();
    copy.weights = this.weights.slice();
    copy.used = this.used;
    return copy;
  }

  /**
   * Makes room for up to `count` more buckets at once, so adding a plan's shingles grows the table
   * once rather than doubling it again and again (a seed-size plan would rehash it five times).
   */
  reserve(count: number): void {
    if (this.keys === undefined) return;
    const needed = this.used + count;
    if (needed > MAX_SPARSE) return this.resize(BUCKETS, false);
    let capacity = this.keys.length;
    while (needed * 2 > capacity) capacity *= 2;
    if (capacity > this.keys.length) this.resize(capacity, true);
  }

  /** The slot holding `bucket`, or -1. */
  private find(bucket: number): number {
    const keys = this.keys;
    if (keys === undefined) return bucket;
    const mask = keys.length - 1;
    for (let slot = bucket & mask; ; slot = (slot + 1) & mask) {
      const key = keys[slot]!;
      if (key === bucket + 1) return slot;
      if (key === 0) return -1;
    }
  }

  /** The slot holding `bucket`, taken for it if it had none. */
  private slotFor(bucket: number): number {
    const found = this.find(bucket);
    if (found >= 0) return found;
    if (++this.used > MAX_SPARSE) this.resize(BUCKETS, false);
    else if (this.used * 2 > this.keys!.length) this.resize(this.keys!.length * 2, true);
    return this.insert(bucket);
  }

  /** Takes a free slot for `bucket`, which has none. */
  private insert(bucket: number): number {
    const keys = this.keys;
    if (keys === undefined) return bucket;
    const mask = keys.length - 1;
    let slot = bucket & mask;
    while (keys[slot] !== 0) slot = (slot + 1) & mask;
    keys[slot] = bucket + 1;
    return slot;
  }

  /** Moves every entry into new arrays of `capacity` slots, hashed or (`sparse` false) flat. */
  private resize(capacity: number, sparse: boolean): void {
    const { keys, counts, weights } = this;
    this.keys = sparse ? new Int32Array(capacity) : undefined;
    this.counts = new Uint32Array(capacity);
    this.weights = new Float32Array(capacity);
    for (let old = 0; old < keys!.length; old++) {
      if (keys![old] === 0) continue;
      const slot = this.insert(keys![old]! - 1);
      this.counts[slot] = counts[old]!;
      this.weights[slot] = weights[old]!;
    }
  }
}
