import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '@policylint/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OVERLAP_PARAMS } from '../src/index.js';
import { evaluate, scorePairs, type LabelledPair } from '../src/testing/index.js';
import { readRepoFile, SEED } from './helpers.js';

const pairs = JSON.parse(readFileSync(join(import.meta.dirname, '../../../test/fixtures/overlap/pairs.json'), 'utf8')) as LabelledPair[];

describe('the labelled overlap set (test/fixtures/overlap/pairs.json)', () => {
  it('is big and balanced enough to choose parameters by: ≥ 80 pairs, half positive, a third of the negatives hard', () => {
    const negatives = pairs.filter((p) => !p.overlaps);
    expect(pairs.length).toBeGreaterThanOrEqual(80);
    expect(pairs.filter((p) => p.overlaps).length).toBeGreaterThanOrEqual(pairs.length / 2);
    expect(negatives.filter((p) => p.kind === 'hard-negative' || p.kind === 'real-negative').length).toBeGreaterThanOrEqual(negatives.length / 3);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
  });

  it('is judged with precision and recall of at least 0.9 at the chosen parameters', () => {
    const result = evaluate(scorePairs(pairs, parsePlan(readRepoFile(SEED)), DEFAULT_OVERLAP_PARAMS), DEFAULT_OVERLAP_PARAMS.threshold);
    expect(result.precision, `wrong: ${result.wrong.join(' ')}`).toBeGreaterThanOrEqual(0.9);
    expect(result.recall, `wrong: ${result.wrong.join(' ')}`).toBeGreaterThanOrEqual(0.9);
  });
});
