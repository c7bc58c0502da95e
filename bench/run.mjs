// Benchmark harness: `npm run bench` (builds first) or `node bench/run.mjs [filter]`.
// It imports the built package by name, so it measures the code users get, not the sources.
// To add a benchmark (checker, overlap, server), append a case to `cases`.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { checkText, fixText } from '@policylint/checker';
import { nodesOfKind, parsePlan } from '@policylint/core';
import { makeLargePlan } from './make-large-plan.mjs';
import { buildIndex } from './overlap.mjs';

const SEED_PATH = new URL('../seeds/xiamen-2023-business-environment-action-plan.txt', import.meta.url);
const WARMUP = 50; // enough for V8 to optimise the hot paths before we time them

/**
 * A case prepares its input once in `setup()` (not timed) and `run(state)` is the timed work.
 * `setup()` returns the state plus `bytes`, the input size shown in the table. A slow case can set
 * its own `warmup` (default WARMUP).
 */
const cases = [
  {
    name: 'parse seed',
    iterations: 500,
    setup() {
      const text = readFileSync(SEED_PATH, 'utf8');
      return { text, bytes: Buffer.byteLength(text) };
    },
    run: (state) => parsePlan(state.text),
  },
  {
    name: 'parse large (seed ×40)',
    iterations: 30,
    setup() {
      const text = makeLargePlan(readFileSync(SEED_PATH, 'utf8'), 40);
      // A renumbering mistake would still parse, just as a damaged plan: check the shape
      // so we never report timings for the wrong input.
      const plan = parsePlan(text);
      const parts = nodesOfKind(plan, 'part').length;
      const measures = nodesOfKind(plan, 'measure').length;
      if (parts !== 200 || measures !== 1120) {
        throw new Error(`large plan parsed to ${parts} parts and ${measures} measures, expected 200 and 1120`);
      }
      return { text, bytes: Buffer.byteLength(text) };
    },
    run: (state) => parsePlan(state.text),
  },
  {
    name: 'check seed (all rules)',
    iterations: 200,
    setup() {
      const text = readFileSync(SEED_PATH, 'utf8');
      return { text, bytes: Buffer.byteLength(text) };
    },
    run: (state) => checkText(state.text),
  },
  {
    name: 'check large (seed ×40, all rules)',
    iterations: 20,
    setup() {
      const text = makeLargePlan(readFileSync(SEED_PATH, 'utf8'), 40);
      return { text, bytes: Buffer.byteLength(text) };
    },
    run: (state) => checkText(state.text),
  },
  {
    name: 'fix large (seed ×40, all passes)',
    iterations: 5,
    setup() {
      const text = makeLargePlan(readFileSync(SEED_PATH, 'utf8'), 40);
      return { text, bytes: Buffer.byteLength(text) };
    },
    run: (state) => fixText(state.text),
  },
  {
    // The full overlap benchmark (1k/10k/100k, build, memory, load, brute force) is bench/overlap.mjs.
    name: 'overlap query (30-measure draft, 10k-measure corpus)',
    iterations: 10,
    warmup: 3,
    setup() {
      const { index, draftUnits, checkDraft, bytes } = buildIndex(10);
      return { index, draftUnits, checkDraft, bytes };
    },
    run: (state) => state.checkDraft(state.index, state.draftUnits),
  },
];

// Results go here so V8 cannot drop a call whose result is unused.
let sink;

/** Runs `run` WARMUP times untimed, then `iterations` times timed; returns sorted ms samples. */
function time(benchCase, state) {
  for (let i = 0; i < (benchCase.warmup ?? WARMUP); i++) sink = benchCase.run(state);
  const samples = [];
  for (let i = 0; i < benchCase.iterations; i++) {
    const start = performance.now();
    sink = benchCase.run(state);
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Nearest-rank percentile: always one of the measured samples, no interpolation.
function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MiB (${bytes} B)`;
  return `${(bytes / 1024).toFixed(1)} KiB (${bytes} B)`;
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

const filter = process.argv[2];
const selected = filter === undefined ? cases : cases.filter((c) => c.name.includes(filter));
if (selected.length === 0) {
  console.error(`no case matches "${filter}"; cases: ${cases.map((c) => c.name).join(', ')}`);
  process.exit(1);
}

const cpus = os.cpus();
console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ` +
  `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`);
console.log(`warm-up: ${WARMUP} iterations per case unless the case sets its own\n`);

const rows = [];
for (const benchCase of selected) {
  const state = benchCase.setup();
  const samples = time(benchCase, state);
  const ms = (value) => value.toFixed(3);
  rows.push([
    benchCase.name,
    formatBytes(state.bytes),
    String(benchCase.iterations),
    ms(median(samples)),
    ms(percentile(samples, 95)),
    ms(samples[0]),
  ]);
}
printTable(['case', 'input size', 'iterations', 'median ms', 'p95 ms', 'min ms'], rows);
void sink;
