// Scale benchmark: a synthetic corpus of 1,000,000 measures (1,000 plans × 1,000 measures, made by
// bench/synthetic-corpus.mjs) loaded the way users load a corpus, through the built packages:
//
//   node bench/scale-1m.mjs [--measures=N] [--dir=DIR] [--runs=N] [--no-server] [--no-cli] [--keep] [--reuse-cache]
//
// Not part of `npm run bench`: it needs ~5 GB of disk and about half an hour (docs/scaling.md).
// Steps, each in a fresh process so that its time and memory are its own:
// 1. the corpus is written to DIR/seeds/ (kept between runs; a plan file already there is reused:
//    the generator is deterministic), and the 30-measure draft of bench/overlap.mjs to DIR/draft.txt;
// 2. cold build: `loadCorpus` with no cache, as the first `policylint check` does: every plan read,
//    parsed and indexed, its segment stored in DIR/.policylint/cache/overlap/ — one process, one
//    thread, because that is how the CLI and the server build it;
// 3. cached load: `loadCorpus` again, then the band table (built by the first query), memory after
//    GC, the 30 draft measures' queries (median / p95, fresh searches), whether the planted repeats
//    are found, and one whole `checkText` of the draft;
// 4. the CLI: `policylint check draft.txt` (wall time and peak RSS by /usr/bin/time);
// 5. the language server (bench/server-client.mjs): open the draft, pull its diagnostics (which loads
//    the corpus), the server's RSS after.
// DIR defaults to $TMPDIR/policylint-scale-<measures>; it is removed at the end unless --keep.
// --reuse-cache skips step 2 when DIR (kept by an earlier --keep run) already has the stored index.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);
const CLI = join(ROOT, 'apps/cli/dist/policylint.js');
const GLOBS = ['seeds/**/*.txt'];
/** Bytes a 1,000-measure plan takes on disk: its text (~0.65 MB) and its stored segment (~3.3 MB), with room. */
const BYTES_PER_PLAN = 5 * 2 ** 20;

const MB = (bytes) => bytes / 2 ** 20;
const sorted = (a) => [...a].sort((x, y) => x - y);
// Nearest rank, as in bench/run.mjs.
const percentile = (s, p) => s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
const fmtMB = (bytes) => `${MB(bytes).toFixed(0)} MB`;
// The machine is shared: CPU time (user + system) says what the work costs whatever else runs.
const cpuMs = (usage) => (usage.user + usage.system) / 1000;

function parseArgs(argv) {
  const o = { measures: 1_000_000, dir: undefined, runs: 20, server: true, cli: true, keep: false, reuseCache: false, phase: undefined };
  for (const arg of argv) {
    const [key, value] = arg.split('=');
    if (key === '--measures') o.measures = Number(value);
    else if (key === '--dir') o.dir = value;
    else if (key === '--runs') o.runs = Number(value);
    else if (key === '--no-server') o.server = false;
    else if (key === '--no-cli') o.cli = false;
    else if (key === '--keep') o.keep = true;
    else if (key === '--reuse-cache') o.reuseCache = true;
    else if (key === '--phase') o.phase = value;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(o.measures / 1000) || o.measures <= 0) throw new Error('--measures must be a positive multiple of 1,000');
  o.dir ??= join(os.tmpdir(), `policylint-scale-${o.measures}`);
  return o;
}

/**
 * What the process holds after a full GC: heap + typed arrays' stores, RSS now, and peak RSS (VmHWM).
 * Freed array buffers are swept by a background thread after the GC: on a busy machine a reading
 * taken at once still counts them (1,159 MB instead of 536 MB once at 1M measures), so it waits.
 */
async function memory() {
  globalThis.gc();
  await sleep(500);
  globalThis.gc();
  await sleep(500);
  const m = process.memoryUsage();
  const status = readFileSync('/proc/self/status', 'utf8');
  const peak = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)[1]) * 1024;
  return { heapAndBuffers: m.heapUsed + m.arrayBuffers, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, rss: m.rss, peakRss: peak };
}

function describeMemory(label, m) {
  return `${label}: heap ${fmtMB(m.heapUsed)} + array buffers ${fmtMB(m.arrayBuffers)} = ${fmtMB(m.heapAndBuffers)} after GC; RSS ${fmtMB(m.rss)}, peak RSS ${fmtMB(m.peakRss)}`;
}

