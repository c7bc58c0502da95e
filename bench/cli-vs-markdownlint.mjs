// Whole-process time of `policylint check` (every rule, the seed as corpus) against markdownlint-cli2 on
// the same text: the seed and a 1 MiB plan. Runs alternate between the tools (and rotate their order),
// so load from other work on the machine falls on both alike. Two results: the ratio of the medians,
// and the median of each round's ratio (less swayed by the machine's speed drifting during the run).
// `node bench/cli-vs-markdownlint.mjs [runs]` after `npm run build`; runs per variant, default 15.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { makeLargePlan } from './make-large-plan.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = join(ROOT, 'seeds/xiamen-2023-business-environment-action-plan.txt');
const POLICYLINT = join(ROOT, 'apps/cli/bin/policylint.cjs');
const MARKDOWNLINT = join(ROOT, 'node_modules/.bin/markdownlint-cli2');
const RUNS = Number(process.argv[2] ?? 15);
const WARMUP = 2;
const MIB = 1024 * 1024;

// A folder laid out as a user's repository: the corpus in seeds/ (found as the nearest seeds/, as
// without any option), the drafts next to it, and the same bytes as .md for markdownlint.
const work = mkdtempSync(join(os.tmpdir(), 'policylint-vs-markdownlint-'));
mkdirSync(join(work, 'seeds'));
copyFileSync(SEED, join(work, 'seeds', 'xiamen.txt'));
const seedText = readFileSync(SEED, 'utf8');
// 47 copies of the seed's body, renumbered so it stays one valid plan, is just over 1 MiB.
const largeText = makeLargePlan(seedText, 47);
if (Buffer.byteLength(largeText) < MIB) throw new Error('the large plan came out under 1 MiB');
const inputs = [
  { name: 'seed', text: seedText },
  { name: '1 MiB plan', text: largeText },
].map(({ name, text }, i) => {
  const base = i === 0 ? 'draft-seed' : 'draft-large';
  writeFileSync(join(work, `${base}.txt`), text);
  writeFileSync(join(work, `${base}.md`), text);
  return { name, bytes: Buffer.byteLength(text), txt: `${base}.txt`, md: `${base}.md` };
});

const overlapCache = join(work, '.policylint');
const variants = [
  { name: 'policylint (cold overlap cache)', before: () => rmSync(overlapCache, { recursive: true, force: true }), command: (input) => [POLICYLINT, ['check', input.txt]], expect: checkPolicylint },
  { name: 'policylint (warm overlap cache)', before: () => {}, command: (input) => [POLICYLINT, ['check', input.txt]], expect: checkPolicylint },
  { name: 'markdownlint-cli2', before: () => {}, command: (input) => [MARKDOWNLINT, [input.md]], expect: checkMarkdownlint },
];

// policylint exits 1 on errors, 0 on warnings only; either way its summary line must be there, and it
// must have had the corpus (no "no corpus" notice), or it would skip the overlap rules.
function checkPolicylint(result) {
  if (result.status !== 0 && result.status !== 1) return `exit ${result.status}: ${result.stderr}`;
  if (!/共 \d+ 个问题/.test(result.stdout)) return `no summary line in: ${result.stdout.slice(-300)}`;
  if (result.stderr !== '') return `unexpected stderr: ${result.stderr}`;
  return undefined;
}

// markdownlint-cli2 prints "Linting: 1 file(s)" and a summary; a glob that matched nothing would say 0.
function checkMarkdownlint(result) {
  const output = result.stdout + result.stderr;
  if (!output.includes('Linting: 1 file(s)')) return `did not lint the file: ${output.slice(0, 300)}`;
  if (!/Summary: [1-9]\d* error\(s\)/.test(output)) return `no findings reported: ${output.slice(0, 300)}`;
  return undefined;
}

function run(variant, input) {
  variant.before();
  const [command, args] = variant.command(input);
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: work, encoding: 'utf8', maxBuffer: 256 * MIB, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  const problem = variant.expect(result);
  if (problem !== undefined) throw new Error(`${variant.name} on ${input.name}: ${problem}`);
  return ms;
}

function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function nodeStartup() {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    samples.push(performance.now() - start);
  }
  return median(samples.sort((a, b) => a - b));
}

const cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
const markdownlintVersion = /markdownlint-cli2 v\S+ \(markdownlint v\S+\)/.exec(spawnSync(MARKDOWNLINT, ['--help'], { encoding: 'utf8' }).stdout)?.[0] ?? 'markdownlint-cli2 (version unknown)';
console.log(`machine: ${cpuModel}, nproc ${os.availableParallelism()}, Node ${process.version}, ${markdownlintVersion}`);
console.log(`load before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min)`);
console.log(`runs: ${RUNS} per variant after ${WARMUP} warm-up runs, alternating; node -e 0 takes ${nodeStartup().toFixed(0)} ms\n`);

const rows = [];
for (const input of inputs) {
  const samples = variants.map(() => []);
  for (let i = -WARMUP; i < RUNS; i++) {
    // Rotate the order each round, so neither tool always runs right after the other.
    for (let k = 0; k < variants.length; k++) {
      const v = (i + WARMUP + k) % variants.length;
      const ms = run(variants[v], input);
      if (i >= 0) samples[v].push(ms);
    }
  }
  // Per round, each tool's time over markdownlint-cli2's in the same round: the machine's speed drifts
  // over a run (other work, other tenants), and a round's runs are seconds apart, so their ratio
  // carries less of the drift than the ratio of whole medians does.
  const paired = samples.map((s) => median(s.map((ms, i) => ms / samples[2][i]).sort((a, b) => a - b)));
  const sorted = samples.map((s) => [...s].sort((a, b) => a - b));
  const markdownlint = median(sorted[2]);
  variants.forEach((variant, v) => {
    const med = median(sorted[v]);
    rows.push([input.name, `${(input.bytes / 1024).toFixed(0)} KiB`, variant.name, med.toFixed(0), percentile(sorted[v], 90).toFixed(0), (med / markdownlint).toFixed(2), paired[v].toFixed(2)]);
  });
}

const header = ['input', 'size', 'tool', 'median ms', 'p90 ms', 'ratio of medians', 'median of paired ratios'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
console.log(`\nload after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
rmSync(work, { recursive: true, force: true });
