import type { Range } from '@policylint/core';
import { bandKeys, signature, unionSignature } from './minhash.js';
import type { OverlapParams } from './params.js';
import { setId, unionSorted } from './shingle.js';
import { stopShingles } from './stop-shingles.js';
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
  /** Every measure's metadata; for one measure, `segmentMeasure` (a stored segment reads just that one). */
  measures: SegmentMeasure[];
  /** Reads measure m's metadata alone from where the segment is stored (undefined when it cannot). */
  readMeasure?: ((m: number) => SegmentMeasure | undefined) | undefined;
  /** Measure m's sentences are sentence units [sentenceStart[m], sentenceStart[m + 1]). */
  sentenceStart: Uint32Array;
  /** Sentence unit s's shingles are sentenceShingles[sentenceOffsets[s] … sentenceOffsets[s + 1]). */
  sentenceOffsets: Uint32Array;
  /** Empty when `readShingles` is set: read them with `sentenceShingles()`. */
  sentenceShingles: Uint32Array;
  /**
   * Reads sentenceShingles[from … to) from where the segment is stored. A large corpus's shingles
   * are most of its index and a check scores only a few dozen measures, so a stored segment leaves
   * them on disk. With `into` (at least `to - from` long), they are read into it and a view on it is returned.
   */
  readShingles?: ((from: number, to: number, into?: Uint32Array) => Uint32Array) | undefined;
  /** Measure m's short-title shingles are titleShingles[titleOffsets[m] … titleOffsets[m + 1]). */
  titleOffsets: Uint32Array;
  titleShingles: Uint32Array;
  /** Sorted band keys and, aligned, the measure each belongs to. Empty when `readBandKeys` is set. */
  keys: Uint32Array;
  keyMeasures: Uint32Array;
  /**
   * Reads the band keys back from where the segment is stored (undefined when they cannot be read).
   * They are wanted once, when a band table is built, and held meanwhile they would be a third of a
   * large corpus's memory. With `buffer`, they are read into the array it gives for that many
   * numbers (keys and measures), valid until it gives that array again.
   */
  readBandKeys?: ((buffer?: (length: number) => Uint32Array) => BandKeys | undefined) | undefined;
}

/** A plan's sorted band keys and, aligned, the measure each belongs to. */
export interface BandKeys {
  keys: Uint32Array;
  keyMeasures: Uint32Array;
}

// Band keys by content, a table per parameters: an editor re-checks a draft on every keystroke, and
// all sentences but the edited one have the keys they had. Bounded, oldest out first.
const keyMemos = new Map<string, Map<string, Uint32Array>>();
const MAX_KEY_MEMO = 8192;

function keysOf(content: string, params: OverlapParams, makeSignature: () => Uint32Array): Uint32Array {
  const memo = tableFor(keyMemos, `${params.n}/${params.bands}/${params.rows}`);
  let keys = memo.get(content);
  if (keys === undefined) {
    keys = bandKeys(makeSignature(), params.rows);
    if (memo.size >= MAX_KEY_MEMO) memo.delete(memo.keys().next().value!);
    memo.set(content, keys);
  }
  return keys;
}

// Signatures of sets' informative shingles by set (equal texts share one set, see `setId`), a table
// per parameters: a measure's signature is made from its sentences' instead of from all its shingles
// again. Bounded.
const signatureMemos = new Map<string, Map<number, Uint32Array | null>>();

function tableFor<K, V>(tables: Map<string, Map<K, V>>, name: string): Map<K, V> {
  let table = tables.get(name);
  if (table === undefined) tables.set(name, (table = new Map()));
  return table;
}

/** The MinHash signature of a set's shingles without its slogan ones, or undefined when it has only those. */
function informativeSignature(set: Uint32Array, params: OverlapParams): Uint32Array | undefined {
  const memo = tableFor(signatureMemos, `${params.n}/${params.bands * params.rows}`);
  const id = setId(set);
  let found = memo.get(id);
  if (found === undefined) {
    const stop = stopShingles(params.n);
    const informative = new Uint32Array(set.length);
    let count = 0;
    for (let i = 0; i < set.length; i++) if (!stop.has(set[i]!)) informative[count++] = set[i]!;
    found = count > 0 ? signature(informative.subarray(0, count), params.bands * params.rows) : null;
    if (memo.size >= MAX_KEY_MEMO) memo.delete(memo.keys().next().value!);
    memo.set(id, found);
  }
  return found ?? undefined;
}

