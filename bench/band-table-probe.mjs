// What a band table stored on disk would cost, measured on a corpus that bench/scale-1m.mjs kept
// (`node bench/scale-1m.mjs --keep`): the numbers docs/scaling.md uses to choose the design for
// corpora past ~1M measures. Not a product feature: it reads the built table's private arrays.
//
//   node --expose-gc bench/band-table-probe.mjs DIR
//
// 1. Loads the corpus as the CLI does and builds the band table (the first query), then writes the
//    table's arrays to DIR/band-table.bin: a directory of 65,537 offsets, the 16-bit key halves, the
//    32-bit measure refs.
// 2. In a fresh process: reading that file whole (time, memory), and the draft's lookups done with
//    positioned reads instead (the directory in memory, a bucket's keys and refs read per lookup):
//    time per 30-measure draft, memory held.
// 3. The floor of the rest of a cached load: reading every plan's text with its SHA-256 (the cache
//    key) and reading every stored segment file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { buildSegment, DEFAULT_OVERLAP_PARAMS, measureUnits } from '@policylint/checker';
import { loadCorpus } from '@policylint/checker/node';
import { parsePlan } from '@policylint/core';

const DIRECTORY = (1 << 16) + 1;
const LOW_MASK = 0xffff;
const MB = (bytes) => (bytes / 2 ** 20).toFixed(0);
const sorted = (a) => [...a].sort((x, y) => x - y);
const percentile = (s, p) => s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];

/** The entries [i, j) of sorted `keys` within [from, to) equal to `lowKey` (binary search, as BandTable.hits). */
function run(keys, from, to, lowKey) {
  let low = from;
  let end = to;
  while (low < end) {
    const mid = (low + end) >>> 1;
    if (keys[mid] < lowKey) low = mid + 1;
    else end = mid;
  }
  let high = low;
  while (high < to && keys[high] === lowKey) high++;
  return [low, high];
}

