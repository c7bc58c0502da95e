import type { DocumentFrequency } from './weights.js';

/** Weighted overlap of two shingle sets: the weight they share and each one's own weight. */
export interface Overlap {
  shared: number;
  a: number;
  b: number;
}

/** Walks two sorted distinct arrays once. */
export function weightedOverlap(a: Uint32Array, b: Uint32Array, weights: DocumentFrequency): Overlap {
  let i = 0;
  let j = 0;
  let shared = 0;
  let wa = 0;
  let wb = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      const w = weights.weight(x);
      shared += w;
      wa += w;
      wb += w;
      i++;
      j++;
    } else if (x < y) {
      wa += weights.weight(x);
      i++;
    } else {
      wb += weights.weight(y);
      j++;
    }
  }
  for (; i < a.length; i++) wa += weights.weight(a[i]!);
  for (; j < b.length; j++) wb += weights.weight(b[j]!);
  return { shared, a: wa, b: wb };
}

/** `weightedOverlap` with each set's weights already looked up (aligned with its shingles). */
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
