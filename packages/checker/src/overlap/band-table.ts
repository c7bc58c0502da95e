import type { OverlapParams } from './params.js';
import { measureCount, takeBandKeys, type Segment } from './segment.js';

const DIRECTORY_BITS = 16;
/** A band key shared by more measures than this is a slogan's: it tells nothing and costs much. */
const MAX_POSTINGS = 1024;

/**
 * Every plan's LSH band keys in one sorted table, with a directory on their top bits: a draft's keys
 * are looked up once, not once per corpus plan (with thousands of plans that was most of a query).
 * The table takes the plans' keys over (`takeBandKeys`), so they are held once, here. After the
 * corpus changed, the next table keeps the previous one's entries for the plans still there and
 * merges in the new plans' keys.
 */
export class BandTable {
  private readonly keys: Uint32Array;
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
    let runs: Run[] = previous === undefined ? [] : [previous.entriesFor(segments, this.bases)];
    segments.forEach((segment, i) => {
      if (known.has(segment)) return;
      const { keys, keyMeasures } = takeBandKeys(segment, params);
      runs.push({ keys, refs: keyMeasures.map((m) => m + this.bases[i]!) });
    });
    // Merge sorted runs pairwise: log2(runs) passes over the keys.
    while (runs.length > 1) {
      const next: typeof runs = [];
      for (let i = 0; i < runs.length; i += 2) next.push(i + 1 < runs.length ? merge(runs[i]!, runs[i + 1]!) : runs[i]!);
      runs = next;
    }
    this.keys = runs[0]?.keys ?? new Uint32Array(0);
    this.refs = runs[0]?.refs ?? new Uint32Array(0);
    // directory[b] is the first key whose top bits are b or more. Filled a run of buckets at a time, per
    // key rather than per bucket: a small draft's own index has a few hundred keys for 65,537 buckets.
    this.directory = new Uint32Array((1 << DIRECTORY_BITS) + 1);
    let filled = 0;
    for (let at = 0; at < this.keys.length; at++) {
      const bucket = this.keys[at]! >>> (32 - DIRECTORY_BITS);
      if (bucket >= filled) {
        this.directory.fill(at, filled, bucket + 1);
        filled = bucket + 1;
      }
    }
    this.directory.fill(this.keys.length, filled);
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
    const refs = new Uint32Array(kept);
    let k = 0;
    for (let e = 0; e < this.refs.length; e++) {
      const to = remap[this.refs[e]!]!;
      if (to < 0) continue;
      keys[k] = this.keys[e]!;
      refs[k++] = to;
    }
    return { keys, refs };
  }

  /**
   * Counts, per corpus measure, how many of the query's keys it shares, and reports each one that
   * shares any (in corpus order), skipping plans in `exclude`.
   */
  hits(keySets: readonly Uint32Array[], exclude: ReadonlySet<string> | undefined, report: (segment: Segment, measure: number, hits: number) => void): void {
    const { keys, refs, directory, counts } = this;
    const touched: number[] = [];
    for (const keySet of keySets) {
      for (const key of keySet) {
        const bucket = key >>> (32 - DIRECTORY_BITS);
        let low = directory[bucket]!;
        let end = directory[bucket + 1]!;
        while (low < end) {
          const mid = (low + end) >>> 1;
          if (keys[mid]! < key) low = mid + 1;
          else end = mid;
        }
        let high = low;
        while (high < keys.length && keys[high] === key) high++;
        if (high - low > MAX_POSTINGS) continue;
        for (let i = low; i < high; i++) {
          const ref = refs[i]!;
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

interface Run {
  keys: Uint32Array;
  refs: Uint32Array;
}

function merge(a: Run, b: Run): Run {
  const keys = new Uint32Array(a.keys.length + b.keys.length);
  const refs = new Uint32Array(keys.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.keys.length && j < b.keys.length) {
    if (a.keys[i]! <= b.keys[j]!) {
      keys[k] = a.keys[i]!;
      refs[k++] = a.refs[i++]!;
    } else {
      keys[k] = b.keys[j]!;
      refs[k++] = b.refs[j++]!;
    }
  }
  for (; i < a.keys.length; i++, k++) {
    keys[k] = a.keys[i]!;
    refs[k] = a.refs[i]!;
  }
  for (; j < b.keys.length; j++, k++) {
    keys[k] = b.keys[j]!;
    refs[k] = b.refs[j]!;
  }
  return { keys, refs };
}
