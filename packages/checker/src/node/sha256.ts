import type { BinaryLike } from 'node:crypto';

/**
 * The SHA-256 of `parts` joined by NUL, in hex. node:crypto is loaded on the first call, not with the
 * module: loading it is ~5 ms, and most runs (no `--cache`, no SARIF) never hash anything.
 */
export function sha256(...parts: readonly BinaryLike[]): string {
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
  parts.forEach((part, i) => {
    if (i > 0) hash.update('\0');
    hash.update(part);
  });
  return hash.digest('hex');
}
