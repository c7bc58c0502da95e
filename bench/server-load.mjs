// Where the language server's start-up time and memory go, for bench/server.mjs: the steps the server
// takes on its first request for a draft (checker/src/node/load-corpus.ts, then the first check),
// done one by one in a fresh process with the built packages, each timed and weighed.
//
//   node --expose-gc bench/server-load.mjs BASE_DIR DRAFT_FILE
//
// BASE_DIR holds seeds/ and, for a warm load, .policylint/cache/overlap/. Prints one JSON line.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { checkText, Corpus, resolveConfig } from '@policylint/checker';
import { loadSegments, overlapCacheDir } from '@policylint/checker/node';
import { glob } from 'tinyglobby';

if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const [baseDir, draftFile] = process.argv.slice(2);

/** JS heap in use plus typed arrays' backing stores, after two forced GCs; and the RSS. */
function memory() {
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  return { held: m.heapUsed + m.arrayBuffers, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, heapTotal: m.heapTotal, rss: m.rss };
}

const steps = [];
let before = memory();
const baseline = before;
async function step(name, work) {
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  const after = memory();
  steps.push({ name, ms, heldDelta: after.held - before.held, rss: after.rss });
  before = after;
  return result;
}

// As loadCorpus does: glob, read and decode every file, segments from the cache, then parse every plan.
const documents = await step('read corpus files', async () => {
  const files = (await glob(['seeds/**/*.{txt,md}'], { cwd: baseDir, absolute: true, ignore: ['**/.policylint/**'] })).sort();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out = [];
  for (const file of files) out.push({ id: file, text: decoder.decode(await readFile(file)) });
  return out;
});
const { segments, built, reused } = await step('loadSegments (overlap segments from the cache)', () => loadSegments(documents, overlapCacheDir(baseDir)));
const corpus = await step('new Corpus (parsePlan of every corpus plan)', () => new Corpus(documents, segments));
const index = await step('corpus.overlap() (index assembly: DF merge)', () => corpus.overlap());
const draft = await readFile(draftFile, 'utf8');
const config = resolveConfig();
const first = await step('first checkText of the draft', () => checkText(draft, { config, corpus, documentId: draftFile }));
const times = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  checkText(draft, { config, corpus, documentId: draftFile });
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const end = memory();

process.stdout.write(`${JSON.stringify({
  plans: documents.length,
  measures: index.measureCount,
  segmentsBuilt: built,
  segmentsReused: reused,
  textMB: documents.reduce((n, d) => n + d.text.length, 0) * 2 / 2 ** 20,
  findings: first.findings.length,
  baseline,
  end,
  steps,
  checkMedianMs: times[2],
})}\n`);
