import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '@policylint/core';
import { DEFAULT_OVERLAP_PARAMS, measureUnits } from '../src/index.js';
import { signature, unionSignature } from '../src/overlap/minhash.js';
import { measureKeySets, unitKeys } from '../src/overlap/segment.js';
import { readRepoFile, SEED } from './helpers.js';

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

describe('signatures of unions', () => {
  it('are the per-permutation least of the parts’ signatures', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.nat({ max: 0xffffffff }), { maxLength: 20 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 64 }), (parts, k) => {
        const union = [...new Set(parts.flat())].sort((a, b) => a - b);
        const fromParts = unionSignature(parts.map((part) => signature(Uint32Array.from(part), k)), k);
        expect([...fromParts]).toEqual([...signature(Uint32Array.from(union), k)]);
      }),
    );
  });

  it('give every measure of the seed the keys its union of shingles has on its own', () => {
    const units = measureUnits(parsePlan(readRepoFile(SEED)), DEFAULT_OVERLAP_PARAMS);
    for (const [i, unit] of units.entries()) {
      // A content key of its own, so the union's keys are made from the union's shingles.
      const direct = unitKeys(unit.shingles, DEFAULT_OVERLAP_PARAMS, `direct ${i}`);
      expect([...measureKeySets(unit, DEFAULT_OVERLAP_PARAMS)[0]!]).toEqual([...direct]);
    }
  });
});
