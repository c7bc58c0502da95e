import type { Range } from '@policylint/core';
import { bandKeys, signature } from './minhash.js';
import type { OverlapParams } from './params.js';
import { isStopShingle } from './stop-shingles.js';
import type { MeasureUnit } from './units.js';
import { countFrequencies, type SparseFrequency } from './weights.js';

/** What a match reports about a corpus measure: enough to name it, point at it and quote it. */
export interface SegmentMeasure {
  number: number;
  title: string;
  range: Range;
  sentences: Array<{ text: string; range: Range }>;
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
  measureOffsets: Uint32Array;
  measureShingles: Uint32Array;
  /** Sorted band keys and, aligned, the measure each belongs to. */
  keys: Uint32Array;
  keyMeasures: Uint32Array;
  /** This plan's share of the corpus's document frequencies. */
  df: SparseFrequency;
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
  const [measureOffsets, measureShingles] = flatten(measures.map((m) => m.shingles));
  return {
    planId,
    measures: measures.map(({ node, sentences }) => ({
      number: node.number,
      title: node.title,
      range: node.range,
      sentences: sentences.map(({ text, range }) => ({ text, range })),
    })),
    sentenceStart,
    sentenceOffsets,
    sentenceShingles,
    measureOffsets,
    measureShingles,
    keys: Uint32Array.from(pairs, (p) => p[0]),
    keyMeasures: Uint32Array.from(pairs, (p) => p[1]),
    df: countFrequencies(sentenceSets),
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

/** The measures of `segment` that have band key `key`. */
export function measuresWithKey(segment: Segment, key: number, into: Set<number>): void {
  const { keys, keyMeasures } = segment;
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid]! < key) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < keys.length && keys[i] === key; i++) into.add(keyMeasures[i]!);
}
