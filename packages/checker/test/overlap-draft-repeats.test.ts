import { parsePlan } from '@policylint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSegment, DEFAULT_OVERLAP_PARAMS, DocumentFrequency, measureUnits, OverlapIndex, type MeasureUnit, type OverlapParams } from '../src/index.js';
import { findEarlierRepeats } from '../src/overlap/draft-repeats.js';
import { LayeredFrequency } from '../src/overlap/weights.js';
import { measureBound, scoreMeasure, weighMeasure, type WeightedMeasure } from '../src/overlap/score.js';
import { jaccardOf, sentenceSimilarity, sharedWeight } from '../src/overlap/similarity.js';
import { computeBandKeys } from '../src/overlap/segment.js';
import { seedCorpus } from './corpus-helpers.js';
import { loadFixture, readRepoFile, REAL_POLICIES, SEED } from './helpers.js';

const PARAMS = { ...DEFAULT_OVERLAP_PARAMS, minContainedWeight: Number.POSITIVE_INFINITY };

/** What an overlap index with one plan per measure says, each measure queried with the later ones excluded. */
function throughAnIndex(units: readonly MeasureUnit[], df: DocumentFrequency) {
  const index = new OverlapIndex(PARAMS, df);
  units.forEach((unit, i) => index.add(buildSegment(String(i), [unit], PARAMS)));
  const later = new Set(units.map((_, j) => String(j)));
  return units.map((unit, i) => {
    const [best] = index.query(unit, { limit: 1, exclude: later, remember: false });
    later.delete(String(i));
    return best && { earlier: Number(best.planId), similarity: best.similarity, pair: best.pair };
  });
}

const corpusCounts = seedCorpus().overlap().df;

describe("a draft's measures against its earlier ones", () => {
  const seed = readRepoFile(SEED);
  const drafts = {
    'the seed twice over': `${seed}\n${seed}`,
    'a draft with one internal repeat': loadFixture('overlap-draft.txt').text,
    ...Object.fromEntries(REAL_POLICIES.map((path) => [path, readRepoFile(path)])),
  };

  for (const [name, text] of Object.entries(drafts)) {
    it(`match what an index of the measures finds, with and without corpus weights: ${name}`, () => {
      const units = measureUnits(parsePlan(text), PARAMS);
      for (const base of [corpusCounts, undefined]) {
        const copied = base === undefined ? new DocumentFrequency() : base.copy();
        expect(findEarlierRepeats(units, new LayeredFrequency().reset(base), PARAMS)).toEqual(throughAnIndex(units, copied));
      }
    });
  }

  it('name the first copy for every later copy, and nothing for the first', () => {
    const units = measureUnits(parsePlan(`${seed}\n${seed}`), PARAMS);
    const found = findEarlierRepeats(units, new LayeredFrequency(), PARAMS);
    const half = units.length / 2;
    expect(found.slice(half).map((match) => [match?.earlier, match?.similarity])).toEqual(units.slice(half).map((_, i) => [i, 1]));
    expect(found[0]).toBeUndefined();
  });
});

describe('a draft counted on top of a corpus', () => {
  const draft = [Uint32Array.of(1, 5, 9), Uint32Array.of(5, 12345)];
  const weights = (df: { weight(h: number): number }) => [1, 5, 9, 12345, 777].map((h) => df.weight(h));

  it('weighs as a copy of the corpus table with the draft added would, and starts over on reset', () => {
    const layered = new LayeredFrequency().reset(corpusCounts);
    const copied = corpusCounts.copy();
    const before = weights(copied);
    expect(weights(layered)).toEqual(before);
    for (const sentence of draft) {
      layered.addSentences(sentence, 1);
      copied.addSentences(sentence, 1);
    }
    expect(weights(layered)).toEqual(weights(copied));
    expect(weights(layered)).not.toEqual(before);
    expect(weights(layered.reset(corpusCounts))).toEqual(before);
    expect(weights(layered.reset(undefined))).toEqual(weights(new DocumentFrequency()));
  });
});

describe('band keys of a plan', () => {
  it('are the same whether made from its measures or read back from its segment', () => {
    const segment = buildSegment('seed', measureUnits(parsePlan(readRepoFile(SEED)), PARAMS), PARAMS);
    expect(computeBandKeys(segment, PARAMS)).toEqual({ keys: segment.keys, keyMeasures: segment.keyMeasures });
  });
});

describe('scoring with bounds', () => {
  // Few distinct shingles, so random sets share some; weights from counts of other random sets.
  const set = fc.uniqueArray(fc.nat({ max: 11 }), { maxLength: 10 }).map((values) => Uint32Array.from(values.sort((a, b) => a - b)));
  const measure = fc.array(set, { maxLength: 4 });
  // With and without containment, and with every pair counting however light.
  const anyParams = fc.constantFrom(DEFAULT_OVERLAP_PARAMS, PARAMS, { ...DEFAULT_OVERLAP_PARAMS, minSentenceWeight: 0 }, { ...PARAMS, minSentenceWeight: 0 });

  /** Every pair walked, none skipped: the first best pair, and the better of it and the whole measures. */
  function everyPair(a: WeightedMeasure, b: WeightedMeasure, params: OverlapParams) {
    let pair: { draft: number; candidate: number; similarity: number } | undefined;
    b.sentences.forEach((theirs, c) =>
      a.sentences.forEach((ours, d) => {
        const similarity = sentenceSimilarity(sharedWeight(ours, theirs), ours.total, theirs.total, params);
        if (similarity > (pair?.similarity ?? 0)) pair = { draft: d, candidate: c, similarity };
      }),
    );
    const whole = a.sentences.length > 0 && b.sentences.length > 0 ? jaccardOf(sharedWeight(a.whole!, b.whole!), a.whole!.total, b.whole!.total) : 0;
    return { similarity: Math.max(whole, pair?.similarity ?? 0), pair };
  }

  // One table for every run: a table is 8 MB.
  const df = new DocumentFrequency();

  it('gives what walking every pair gives, and the bound is never below it, for any weights and parameters', () => {
    fc.assert(
      fc.property(measure, measure, fc.array(set, { maxLength: 30 }), anyParams, (ours, theirs, counted, params) => {
        df.clear();
        for (const sentence of counted) df.addSentences(sentence, 1);
        const union = (sets: Uint32Array[]) => Uint32Array.from(new Set(sets.flatMap((s) => [...s]))).sort();
        const a = weighMeasure(ours, union(ours), df);
        const b = weighMeasure(theirs, union(theirs), df);
        const expected = everyPair(a, b, params);
        expect(scoreMeasure(a, b, params)).toEqual(expected);
        expect(measureBound(a, b, params)).toBeGreaterThanOrEqual(expected.similarity);
      }),
      { numRuns: 500 },
    );
  });
});
