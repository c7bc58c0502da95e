import { DEFAULT_OVERLAP_PARAMS, type OverlapParams } from './params.js';
import type { Segment, SegmentMeasure } from './segment.js';

/** Bumped whenever the segment layout or the way shingles are made changes: old caches then miss. */
export const SEGMENT_FORMAT = 5;

/** What a stored segment must match to be reused: the format and every parameter that shapes it. */
export function segmentCacheKey(params: OverlapParams = DEFAULT_OVERLAP_PARAMS): string {
  return `v${SEGMENT_FORMAT}-n${params.n}-b${params.bands}-r${params.rows}-t${params.titlePairs ? 1 : 0}`;
}

const ARRAYS = ['sentenceStart', 'sentenceOffsets', 'sentenceShingles', 'titleOffsets', 'titleShingles', 'keys', 'keyMeasures'] as const;

interface Header {
  key: string;
  lengths: number[];
}

/**
 * A segment as bytes: a JSON header (array lengths), the measure metadata as JSON, and the typed
 * arrays as they are in memory. Loading wraps the bytes; it neither rebuilds nor copies.
 */
export function serializeSegment(segment: Segment, params: OverlapParams = DEFAULT_OVERLAP_PARAMS): Uint8Array {
  const arrays = ARRAYS.map((name) => segment[name]);
  const header: Header = { key: segmentCacheKey(params), lengths: arrays.map((a) => a.length) };
  const encoder = new TextEncoder();
  // Measure metadata is a JSON part of its own: it is read only when a match from this plan is reported.
  const parts = [encoder.encode(JSON.stringify(header)), encoder.encode(JSON.stringify(segment.measures))];
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
 * Reads a stored segment back for `planId`.
 * @returns the segment, or undefined when the bytes are damaged or were made with other parameters.
 */
export function deserializeSegment(bytes: Uint8Array, planId: string, params: OverlapParams = DEFAULT_OVERLAP_PARAMS): Segment | undefined {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const decoder = new TextDecoder();
    const headerLength = view.getUint32(0, true);
    const header = JSON.parse(decoder.decode(bytes.subarray(4, 4 + headerLength))) as Header;
    if (header.key !== segmentCacheKey(params) || header.lengths.length !== ARRAYS.length) return undefined;
    const measuresAt = 4 + headerLength;
    const measuresLength = view.getUint32(measuresAt, true);
    const measureBytes = bytes.subarray(measuresAt + 4, measuresAt + 4 + measuresLength);
    if (measureBytes.length !== measuresLength) return undefined;
    let at = Math.ceil((measuresAt + 4 + measuresLength) / 4) * 4;
    const arrays = header.lengths.map((length) => {
      const offset = bytes.byteOffset + at;
      // A view on the file's bytes where they are aligned (no copy: loading is mostly this); a copy where not.
      let array: Uint32Array;
      if (offset % 4 === 0) array = new Uint32Array(bytes.buffer, offset, length);
      else {
        array = new Uint32Array(length);
        new Uint8Array(array.buffer).set(bytes.subarray(at, at + length * 4));
      }
      at += length * 4;
      return array;
    });
    if (at !== bytes.length) return undefined;
    const [sentenceStart, sentenceOffsets, sentenceShingles, titleOffsets, titleShingles, keys, keyMeasures] = arrays as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
    let measures: SegmentMeasure[] | undefined;
    const segment = { planId, sentenceStart, sentenceOffsets, sentenceShingles, titleOffsets, titleShingles, keys, keyMeasures } as Segment;
    // Parsed on first use: most plans of a large corpus never produce a match in a run.
    Object.defineProperty(segment, 'measures', {
      enumerable: true,
      get: () => (measures ??= JSON.parse(decoder.decode(measureBytes)) as SegmentMeasure[]),
    });
    return segment;
  } catch {
    return undefined;
  }
}
