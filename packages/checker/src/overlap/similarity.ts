import type { OverlapParams } from './params.js';
import type { SentenceCounts } from './weights.js';

/** Weighted overlap of two shingle sets: the weight they share and each one's own weight. */
export interface Overlap {
  shared: number;
  a: number;
  b: number;
}

/** A shingle set with each shingle's weight and their sum: looked up once, compared many times. */
export interface WeightedSet {
  shingles: Uint32Array;
  weights: Float32Array;
  /**
   * The weights added up in the set's order, as a walk over two sets adds each side's: a score made
   * from it is bit-for-bit the one such a walk gives.
   */
  total: number;
}

const EMPTY: WeightedSet = { shingles: new Uint32Array(0), weights: new Float32Array(0), total: 0 };

/** Looks up the weight of each shingle of a sorted distinct set. */
export function weigh(shingles: Uint32Array, df: SentenceCounts): WeightedSet {
  if (shingles.length === 0) return EMPTY;
  const weights = new Float32Array(shingles.length);
  let total = 0;
  for (let i = 0; i < shingles.length; i++) {
    weights[i] = df.weight(shingles[i]!);
    total += weights[i]!;
  }
  return { shingles, weights, total };
}

/**
 * The weight two sorted distinct sets share: `a`'s weights of the shingles in both, added in order.
 * With both sets weighed by the same table it is never more than either total: it adds a part of the
 * same numbers in the same order.
 */
export function sharedWeight(a: WeightedSet, b: WeightedSet): number {
  const x = a.shingles;
  const y = b.shingles;
  const w = a.weights;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    const p = x[i]!;
    const q = y[j]!;
    if (p === q) {
      shared += w[i++]!;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  return shared;
}

/** The weighted overlap of two sorted distinct shingle sets. */
export function weightedOverlap(a: Uint32Array, b: Uint32Array, weights: SentenceCounts): Overlap {
  const x = weigh(a, weights);
  const y = weigh(b, weights);
  return { shared: sharedWeight(x, y), a: x.total, b: y.total };
}

/** Weighted Jaccard: shared weight over the weight of the union. */
export function jaccard(o: Overlap): number {
  return jaccardOf(o.shared, o.a, o.b);
}

/** How much of `a` is in `b`, by weight: a copied sentence inside a longer one scores high. */
export function containment(o: Overlap): number {
  return o.a === 0 ? 0 : o.shared / o.a;
}

/** `jaccard` from the three numbers, for loops that should not make an object per comparison. */
export function jaccardOf(shared: number, a: number, b: number): number {
  const union = a + b - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Weighted Jaccard of two sentences, or containment either way when the contained sentence carries
 * enough weight (0 for a pair with a sentence too light to tell anything): one task copied into a
 * longer sentence, or a long task cut down, is still a copy.
 */
export function sentenceSimilarity(shared: number, a: number, b: number, params: OverlapParams): number {
  if (Math.min(a, b) < params.minSentenceWeight) return 0;
  let similarity = jaccardOf(shared, a, b);
  if (a >= params.minContainedWeight) similarity = Math.max(similarity, a === 0 ? 0 : shared / a);
  if (b >= params.minContainedWeight) similarity = Math.max(similarity, shared / b);
  return similarity;
}
