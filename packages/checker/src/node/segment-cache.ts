import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '@policylint/core';
import { DEFAULT_OVERLAP_PARAMS } from '../overlap/params.js';
import { buildSegment, type Segment } from '../overlap/segment.js';
import { deserializeSegment, segmentCacheKey, serializeSegment, type Reread } from '../overlap/serialize.js';
import { measureUnits } from '../overlap/units.js';
import { textHash } from '../text-hash.js';
import { writeAtomically } from './write-atomically.js';

/** Where a corpus keeps its overlap index: `.policylint/cache/overlap/` under the corpus's base folder. */
export function overlapCacheDir(baseDir: string): string {
  return join(baseDir, '.policylint', 'cache', 'overlap');
}

/**
 * The overlap segment of each corpus document, from the cache where its content was indexed before
 * (keyed by a hash of the text, `textHash`, and the index parameters), else built now and stored. Only a
 * changed file is re-indexed. A cache that cannot be written (a read-only folder) is not an error.
 */
export async function loadSegments(
  documents: ReadonlyArray<{ id: string; text: string }>,
  cacheDir: string | undefined,
): Promise<{ segments: Map<string, Segment>; built: number; reused: number }> {
  const segments = new Map<string, Segment>();
  let built = 0;
  for (const { id, text } of documents) {
    const { segment, reused } = await loadSegment(id, text, cacheDir);
    segments.set(id, segment);
    if (!reused) built++;
  }
  return { segments, built, reused: documents.length - built };
}

/**
 * One document's segment (see `loadSegments`). A stored one keeps its shingles and measure metadata
 * in its file and reads them back when scoring needs them.
 */
export async function loadSegment(id: string, text: string, cacheDir: string | undefined): Promise<{ segment: Segment; reused: boolean }> {
  const file = cacheDir === undefined ? undefined : join(cacheDir, `${segmentCacheKey()}-${textHash(text)}.bin`);
  const cached = file === undefined ? undefined : readStored(file, id);
  if (cached !== undefined) return { segment: cached, reused: true };
  const segment = buildSegment(id, measureUnits(parsePlan(text), DEFAULT_OVERLAP_PARAMS), DEFAULT_OVERLAP_PARAMS);
  if (file === undefined) return { segment, reused: false };
  const bytes = serializeSegment(segment);
  // Once stored, the segment is used as a stored one, so a first (cold) start holds no more than a warm one.
  const stored = (await writeAtomically(file, bytes)) ? deserializeSegment(bytes, id, DEFAULT_OVERLAP_PARAMS, { reread: rereader(file) }) : undefined;
  return { segment: stored ?? segment, reused: false };
}

/** The segment stored in `file`, or undefined when there is none or it is not one (read synchronously: see load-corpus.ts). */
function readStored(file: string, id: string): Segment | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  return deserializeSegment(bytes, id, DEFAULT_OVERLAP_PARAMS, { reread: rereader(file) });
}

/** Reads `length` bytes at `offset` of a stored segment again, or undefined when it is gone. */
function rereader(file: string): Reread {
  return (offset, length, into) => {
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      const bytes = into ?? new Uint8Array(length);
      return readSync(fd, bytes, 0, length, offset) === length ? bytes : undefined;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}

