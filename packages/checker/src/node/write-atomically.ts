import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a cache file whole or not at all (written beside it, then renamed over it), so a reader,
 * another process included, never sees half a file. False when the folder cannot be written: a
 * cache only saves time, and its callers go on without it.
 */
export async function writeAtomically(file: string, data: string | Uint8Array): Promise<boolean> {
  try {
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, file);
    return true;
  } catch {
    return false;
  }
}
