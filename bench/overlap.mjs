// Overlap index benchmark: synthetic corpora of 1k, 10k and 100k measures (bench/synthetic-corpus.mjs),
// measuring index build time and memory, cached index load time, the time to check a 30-measure
// draft, and the same query by brute force.
//
//   node --expose-gc bench/overlap.mjs [sizes] [--runs=N] [--query-budget=S] [--brute-budget=S] [--keep]
//   node --expose-gc bench/overlap.mjs 1000,10000,100000
//
// Sizes are measures, multiples of 1,000 (one synthetic plan = 1,000 measures). The corpora are
// nested (plan k is the same whatever the size), so this process builds the plans once, in order,
// timing the build and writing each plan's segment to a temporary cache folder; when a size's last
// plan is in, a fresh process (`--child`) loads that many segments from the cache, as the CLI loads
// .policylint/cache/overlap/, and times the load, the draft check and the brute force. A fresh
// process, so the load is timed and weighed without the builder's heap around it.
// Needs a built dist (`npm run build`).
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import {
  buildSegment,
  DEFAULT_OVERLAP_PARAMS,
  deserializeSegment,
  jaccard,
  measureShingles,
  measureUnits,
  OverlapIndex,
  serializeSegment,
  weightedOverlap,
} from '@policylint/checker';
import { parsePlan } from '@policylint/core';
import {
  DIALECT_SHARE,
  loadMaterial,
  MEASURES_PER_PLAN,
  NEAR_COPY_SHARE,
  planId,
  ROOT,
  SOURCES,
  syntheticDraft,
  syntheticPlan,
} from './synthetic-corpus.mjs';

const PARAMS = DEFAULT_OVERLAP_PARAMS;
const THRESHOLD = PARAMS.threshold;
const THIS_FILE = fileURLToPath(import.meta.url);
const TARGETS = { queryMs: 20, loadMs: 1000, indexMB: 300 };

