import type { OverlapParams } from './params.js';
import { measureCount, takeBandKeys, type Segment } from './segment.js';

/** Directory bits of a large table: its low keys then fit in 16 bits, half the memory of whole keys. */
const MAX_DIRECTORY_BITS = 16;
const MIN_DIRECTORY_BITS = 4;

/**
 * Directory bits for a table of `measures` measures: a few entries per bucket (a measure has tens of
 * band keys). A small table (a draft's own measures, a corpus of a few plans) with the large one's
 * 65,536 buckets spent most of its making on the directory, walked whole in code that had not run yet.
 */
function directoryBits(measures: number): number {
  return Math.min(MAX_DIRECTORY_BITS, Math.max(MIN_DIRECTORY_BITS, Math.ceil(Math.log2(measures + 1)) + 2));
}
/** A band key shared by more measures than this is a slogan's: it tells nothing and costs much. */
export const MAX_POSTINGS = 1024;

/** Calls `put` with every (key, global measure number) entry of a table being built. */
type Entries = (put: (key: number, ref: number) => void) => void;

/**
 * Every plan's LSH band keys in one sorted table, with a directory on their top bits: a draft's keys
 * are looked up once, not once per corpus plan (with thousands of plans that was most of a query).
 * The table takes the plans' keys over (`takeBandKeys`), so they are held once, here. After the
 * corpus changed, the next table keeps the previous one's entries for the plans still there and
 * adds the new plans' keys.
 */
export class BandTable {
  /** The low bits of each key; its top bits (`bits` of them) are its directory bucket. */
  private readonly lowKeys: Uint16Array | Uint32Array;
  private readonly bits: number;
  private readonly lowBits: number;
  /** Global measure number of each key: `bases[s] + m` for measure m of segment s. */
  private readonly refs: Uint32Array;
  /** directory[b] is the first entry whose key's top bits are b or more. */
  private readonly directory: Uint32Array;
  private readonly bases: Uint32Array;
  private counts: Uint16Array;

  constructor(
    private readonly segments: readonly Segment[],
    params: OverlapParams,
    previous?: BandTable,
  ) {
    this.bases = new Uint32Array(segments.length + 1);
    segments.forEach((s, i) => (this.bases[i + 1] = this.bases[i]! + measureCount(s)));
    const known = new Set(previous?.segments);
    const added = segments.flatMap((segment, i) => (known.has(segment) ? [] : [i]));
    // Keys a segment holds are taken now (they are in memory anyway); stored ones are read back once
    // per pass, one plan at a time into one buffer, so a large corpus's keys are never all in memory
    // beside the table: freed after the first check, they would leave that much of the allocator's
    // heap unused but resident for good (~65 MB at 100,000 measures).
    const held = new Map(added.flatMap((i) => (segments[i]!.readBandKeys === undefined ? [[i, takeBandKeys(segments[i]!, params)] as const] : [])));
    let scratch = new Uint32Array(0);
    const buffer = (length: number): Uint32Array => (scratch.length >= length ? scratch : (scratch = new Uint32Array(length)));
    const kept = previous?.entriesFor(segments, this.bases);
    const entries: Entries = (put) => {
      kept?.(put);
      for (const i of added) {
        const { keys, keyMeasures } = held.get(i) ?? takeBandKeys(segments[i]!, params, buffer);
        const base = this.bases[i]!;
        for (let k = 0; k < keys.length; k++) put(keys[k]!, base + keyMeasures[k]!);
      }
    };
    // A counting sort on the top bits, straight into the table (no intermediate arrays as large as
    // the table itself): count each bucket's entries, place them, then order each bucket.
    const bits = directoryBits(this.bases[segments.length]!);
    const lowBits = 32 - bits;
    const lowMask = 2 ** lowBits - 1;
    const buckets = 2 ** bits;
    const directory = new Uint32Array(buckets + 1);
    entries((key) => directory[(key >>> lowBits) + 1]!++);
    for (let b = 0; b < buckets; b++) directory[b + 1]! += directory[b]!;
    const total = directory[buckets]!;
    const lowKeys = lowBits <= 16 ? new Uint16Array(total) : new Uint32Array(total);
    const refs = new Uint32Array(total);
    // Each bucket's start serves as its cursor, which leaves it at the next bucket's start.
    entries((key, ref) => {
      const at = directory[key >>> lowBits]!++;
      lowKeys[at] = key & lowMask;
      refs[at] = ref;
    });
    directory.copyWithin(1, 0, buckets);
    directory[0] = 0;
    // Each source comes sorted: one (a single plan, or a draft's own measures) needs nothing more.
    if ((kept === undefined ? 0 : 1) + added.length > 1) sortBuckets(directory, lowKeys, refs, lowBits);
    this.bits = bits;
    this.lowBits = lowBits;
    this.lowKeys = lowKeys;
    this.refs = refs;
    this.directory = directory;
    this.counts = new Uint16Array(this.bases[segments.length]!);
  }