function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

/** Writes the corpus and the draft, reusing plan files already there. */
async function prepare(o) {
  const { loadMaterial, MEASURES_PER_PLAN, planId, syntheticDraft, syntheticPlan } = await import('./synthetic-corpus.mjs');
  const plans = o.measures / MEASURES_PER_PLAN;
  const seeds = join(o.dir, 'seeds');
  mkdirSync(seeds, { recursive: true });
  const missing = Array.from({ length: plans }, (_, i) => i).filter((i) => !existsSync(join(seeds, planId(i))));
  const free = statfsSync(o.dir).bavail * statfsSync(o.dir).bsize;
  const needed = missing.length * 0.65 * 2 ** 20 + plans * (BYTES_PER_PLAN - 0.65 * 2 ** 20);
  if (free < needed) {
    console.error(`not enough disk in ${o.dir}: ${fmtMB(free)} free, ~${fmtMB(needed)} needed`);
    process.exit(1);
  }
  const material = loadMaterial();
  const start = performance.now();
  for (const i of missing) {
    const plan = syntheticPlan(material, i);
    // Written then renamed: an interrupted run leaves no half plan to be reused next time.
    writeFileSync(join(seeds, `${plan.id}.tmp`), plan.text);
    renameSync(join(seeds, `${plan.id}.tmp`), join(seeds, plan.id));
  }
  const draft = syntheticDraft(material, syntheticPlan(material, 0));
  writeFileSync(join(o.dir, 'draft.txt'), draft.text);
  writeFileSync(join(o.dir, 'planted.json'), JSON.stringify(draft.planted.map((p) => ({ ...p, planId: join(seeds, p.planId) }))));
  console.log(`corpus: ${plans} plans in ${seeds} (${missing.length} written in ${((performance.now() - start) / 1000).toFixed(0)} s, ` +
    `${fmtMB(folderBytes(seeds))} of text)`);
}

