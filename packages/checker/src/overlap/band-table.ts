import type { OverlapParams } from './params.js';
import { measureCount, takeBandKeys, type Segment } from './segment.js';

const DIRECTORY_BITS = 16;
const LOW_MASK = (1 << (32 - DIRECTORY_BITS)) - 1;
/** A band key shared by more measures than this is a slogan's: it tells nothing and costs much. */
export const MAX_POSTINGS = 1024;

/**
 * Every plan's LSH band keys in one sorted table, with a directory on their top bits: a draft's keys
 * are looked up once, not once per corpus plan (with thousands of plans that was most of a query).
 * The table takes the plans' keys over (`takeBandKeys`), so they are held once, here. After the
 * corpus changed, the next table keeps the previous one's entries for the plans still there and
 * merges in the new plans' keys.
 */
export class BandTable {
  /** The low bits of each key; its top bits are its directory bucket. Half the memory of whole keys. */
  private readonly lowKeys: Uint16Array;
  /** Global measure number of each key: `bases[s] + m` for measure m of segment s. */
  private readonly refs: Uint32Array;
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
    const runs: Run[] = previous === undefined ? [] : [previous.entriesFor(segments, this.bases)];
    segments.forEach((segment, i) => {
      if (known.has(segment)) return;
      const { keys, keyMeasures } = takeBandKeys(segment, params);
      runs.push({ keys, measures: keyMeasures, base: this.bases[i]! });
    });
    const total = runs.reduce((sum, run) => sum + run.keys.length, 0);
    this.lowKeys = new Uint16Array(total);
    this.refs = new Uint32Array(total);
    // directory[b] is the first key whose top bits are b or more.
    this.directory = new Uint32Array((1 << DIRECTORY_BITS) + 1);
    let filled = 0;
    // One k-way merge straight into the table: no intermediate arrays as large as the table itself.
    mergeRuns(runs, (at, key, ref) => {
      this.lowKeys[at] = key & LOW_MASK;
      this.refs[at] = ref;
      // Filled a run of buckets at a time, per key rather than per bucket: a small draft's own index
      // has a few hundred keys for 65,537 buckets.
      const bucket = key >>> (32 - DIRECTORY_BITS);
      if (bucket >= filled) {
        this.directory.fill(at, filled, bucket + 1);
        filled = bucket + 1;
      }
    });
    this.directory.fill(total, filled);
    this.counts = new Uint16Array(this.bases[segments.length]!);
  }

  /** This table's entries for those of `segments` it holds, renumbered to their places there; still sorted. */
  private entriesFor(segments: readonly Segment[], bases: Uint32Array): Run {
    const place = new Map(segments.map((segment, i) => [segment, i]));
    const remap = new Int32Array(this.bases[this.segments.length]!).fill(-1);
    this.segments.forEach((segment, old) => {
      const i = place.get(segment);
      if (i === undefined) return;
      for (let m = 0; m < measureCount(segment); m++) remap[this.bases[old]! + m] = bases[i]! + m;
    });
    let kept = 0;
    for (const ref of this.refs) if (remap[ref]! >= 0) kept++;
    const keys = new Uint32Array(kept);
    const measures = new Uint32Array(kept);
    let k = 0;
    for (let bucket = 0; bucket < 1 << DIRECTORY_BITS; bucket++) {
      for (let e = this.directory[bucket]!; e < this.directory[bucket + 1]!; e++) {
        const to = remap[this.refs[e]!]!;
        if (to < 0) continue;
        keys[k] = ((bucket << (32 - DIRECTORY_BITS)) | this.lowKeys[e]!) >>> 0;
        measures[k++] = to;
      }
    }
    return { keys, measures, base: 0 };
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
    const { lowKeys, refs, directory, counts } = this;
    const touched: number[] = [];
    for (const keySet of keySets) {
      for (const key of keySet) {
        const bucket = key >>> (32 - DIRECTORY_BITS);
        const lowKey = key & LOW_MASK;
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

/** Sorted band keys of one plan (or of the previous table), with the measure of each: `base + measures[i]`. */
interface Run {
  keys: Uint32Array;
  measures: Uint32Array;
  base: number;
}

/**
 * Merges sorted runs with a binary heap of run heads, calling `put` with each key in order; equal
 * keys come in run order, so a table's entries do not depend on how it was built.
 */
function mergeRuns(runs: readonly Run[], put: (at: number, key: number, ref: number) => void): void {
  if (runs.length === 1) {
    // Nothing to merge (one plan, or a draft's own measures): copied as it is.
    const [{ keys, measures, base }] = runs as [Run];
    for (let i = 0; i < keys.length; i++) put(i, keys[i]!, base + measures[i]!);
    return;
  }
  const next = new Uint32Array(runs.length);
  const heap: number[] = [];
  const before = (a: number, b: number): boolean => {
    const ka = runs[a]!.keys[next[a]!]!;
    const kb = runs[b]!.keys[next[b]!]!;
    return ka < kb || (ka === kb && a < b);
  };
  const siftDown = (from: number): void => {
    for (let i = from; ; ) {
      const left = 2 * i + 1;
      if (left >= heap.length) return;
      const child = left + 1 < heap.length && before(heap[left + 1]!, heap[left]!) ? left + 1 : left;
      if (!before(heap[child]!, heap[i]!)) return;
      [heap[i], heap[child]] = [heap[child]!, heap[i]!];
      i = child;
    }
  };
  runs.forEach((run, r) => {
    if (run.keys.length > 0) heap.push(r);
  });
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  for (let at = 0; heap.length > 0; at++) {
    const r = heap[0]!;
    const run = runs[r]!;
    const i = next[r]!++;
    put(at, run.keys[i]!, run.base + run.measures[i]!);
    if (next[r]! === run.keys.length) {
      // This run is done: the last heap entry takes its place (unless it was the last one).
      const last = heap.pop()!;
      if (heap.length > 0) heap[0] = last;
    }
    if (heap.length > 0) siftDown(0);
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
