import type { Corpus } from '../corpus.js';
import { findCorpusSource, loadCorpus, type CorpusSource } from './load-corpus.js';

export interface LoadedCorpus {
  corpus: Corpus;
  source: CorpusSource;
  files: string[];
  /** Files the globs matched that could not be read as UTF-8 text. */
  skipped: string[];
}

/**
 * Loads each corpus once however many files share it: checked files in one folder, or open
 * documents in one workspace, ask for the same `seeds/` and get the same parsed corpus.
 */
export class CorpusCache {
  private readonly loaded = new Map<string, Promise<LoadedCorpus>>();

  /** The corpus for a checked file, or undefined when there is none (see `findCorpusSource`). */
  async forFile(file: string, config: { path: string | undefined; corpus: readonly string[] | undefined }): Promise<LoadedCorpus | undefined> {
    const source = await findCorpusSource(file, config);
    return source === undefined ? undefined : this.load(source);
  }

  /** The corpus of an explicit source (`--corpus`), loaded once. */
  load(source: CorpusSource): Promise<LoadedCorpus> {
    const key = JSON.stringify([source.baseDir, source.globs]);
    let entry = this.loaded.get(key);
    if (entry === undefined) {
      entry = loadCorpus(source).then((loaded) => ({ ...loaded, source }));
      this.loaded.set(key, entry);
    }
    return entry;
  }
}
