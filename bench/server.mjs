// Language server benchmark: the built server (packages/language-server/bin) over stdio, as an editor
// drives it, with the seed as the draft and synthetic corpora (bench/synthetic-corpus.mjs) in a
// `seeds/` folder next to it.
//
//   node bench/server.mjs [sizes] [--edits=N] [--hovers=N] [--push-edits=N] [--budget=S] [--profile] [--rev=REV] [--keep]
//   node bench/server.mjs 10000,100000
//
// Per corpus size (measures, multiples of 1,000; "0" = no corpus is always measured first):
// - start-up, cold (no overlap cache) and warm (cache present, a second server process): spawn →
//   initialize answered → first pull-diagnostics answer for the draft (that request loads the corpus);
// - edit → diagnostics, pull mode: didChange (one character inserted into a measure, then deleted
//   again) immediately followed by textDocument/diagnostic, timed until the answer; p50 / p95;
// - the same in push mode with `policylint.debounce: 0`, timed from didChange to the
//   publishDiagnostics of that version (baseline and first size only);
// - hover on citations and on measure headings, on an analysed version; p50 / p95;
// - the server's RSS (/proc/<pid>/status VmRSS) after load, after the edit loop, after the hovers,
//   and its peak (VmHWM);
// - where start-up time and memory go: bench/server-load.mjs redoes the server's load steps one by one;
// - with --profile, where the edit and hover time goes: another warm server runs with --cpu-prof,
//   summarised by bench/server-profile.mjs.
// Loops stop early when --budget seconds (default 90) are used up, after at least 10 iterations.
// The built packages are copied to the run's temporary folder first and the server runs from there,
// so a rebuild of the working tree during the run cannot change what is measured. With --rev=REV the
// packages are built from that commit instead (git archive + tsc, ~10 s), to measure a known version.
// Needs a built dist (`npx turbo run build`); the script builds when the server's dist is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEED = join(ROOT, 'seeds/xiamen-2023-business-environment-action-plan.txt');
const TARGETS = { editP95Ms: 30, hoverMs: 5, memoryMB: 250, memoryAt: 100000 };