/** Runs a phase of this script in a fresh process and returns the JSON it prints last. */
function phase(o, name) {
  const child = spawnSync(process.execPath, ['--expose-gc', THIS_FILE, `--phase=${name}`, `--dir=${o.dir}`, `--measures=${o.measures}`, `--runs=${o.runs}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`phase ${name} failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

/** Cold build: the corpus loaded with no cache, which builds and stores every plan's segment. */
async function buildPhase(o) {
  const { loadCorpus } = await import('@policylint/checker/node');
  rmSync(join(o.dir, '.policylint'), { recursive: true, force: true });
  const before = await memory();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { files, skipped } = await loadCorpus({ baseDir: o.dir, globs: GLOBS });
  const ms = performance.now() - start;
  const buildCpuMs = cpuMs(process.cpuUsage(cpu));
  const after = await memory();
  console.error(`cold build: ${files.length} plans (${skipped.length} skipped) in ${(ms / 1000).toFixed(1)} s (CPU ${(buildCpuMs / 1000).toFixed(1)} s), one thread`);
  console.error(describeMemory('  memory after the build', after));
  const cache = folderBytes(join(o.dir, '.policylint'));
  console.error(`  cache: ${fmtMB(cache)} in ${join(o.dir, '.policylint/cache/overlap')}`);
  return { buildMs: ms, buildCpuMs, cacheBytes: cache, baseline: before.heapAndBuffers, ...after };
}

/** Cached load, band table, memory, queries, recall, one whole check. */
async function loadPhase(o) {
  const { checkText, DEFAULT_OVERLAP_PARAMS, measureUnits, resolveConfig } = await import('@policylint/checker');
  const { loadCorpus } = await import('@policylint/checker/node');
  const { parsePlan } = await import('@policylint/core');
  const draftText = readFileSync(join(o.dir, 'draft.txt'), 'utf8');
  const planted = JSON.parse(readFileSync(join(o.dir, 'planted.json'), 'utf8'));
  const units = measureUnits(parsePlan(draftText), DEFAULT_OVERLAP_PARAMS);
  if (units.length !== 30) throw new Error(`draft parsed to ${units.length} measures, expected 30`);
  const baseline = await memory();

  let start = performance.now();
  let cpu = process.cpuUsage();
  const { corpus, files } = await loadCorpus({ baseDir: o.dir, globs: GLOBS });
  const loadMs = performance.now() - start;
  const loadCpuMs = cpuMs(process.cpuUsage(cpu));
  const loaded = await memory();
  start = performance.now();
  cpu = process.cpuUsage();
  const index = corpus.overlap();
  index.query(units[0], { limit: 1, remember: false });
  const tableMs = performance.now() - start;
  const tableCpuMs = cpuMs(process.cpuUsage(cpu));
  const ready = await memory();
  console.error(`cached load: ${files.length} plans, ${index.measureCount.toLocaleString('en-US')} measures in ${(loadMs / 1000).toFixed(1)} s (CPU ${(loadCpuMs / 1000).toFixed(1)} s); ` +
    `band table (first query) ${(tableMs / 1000).toFixed(1)} s (CPU ${(tableCpuMs / 1000).toFixed(1)} s)`);
  console.error(describeMemory('  memory after the load', loaded));
  console.error(describeMemory('  memory with the band table', ready));
  console.error(`  the baseline before loading (modules, draft): ${fmtMB(baseline.heapAndBuffers)} heap + buffers, RSS ${fmtMB(baseline.rss)}`);

  // The overlap-existing rule's 30 queries, fresh searches (remember: false), as bench/overlap.mjs times them.
  const runOnce = () => {
    const t0 = performance.now();
    const best = units.map((unit) => index.query(unit, { limit: 1, remember: false })[0]);
    return { ms: performance.now() - t0, best };
  };
  for (let i = 0; i < 3; i++) runOnce();
  const runs = Array.from({ length: o.runs }, runOnce);
  const times = sorted(runs.map((r) => r.ms));
  const threshold = DEFAULT_OVERLAP_PARAMS.threshold;
  const { best } = runs[0];
  const found = planted.filter((p) => {
    const match = best[p.draftNumber - 1];
    return match !== undefined && match.similarity >= threshold && match.planId === p.planId && match.measure.number === p.number;
  }).length;
  const unrelated = best.slice(20).filter((m) => m !== undefined && m.similarity >= threshold).length;
  console.error(`draft queries (30 measures, ${o.runs} runs after 3 warm-up): median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms; ` +
    `planted repeats found ${found}/${planted.length}, unrelated measures flagged ${unrelated}/10`);

  start = performance.now();
  const result = checkText(draftText, { config: resolveConfig(), corpus, documentId: join(o.dir, 'draft.txt') });
  const checkMs = performance.now() - start;
  const repeats = result.findings.filter((f) => f.ruleId === 'overlap-existing').length;
  console.error(`whole check of the draft (all rules, fresh answers): ${checkMs.toFixed(0)} ms, ${repeats} overlap-existing findings`);
  const after = await memory();
  return {
    loadMs, loadCpuMs, tableMs, tableCpuMs, measures: index.measureCount, baseline, loaded, ready, after,
    queryMedian: percentile(times, 50), queryP95: percentile(times, 95), found, planted: planted.length, unrelated, checkMs, repeats,
  };
}

/** `policylint check draft.txt` with the cache in place: wall time and peak RSS of the whole process. */
function cliPhase(o) {
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'maxrss_kb=%M cpu_s=%U %S', process.execPath, CLI, 'check', 'draft.txt', '--format', 'json'], { cwd: o.dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  const peak = Number(/maxrss_kb=(\d+)/.exec(run.stderr)?.[1] ?? NaN) * 1024;
  const [user, system] = (/cpu_s=([\d.]+) ([\d.]+)/.exec(run.stderr)?.slice(1) ?? []).map(Number);
  const cpu = (user + system) * 1000;
  const findings = JSON.parse(run.stdout)[0]?.messages.filter((m) => m.ruleId === 'overlap-existing').length;
  console.log(`CLI: policylint check draft.txt (cached index): exit ${run.status}, ${(ms / 1000).toFixed(1)} s (CPU ${(cpu / 1000).toFixed(1)} s), peak RSS ${fmtMB(peak)}, ${findings} overlap-existing findings`);
  return { ms, cpu, peak, status: run.status };
}

/** The built language server: open the draft, pull its diagnostics (the corpus loads), its RSS. */
async function serverPhase(o) {
  const { startServer } = await import('./server-client.mjs');
  const server = await startServer({ pull: true });
  try {
    const draft = join(o.dir, 'draft.txt');
    const start = performance.now();
    const uri = server.open(draft, readFileSync(draft, 'utf8'));
    const first = await server.pull(uri);
    const firstMs = performance.now() - start;
    const loaded = server.memory();
    const t0 = performance.now();
    await server.pull(uri);
    const againMs = performance.now() - t0;
    const overlap = first.items.filter((d) => d.code === 'overlap-existing').length;
    console.log(`server: first diagnostics (corpus loaded) ${(firstMs / 1000).toFixed(1)} s, ${overlap} overlap-existing; ` +
      `next pull ${againMs.toFixed(0)} ms; RSS ${fmtMB(loaded.rss)}, peak ${fmtMB(loaded.peak)}`);
    return { firstMs, againMs, ...loaded };
  } finally {
    await server.stop();
  }
}

async function main(o) {
  if (!existsSync(CLI) || !existsSync(join(ROOT, 'packages/language-server/dist/main.js'))) {
    console.error('build first: npx turbo run build');
    process.exit(1);
  }
  const started = performance.now();
  console.log(`scale benchmark: ${o.measures.toLocaleString('en-US')} measures in ${o.dir}; node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    await prepare(o);
    // --reuse-cache (with --keep from an earlier run): the stored index is there, only loading is measured.
    const built = o.reuseCache && existsSync(join(o.dir, '.policylint/cache/overlap')) ? undefined : phase(o, 'build');
    const loaded = phase(o, 'load');
    const cli = o.cli ? cliPhase(o) : undefined;
    const server = o.server ? await serverPhase(o) : undefined;
    console.log('\n== summary\n');
    const rows = [
      ['corpus', `${loaded.measures.toLocaleString('en-US')} measures, ${o.measures / 1000} plans`],
      ...(built === undefined ? [] : [['cold build (one thread)', `${(built.buildMs / 1000).toFixed(0)} s (CPU ${(built.buildCpuMs / 1000).toFixed(0)} s); peak RSS ${fmtMB(built.peakRss)}; cache ${fmtMB(built.cacheBytes)}`]]),
      ['cached load', `${(loaded.loadMs / 1000).toFixed(1)} s (CPU ${(loaded.loadCpuMs / 1000).toFixed(1)} s) + band table ${(loaded.tableMs / 1000).toFixed(1)} s (CPU ${(loaded.tableCpuMs / 1000).toFixed(1)} s)`],
      ['memory, loaded (after GC)', `heap + array buffers ${fmtMB(loaded.ready.heapAndBuffers)} (${fmtMB(loaded.ready.heapAndBuffers - loaded.baseline.heapAndBuffers)} over the baseline); RSS ${fmtMB(loaded.ready.rss)}, peak ${fmtMB(loaded.ready.peakRss)}`],
      ['30-measure draft, queries', `median ${loaded.queryMedian.toFixed(1)} ms, p95 ${loaded.queryP95.toFixed(1)} ms; planted found ${loaded.found}/${loaded.planted}, unrelated flagged ${loaded.unrelated}/10`],
      ['30-measure draft, whole check', `${loaded.checkMs.toFixed(0)} ms`],
    ];
    if (cli !== undefined) rows.push(['CLI check, cached index', `${(cli.ms / 1000).toFixed(1)} s (CPU ${(cli.cpu / 1000).toFixed(1)} s), peak RSS ${fmtMB(cli.peak)}`]);
    if (server !== undefined) rows.push(['language server', `first diagnostics ${(server.firstMs / 1000).toFixed(1)} s; RSS ${fmtMB(server.rss)}, peak ${fmtMB(server.peak)}`]);
    console.log('| what | measured |\n| --- | --- |');
    for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
    console.log(`\ntotal ${((performance.now() - started) / 60000).toFixed(1)} min`);
  } finally {
    if (!o.keep) rmSync(o.dir, { recursive: true, force: true });
  }
}

const options = parseArgs(process.argv.slice(2));
if (options.phase === undefined) await main(options);
else {
  const result = options.phase === 'build' ? await buildPhase(options) : await loadPhase(options);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