/** Memory that the index can hold: the JS heap and the typed arrays' backing stores. */
function memory() {
  globalThis.gc?.();
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const median = (sorted) => {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
// Nearest rank, as in bench/run.mjs.
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
const MB = (bytes) => bytes / 1024 / 1024;
const sortNumbers = (a) => a.sort((x, y) => x - y);


/**
 * The exact score of corpus measure `m` of `segment` for `draft`, from public pieces: the best of
 * the whole-measure weighted Jaccard (when both measures have tasks) and every sentence pair's
 * `index.sentenceSimilarity`. The same score `index.query` gives its candidates; `child()` checks that.
 */
function exactScore(index, segment, m, draft) {
  const { sentenceStart, sentenceOffsets, sentenceShingles } = segment;
  let similarity = 0;
  if (draft.sentences.length > 0 && sentenceStart[m + 1] > sentenceStart[m]) {
    similarity = jaccard(weightedOverlap(draft.shingles, measureShingles(segment, m), index.df));
  }
  for (let s = sentenceStart[m]; s < sentenceStart[m + 1]; s++) {
    const corpus = sentenceShingles.subarray(sentenceOffsets[s], sentenceOffsets[s + 1]);
    for (const sentence of draft.sentences) {
      const x = index.sentenceSimilarity(sentence.shingles, corpus);
      if (x > similarity) similarity = x;
    }
  }
  return similarity;
}

/** Brute force: every corpus measure scored exactly. The best one, and how many reach the threshold. */
function bruteQuery(index, segments, draft) {
  let best = { similarity: -1, planId: '', number: 0 };
  let above = 0;
  for (const segment of segments) {
    for (let m = 0; m < segment.measures.length; m++) {
      const similarity = exactScore(index, segment, m, draft);
      if (similarity >= THRESHOLD) above++;
      if (similarity > best.similarity) best = { similarity, planId: segment.planId, number: segment.measures[m].number };
    }
  }
  return { ...best, above };
}

/** What the overlap-existing rule does for a draft: the best corpus measure of each draft measure. */
function checkDraft(index, units) {
  const best = [];
  // remember: false: the time of a first check, not of the editor's remembered answer.
  for (const unit of units) best.push(index.query(unit, { limit: 1, remember: false })[0]);
  return best;
}

/** The 30-measure draft and its measure units; the planted measures come from plan 0. */
function makeDraft(material) {
  const draft = syntheticDraft(material, syntheticPlan(material, 0));
  const units = measureUnits(parsePlan(draft.text), PARAMS);
  if (units.length !== 30) throw new Error(`draft parsed to ${units.length} measures, expected 30`);
  return { draft, units };
}

/** Builds the corpus and index for the first `plans` synthetic plans; for bench/run.mjs. */
export function buildIndex(plans, material = loadMaterial()) {
  const index = new OverlapIndex(PARAMS);
  let bytes = 0;
  for (let i = 0; i < plans; i++) {
    const plan = syntheticPlan(material, i);
    bytes += Buffer.byteLength(plan.text);
    index.add(buildSegment(plan.id, measureUnits(parsePlan(plan.text), PARAMS), PARAMS));
  }
  return { index, draftUnits: makeDraft(material).units, checkDraft, bytes };
}

/**
 * How many corpus measures the LSH step hands to exact scoring, as a share of the corpus, on the real
 * plans: between plans (each real plan's measures against the other three) and within the seed (its
 * measures against each other: one subject, one author). The synthetic corpus is calibrated to these.
 */
function realCandidateRates() {
  const plans = SOURCES.map((path) => ({ id: path, units: measureUnits(parsePlan(readFileSync(new URL(path, ROOT), 'utf8')), PARAMS) }));
  const index = new OverlapIndex(PARAMS);
  for (const { id, units } of plans) index.add(buildSegment(id, units, PARAMS));
  let between = 0;
  let betweenPairs = 0;
  for (const { id, units } of plans) {
    const others = plans.filter((p) => p.id !== id).reduce((n, p) => n + p.units.length, 0);
    for (const unit of units) between += index.query(unit, { limit: Infinity, exclude: new Set([id]), remember: false }).length;
    betweenPairs += units.length * others;
  }
  const seed = plans[0];
  const seedIndex = new OverlapIndex(PARAMS);
  seedIndex.add(buildSegment(seed.id, seed.units, PARAMS));
  let within = 0;
  for (const unit of seed.units) within += seedIndex.query(unit, { limit: Infinity, remember: false }).length - 1;
  return { between: between / betweenPairs, within: within / (seed.units.length * (seed.units.length - 1)) };
}

function parseArgs(argv) {
  const options = { sizes: [1000, 10000, 100000], runs: 20, queryBudget: 120, bruteBudget: 120, keep: false, child: undefined };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg.startsWith('--runs=')) options.runs = Number(arg.slice(7));
    else if (arg.startsWith('--query-budget=')) options.queryBudget = Number(arg.slice(15));
    else if (arg.startsWith('--brute-budget=')) options.bruteBudget = Number(arg.slice(15));
    else if (arg.startsWith('--previous-brute=')) options.previousBrute = arg.slice(17).split(':').map(Number);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--child') {
      options.child = { dir: argv[k + 1], plans: Number(argv[k + 2]) };
      k += 2;
    } else options.sizes = arg.split(',').map(Number);
  }
  if (options.sizes.some((s) => !Number.isInteger(s) || s <= 0 || s % MEASURES_PER_PLAN !== 0)) {
    throw new Error(`sizes must be positive multiples of ${MEASURES_PER_PLAN}: ${argv.join(' ')}`);
  }
  sortNumbers(options.sizes);
  return options;
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

const segmentFile = (dir, i) => join(dir, `segment-${String(i).padStart(4, '0')}.bin`);

