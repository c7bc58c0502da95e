// Whole `policylint check` processes on a folder of 200 drafts (bench/make-drafts.mjs) with the seed as
// corpus: (a) cold, no .policylint/ at all; (b) --cache, first run (writing the cache); (c) --cache
// again, nothing changed; (d) --cache after 5 drafts changed; each with --concurrency off and auto.
// Then off against 2 worker threads on the first N drafts, for the `auto` threshold (check-pool.ts).
// Every run's JSON report must equal a plain run's on the same files, and a planted marker in the
// cache shows which files (c) and (d) took from the cache instead of checking them.
// `node bench/many-drafts.mjs [runs]` after `npm run build`; runs per variant, default 5.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { makeDrafts } from './make-drafts.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const POLICYLINT = join(ROOT, 'apps/cli/bin/policylint.cjs');
const RUNS = Number(process.argv[2] ?? 5);
const DRAFTS = 200;
const CHANGED = [10, 50, 90, 130, 170];
const SWEEP = [12, 24, 48, 96];
const MARKER = 'FROM-CACHE ';

const work = mkdtempSync(join(os.tmpdir(), 'policylint-many-drafts-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
mkdirSync(join(work, 'seeds'));
copyFileSync(join(ROOT, 'seeds/xiamen-2023-business-environment-action-plan.txt'), join(work, 'seeds/xiamen.txt'));
mkdirSync(join(work, 'drafts'));
const drafts = makeDrafts(DRAFTS);
const draftPath = (draft) => join(work, 'drafts', draft.name);
const writeDrafts = () => drafts.forEach((draft) => writeFileSync(draftPath(draft), draft.text));
// The change a drafter makes: a clause added to the first measure's title (the first 。 of a line with more).
const editedText = (text) => text.replace(/。(?=[^\n]*。)/u, '，并定期评估实施效果。');
const editDrafts = () => CHANGED.forEach((i) => writeFileSync(draftPath(drafts[i]), editedText(drafts[i].text)));
writeDrafts();
const cacheDir = join(work, '.policylint');
const cacheFile = join(cacheDir, 'cache/check.json');
const clearCache = () => rmSync(cacheDir, { recursive: true, force: true });

// Runs a command under bash, whose `times` then prints the CPU time (user, system) of its children:
// on a shared machine CPU time varies far less than wall time, and shows what the worker threads cost.
const TIMED = '"$@"; status=$?; times >&2; exit $status';
const TIMES = /^\d+m[\d.]+s \d+m[\d.]+s\n(\d+)m([\d.]+)s (\d+)m([\d.]+)s\n$/;

/** One whole process; exits 1 (the drafts have errors) with a JSON report and nothing else on stderr. */
function check(args) {
  const start = performance.now();
  const command = [process.execPath, POLICYLINT, 'check', ...args, '--format', 'json'];
  const result = spawnSync('bash', ['-c', TIMED, 'bash', ...command], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  const times = TIMES.exec(result.stderr);
  if (result.status !== 1 || times === null) throw new Error(`policylint check ${args.join(' ')}: exit ${result.status}: ${result.stderr.slice(0, 500)}`);
  const [, um, us, sm, ss] = times.map(Number);
  return { ms, cpuMs: (um * 60 + us + sm * 60 + ss) * 1000, report: result.stdout };
}

function mustEqual(report, expected, what) {
  if (report !== expected) throw new Error(`${what}: the report differs from a plain run's`);
}

// The reports every mode must reproduce: plain runs, one thread, no cache.
clearCache();
const reference = check(['drafts', '--concurrency', 'off']).report;
editDrafts();
const referenceEdited = check(['drafts', '--concurrency', 'off']).report;
writeDrafts();
const files = JSON.parse(reference);
const byRule = {};
for (const file of files) for (const m of file.messages) byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1;
const bytes = drafts.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);

const cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`machine: ${cpuModel}, nproc ${os.availableParallelism()}, Node ${process.version}; load before: ${load()} (1, 5, 15 min)`);
console.log(`drafts: ${DRAFTS} (${drafts.filter((d) => d.name.endsWith('.md')).length} .md), ${(bytes / 1024).toFixed(0)} KiB; ${files.length} checked as plans; findings: ${JSON.stringify(byRule)}`);
console.log(`runs: ${RUNS} per variant, variants interleaved, order alternating per round\n`);

const samples = new Map();
const record = (name, run) => samples.set(name, [...(samples.get(name) ?? []), run]);

for (let round = 0; round < RUNS; round++) {
  const order = round % 2 === 0 ? ['off', 'auto'] : ['auto', 'off'];
  writeDrafts();
  for (const concurrency of order) {
    clearCache();
    const cold = check(['drafts', '--concurrency', concurrency]);
    mustEqual(cold.report, reference, `(a) ${concurrency}`);
    record(`(a) cold, --concurrency ${concurrency}`, cold);
  }
  for (const concurrency of order) {
    const args = ['drafts', '--cache', '--concurrency', concurrency];
    writeDrafts();
    clearCache();
    const first = check(args);
    mustEqual(first.report, reference, `(b) ${concurrency}`);
    record(`(b) --cache, first run, --concurrency ${concurrency}`, first);
    const again = check(args);
    mustEqual(again.report, reference, `(c) ${concurrency}`);
    record(`(c) --cache, nothing changed, --concurrency ${concurrency}`, again);
    editDrafts();
    const edited = check(args);
    mustEqual(edited.report, referenceEdited, `(d) ${concurrency}`);
    record(`(d) --cache, ${CHANGED.length} drafts changed, --concurrency ${concurrency}`, edited);
  }
}
writeDrafts();

// The `auto` threshold: one thread against two workers on the first n drafts, cold.
for (let round = 0; round < RUNS; round++) {
  for (const n of SWEEP) {
    const paths = drafts.slice(0, n).map((d) => `drafts/${d.name}`);
    const expected = JSON.stringify(files.slice(0, n));
    for (const concurrency of round % 2 === 0 ? ['off', '2'] : ['2', 'off']) {
      clearCache();
      const run = check([...paths, '--concurrency', concurrency]);
      mustEqual(JSON.stringify(JSON.parse(run.report)), expected, `${n} drafts, ${concurrency}`);
      record(`${n} drafts cold, --concurrency ${concurrency}`, run);
    }
  }
}

/**
 * Which files a --cache run took from the cache: every cached result's first finding gets a marker
 * in its message, so a file checked again comes back without it.
 */
function fromCache(concurrency) {
  writeDrafts();
  clearCache();
  check(['drafts', '--cache', '--concurrency', concurrency]);
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
  for (const result of Object.values(cache.results)) {
    if (result.findings?.[0] === undefined) throw new Error('a cached draft without findings cannot carry the marker');
    result.findings[0].message['zh-CN'] = MARKER + result.findings[0].message['zh-CN'];
  }
  writeFileSync(cacheFile, JSON.stringify(cache));
  const marked = (report) => JSON.parse(report).filter((f) => f.messages.some((m) => m.message.startsWith(MARKER))).length;
  const unchanged = marked(check(['drafts', '--cache', '--concurrency', concurrency]).report);
  editDrafts();
  const changed = marked(check(['drafts', '--cache', '--concurrency', concurrency]).report);
  if (unchanged !== DRAFTS || changed !== DRAFTS - CHANGED.length) throw new Error(`--concurrency ${concurrency}: ${unchanged} and ${changed} drafts came from the cache`);
  return `${concurrency}: (c) ${unchanged}/${DRAFTS} from the cache, (d) ${changed}/${DRAFTS}`;
}
const cacheUse = ['off', 'auto'].map(fromCache);

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const s = (ms) => (ms / 1000).toFixed(2);
console.log('| variant | median s | min s | max s | median CPU s |');
console.log('| --- | ---: | ---: | ---: | ---: |');
// By name: (a)–(d), then the threshold runs by size; auto (or 2) before off in each.
for (const [name, runs] of [...samples].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
  const wall = runs.map((r) => r.ms).sort((a, b) => a - b);
  const cpu = runs.map((r) => r.cpuMs).sort((a, b) => a - b);
  console.log(`| ${name} | ${s(median(wall))} | ${s(wall[0])} | ${s(wall.at(-1))} | ${s(median(cpu))} |`);
}
console.log(`\nreports: every run equal to a plain run's on the same files`);
console.log(`taken from the cache (marker planted in it): ${cacheUse.join('; ')}`);
console.log(`load after: ${load()}`);
