import type { Corpus } from '../corpus.js';
import { corpusFingerprint } from './corpus-fingerprint.js';
import { findCorpusSource, loadCorpus, type CorpusSource } from './load-corpus.js';

export interface LoadedCorpus {
  corpus: Corpus;
  source: CorpusSource;
  files: string[];
  /** Files the globs matched that could not be read as UTF-8 text. */
  skipped: string[];
  /** Files a relative glob matched through a link to outside the base folder, left out. */
  outside: string[];
}

/**
 * Loads each corpus once however many files share it: checked files in one folder, or open
 * documents in one workspace, ask for the same `seeds/` and get the same parsed corpus.
 */
export class CorpusCache {
  private readonly loaded = new Map<string, Promise<LoadedCorpus>>();
  private readonly fingerprints = new Map<string, Promise<string>>();

  /** The corpus for a checked file, or undefined when there is none (see `findCorpusSource`). */
  async forFile(file: string, config: { path: string | undefined; corpus: readonly string[] | undefined }): Promise<LoadedCorpus | undefined> {
    const source = await findCorpusSource(file, config);
    return source === undefined ? undefined : this.load(source);
  }

  /** The corpus of an explicit source (`--corpus`), loaded once. */
  load(source: CorpusSource): Promise<LoadedCorpus> {
    return once(this.loaded, sourceKey(source), () => loadCorpus(source).then((loaded) => ({ ...loaded, source })));
  }

  /** The source's `corpusFingerprint`, computed once: what a result cache keys on without loading the corpus. */
  fingerprint(source: CorpusSource): Promise<string> {
    return once(this.fingerprints, sourceKey(source), () => corpusFingerprint(source));
  }
}

function sourceKey(source: CorpusSource): string {
  return JSON.stringify([source.baseDir, source.globs]);
}

function once<T>(memo: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let entry = memo.get(key);
  if (entry === undefined) {
    entry = make();
    memo.set(key, entry);
  }
  return entry;
}
