// Chooses the overlap parameters: scores the labelled set (test/fixtures/overlap/pairs.json) against
// the seed for each combination of n-gram length, LSH shape and containment floor, then prints the
// precision/recall curve over thresholds. `node bench/overlap-tune.mjs` (after `npm run build`).
import { readFileSync } from 'node:fs';
import { DEFAULT_OVERLAP_PARAMS } from '@policylint/checker';
import { evaluate, scorePairs } from '@policylint/checker/testing';
import { parsePlan } from '@policylint/core';

const pairs = JSON.parse(readFileSync(new URL('../test/fixtures/overlap/pairs.json', import.meta.url), 'utf8'));
const seed = parsePlan(readFileSync(new URL('../seeds/xiamen-2023-business-environment-action-plan.txt', import.meta.url), 'utf8'));
const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8];

const grid = [];
for (const n of [2, 3]) {
  for (const [bands, rows] of [[16, 2], [20, 3], [32, 2]]) {
    for (const minContainedWeight of [25, 40, 60, 1e9]) {
      for (const minSentenceWeight of [0, 20, 35]) {
        for (const titlePairs of [false, true]) grid.push({ ...DEFAULT_OVERLAP_PARAMS, n, bands, rows, minContainedWeight, minSentenceWeight, titlePairs });
      }
    }
  }
}

const f1 = (e) => (e.precision + e.recall === 0 ? 0 : (2 * e.precision * e.recall) / (e.precision + e.recall));
const rows = [];
for (const params of grid) {
  const scored = scorePairs(pairs, seed, params);
  const curve = THRESHOLDS.map((t) => evaluate(scored, t));
  const best = curve.reduce((a, b) => (f1(b) > f1(a) ? b : a));
  rows.push({ params, curve, best });
}
rows.sort((a, b) => f1(b.best) - f1(a.best));
console.log(`${pairs.length} pairs (${pairs.filter((p) => p.overlaps).length} positive)\n`);
console.log('n  bands×rows  minContained  minSentence  titles  best threshold  precision  recall  F1');
for (const { params, best } of rows) {
  const contained = params.minContainedWeight > 1e8 ? 'off' : String(params.minContainedWeight);
  console.log(`${params.n}  ${`${params.bands}×${params.rows}`.padEnd(10)}  ${contained.padEnd(12)}  ${String(params.minSentenceWeight).padEnd(11)}  ${(params.titlePairs ? 'yes' : 'no').padEnd(6)}  ${best.threshold.toFixed(2).padEnd(14)}  ${best.precision.toFixed(3).padEnd(9)}  ${best.recall.toFixed(3).padEnd(6)}  ${f1(best).toFixed(3)}`);
}
const chosen = rows.find((r) => ['n', 'bands', 'rows', 'minContainedWeight', 'minSentenceWeight', 'titlePairs'].every((k) => r.params[k] === DEFAULT_OVERLAP_PARAMS[k]));
console.log(`\ncurve for the chosen parameters (n=${DEFAULT_OVERLAP_PARAMS.n}, ${DEFAULT_OVERLAP_PARAMS.bands}×${DEFAULT_OVERLAP_PARAMS.rows}, containment from ${DEFAULT_OVERLAP_PARAMS.minContainedWeight}, sentences from ${DEFAULT_OVERLAP_PARAMS.minSentenceWeight}):`);
console.log('threshold  precision  recall  TP  FP  FN  wrong');
for (const e of chosen.curve) console.log(`${e.threshold.toFixed(2).padEnd(9)}  ${e.precision.toFixed(3).padEnd(9)}  ${e.recall.toFixed(3).padEnd(6)}  ${String(e.truePositives).padEnd(2)}  ${String(e.falsePositives).padEnd(2)}  ${String(e.falseNegatives).padEnd(2)}  ${e.wrong.join(' ')}`);
