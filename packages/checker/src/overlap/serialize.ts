import { DEFAULT_OVERLAP_PARAMS, type OverlapParams } from './params.js';
import type { Segment, SegmentMeasure } from './segment.js';

/** Bumped whenever the segment layout or the way shingles are made changes: old caches then miss. */
export const SEGMENT_FORMAT = 4;

/** What a stored segment must match to be reused: the format and every parameter that shapes it. */
export function segmentCacheKey(params: OverlapParams = DEFAULT_OVERLAP_PARAMS): string {
  return `v${SEGMENT_FORMAT}-n${params.n}-b${params.bands}-r${params.rows}-t${params.titlePairs ? 1 : 0}`;
}

const ARRAYS = ['sentenceStart', 'sentenceOffsets', 'sentenceShingles', 'titleOffsets', 'titleShingles', 'keys', 'keyMeasures'] as const;

interface Header {
  key: string;
  measures: SegmentMeasure[];
  lengths: number[];
}

/**
 * A segment as bytes: a JSON header (measure metadata, array lengths) and the typed arrays as they
 * are in memory. Loading is a copy, not a rebuild.
 */
export function serializeSegment(segment: Segment, params: OverlapParams = DEFAULT_OVERLAP_PARAMS): Uint8Array {
  const arrays = ARRAYS.map((name) => segment[name]);
  const header: Header = { key: segmentCacheKey(params), measures: segment.measures, lengths: arrays.map((a) => a.length) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = 4 + Math.ceil(json.length / 4) * 4;
  const total = headerBytes + arrays.reduce((sum, a) => sum + a.byteLength, 0);
  const bytes = new Uint8Array(total);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  let at = headerBytes;
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
    const jsonLength = view.getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + jsonLength))) as Header;
    if (header.key !== segmentCacheKey(params) || header.lengths.length !== ARRAYS.length) return undefined;
    let at = 4 + Math.ceil(jsonLength / 4) * 4;
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
    return { planId, measures: header.measures, sentenceStart, sentenceOffsets, sentenceShingles, titleOffsets, titleShingles, keys, keyMeasures };
  } catch {
    return undefined;
  }
}