/** The parent: builds the plans in order, times it, writes the cache, and hands each size to a child. */
function main(options) {
  const cpus = os.cpus();
  console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ` +
    `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`);
  console.log(`sizes: ${options.sizes.join(', ')} measures; query runs: ${options.runs}; params: ${JSON.stringify(PARAMS)}`);

  const material = loadMaterial();
  const { draft } = makeDraft(material);
  const draftTimes = sortNumbers(Array.from({ length: 23 }, () => {
    const start = performance.now();
    measureUnits(parsePlan(draft.text), PARAMS);
    return performance.now() - start;
  }).slice(3));
  const real = realCandidateRates();
  console.log(`draft: 30 measures (10 copied, 10 reworded, 10 unrelated); its parse + measureUnits: median ${median(draftTimes).toFixed(2)} ms`);
  console.log(`corpus model: ${NEAR_COPY_SHARE * 100}% near-copy measures, dialect share ${DIALECT_SHARE}; ` +
    `LSH candidate rate on the real plans: ${(real.between * 100).toFixed(1)}% between plans, ${(real.within * 100).toFixed(1)}% within the seed`);

  const dir = mkdtempSync(join(os.tmpdir(), 'policylint-overlap-bench-'));
  const maxPlans = options.sizes[options.sizes.length - 1] / MEASURES_PER_PLAN;
  const base = memory();
  const index = new OverlapIndex(PARAMS);
  const t = { generate: 0, parse: 0, units: 0, segment: 0, add: 0, store: 0, sentences: 0 };
  const results = [];
  try {
    for (let i = 0; i < maxPlans; i++) {
      let start = performance.now();
      const plan = syntheticPlan(material, i);
      t.generate += performance.now() - start;
      start = performance.now();
      const parsed = parsePlan(plan.text);
      t.parse += performance.now() - start;
      start = performance.now();
      const units = measureUnits(parsed, PARAMS);
      t.units += performance.now() - start;
      start = performance.now();
      const segment = buildSegment(plan.id, units, PARAMS);
      t.segment += performance.now() - start;
      start = performance.now();
      index.add(segment);
      t.add += performance.now() - start;
      if (segment.measures.length !== MEASURES_PER_PLAN) throw new Error(`${plan.id}: ${segment.measures.length} measures`);
      t.sentences += segment.sentenceStart[segment.measures.length];
      start = performance.now();
      writeFileSync(segmentFile(dir, i), serializeSegment(segment, PARAMS));
      t.store += performance.now() - start;

      const size = (i + 1) * MEASURES_PER_PLAN;
      if (!options.sizes.includes(size)) continue;
      // Only the index is alive here (plans, parsed plans and units are dropped each round).
      const builtBytes = memory() - base;
      console.log(`\n== ${size.toLocaleString('en-US')} measures (${i + 1} plans, ${t.sentences} sentence units)`);
      console.log(`build: parse ${(t.parse / 1000).toFixed(2)} s, measureUnits ${(t.units / 1000).toFixed(2)} s, ` +
        `buildSegment ${(t.segment / 1000).toFixed(2)} s, index.add ${(t.add / 1000).toFixed(2)} s ` +
        `(not counted: generating the text ${(t.generate / 1000).toFixed(1)} s, serialize + write ${(t.store / 1000).toFixed(2)} s)`);
      console.log(`built index memory (heapUsed + arrayBuffers over the baseline, after GC): ${MB(builtBytes).toFixed(1)} MB`);
      const previous = results.at(-1);
      const args = ['--expose-gc', THIS_FILE, '--child', dir, String(i + 1), `--runs=${options.runs}`,
        `--query-budget=${options.queryBudget}`, `--brute-budget=${options.bruteBudget}`];
      if (previous !== undefined) args.push(`--previous-brute=${previous.bruteMs ?? previous.bruteEstimateMs}:${previous.size}`);
      const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 });
      process.stdout.write(child.stderr);
      if (child.status !== 0) throw new Error(`measuring ${size} measures failed (exit ${child.status})`);
      const measured = JSON.parse(child.stdout.trim().split('\n').at(-1));
      results.push({
        size,
        buildS: (t.parse + t.units + t.segment + t.add) / 1000,
        unitsS: (t.parse + t.units) / 1000,
        segmentS: (t.segment + t.add) / 1000,
        builtMB: MB(builtBytes),
        ...measured,
      });
    }
  } finally {
    if (options.keep) console.log(`\nsegments kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  console.log('\n== summary\n');
  printTable(
    ['measures', 'build s (parse+units / segment)', 'index MB built / loaded', 'cache MB', 'load ms cold / warm',
      'query ms median / p95 (runs)', 'candidates per measure', 'brute ms', `planted ≥ ${THRESHOLD} LSH / brute`, 'unrelated ≥ threshold LSH / brute'],
    results.map((r) => [
      r.size.toLocaleString('en-US'),
      `${r.buildS.toFixed(1)} (${r.unitsS.toFixed(1)} / ${r.segmentS.toFixed(1)})`,
      `${r.builtMB.toFixed(0)} / ${r.loadedMB.toFixed(0)}`,
      r.cacheMB.toFixed(0),
      `${r.loadColdMs.toFixed(0)} / ${r.loadWarmMs.toFixed(0)}`,
      `${r.queryMedian.toFixed(1)} / ${r.queryP95.toFixed(1)} (${r.runs})`,
      `${r.candidatesMean.toFixed(0)} (max ${r.candidatesMax})`,
      r.bruteMs === undefined ? `~${r.bruteEstimateMs.toFixed(0)} (est.)` : r.bruteMs.toFixed(0),
      `${r.lshFound}/20 / ${r.bruteFound ?? '?'}/20`,
      `${r.lshUnrelated}/10 / ${r.bruteUnrelated ?? '?'}/10`,
    ]),
  );
  if (results.length > 1) {
    const [first, last] = [results[0], results.at(-1)];
    const brute = (r) => r.bruteMs ?? r.bruteEstimateMs;
    const exponent = (a, b) => Math.log(b / a) / Math.log(last.size / first.size);
    console.log(`\ngrowth ${first.size} → ${last.size} measures (×${last.size / first.size}): ` +
      `query ×${(last.queryMedian / first.queryMedian).toFixed(1)} (size^${exponent(first.queryMedian, last.queryMedian).toFixed(2)}), ` +
      `brute force ×${(brute(last) / brute(first)).toFixed(1)} (size^${exponent(brute(first), brute(last)).toFixed(2)}), ` +
      `candidates ×${(last.candidatesMean / first.candidatesMean).toFixed(1)}`);
  }
  const last = results.at(-1);
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  console.log(`\ntargets at ${last.size.toLocaleString('en-US')} measures:`);
  console.log(`  draft check < ${TARGETS.queryMs} ms after load: median ${last.queryMedian.toFixed(1)} ms: ${verdict(last.queryMedian < TARGETS.queryMs)}`);
  console.log(`  load < ${TARGETS.loadMs} ms: ${last.loadColdMs.toFixed(0)} ms in a fresh process: ${verdict(last.loadColdMs < TARGETS.loadMs)}`);
  console.log(`  index memory < ${TARGETS.indexMB} MB: ${last.loadedMB.toFixed(0)} MB loaded, ${last.builtMB.toFixed(0)} MB built: ${verdict(Math.max(last.loadedMB, last.builtMB) < TARGETS.indexMB)}`);
}