function held() {
  globalThis.gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** The draft's band keys, one sorted set per measure (as the query asks them), from a segment of the draft. */
function draftKeys(dir) {
  const segment = buildSegment('draft', measureUnits(parsePlan(readFileSync(join(dir, 'draft.txt'), 'utf8')), DEFAULT_OVERLAP_PARAMS), DEFAULT_OVERLAP_PARAMS);
  const perMeasure = [];
  for (let i = 0; i < segment.keys.length; i++) (perMeasure[segment.keyMeasures[i]] ??= []).push(segment.keys[i]);
  return perMeasure.map((keys) => Uint32Array.from(keys));
}

async function write(dir) {
  const { corpus } = await loadCorpus({ baseDir: dir, globs: ['seeds/**/*.txt'] });
  const index = corpus.overlap();
  index.query(measureUnits(parsePlan(readFileSync(join(dir, 'draft.txt'), 'utf8')), DEFAULT_OVERLAP_PARAMS)[0], { remember: false });
  const { lowKeys, refs, directory } = index.bandTable;
  const file = join(dir, 'band-table.bin');
  const start = performance.now();
  // Directory, then the key halves (padded to 4 bytes), then the refs: each array aligned for a view.
  const pad = (lowKeys.byteLength + 3) & ~3;
  const bytes = new Uint8Array(directory.byteLength + pad + refs.byteLength);
  bytes.set(new Uint8Array(directory.buffer, directory.byteOffset, directory.byteLength), 0);
  bytes.set(new Uint8Array(lowKeys.buffer, lowKeys.byteOffset, lowKeys.byteLength), directory.byteLength);
  bytes.set(new Uint8Array(refs.buffer, refs.byteOffset, refs.byteLength), directory.byteLength + pad);
  writeFileSync(file, bytes);
  console.log(`band table: ${lowKeys.length.toLocaleString('en-US')} keys, ${MB(bytes.length)} MB written to ${file} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

function measure(dir) {
  const file = join(dir, 'band-table.bin');
  const size = statSync(file).size;
  const keys = draftKeys(dir);

  // Whole: the table read back into memory, as a stored table would be loaded instead of merged.
  let base = held();
  let start = performance.now();
  const bytes = readFileSync(file);
  const directory = new Uint32Array(bytes.buffer, bytes.byteOffset, DIRECTORY);
  const n = directory[DIRECTORY - 1];
  const keyAt = directory.byteLength;
  const refAt = keyAt + ((n * 2 + 3) & ~3);
  const readWholeMs = performance.now() - start;
  const wholeBytes = held() - base;
  if (refAt + n * 4 !== size) throw new Error(`band-table.bin: ${size} bytes, expected ${refAt + n * 4}`);
  const lowKeys = new Uint16Array(bytes.buffer, bytes.byteOffset + keyAt, n);
  const refs = new Uint32Array(bytes.buffer, bytes.byteOffset + refAt, n);

  // The draft's hits: how many of its keys each corpus measure shares, counted as BandTable.hits does.
  let measures = 0;
  for (let i = 0; i < n; i++) if (refs[i] >= measures) measures = refs[i] + 1;
  const counts = new Uint16Array(measures);
  const lookups = (read) => {
    const touched = [];
    for (const set of keys) {
      for (const key of set) {
        const runRefs = read(directory[key >>> 16], directory[(key >>> 16) + 1], key & LOW_MASK);
        for (let i = 0; i < runRefs.length; i++) if (counts[runRefs[i]]++ === 0) touched.push(runRefs[i]);
      }
    }
    // A checksum of the hits, to compare the two ways of reading without timing a string of them.
    let hits = 0;
    for (const ref of touched) {
      hits = (hits + ref * counts[ref]) % 2 ** 48;
      counts[ref] = 0;
    }
    return { measures: touched.length, hits };
  };
  const inMemory = (from, to, lowKey) => {
    const [i, j] = run(lowKeys, from, to, lowKey);
    return refs.subarray(i, j);
  };
  const expected = lookups(inMemory);

  // Paged: only the directory in memory; each lookup reads its bucket's key halves, then the refs of
  // the matching run, with positioned reads (the OS page cache does the caching).
  base = held();
  const fd = openSync(file, 'r');
  const pagedDirectory = new Uint32Array(DIRECTORY);
  readSync(fd, new Uint8Array(pagedDirectory.buffer), 0, pagedDirectory.byteLength, 0);
  const paged = (from, to, lowKey) => {
    const bucket = new Uint16Array(to - from);
    readSync(fd, new Uint8Array(bucket.buffer), 0, bucket.byteLength, keyAt + from * 2);
    const [i, j] = run(bucket, 0, bucket.length, lowKey);
    const runRefs = new Uint32Array(j - i);
    if (j > i) readSync(fd, new Uint8Array(runRefs.buffer), 0, runRefs.byteLength, refAt + (from + i) * 4);
    return runRefs;
  };
  const pagedBytes = held() - base;
  const times = [];
  let found;
  for (let run = 0; run < 23; run++) {
    start = performance.now();
    found = lookups(paged);
    if (run >= 3) times.push(performance.now() - start);
  }
  closeSync(fd);
  if (found.hits !== expected.hits) throw new Error('paged lookups disagree with the table in memory');
  const inMemoryTimes = [];
  for (let run = 0; run < 23; run++) {
    start = performance.now();
    lookups(inMemory);
    if (run >= 3) inMemoryTimes.push(performance.now() - start);
  }
  const keyCount = keys.reduce((sum, set) => sum + set.length, 0);
  const s = sorted(times);
  const m = sorted(inMemoryTimes);
  console.log(`read whole: ${readWholeMs.toFixed(0)} ms, ${MB(wholeBytes)} MB held`);
  console.log(`the draft's ${keyCount.toLocaleString('en-US')} key lookups (30 measures, ${expected.measures.toLocaleString('en-US')} corpus measures hit): ` +
    `in memory median ${percentile(m, 50).toFixed(1)} ms; paged reads median ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms, ` +
    `${MB(pagedBytes)} MB held (directory ${(pagedDirectory.byteLength / 1024).toFixed(0)} KB)`);

  // The rest of a cached load, at its floor: texts read and hashed, segment files read.
  const seeds = join(dir, 'seeds');
  start = performance.now();
  let textBytes = 0;
  for (const name of readdirSync(seeds)) {
    const text = readFileSync(join(seeds, name));
    textBytes += text.length;
    createHash('sha256').update(text.toString('utf8')).digest('hex');
  }
  const hashMs = performance.now() - start;
  const cache = join(dir, '.policylint/cache/overlap');
  start = performance.now();
  let segmentBytes = 0;
  for (const name of readdirSync(cache)) segmentBytes += readFileSync(join(cache, name)).length;
  const segmentsMs = performance.now() - start;
  console.log(`texts read and hashed: ${MB(textBytes)} MB in ${(hashMs / 1000).toFixed(1)} s; segment files read: ${MB(segmentBytes)} MB in ${(segmentsMs / 1000).toFixed(1)} s`);
}

const [dir, step] = process.argv.slice(2);
if (dir === undefined) {
  console.error('usage: node --expose-gc bench/band-table-probe.mjs DIR (a corpus kept by bench/scale-1m.mjs --keep)');
  process.exit(2);
}
if (step === '--measure') measure(dir);
else {
  await write(dir);
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), dir, '--measure'], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