/** The band keys of a shingle set, its slogan shingles left out (they would make everything a candidate). */
export function unitKeys(shingleSet: Uint32Array, params: OverlapParams, content = `s${setId(shingleSet)}`): Uint32Array {
  return keysOf(content, params, () => informativeSignature(shingleSet, params) ?? signature(shingleSet, params.bands * params.rows));
}

/**
 * The band keys a measure is found by, and queries with: its union's, then each sentence's. The
 * union's signature is its parts' (title and sentences) put together, as the union's own would be.
 */
export function measureKeySets(measure: MeasureUnit, params: OverlapParams): Uint32Array[] {
  const k = params.bands * params.rows;
  const whole = keysOf(`m${measure.content}`, params, () => {
    const parts = [measure.titleShingles, ...measure.sentences.map((s) => s.shingles)].flatMap((set) => informativeSignature(set, params) ?? []);
    // No informative shingle in any part: none in the union either, whose keys then come from all of them.
    return parts.length > 0 ? unionSignature(parts, k) : signature(measure.shingles, k);
  });
  return [whole, ...measure.sentences.map((s) => unitKeys(s.shingles, params))];
}

/**
 * The overlap index of a plan's measures. `keySets` are each measure's `measureKeySets`, when the
 * caller has them already.
 */
export function buildSegment(
  planId: string,
  measures: readonly MeasureUnit[],
  params: OverlapParams,
  keySets: ReadonlyArray<readonly Uint32Array[]> = measures.map((measure) => measureKeySets(measure, params)),
): Segment {
  const sentenceStart = new Uint32Array(measures.length + 1);
  const sentenceSets: Uint32Array[] = [];
  measures.forEach((measure, m) => {
    sentenceStart[m] = sentenceSets.length;
    for (const sentence of measure.sentences) sentenceSets.push(sentence.shingles);
  });
  sentenceStart[measures.length] = sentenceSets.length;
  const [sentenceOffsets, sentenceShingles] = flatten(sentenceSets);
  const [titleOffsets, titleShingles] = flatten(measures.map((m) => m.titleShingles));
  const segment: Segment = {
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
    keys: EMPTY,
    keyMeasures: EMPTY,
  };
  const { keys, keyMeasures } = sortBandKeys(keySets);
  segment.keys = keys;
  segment.keyMeasures = keyMeasures;
  return segment;
}

const EMPTY = new Uint32Array(0);

/**
 * A segment's sorted LSH band keys and the measure of each: the keys of every sentence and of the
 * measure as a whole, once per measure.
 */
export function computeBandKeys(segment: Segment, params: OverlapParams): BandKeys {
  return sortBandKeys(
    Array.from({ length: measureCount(segment) }, (_, m) => {
      const sentences = measureSentences(segment, m);
      return [unitKeys(measureShingles(segment, m, sentences), params), ...sentences.map((sentence) => unitKeys(sentence, params))];
    }),
  );
}

/** Each measure's distinct keys, from its key sets, as (key, measure) pairs sorted by key, then measure. */
function sortBandKeys(keySets: ReadonlyArray<readonly Uint32Array[]>): BandKeys {
  if (keySets.length > MEASURE_SPAN) throw new RangeError(`a plan of ${keySets.length} measures is more than the overlap index takes (${MEASURE_SPAN})`);
  // Each pair as one number, the key in the high bits: one native sort of a typed array, where an
  // array of pairs sorted with a comparator was most of indexing a plan.
  const packed: number[] = [];
  const distinct = new Set<number>();
  keySets.forEach((sets, m) => {
    distinct.clear();
    for (const set of sets) for (const key of set) distinct.add(key);
    for (const key of distinct) packed.push(key * MEASURE_SPAN + m);
  });
  const sorted = Float64Array.from(packed).sort();
  const keys = new Uint32Array(sorted.length);
  const keyMeasures = new Uint32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    keys[i] = Math.floor(sorted[i]! / MEASURE_SPAN);
    keyMeasures[i] = sorted[i]! % MEASURE_SPAN;
  }
  return { keys, keyMeasures };
}