/** A fresh process for one size: cached load, draft check, brute force. Result JSON on stdout, the report on stderr. */
function child(options) {
  const log = (...args) => console.error(...args);
  const { dir, plans } = options.child;
  const size = plans * MEASURES_PER_PLAN;
  const material = loadMaterial();
  const { draft, units: draftUnits } = makeDraft(material);
  const planted = new Map(draft.planted.map((p) => [p.draftNumber, p]));

  // Cached load: read every segment file, deserialize, add, as the CLI does from .policylint/cache/overlap/.
  const load = () => {
    const loaded = new OverlapIndex(PARAMS);
    const list = [];
    for (let i = 0; i < plans; i++) {
      const segment = deserializeSegment(readFileSync(segmentFile(dir, i)), planId(i), PARAMS);
      if (segment === undefined) throw new Error(`segment ${i} did not load`);
      loaded.add(segment);
      list.push(segment);
    }
    return { loaded, list };
  };
  const before = memory();
  let start = performance.now();
  const { loaded, list } = load();
  const loadColdMs = performance.now() - start;
  const loadedBytes = memory() - before;
  const warm = sortNumbers([0, 1].map(() => {
    const t0 = performance.now();
    load();
    return performance.now() - t0;
  }));
  let diskBytes = 0;
  let headerBytes = 0;
  for (let i = 0; i < plans; i++) {
    diskBytes += statSync(segmentFile(dir, i)).size;
    headerBytes += 4 + readFileSync(segmentFile(dir, i)).readUInt32LE(0);
  }
  // Where the loaded index's memory is: typed arrays by kind, the corpus-wide DF table, the rest
  // (measure metadata parsed from the JSON headers: numbers, titles, ranges).
  const arrays = { shingles: 0, keys: 0, offsets: 0 };
  for (const s of list) {
    arrays.shingles += s.sentenceShingles.byteLength + s.titleShingles.byteLength;
    arrays.keys += s.keys.byteLength + s.keyMeasures.byteLength;
    arrays.offsets += s.sentenceStart.byteLength + s.sentenceOffsets.byteLength + s.titleOffsets.byteLength;
  }
  const dfTable = loaded.df.byteLength;
  const typed = arrays.shingles + arrays.keys + arrays.offsets + dfTable;
  log(`cached load (${plans} files, ${MB(diskBytes).toFixed(1)} MB, of which JSON headers ${MB(headerBytes).toFixed(1)} MB), fresh process: ` +
    `first ${loadColdMs.toFixed(0)} ms, then ${warm.map((w) => w.toFixed(0)).join(' and ')} ms`);
  log(`loaded index memory ${MB(loadedBytes).toFixed(1)} MB: typed arrays ${MB(typed).toFixed(1)} MB ` +
    `(shingles ${MB(arrays.shingles).toFixed(1)}, band keys ${MB(arrays.keys).toFixed(1)}, offsets ${MB(arrays.offsets).toFixed(1)}, ` +
    `DF table ${MB(dfTable).toFixed(1)}), JS objects (measure metadata) ≈ ${MB(loadedBytes - typed).toFixed(1)} MB`);

  // The draft check: the overlap-existing rule's queries for the 30 draft measures, on the loaded
  // index. Each measure is timed too; a run is their sum. Fewer runs when 20 would not fit the budget.
  const perMeasureSamples = draftUnits.map(() => []);
  const runOnce = (record) => {
    let total = 0;
    draftUnits.forEach((unit, k) => {
      const t0 = performance.now();
      // remember: false times a search; an editor re-asking about an unchanged measure gets its
      // remembered answer, which is not what the target is about.
      loaded.query(unit, { limit: 1, remember: false });
      const ms = performance.now() - t0;
      total += ms;
      if (record) perMeasureSamples[k].push(ms);
    });
    return total;
  };
  const warmup = [runOnce(false), runOnce(false), runOnce(false)];
  const runs = Math.max(5, Math.min(options.runs, Math.floor((options.queryBudget * 1000) / Math.min(...warmup))));
  const samples = sortNumbers(Array.from({ length: runs }, () => runOnce(true)));
  const perMeasure = perMeasureSamples.map((times) => median(sortNumbers(times)));
  const candidates = draftUnits.map((unit) => loaded.query(unit, { limit: Infinity, remember: false }).length);
  const lsh = checkDraft(loaded, draftUnits);
  const groups = { copied: [0, 10], reworded: [10, 20], unrelated: [20, 30] };
  const sum = (a, [from, to]) => a.slice(from, to).reduce((x, y) => x + y, 0);
  const totalCandidates = sum(candidates, [0, 30]);
  log(`draft check (30 queries, limit 1, ${runs} runs after 3 warm-up): median ${median(samples).toFixed(2)} ms, ` +
    `p95 ${percentile(samples, 95).toFixed(2)} ms, min ${samples[0].toFixed(2)} ms; ` +
    `≈ ${((median(samples) * 1000) / totalCandidates).toFixed(1)} µs per candidate scored`);
  log(`  by group (sum of per-measure medians): ${Object.entries(groups).map(([g, r]) => `${g} ${sum(perMeasure, r).toFixed(1)} ms`).join(', ')}`);
  log(`  candidates per draft measure: mean ${(totalCandidates / 30).toFixed(0)}, max ${Math.max(...candidates)}; ` +
    `by group ${Object.entries(groups).map(([g, r]) => `${g} ${(sum(candidates, r) / 10).toFixed(0)}`).join(', ')} ` +
    `(candidate rate of the unrelated measures ${((sum(candidates, groups.unrelated) / 10 / size) * 100).toFixed(2)}% of ${size} corpus measures)`);

  // The index's own score of its best match must be what exactScore says, or the brute force below
  // would not be the same query.
  lsh.forEach((match, k) => {
    if (match === undefined) return;
    const segment = list.find((s) => s.planId === match.planId);
    const exact = exactScore(loaded, segment, segment.measures.indexOf(match.measure), draftUnits[k]);
    if (Math.abs(exact - match.similarity) > 1e-9) {
      throw new Error(`draft measure ${k + 1}: index scored ${match.similarity}, exactScore ${exact}: bench/overlap.mjs no longer scores like the index`);
    }
  });
  const describe = (matches, similarityOf, isSource) => {
    const stats = { found: 0, source: 0, unrelated: 0 };
    matches.forEach((m, k) => {
      const similarity = m === undefined ? 0 : similarityOf(m);
      if (k < 20 && similarity >= THRESHOLD) stats.found++;
      if (k < 20 && m !== undefined && isSource(m, planted.get(k + 1))) stats.source++;
      if (k >= 20 && similarity >= THRESHOLD) stats.unrelated++;
    });
    return stats;
  };
  const lshStats = describe(lsh, (m) => m.similarity, (m, p) => m.planId === p.planId && m.measure.number === p.number);
  log(`  LSH: planted found at ≥ ${THRESHOLD}: ${lshStats.found}/20, best match is the source measure: ${lshStats.source}/20; ` +
    `unrelated flagged: ${lshStats.unrelated}/10`);

  // Brute force: every draft measure against every corpus measure, exact scores.
  const [previousMs, previousSize] = options.previousBrute ?? [];
  const estimate = previousMs === undefined ? undefined : (previousMs * size) / previousSize;
  let bruteMs;
  let bruteStats;
  if (estimate === undefined || estimate <= options.bruteBudget * 1000) {
    const times = [];
    let brute;
    for (let r = 0; r < (size <= 1000 ? 3 : 1); r++) {
      start = performance.now();
      brute = draftUnits.map((unit) => bruteQuery(loaded, list, unit));
      times.push(performance.now() - start);
    }
    bruteMs = median(sortNumbers(times));
    bruteStats = describe(brute, (m) => m.similarity, (m, p) => m.planId === p.planId && m.number === p.number);
    const above = sortNumbers(brute.slice(0, 20).map((b) => b.above));
    const misses = brute.filter((b, k) => b.similarity >= THRESHOLD && (lsh[k]?.similarity ?? 0) < THRESHOLD).length;
    const lower = brute.filter((b, k) => (lsh[k]?.similarity ?? 0) < b.similarity - 1e-9).length;
    log(`brute force (30 × ${size} measures): ${(bruteMs / 1000).toFixed(2)} s (${times.length === 1 ? '1 run' : `median of ${times.length}`}; ` +
      `≈ ${((bruteMs * 1000) / (30 * size)).toFixed(1)} µs per measure pair); planted found ${bruteStats.found}/20, ` +
      `source measure best ${bruteStats.source}/20, unrelated flagged ${bruteStats.unrelated}/10; ` +
      `LSH missed ${misses} that brute force finds, LSH best below brute-force best for ${lower}/30; ` +
      `corpus measures ≥ ${THRESHOLD} per planted measure: median ${median(above)}, max ${above.at(-1)}`);
  } else {
    log(`brute force not run: estimated ${(estimate / 1000).toFixed(0)} s (linear from ${previousSize}) is over the ${options.bruteBudget} s budget`);
  }

  process.stdout.write(`${JSON.stringify({
    loadedMB: MB(loadedBytes),
    cacheMB: MB(diskBytes),
    loadColdMs,
    loadWarmMs: median(warm),
    queryMedian: median(samples),
    queryP95: percentile(samples, 95),
    runs,
    candidatesMean: totalCandidates / 30,
    candidatesMax: Math.max(...candidates),
    bruteMs,
    bruteEstimateMs: estimate,
    lshFound: lshStats.found,
    lshUnrelated: lshStats.unrelated,
    bruteFound: bruteStats?.found,
    bruteUnrelated: bruteStats?.unrelated,
  })}\n`);
}

if (process.argv[1] === THIS_FILE) {
  if (typeof globalThis.gc !== 'function') {
    // Memory numbers need a forced GC: run again with --expose-gc.
    const again = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, THIS_FILE, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(again.status ?? 1);
  }
  const options = parseArgs(process.argv.slice(2));
  if (options.child === undefined) main(options);
  else child(options);
}
