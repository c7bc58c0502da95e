const hex32 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/**
 * A 64-bit hash of a text's UTF-16 code units, as 16 hex digits: two 32-bit multiply-xor lanes with
 * different odd multipliers, each folded into the other at the end so every unit reaches all 64 bits.
 * Not cryptographic: it names cache files by content, where a collision is an accident with odds
 * ~n²/2^65 for n files, and whoever could craft one could as well edit the file itself. It replaces
 * SHA-256 there because loading node:crypto was ~5 ms of every short CLI run; the fnv1a package the
 * baseline uses computes 64 bits with a BigInt step per byte, far too slow for a corpus file.
 */
export function textHash(text: string): string {
  let a = 0x811c9dc5 ^ text.length;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    b ^= b >>> 13;
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  return hex32(a ^ (a >>> 16)) + hex32(b ^ (b >>> 16));
}
