import type { Range } from '@policylint/core';
import { bandKeys, signature } from './minhash.js';
import type { OverlapParams } from './params.js';
import { unionSorted } from './shingle.js';
import { isStopShingle } from './stop-shingles.js';
import type { MeasureUnit } from './units.js';

/**
 * What a match reports about a corpus measure: enough to name it and point at it. Sentence texts are
 * not kept (they are most of a segment's size); a quote is cut from the corpus file's text by range.
 */
export interface SegmentMeasure {
  number: number;
  title: string;
  range: Range;
  sentences: Range[];
}

/**
 * The overlap index of one corpus plan, in flat typed arrays so it is small, quick to scan and
 * quick to save and load: shingles per sentence and per measure, and sorted LSH band keys, each
 * pointing at the measure it came from.
 */
export interface Segment {
  planId: string;
  measures: SegmentMeasure[];
  /** Measure m's sentences are sentence units [sentenceStart[m], sentenceStart[m + 1]). */
  sentenceStart: Uint32Array;
  /** Sentence unit s's shingles are sentenceShingles[sentenceOffsets[s] … sentenceOffsets[s + 1]). */
  sentenceOffsets: Uint32Array;
  sentenceShingles: Uint32Array;
  /** Measure m's short-title shingles are titleShingles[titleOffsets[m] … titleOffsets[m + 1]). */
  titleOffsets: Uint32Array;
  titleShingles: Uint32Array;
  /** Sorted band keys and, aligned, the measure each belongs to. */
  keys: Uint32Array;
  keyMeasures: Uint32Array;
}

/** The band keys of a shingle set, its slogan shingles left out (they would make everything a candidate). */
export function unitKeys(shingleSet: Uint32Array, params: OverlapParams): Uint32Array {
  const informative = shingleSet.filter((h) => !isStopShingle(h, params.n));
  return bandKeys(signature(informative.length > 0 ? informative : shingleSet, params.bands * params.rows), params.rows);
}

export function buildSegment(planId: string, measures: readonly MeasureUnit[], params: OverlapParams): Segment {
  const sentenceStart = new Uint32Array(measures.length + 1);
  const sentenceSets: Uint32Array[] = [];
  const pairs: Array<[key: number, measure: number]> = [];
  measures.forEach((measure, m) => {
    sentenceStart[m] = sentenceSets.length;
    const keys = new Set<number>();
    for (const sentence of measure.sentences) {
      sentenceSets.push(sentence.shingles);
      for (const key of unitKeys(sentence.shingles, params)) keys.add(key);
    }
    for (const key of unitKeys(measure.shingles, params)) keys.add(key);
    for (const key of keys) pairs.push([key, m]);
  });
  sentenceStart[measures.length] = sentenceSets.length;
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const [sentenceOffsets, sentenceShingles] = flatten(sentenceSets);
  const [titleOffsets, titleShingles] = flatten(measures.map((m) => m.titleShingles));
  return {
    planId,
    measures: measures.map(({ node, sentences }) => ({
      number: node.number,
      title: node.title,
      range: node.range,
      sentences: sentences.map(({ range }) => range),
    })),
    sentenceStart,
    sentenceOffsets,
    sentenceShingles,
    titleOffsets,
    titleShingles,
    keys: Uint32Array.from(pairs, (p) => p[0]),
    keyMeasures: Uint32Array.from(pairs, (p) => p[1]),
  };
}

function flatten(sets: readonly Uint32Array[]): [Uint32Array, Uint32Array] {
  const offsets = new Uint32Array(sets.length + 1);
  let total = 0;
  sets.forEach((s, i) => {
    offsets[i] = total;
    total += s.length;
  });
  offsets[sets.length] = total;
  const flat = new Uint32Array(total);
  sets.forEach((s, i) => flat.set(s, offsets[i]!));
  return [offsets, flat];
}

/**
 * All shingles of measure m, made when needed from its titles and sentences: keeping the union
 * as well would double the index's largest array.
 */
export function measureShingles(segment: Segment, m: number): Uint32Array {
  const parts = [segment.titleShingles.subarray(segment.titleOffsets[m]!, segment.titleOffsets[m + 1]!)];
  for (let s = segment.sentenceStart[m]!; s < segment.sentenceStart[m + 1]!; s++) {
    parts.push(segment.sentenceShingles.subarray(segment.sentenceOffsets[s]!, segment.sentenceOffsets[s + 1]!));
  }
  return unionSorted(parts);
}

/** A band key shared by more measures than this, in one plan, is a slogan's: it tells nothing and costs much. */
const MAX_BUCKET = 64;

const DIRECTORY_BITS = 12;
const directories = new WeakMap<Uint32Array, Uint32Array>();

/** Where the sorted keys with each value of their top DIRECTORY_BITS bits start; built once per segment. */
function keyDirectory(segment: Segment): Uint32Array {
  let directory = directories.get(segment.keys);
  if (directory === undefined) {
    directory = new Uint32Array((1 << DIRECTORY_BITS) + 1);
    const { keys } = segment;
    let at = 0;
    for (let bucket = 0; bucket <= 1 << DIRECTORY_BITS; bucket++) {
      while (at < keys.length && keys[at]! >>> (32 - DIRECTORY_BITS) < bucket) at++;
      directory[bucket] = at;
    }
    directories.set(segment.keys, directory);
  }
  return directory;
}

/**
 * Counts, per measure of `segment`, how many of the query's band keys it shares, and reports each
 * measure that shares any. A key shared by more than MAX_BUCKET measures of the plan is skipped.
 * `scratch` holds counters reused across calls; they are left at zero.
 */
export function countBandHits(
  segment: Segment,
  keySets: readonly Uint32Array[],
  scratch: { counts: Uint16Array; touched: number[] },
  report: (measure: number, hits: number) => void,
): void {
  if (scratch.counts.length < segment.measures.length) scratch.counts = new Uint16Array(segment.measures.length * 2);
  const { keys, keyMeasures } = segment;
  const { counts, touched } = scratch;
  const directory = keyDirectory(segment);
  for (const keySet of keySets) {
    for (const key of keySet) {
      // The directory narrows the search to the keys sharing the top bits: a few steps, not seventeen.
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
      if (high - low > MAX_BUCKET) continue;
      for (let i = low; i < high; i++) {
        const m = keyMeasures[i]!;
        if (counts[m]!++ === 0) touched.push(m);
      }
    }
  }
  touched.sort((a, b) => a - b);
  for (const m of touched) {
    report(m, counts[m]!);
    counts[m] = 0;
  }
  touched.length = 0;
}
