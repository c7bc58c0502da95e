/** FNV-1a over UTF-16 code units: a fast, well-spread 32-bit hash for short strings. */
export function hashString(text: string, from = 0, to = text.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The character n-grams of a key as sorted, distinct 32-bit hashes. A key shorter than n is one
 * shingle, so a short title still has something to compare.
 */
export function shingles(key: string, n: number): Uint32Array {
  if (key.length === 0) return new Uint32Array(0);
  if (key.length <= n) return Uint32Array.of(hashString(key));
  const out = new Uint32Array(key.length - n + 1);
  for (let i = 0; i + n <= key.length; i++) out[i] = hashString(key, i, i + n);
  out.sort();
  return dedupeSorted(out);
}

/** Merges sorted distinct arrays into one sorted distinct array. */
export function unionSorted(parts: readonly Uint32Array[]): Uint32Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const all = new Uint32Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  all.sort();
  return dedupeSorted(all);
}

function dedupeSorted(sorted: Uint32Array): Uint32Array {
  let w = 0;
  for (let r = 0; r < sorted.length; r++) if (r === 0 || sorted[r] !== sorted[r - 1]) sorted[w++] = sorted[r]!;
  return sorted.subarray(0, w);
}

const ids = new WeakMap<Uint32Array, number>();
let lastId = 0;

/**
 * A number for a shingle set by identity, for remembering results without reading the set: equal
 * texts share one set (see `keyedShingles`), so copies of a measure get the same numbers. Sets are
 * never changed once made, so a number always stands for the same content; two equal sets made
 * apart get two numbers, which only costs a result computed twice. Making string keys of the
 * contents was a tenth of checking a large plan.
 */
export function setId(set: Uint32Array): number {
  let id = ids.get(set);
  if (id === undefined) ids.set(set, (id = ++lastId));
  return id;
}