if (!existsSync(join(ROOT, 'packages/language-server/dist/main.js'))) {
  console.log('building (packages/language-server/dist is missing): npx turbo run build');
  execFileSync('npx', ['turbo', 'run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
// After the build: these import the built packages.
const { startServer } = await import('./server-client.mjs');
const { describe, summarise } = await import('./server-profile.mjs');
const { loadMaterial, MEASURES_PER_PLAN, planId, planTitle, prng, syntheticPlan } = await import('./synthetic-corpus.mjs');

/** The copy of the built packages the run uses (see snapshotBuild). */
let build;

const MB = (bytes) => bytes / 2 ** 20;
const sorted = (a) => [...a].sort((x, y) => x - y);
// Nearest rank, as in bench/run.mjs: always one of the samples.
const percentile = (s, p) => s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
const stats = (samples) => {
  const s = sorted(samples);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), min: s[0], max: s.at(-1) };
};

function parseArgs(argv) {
  const o = { sizes: [10000, 100000], edits: 200, hovers: 200, pushEdits: 50, budget: 90, profile: false, keep: false, rev: undefined };
  for (const arg of argv) {
    const [key, value] = arg.split('=');
    if (key === '--edits') o.edits = Number(value);
    else if (key === '--hovers') o.hovers = Number(value);
    else if (key === '--push-edits') o.pushEdits = Number(value);
    else if (key === '--budget') o.budget = Number(value);
    else if (key === '--rev') o.rev = value;
    else if (arg === '--profile') o.profile = true;
    else if (arg === '--keep') o.keep = true;
    else o.sizes = arg.split(',').map(Number);
  }
  if (o.sizes.some((s) => !Number.isInteger(s) || s <= 0 || s % MEASURES_PER_PLAN !== 0)) {
    throw new Error(`sizes must be positive multiples of ${MEASURES_PER_PLAN}: ${argv.join(' ')}`);
  }
  o.sizes.sort((a, b) => a - b);
  return o;
}

/**
 * The draft: the seed, with citations added so hover has targets: five to measures of the draft
 * itself (第3条 …) and one to a measure of synthetic plan 0 by its title, which every corpus has.
 * Returns the text, the citation positions (on the number) and the measure heading positions (in the title).
 */
function makeDraft() {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  const measureLines = lines.map((l, i) => (/^\d+[.．]/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (measureLines.length !== 28) throw new Error(`the seed has ${measureLines.length} measure lines, expected 28`);
  const added = [[5, '确保第3条落实到位。'], [10, '按照本方案第9条执行。'], [15, '与第14条统筹推进。'], [20, '确保第21条落实到位。'], [24, '按照第2条和第27条执行。'],
    [26, `落实《${planTitle(0)}》第12条。`]];
  for (const [measure, sentence] of added) lines[measureLines[measure - 1]] += sentence;
  const citations = [];
  for (const [measure, sentence] of added) {
    const line = measureLines[measure - 1];
    const offset = lines[line].length - sentence.length;
    for (const m of sentence.matchAll(/第(\d+)条/g)) citations.push({ line, character: offset + m.index + 1 });
  }
  const headings = measureLines.map((line) => ({ line, character: (/^\d+[.．]/.exec(lines[line])[0].length) + 1 }));
  return { text: lines.join('\n'), lines, measureLines, citations, headings };
}

function rssMB(server) {
  const { rss, peak } = server.memory();
  return { rss: MB(rss), peak: MB(peak) };
}

/** Starts a pull server, opens the draft and times the first diagnostics answer. */
async function coldOrWarmStart(draftPath, draft, options = {}) {
  const server = await startServer({ pull: true, bin: build.serverBin, ...options });
  const openedAt = performance.now();
  const uri = server.open(draftPath, draft.text);
  const report = await server.pull(uri);
  const answeredAt = performance.now();
  return {
    server,
    uri,
    findings: report.items.length,
    initMs: server.initializedAt - server.spawnedAt,
    firstRequestMs: answeredAt - openedAt,
    totalMs: answeredAt - server.spawnedAt,
    memory: rssMB(server),
    report,
  };
}

/** Edits: insert a character at a random place in a random measure's text, then delete it again. */
function editScript(draft, seed) {
  const rng = prng(seed);
  const chars = [...'推进落实加强服务企业'];
  let pending;
  return () => {
    if (pending !== undefined) {
      const range = pending;
      pending = undefined;
      return { range, text: '' };
    }
    const line = draft.measureLines[rng.int(draft.measureLines.length)];
    const markerEnd = /^\d+[.．]/.exec(draft.lines[line])[0].length;
    const character = markerEnd + 1 + rng.int(draft.lines[line].length - markerEnd);
    pending = { start: { line, character }, end: { line, character: character + 1 } };
    return { range: { start: { line, character }, end: { line, character } }, text: chars[rng.int(chars.length)] };
  };
}

/**
 * `run()` `count` times after `warmup` untimed runs, fewer when `budget` seconds run out (at least
 * `min`). `run` returns the ms of one iteration. Returns the samples.
 */
async function loop(count, warmup, budgetS, run, min = 10) {
  for (let i = 0; i < warmup; i++) await run();
  const samples = [];
  const start = performance.now();
  while (samples.length < count) {
    samples.push(await run());
    if (samples.length >= min && performance.now() - start > budgetS * 1000) break;
  }
  return samples;
}

async function pullEdits(server, uri, draft, options, counts) {
  const next = editScript(draft, 0xed17);
  return loop(options.edits, 10, options.budget, async () => {
    const { range, text } = next();
    const start = performance.now();
    server.change(uri, range, text);
    const report = await server.pull(uri);
    const ms = performance.now() - start;
    if (report.kind !== 'full') throw new Error(`diagnostic report of kind ${report.kind}`);
    counts.add(report.items.length);
    return ms;
  });
}

async function hovers(server, uri, positions, options, check) {
  let k = 0;
  return loop(options.hovers, 10, options.budget / 3, async () => {
    const position = positions[k++ % positions.length];
    const start = performance.now();
    const result = await server.hover(uri, position);
    const ms = performance.now() - start;
    check(result, position);
    return ms;
  });
}

function hoverText(result) {
  return result === null ? '' : typeof result.contents === 'string' ? result.contents : (result.contents.value ?? '');
}

/** One corpus size (0: no corpus) in `dir`, which holds the draft and, unless 0, seeds/. */
async function measure(size, dir, draft, options, withPush) {
  const draftPath = join(dir, 'draft.txt');
  writeFileSync(draftPath, draft.text);
  const cacheDir = join(dir, '.policylint/cache/overlap');
  const label = size === 0 ? 'no corpus' : `${size.toLocaleString('en-US')} measures`;
  const log = (s) => console.log(`[${label}] ${s}`);
  const r = { size };

  // Cold start: no cache. The first pull loads (and indexes) the corpus.
  const cold = await coldOrWarmStart(draftPath, draft);
  const { server, uri } = cold;
  r.cold = { initMs: cold.initMs, firstRequestMs: cold.firstRequestMs, totalMs: cold.totalMs };
  r.findings = cold.findings;
  r.memLoad = cold.memory;
  const cacheFiles = existsSync(cacheDir) ? readdirSync(cacheDir).length : 0;
  const byRule = {};
  for (const d of cold.report.items) byRule[d.code] = (byRule[d.code] ?? 0) + 1;
  log(`cold start: initialize ${cold.initMs.toFixed(0)} ms, first diagnostics ${cold.totalMs.toFixed(0)} ms after spawn ` +
    `(request ${cold.firstRequestMs.toFixed(0)} ms); ${cold.findings} findings ${JSON.stringify(byRule)}; RSS ${cold.memory.rss.toFixed(0)} MB; cache files ${cacheFiles}`);

  // Edit → diagnostics, pull.
  const counts = new Set();
  const editSamples = await pullEdits(server, uri, draft, options, counts);
  r.edit = stats(editSamples);
  r.memEdits = rssMB(server);
  log(`edit → pull diagnostics: ${r.edit.n} edits, p50 ${r.edit.p50.toFixed(1)} ms, p95 ${r.edit.p95.toFixed(1)} ms, ` +
    `min ${r.edit.min.toFixed(1)}, max ${r.edit.max.toFixed(1)}; findings per answer ${[...counts].sort((a, b) => a - b).join('/')}; RSS ${r.memEdits.rss.toFixed(0)} MB`);

  // Hover: the version is analysed (the last pull), so this is the hover's own work.
  const citationSamples = await hovers(server, uri, draft.citations, options, (result, p) => {
    // Without a corpus the citation of synthetic plan 0 resolves to nothing: no hover.
    const text = hoverText(result);
    if (size === 0 ? text === '' && p !== draft.citations.at(-1) : !text.startsWith('**')) throw new Error(`hover on the citation at ${p.line + 1}:${p.character + 1} gave ${JSON.stringify(text.slice(0, 80))}`);
  });
  r.hoverCitation = stats(citationSamples);
  const headingSamples = await hovers(server, uri, draft.headings, options, (result, p) => {
    if (!hoverText(result).startsWith('**')) throw new Error(`no hover on the measure heading at ${p.line + 1}:${p.character + 1}`);
  });
  r.hoverHeading = stats(headingSamples);
  const sample = hoverText(await server.hover(uri, draft.headings[4]));
  r.memHovers = rssMB(server);
  log(`hover: citations p50 ${r.hoverCitation.p50.toFixed(2)} / p95 ${r.hoverCitation.p95.toFixed(2)} ms (${r.hoverCitation.n}), ` +
    `measure headings p50 ${r.hoverHeading.p50.toFixed(2)} / p95 ${r.hoverHeading.p95.toFixed(2)} ms (${r.hoverHeading.n}); ` +
    `RSS ${r.memHovers.rss.toFixed(0)} MB, peak ${r.memHovers.peak.toFixed(0)} MB`);
  log(`  heading hover sample: ${JSON.stringify(sample.slice(0, 160))}`);
  await server.stop();

  // Warm start: a second process, the cache now present.
  const warm = await coldOrWarmStart(draftPath, draft);
  r.warm = { initMs: warm.initMs, firstRequestMs: warm.firstRequestMs, totalMs: warm.totalMs };
  r.memWarm = warm.memory;
  await warm.server.stop();
  log(`warm start: initialize ${warm.initMs.toFixed(0)} ms, first diagnostics ${warm.totalMs.toFixed(0)} ms after spawn; RSS ${warm.memory.rss.toFixed(0)} MB`);

  // Push mode, debounce 0: didChange → publishDiagnostics of that version.
  if (withPush) {
    const push = await startServer({ pull: false, settings: { debounce: 0 }, bin: build.serverBin });
    const pushUri = push.open(draftPath, draft.text);
    await push.published(pushUri, 1);
    const next = editScript(draft, 0xed17);
    const samples = await loop(options.pushEdits, 10, options.budget / 2, async () => {
      const { range, text } = next();
      const start = performance.now();
      const waiting = push.published(pushUri, push.change(pushUri, range, text));
      const published = await waiting;
      return published.at - start;
    });
    r.push = stats(samples);
    await push.stop();
    log(`edit → push diagnostics (debounce 0): ${r.push.n} edits, p50 ${r.push.p50.toFixed(1)} ms, p95 ${r.push.p95.toFixed(1)} ms`);
  }

  // Where start-up time and memory go: the load steps one by one, in a fresh process (warm cache).
  if (size > 0) {
    const child = spawnSync(process.execPath, ['--expose-gc', build.loadScript, dir, draftPath],
      { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`server-load.mjs failed: ${child.stderr}`);
    r.load = JSON.parse(child.stdout.trim().split('\n').at(-1));
    log(`load steps (fresh process, warm cache; held = heapUsed + arrayBuffers after GC): baseline held ${MB(r.load.baseline.held).toFixed(0)} MB, RSS ${MB(r.load.baseline.rss).toFixed(0)} MB`);
    for (const s of r.load.steps) log(`  ${s.name}: ${s.ms.toFixed(0)} ms, held +${MB(s.heldDelta).toFixed(1)} MB, RSS then ${MB(s.rss).toFixed(0)} MB`);
    log(`  corpus text ${r.load.textMB.toFixed(1)} MB as UTF-16; later checkText median ${r.load.checkMedianMs.toFixed(1)} ms; ` +
      `end: heapUsed ${MB(r.load.end.heapUsed).toFixed(0)} MB, arrayBuffers ${MB(r.load.end.arrayBuffers).toFixed(0)} MB, heapTotal ${MB(r.load.end.heapTotal).toFixed(0)} MB, RSS ${MB(r.load.end.rss).toFixed(0)} MB`);
  }

  // Where edit and hover time goes: a warm server under --cpu-prof.
  if (options.profile) {
    const profDir = join(dir, 'cpu-profile');
    rmSync(profDir, { recursive: true, force: true });
    const prof = await coldOrWarmStart(draftPath, draft, { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] });
    const edits = await pullEdits(prof.server, prof.uri, draft, { ...options, edits: Math.min(options.edits, 100), budget: options.budget / 3 }, new Set());
    const hov = await hovers(prof.server, prof.uri, draft.headings, { ...options, hovers: 100 }, () => undefined);
    await prof.server.stop();
    const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    const summary = summarise(JSON.parse(readFileSync(join(profDir, file), 'utf8')));
    // Checks: the first request, the 10 warm-up edits and the timed ones; hovers: 10 warm-up and the timed ones.
    r.profile = { edits: edits.length, hovers: hov.length, lines: describe(summary, { checks: 1 + 10 + edits.length, hovers: 10 + hov.length }) };
    log(`cpu profile of a warm server: load, ${edits.length} edits + pulls, ${hov.length} heading hovers (${join(profDir, file)}):`);
    for (const line of r.profile.lines) log(`  ${line}`);
  }
  return r;
}

const PACKAGES = ['core', 'checker', 'language-server'];

/**
 * Copies what the server runs (package.json, bin and dist of core, checker and language-server) to
 * `dir`, with a node_modules that links these copies and every other dependency of the workspace, and
 * bench/server-load.mjs next to them, so that it loads the same copies.
 */
function snapshotBuild(dir) {
  const before = distStamp();
  for (const pkg of PACKAGES) {
    const from = join(ROOT, 'packages', pkg);
    const to = join(dir, 'packages', pkg);
    mkdirSync(to, { recursive: true });
    for (const entry of ['package.json', 'bin', 'dist']) if (existsSync(join(from, entry))) cpSync(join(from, entry), join(to, entry), { recursive: true });
  }
  linkModules(dir);
  mkdirSync(join(dir, 'bench'));
  cpSync(fileURLToPath(new URL('./server-load.mjs', import.meta.url)), join(dir, 'bench', 'server-load.mjs'));
  if (distStamp() !== before) throw new Error('the dist changed while it was being copied (a build is running?): run again');
  return { serverBin: join(dir, 'packages/language-server/bin/policylint-language-server.js'), loadScript: join(dir, 'bench/server-load.mjs'), stamp: before };
}

/**
 * Builds core, checker and language-server of commit `rev` in `dir` (git archive, then tsc with the
 * workspace's TypeScript, in dependency order), with node_modules as in snapshotBuild.
 */
function buildRevision(dir, rev) {
  mkdirSync(dir, { recursive: true });
  const paths = ['tsconfig.base.json', ...PACKAGES.map((pkg) => `packages/${pkg}`)];
  const archive = spawnSync('git', ['archive', '--format=tar', rev, ...paths], { cwd: ROOT, maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`git archive ${rev}: ${archive.stderr}`);
  execFileSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  linkModules(dir);
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  for (const pkg of PACKAGES) execFileSync(process.execPath, [tsc, '-p', `packages/${pkg}/tsconfig.build.json`], { cwd: dir, stdio: 'inherit' });
  mkdirSync(join(dir, 'bench'));
  cpSync(fileURLToPath(new URL('./server-load.mjs', import.meta.url)), join(dir, 'bench', 'server-load.mjs'));
  return { serverBin: join(dir, 'packages/language-server/bin/policylint-language-server.js'), loadScript: join(dir, 'bench/server-load.mjs') };
}

/** node_modules for a copy of the packages in `dir`: @policylint/* → the copies, everything else → the workspace's. */
function linkModules(dir) {
  mkdirSync(join(dir, 'node_modules', '@policylint'), { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry !== '@policylint' && entry !== '.bin') symlinkSync(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  for (const pkg of PACKAGES) symlinkSync(join(dir, 'packages', pkg), join(dir, 'node_modules', '@policylint', pkg));
}

/** The newest modification time of the built packages the server runs, to notice a rebuild during the run. */
function distStamp() {
  let newest = 0;
  for (const pkg of PACKAGES) {
    const dist = join(ROOT, 'packages', pkg, 'dist');
    for (const entry of readdirSync(dist, { recursive: true })) newest = Math.max(newest, statSync(join(dist, entry)).mtimeMs);
  }
  return new Date(newest).toISOString();
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const cpus = os.cpus();
  console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, ${os.platform()} ${os.arch()}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const git = (args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = git(['status', '--porcelain', '--', 'packages']).split('\n').filter(Boolean).length;
  console.log(`code: commit ${git(['rev-parse', '--short', 'HEAD'])}${dirty > 0 ? ` + ${dirty} modified files under packages/ (${git(['diff', '--stat', '--', 'packages']).split('\n').at(-1).trim()})` : ''}`);
  console.log(`sizes: ${options.sizes.join(', ')} measures; edits ${options.edits}, hovers ${options.hovers} each kind, push edits ${options.pushEdits}, budget ${options.budget} s a loop`);

  const draft = makeDraft();
  console.log(`draft: the seed (28 measures) + ${draft.citations.length} citations, ${draft.text.length} characters`);

  const startedAt = performance.now();
  const root = mkdtempSync(join(os.tmpdir(), 'policylint-server-bench-'));
  const results = [];
  try {
    if (options.rev === undefined) {
      build = snapshotBuild(join(root, 'build'));
      console.log(`server: a copy of the working tree's built packages (newest dist file ${build.stamp}) in ${join(root, 'build')}`);
    } else {
      const commit = git(['rev-parse', '--short', options.rev]);
      const start = performance.now();
      build = buildRevision(join(root, 'build'), commit);
      console.log(`server: packages built from commit ${commit} (${git(['log', '-1', '--format=%s', commit]).slice(0, 100)}) ` +
        `in ${join(root, 'build')}, ${((performance.now() - start) / 1000).toFixed(0)} s`);
    }
    // The synthetic plans, written once each into every size's seeds/ (the corpora are nested).
    const material = loadMaterial();
    const start = performance.now();
    for (const size of options.sizes) mkdirSync(join(root, String(size), 'seeds'), { recursive: true });
    for (let i = 0; i < options.sizes.at(-1) / MEASURES_PER_PLAN; i++) {
      const { text } = syntheticPlan(material, i);
      for (const size of options.sizes) if (i < size / MEASURES_PER_PLAN) writeFileSync(join(root, String(size), 'seeds', planId(i)), text);
    }
    console.log(`corpora written to ${root} in ${((performance.now() - start) / 1000).toFixed(1)} s (not timed below)\n`);

    mkdirSync(join(root, '0'));
    results.push(await measure(0, join(root, '0'), draft, options, true));
    for (const [k, size] of options.sizes.entries()) results.push(await measure(size, join(root, String(size)), draft, options, k === 0));
  } finally {
    if (options.keep) console.log(`\nkept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }

  const f = (x, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const pp = (s, d = 1) => (s === undefined ? '–' : `${f(s.p50, d)} / ${f(s.p95, d)} (${s.n})`);
  console.log('\n== summary (ms; MB = 2^20 bytes)\n');
  table(
    ['corpus measures', 'findings', 'edit → diagnostics p50 / p95, pull (n)', 'push, debounce 0 (n)', 'hover citation p50 / p95 (n)', 'hover measure heading p50 / p95 (n)'],
    results.map((r) => [r.size.toLocaleString('en-US'), String(r.findings), pp(r.edit), pp(r.push), pp(r.hoverCitation, 2), pp(r.hoverHeading, 2)]),
  );
  console.log('');
  table(
    ['corpus measures', 'start-up cold: initialize / first diagnostics', 'start-up warm (cache)', 'RSS MB after load / edits / hovers', 'peak RSS MB', 'RSS MB warm start'],
    results.map((r) => [
      r.size.toLocaleString('en-US'),
      `${f(r.cold.initMs, 0)} / ${f(r.cold.totalMs, 0)}`,
      `${f(r.warm.initMs, 0)} / ${f(r.warm.totalMs, 0)}`,
      `${f(r.memLoad.rss, 0)} / ${f(r.memEdits.rss, 0)} / ${f(r.memHovers.rss, 0)}`,
      f(r.memHovers.peak, 0),
      f(r.memWarm.rss, 0),
    ]),
  );

  const rebuilt = distStamp();
  console.log(`\nrun took ${((performance.now() - startedAt) / 1000).toFixed(0)} s` +
    (build.stamp === undefined || rebuilt === build.stamp ? '' : ` (the working tree's dist was rebuilt during the run, at ${rebuilt}; the run used its copy from before)`));

  console.log('\n== targets\n');
  const say = (name, ok, detail) => console.log(`${ok ? 'met    ' : 'NOT MET'}  ${name}: ${detail}`);
  for (const r of results.filter((x) => x.size > 0)) {
    const n = r.size.toLocaleString('en-US');
    say(`edit → diagnostics p95 < ${TARGETS.editP95Ms} ms at ${n}`, r.edit.p95 < TARGETS.editP95Ms, `${f(r.edit.p95)} ms (p50 ${f(r.edit.p50)})`);
    const worst = Math.max(r.hoverCitation.p95, r.hoverHeading.p95);
    say(`hover < ${TARGETS.hoverMs} ms at ${n} (p95 of both kinds)`, worst < TARGETS.hoverMs,
      `citations ${f(r.hoverCitation.p95, 2)} ms, measure headings ${f(r.hoverHeading.p95, 2)} ms`);
    if (r.size === TARGETS.memoryAt) {
      const most = Math.max(r.memLoad.rss, r.memEdits.rss, r.memHovers.rss);
      say(`memory < ${TARGETS.memoryMB} MB at ${n}`, most < TARGETS.memoryMB, `RSS ${f(r.memLoad.rss, 0)} MB after load, ${f(most, 0)} MB at most, peak ${f(r.memHovers.peak, 0)} MB`);
    }
  }
}

await main();
