import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signature } from '../src/overlap/minhash.js';

// The definition: under permutation i, a shingle h hashes to murmur3's finalizer of h ^ seed i, with
// seed i the finalizer of 0x9e3779b9 * (i + 1); the signature keeps each permutation's minimum.
// Written out here, not imported: stored indexes hold these values, so a change to the mixing
// itself must fail this test (and bump SEGMENT_FORMAT), not pass along with it.
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
const seed = (i: number): number => mix(0x9e3779b9 * (i + 1));

describe('MinHash signature', () => {
  it('keeps, per permutation, the least hash of the set', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 0xffffffff }), { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (values, k) => {
        const expected = Array.from({ length: k }, (_, i) => values.reduce((least, h) => Math.min(least, mix(h ^ seed(i))), 0xffffffff));
        expect([...signature(Uint32Array.from(values), k)]).toEqual(expected);
      }),
    );
  });
});
