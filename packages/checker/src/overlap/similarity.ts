import type { DocumentFrequency } from './weights.js';

/** Weighted overlap of two shingle sets: the weight they share and each one's own weight. */
export interface Overlap {
  shared: number;
  a: number;
  b: number;
}

/** Each shingle's weight, aligned with the shingles: looked up once per set rather than per comparison. */
export function weightsOf(shingles: Uint32Array, weights: DocumentFrequency): Float32Array {
  const out = new Float32Array(shingles.length);
  for (let i = 0; i < shingles.length; i++) out[i] = weights.weight(shingles[i]!);
  return out;
}

/** The weighted overlap of two sorted distinct shingle sets. */
export function weightedOverlap(a: Uint32Array, b: Uint32Array, weights: DocumentFrequency): Overlap {
  return overlapOfWeighted(a, weightsOf(a, weights), b, weightsOf(b, weights));
}

/** Walks two sorted distinct arrays once, each with its weights (aligned with its shingles). */
export function overlapOfWeighted(a: Uint32Array, wa: Float32Array, b: Uint32Array, wb: Float32Array): Overlap {
  let i = 0;
  let j = 0;
  let shared = 0;
  let sumA = 0;
  let sumB = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared += wa[i]!;
      sumA += wa[i++]!;
      sumB += wb[j++]!;
    } else if (x < y) sumA += wa[i++]!;
    else sumB += wb[j++]!;
  }
  for (; i < a.length; i++) sumA += wa[i]!;
  for (; j < b.length; j++) sumB += wb[j]!;
  return { shared, a: sumA, b: sumB };
}

/** Weighted Jaccard: shared weight over the weight of the union. */
export function jaccard(o: Overlap): number {
  const union = o.a + o.b - o.shared;
  return union === 0 ? 0 : o.shared / union;
}

/** How much of `a` is in `b`, by weight: a copied sentence inside a longer one scores high. */
export function containment(o: Overlap): number {
  return o.a === 0 ? 0 : o.shared / o.a;
}