/** Measures per plan that a packed (key, measure) number can tell apart: 32 + 21 bits fill a double exactly. */
const MEASURE_SPAN = 2 ** 21;

/**
 * Hands a segment's band keys over to a band table, which keeps its own corpus-wide copy: the
 * segment then holds only what scoring needs. A stored segment's keys are read back (into `buffer`'s
 * array, see `readBandKeys`); keys already handed over (a segment shared by two indexes) are computed again.
 */
export function takeBandKeys(segment: Segment, params: OverlapParams, buffer?: (length: number) => Uint32Array): BandKeys {
  if (segment.keys.length === 0 && measureCount(segment) > 0) {
    // A stored file gone since loading: no keys, so no match from this plan (as for its metadata).
    return segment.readBandKeys === undefined ? computeBandKeys(segment, params) : (segment.readBandKeys(buffer) ?? { keys: EMPTY, keyMeasures: EMPTY });
  }
  const taken = { keys: segment.keys, keyMeasures: segment.keyMeasures };
  segment.keys = EMPTY;
  segment.keyMeasures = EMPTY;
  return taken;
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

/** How many measures a segment has, without touching its (lazily read) measure metadata. */
export function measureCount(segment: Segment): number {
  return segment.sentenceStart.length - 1;
}

/** The shingles of sentence units [from, to) of a segment, as one block, from memory or from disk. */
export function sentenceShingles(segment: Segment, from: number, to: number): Uint32Array {
  const start = segment.sentenceOffsets[from]!;
  const end = segment.sentenceOffsets[to]!;
  return segment.readShingles === undefined ? segment.sentenceShingles.subarray(start, end) : segment.readShingles(start, end);
}

// Shingles a walk over a whole stored segment reads at a time, into this one buffer (256 KB).
const BLOCK = 1 << 16;
let blockBuffer: Uint32Array | undefined;

/**
 * Calls `visit` with all of a segment's sentence shingles, in one or more blocks (at least one, maybe
 * empty), each valid until `visit` returns. A stored segment's are read a block at a time into one
 * reused buffer: a corpus's frequencies are counted from every plan's shingles, and arrays read and
 * dropped at that pace outran the collector and left the allocator's heap ~40 MB larger for good at
 * 100,000 measures.
 */
export function forEachShingleBlock(segment: Segment, visit: (block: Uint32Array) => void): void {
  const { readShingles } = segment;
  if (readShingles === undefined) return visit(segment.sentenceShingles);
  const end = segment.sentenceOffsets.at(-1)!;
  blockBuffer ??= new Uint32Array(BLOCK);
  for (let from = 0; ; from += BLOCK) {
    visit(readShingles(from, Math.min(from + BLOCK, end), blockBuffer));
    if (from + BLOCK >= end) return;
  }
}

/** The shingle set of each sentence of measure m (one read for a stored segment). */
export function measureSentences(segment: Segment, m: number): Uint32Array[] {
  const first = segment.sentenceStart[m]!;
  const end = segment.sentenceStart[m + 1]!;
  const block = sentenceShingles(segment, first, end);
  const base = segment.sentenceOffsets[first]!;
  const sets: Uint32Array[] = [];
  for (let s = first; s < end; s++) sets.push(block.subarray(segment.sentenceOffsets[s]! - base, segment.sentenceOffsets[s + 1]! - base));
  return sets;
}

/**
 * All shingles of measure m, made when needed from its titles and sentences: keeping the union
 * as well would double the index's largest array.
 */
export function measureShingles(segment: Segment, m: number, sentences: readonly Uint32Array[] = measureSentences(segment, m)): Uint32Array {
  return unionSorted([segment.titleShingles.subarray(segment.titleOffsets[m]!, segment.titleOffsets[m + 1]!), ...sentences]);
}

/** Measure m's metadata: read alone for a stored segment, where parsing the plan's every measure was most of a hover. */
export function segmentMeasure(segment: Segment, m: number): SegmentMeasure | undefined {
  return segment.readMeasure === undefined ? segment.measures[m] : segment.readMeasure(m);
}
