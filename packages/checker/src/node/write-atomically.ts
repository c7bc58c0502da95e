import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a cache file whole or not at all (written beside it, then renamed over it), so a reader,
 * another process included, never sees half a file. False when the folder cannot be written: a
 * cache only saves time, and its callers go on without it. Synchronous calls: see load-corpus.ts.
 */
export async function writeAtomically(file: string, data: string | Uint8Array): Promise<boolean> {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}
