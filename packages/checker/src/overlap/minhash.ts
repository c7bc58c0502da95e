/**
 * MinHash signatures and LSH band keys: sentences whose shingle sets are alike share a band key with
 * high probability, so candidates come from a few lookups instead of a scan of the corpus.
 */

/** Murmur3's finalizer: spreads a 32-bit value well enough for MinHash permutations. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: 256 }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/**
 * k minimum hashes of the set, each under its own permutation: one permutation at a time, with its
 * least value in a local (this loop is most of making a plan's keys).
 */
export function signature(shingles: Uint32Array, k: number): Uint32Array {
  const sig = new Uint32Array(k);
  for (let i = 0; i < k; i++) {
    const seed = SEEDS[i]!;
    let least = 0xffffffff;
    for (let j = 0; j < shingles.length; j++) {
      const h = mix(shingles[j]! ^ seed);
      if (h < least) least = h;
    }
    sig[i] = least;
  }
  return sig;
}

/**
 * The signature of the union of sets from theirs: per permutation, the least of their values (the
 * least hash of a union is the least of its parts' least hashes).
 */
export function unionSignature(signatures: readonly Uint32Array[], k: number): Uint32Array {
  const sig = new Uint32Array(k).fill(0xffffffff);
  for (const part of signatures) {
    for (let i = 0; i < k; i++) if (part[i]! < sig[i]!) sig[i] = part[i]!;
  }
  return sig;
}

/** One key per band of `rows` signature values, the band's index mixed in so bands never collide. */
export function bandKeys(sig: Uint32Array, rows: number): Uint32Array {
  const bands = Math.floor(sig.length / rows);
  const keys = new Uint32Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = mix(b + 0x632be5ab);
    for (let r = 0; r < rows; r++) h = mix(h ^ sig[b * rows + r]!);
    keys[b] = h;
  }
  return keys;
}
