import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { listCorpusFiles, type CorpusSource } from './load-corpus.js';

/**
 * A hash of every file a corpus source matches: its path and its bytes. Two runs with the same
 * fingerprint check against the same plans in force, so a cached check result is still right.
 * Reading and hashing is cheap next to loading and indexing, which a cache hit then skips.
 */
export async function corpusFingerprint(source: CorpusSource): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listCorpusFiles(source)) {
    const bytes = await readFile(file).catch(() => undefined);
    hash.update(`${file}\0${bytes === undefined ? 'unreadable' : createHash('sha256').update(bytes).digest('hex')}\0`);
  }
  return hash.digest('hex');
}
