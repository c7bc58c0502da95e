import { DEFAULT_OVERLAP_PARAMS, type OverlapParams } from './params.js';
import { sentenceShingles, type BandKeys, type Segment, type SegmentMeasure } from './segment.js';

/** Bumped whenever the segment layout or the way shingles are made changes: old caches then miss. */
export const SEGMENT_FORMAT = 6;

/** What a stored segment must match to be reused: the format and every parameter that shapes it. */
export function segmentCacheKey(params: OverlapParams = DEFAULT_OVERLAP_PARAMS): string {
  return `v${SEGMENT_FORMAT}-n${params.n}-b${params.bands}-r${params.rows}-t${params.titlePairs ? 1 : 0}`;
}

const ARRAYS = ['sentenceStart', 'sentenceOffsets', 'sentenceShingles', 'titleOffsets', 'titleShingles', 'keys', 'keyMeasures', 'measureEnds'] as const;

interface Header {
  key: string;
  lengths: number[];
}

/**
 * A segment as bytes: a JSON header (array lengths), the measure metadata (one JSON text per
 * measure, where each ends in the `measureEnds` array), and the typed arrays as they are in memory. Loading copies the arrays out; it does not rebuild anything.
 */
export function serializeSegment(segment: Segment, params: OverlapParams = DEFAULT_OVERLAP_PARAMS): Uint8Array {
  const bandKeys = segment.readBandKeys?.() ?? segment;
  const encoder = new TextEncoder();
  // Measure metadata is a part of its own, one JSON text per measure, ends in `measureEnds`: it is
  // read only when a match from this plan is reported, and then only the measures matched.
  const measures = segment.measures.map((measure) => encoder.encode(JSON.stringify(measure)));
  const measureEnds = new Uint32Array(measures.length);
  measures.reduce((end, measure, m) => (measureEnds[m] = end + measure.length), 0);
  const metadata = new Uint8Array(measureEnds.at(-1) ?? 0);
  measures.forEach((measure, m) => metadata.set(measure, m === 0 ? 0 : measureEnds[m - 1]!));
  const arrays = ARRAYS.map((name) =>
    name === 'sentenceShingles'
      ? sentenceShingles(segment, 0, segment.sentenceOffsets.length - 1)
      : name === 'keys' || name === 'keyMeasures'
        ? bandKeys[name]
        : name === 'measureEnds'
          ? measureEnds
          : segment[name],
  );
  const header: Header = { key: segmentCacheKey(params), lengths: arrays.map((a) => a.length) };
  const parts = [encoder.encode(JSON.stringify(header)), metadata];
  const headerBytes = Math.ceil(parts.reduce((sum, p) => sum + 4 + p.length, 0) / 4) * 4;
  const total = headerBytes + arrays.reduce((sum, a) => sum + a.byteLength, 0);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const part of parts) {
    view.setUint32(at, part.length, true);
    bytes.set(part, at + 4);
    at += 4 + part.length;
  }
  at = headerBytes;
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return bytes;
}

/**
 * Reads `length` bytes at `offset` of where a segment is stored; undefined when it cannot. With
 * `into` (at least `length` long), reads into it.
 */
export type Reread = (offset: number, length: number, into?: Uint8Array) => Uint8Array | undefined;

/**
 * Reads a stored segment back for `planId`. With `reread` (the stored file read again at a byte
 * offset), the sentence shingles and the measure metadata are not held but read back when scoring
 * or a match needs them: they are most of a segment, and a check touches a few dozen measures.
 * @returns the segment, or undefined when the bytes are damaged or were made with other parameters.
 */
