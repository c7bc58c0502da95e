// Where the language server's resident memory is, in-process: the server's load (the corpus cache
// the server uses, the overlap index, the first check), then edits checked one by one, with the RSS
// after each step split by mapping (/proc/self/smaps): malloc's main heap ([heap]), other anonymous
// memory (V8's heap pages, large typed arrays), and files (the node binary, libraries). A heap that
// is much larger than the array buffers in it is allocator slack (docs/benchmarks.md, "Memory,
// second pass").
//
//   node --optimize-for-size bench/server-memory.mjs [measures] [--edits=N] [--dir=DIR]
//
// Run with --optimize-for-size, as the server's bin runs. DIR (default $TMPDIR/policylint-memory-
// <measures>) gets seeds/ with the synthetic plans of bench/synthetic-corpus.mjs and the seed as
// draft.txt when they are missing, and keeps the overlap cache: the first run builds it (cold, ~40 s
// at 100,000 measures), later runs load it as a warm server does. Needs a built dist.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { checkText, resolveConfig } from '@policylint/checker';
import { CorpusCache } from '@policylint/checker/node';
import { loadMaterial, MEASURES_PER_PLAN, planId, prng, syntheticPlan } from './synthetic-corpus.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const measures = Number(args.find((a) => !a.startsWith('--')) ?? 100000);
const edits = Number(option('edits', 100));
const dir = option('dir', join(os.tmpdir(), `policylint-memory-${measures}`));
if (!Number.isInteger(measures / MEASURES_PER_PLAN) || measures <= 0) throw new Error(`measures must be a positive multiple of ${MEASURES_PER_PLAN}`);

const draftPath = join(dir, 'draft.txt');
if (!existsSync(join(dir, 'seeds'))) {
  mkdirSync(join(dir, 'seeds'), { recursive: true });
  const material = loadMaterial();
  for (let i = 0; i < measures / MEASURES_PER_PLAN; i++) writeFileSync(join(dir, 'seeds', planId(i)), syntheticPlan(material, i).text);
}
if (!existsSync(draftPath)) writeFileSync(draftPath, readFileSync(new URL('../seeds/xiamen-2023-business-environment-action-plan.txt', import.meta.url)));

const MB = (bytes) => (bytes / 2 ** 20).toFixed(1);

/** RSS in MB by kind of mapping, from /proc/self/smaps. */
function residentByMapping() {
  const out = { heap: 0, anonymous: 0, files: 0 };
  let kind = 'anonymous';
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping !== null) kind = mapping[1] === '[heap]' ? 'heap' : mapping[1].startsWith('/') ? 'files' : 'anonymous';
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss !== null) out[kind] += Number(rss[1]) * 1024;
  }
  return out;
}

let last = performance.now();
function report(step) {
  const now = performance.now();
  const m = process.memoryUsage();
  const r = residentByMapping();
  console.log(`${step.padEnd(16)} ${(now - last).toFixed(0).padStart(6)} ms  RSS ${MB(m.rss).padStart(6)} MB: [heap] ${MB(r.heap)}, anonymous ${MB(r.anonymous)}, files ${MB(r.files)}` +
    ` | V8 heap ${MB(m.heapUsed)} used of ${MB(m.heapTotal)}, array buffers ${MB(m.arrayBuffers)}`);
  last = now;
}

report('start');
const text = readFileSync(draftPath, 'utf8');
const { corpus } = await new CorpusCache().forFile(draftPath, { path: undefined, corpus: undefined });
report('corpus loaded');
corpus.overlap();
report('overlap index');
const config = resolveConfig();
checkText(text, { config, corpus, documentId: draftPath });
report('first check');

// Edits as bench/server.mjs makes them: a character inserted somewhere in a measure's text.
const lines = text.split('\n');
const measureLines = lines.flatMap((l, i) => (/^\d+[.．]/.test(l) ? [i] : []));
const rng = prng(0xed17);
const times = [];
for (let i = 1; i <= edits; i++) {
  const edited = [...lines];
  const line = measureLines[rng.int(measureLines.length)];
  const at = 3 + rng.int(edited[line].length - 3);
  edited[line] = `${edited[line].slice(0, at)}推${edited[line].slice(at)}`;
  const start = performance.now();
  checkText(edited.join('\n'), { config, corpus, documentId: draftPath });
  times.push(performance.now() - start);
  if (i % 50 === 0 || i === edits) report(`${i} edits`);
}
times.sort((a, b) => a - b);
console.log(`check of an edited draft: median ${times[times.length >> 1]?.toFixed(1)} ms (${dir})`);
