import { parsePlan, type Plan } from '@policylint/core';
import { OverlapIndex } from '../overlap/overlap-index.js';
import type { OverlapParams } from '../overlap/params.js';
import { buildSegment } from '../overlap/segment.js';
import { measureUnits } from '../overlap/units.js';

/** One labelled pair of test/fixtures/overlap/pairs.json. */
export interface LabelledPair {
  id: string;
  kind: string;
  /** A draft measure: title sentence, then tasks; no number. */
  draft: string;
  seedMeasure: number;
  overlaps: boolean;
}

export interface ScoredPair extends LabelledPair {
  /** The best corpus match and its similarity; undefined when LSH found no candidate at all. */
  best: { measure: number; similarity: number } | undefined;
}

/** Scores every pair's draft against the corpus plan once; thresholds are applied afterwards. */
export function scorePairs(pairs: readonly LabelledPair[], corpusPlan: Plan, params: OverlapParams): ScoredPair[] {
  const index = new OverlapIndex(params);
  index.add(buildSegment('corpus', measureUnits(corpusPlan, params), params));
  return pairs.map((pair) => {
    const [unit] = measureUnits(parsePlan(`一、草案\n1.${pair.draft}`), params);
    const [match] = unit === undefined ? [] : index.query(unit, { limit: 1 });
    return { ...pair, best: match === undefined ? undefined : { measure: match.measure.number, similarity: match.similarity } };
  });
}

export interface Evaluation {
  threshold: number;
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Pairs judged wrongly, by id, for reading. */
  wrong: string[];
}

/**
 * Precision and recall at a threshold. A positive counts only when the right corpus measure is named;
 * a negative is wrong when any measure is named.
 */
export function evaluate(scored: readonly ScoredPair[], threshold: number): Evaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: string[] = [];
  for (const pair of scored) {
    const flagged = pair.best !== undefined && pair.best.similarity >= threshold;
    if (pair.overlaps) {
      if (flagged && pair.best!.measure === pair.seedMeasure) tp++;
      else {
        fn++;
        if (flagged) fp++;
        wrong.push(pair.id);
      }
    } else if (flagged) {
      fp++;
      wrong.push(pair.id);
    }
  }
  return {
    threshold,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    wrong,
  };
}
