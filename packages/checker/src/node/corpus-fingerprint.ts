import { readFile } from 'node:fs/promises';
import { listCorpusFiles, type CorpusSource } from './load-corpus.js';
import { sha256 } from './sha256.js';

/**
 * A hash of every file a corpus source matches: its path and its bytes. Two runs with the same
 * fingerprint check against the same plans in force, so a cached check result is still right.
 * Reading and hashing is cheap next to loading and indexing, which a cache hit then skips.
 */
export async function corpusFingerprint(source: CorpusSource): Promise<string> {
  const entries: string[] = [];
  for (const file of await listCorpusFiles(source)) {
    const bytes = await readFile(file).catch(() => undefined);
    entries.push(file, bytes === undefined ? 'unreadable' : sha256(bytes));
  }
  return sha256(...entries);
}