export function deserializeSegment(
  bytes: Uint8Array,
  planId: string,
  params: OverlapParams = DEFAULT_OVERLAP_PARAMS,
  options: { reread?: Reread } = {},
): Segment | undefined {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const decoder = new TextDecoder();
    const headerLength = view.getUint32(0, true);
    const header = JSON.parse(decoder.decode(bytes.subarray(4, 4 + headerLength))) as Header;
    if (header.key !== segmentCacheKey(params) || header.lengths.length !== ARRAYS.length || header.lengths[5] !== header.lengths[6]) return undefined;
    const measuresAt = 4 + headerLength + 4;
    const measuresLength = view.getUint32(measuresAt - 4, true);
    if (measuresAt + measuresLength > bytes.length) return undefined;
    const starts: number[] = [];
    let at = Math.ceil((measuresAt + measuresLength) / 4) * 4;
    for (const length of header.lengths) {
      starts.push(at);
      at += length * 4;
    }
    if (at !== bytes.length) return undefined;
    const { reread } = options;
    // Each array a copy of its own: views on the file's bytes would keep all of them alive as long as
    // any one is, and the band table takes the keys over and drops them (`takeBandKeys`).
    const array = (i: number): Uint32Array => copyUint32(bytes, starts[i]!, header.lengths[i]!);
    const segment = {
      planId,
      sentenceStart: array(0),
      sentenceOffsets: array(1),
      sentenceShingles: reread === undefined ? array(2) : new Uint32Array(0),
      readShingles: reread === undefined ? undefined : shingleReader(reread, starts[2]!),
      titleOffsets: array(3),
      titleShingles: array(4),
      keys: reread === undefined ? array(5) : new Uint32Array(0),
      keyMeasures: reread === undefined ? array(6) : new Uint32Array(0),
      readBandKeys: reread === undefined ? undefined : bandKeyReader(reread, starts[5]!, header.lengths[5]!),
    } as Segment;
    const measureEnds = array(7);
    if (measureEnds.length !== header.lengths[0]! - 1 || (measureEnds.at(-1) ?? 0) !== measuresLength) return undefined;
    if (reread === undefined) {
      // Held in memory: every measure parsed now, from these bytes.
      const readMeasure = measureReader(bytes.subarray(measuresAt, measuresAt + measuresLength), 0, measureEnds);
      segment.measures = Array.from(measureEnds, (_, m) => readMeasure(m)!);
    } else {
      // Read back from the file, one measure when it is asked for.
      segment.readMeasure = measureReader(reread, measuresAt, measureEnds);
      defineLazyMeasures(segment);
    }
    return segment;
  } catch {
    return undefined;
  }
}

function copyUint32(bytes: Uint8Array, at: number, length: number): Uint32Array {
  const array = new Uint32Array(length);
  new Uint8Array(array.buffer).set(bytes.subarray(at, at + length * 4));
  return array;
}

/**
 * Shingles read from the stored file, `base` being where the array starts in it. Made outside
 * `deserializeSegment`, as is every closure a segment keeps: a closure made there would keep that
 * function's whole scope, the file's bytes included. A file gone since loading reads as no shingles.
 */
function shingleReader(reread: Reread, base: number): (from: number, to: number, into?: Uint32Array) => Uint32Array {
  return (from, to, into) => {
    const bytes = reread(base + from * 4, (to - from) * 4, into === undefined ? undefined : new Uint8Array(into.buffer, into.byteOffset, (to - from) * 4));
    return bytes === undefined ? new Uint32Array(0) : uint32View(bytes, to - from);
  };
}

/** The first `length` 32-bit numbers of `bytes`: a view where they are aligned (bytes read for this), else a copy. */
function uint32View(bytes: Uint8Array, length: number): Uint32Array {
  return bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, length) : copyUint32(bytes, 0, length);
}

/**
 * Band keys read from the stored file: the keys, then as many measure numbers, from `base` on (one
 * read, into `buffer`'s array when given). Made outside `deserializeSegment` (see `shingleReader`).
 */
function bandKeyReader(reread: Reread, base: number, length: number): (buffer?: (length: number) => Uint32Array) => BandKeys | undefined {
  return (buffer) => {
    const into = buffer?.(length * 2);
    const bytes = reread(base, length * 8, into === undefined ? undefined : new Uint8Array(into.buffer, into.byteOffset, length * 8));
    return bytes === undefined ? undefined : { keys: uint32View(bytes, length), keyMeasures: uint32View(bytes.subarray(length * 4), length) };
  };
}

/**
 * Reads measure m's metadata: its JSON text, from the held bytes or the stored file (`base` is where
 * the metadata starts in it). Made outside `deserializeSegment` (see `shingleReader`). A file gone
 * since loading reads as no metadata, so no match from this plan is reported.
 */
function measureReader(metadata: Uint8Array | Reread, base: number, ends: Uint32Array): (m: number) => SegmentMeasure | undefined {
  const decoder = new TextDecoder();
  return (m) => {
    if (m < 0 || m >= ends.length) return undefined;
    const start = m === 0 ? 0 : ends[m - 1]!;
    const json = typeof metadata === 'function' ? metadata(base + start, ends[m]! - start) : metadata.subarray(start, ends[m]);
    return json === undefined ? undefined : (JSON.parse(decoder.decode(json)) as SegmentMeasure);
  };
}

/** Every measure's metadata of a stored segment, read when asked for (serializing it again; tests). */
function defineLazyMeasures(segment: Segment): void {
  Object.defineProperty(segment, 'measures', {
    enumerable: true,
    get: (): SegmentMeasure[] => {
      const measures: SegmentMeasure[] = [];
      for (let m = 0; m < segment.sentenceStart.length - 1; m++) {
        const measure = segment.readMeasure!(m);
        if (measure === undefined) return [];
        measures.push(measure);
      }
      return measures;
    },
  });
}