  /** Calls back with this table's entries for those of `segments` it holds, renumbered to their places there. */
  private entriesFor(segments: readonly Segment[], bases: Uint32Array): Entries {
    const place = new Map(segments.map((segment, i) => [segment, i]));
    const remap = new Int32Array(this.bases[this.segments.length]!).fill(-1);
    this.segments.forEach((segment, old) => {
      const i = place.get(segment);
      if (i === undefined) return;
      for (let m = 0; m < measureCount(segment); m++) remap[this.bases[old]! + m] = bases[i]! + m;
    });
    return (put) => {
      const scale = 2 ** this.lowBits;
      for (let bucket = 0; bucket < 2 ** this.bits; bucket++) {
        for (let e = this.directory[bucket]!; e < this.directory[bucket + 1]!; e++) {
          const to = remap[this.refs[e]!]!;
          if (to >= 0) put(bucket * scale + this.lowKeys[e]!, to);
        }
      }
    };
  }

  /**
   * Counts, per corpus measure, how many of the query's keys it shares, and reports each one that
   * shares any (in corpus order), skipping plans in `exclude` and, with `before`, every measure from
   * that one on in table order (a draft's own measures compared with the earlier ones only). `before`
   * is for a table built in one go, whose equal keys are in measure order.
   */
  hits(
    keySets: readonly Uint32Array[],
    exclude: ReadonlySet<string> | undefined,
    report: (segment: Segment, measure: number, hits: number) => void,
    before = Number.POSITIVE_INFINITY,
  ): void {
    const { lowKeys, refs, directory, counts, lowBits } = this;
    const lowMask = 2 ** lowBits - 1;
    const touched: number[] = [];
    for (const keySet of keySets) {
      for (const key of keySet) {
        const bucket = key >>> lowBits;
        const lowKey = key & lowMask;
        let low = directory[bucket]!;
        const bucketEnd = directory[bucket + 1]!;
        let end = bucketEnd;
        while (low < end) {
          const mid = (low + end) >>> 1;
          if (lowKeys[mid]! < lowKey) low = mid + 1;
          else end = mid;
        }
        let high = low;
        while (high < bucketEnd && lowKeys[high] === lowKey) high++;
        if (high - low > MAX_POSTINGS) continue;
        // Equal keys are in measure order (see `before`), so the first at or past `before` ends them.
        for (let i = low; i < high; i++) {
          const ref = refs[i]!;
          if (ref >= before) break;
          if (counts[ref]!++ === 0) touched.push(ref);
        }
      }
    }
    touched.sort((a, b) => a - b);
    let s = 0;
    for (const ref of touched) {
      while (this.bases[s + 1]! <= ref) s++;
      const segment = this.segments[s]!;
      if (exclude === undefined || !exclude.has(segment.planId)) report(segment, ref - this.bases[s]!, counts[ref]!);
      counts[ref] = 0;
    }
  }
}

/**
 * Orders each bucket's entries by key, keeping the order they came in among equal keys (so a table
 * built from plans in order has them in measure order, see `hits`). A bucket holds ~120 entries at
 * 100,000 measures: each entry's key and place packed into one number, one native sort, then the
 * measures put back by place.
 */
function sortBuckets(directory: Uint32Array, lowKeys: Uint16Array | Uint32Array, refs: Uint32Array, lowBits: number): void {
  let packed = new Uint32Array(0);
  let wide = new Float64Array(0);
  let saved = new Uint32Array(0);
  for (let b = 0; b + 1 < directory.length; b++) {
    const from = directory[b]!;
    const n = directory[b + 1]! - from;
    if (n < 2) continue;
    if (saved.length < n) saved = new Uint32Array(2 * n);
    saved.set(refs.subarray(from, from + n));
    if (lowBits === 16 && n <= 1 << 16) {
      // Key and place in 32 bits: sorts about twice as fast as 64-bit numbers.
      if (packed.length < n) packed = new Uint32Array(2 * n);
      for (let i = 0; i < n; i++) packed[i] = ((lowKeys[from + i]! << 16) | i) >>> 0;
      packed.subarray(0, n).sort();
      for (let i = 0; i < n; i++) {
        lowKeys[from + i] = packed[i]! >>> 16;
        refs[from + i] = saved[packed[i]! & 0xffff]!;
      }
    } else {
      // A bucket of a key shared by very many measures (a slogan's, in a corpus of millions), or of a
      // small table, whose low keys are wider: key and place in one exact double (below 2^53).
      const scale = 2 ** Math.ceil(Math.log2(n));
      if (wide.length < n) wide = new Float64Array(n);
      for (let i = 0; i < n; i++) wide[i] = lowKeys[from + i]! * scale + i;
      wide.subarray(0, n).sort();
      for (let i = 0; i < n; i++) {
        const key = Math.floor(wide[i]! / scale);
        lowKeys[from + i] = key;
        refs[from + i] = saved[wide[i]! - key * scale]!;
      }
    }
  }
}

/**
 * The `limit` entries with the most band hits, the most first, ties in the order found (corpus order,
 * so results do not depend on timing). Hit counts are small integers: bucket them instead of sorting.
 */
export function mostHits<T extends { hits: number }>(entries: readonly T[], limit: number): T[] {
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
