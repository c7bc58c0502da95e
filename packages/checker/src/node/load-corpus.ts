import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, parse as parsePath, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { DEFAULT_CORPUS } from '../config.js';
import { Corpus } from '../corpus.js';
import { decodeText } from './decode-text.js';
import { loadSegments, overlapCacheDir } from './segment-cache.js';

/** Where a corpus comes from: globs relative to a folder. */
export interface CorpusSource {
  baseDir: string;
  globs: readonly string[];
}

const IGNORED = ['**/node_modules/**', '**/.git/**', '**/.policylint/**'];

/**
 * Decides where the corpus for a checked file is (DESIGN §4): the configuration's `corpus` globs,
 * relative to the configuration file; else the `seeds/` folder next to the configuration file; else
 * the nearest `seeds/` walking up from the file. Undefined when there is none.
 */
export async function findCorpusSource(
  file: string,
  config: { path: string | undefined; corpus: readonly string[] | undefined },
): Promise<CorpusSource | undefined> {
  if (config.path !== undefined) {
    const baseDir = dirname(config.path);
    if (config.corpus !== undefined) return { baseDir, globs: config.corpus };
    if (await isDirectory(join(baseDir, 'seeds'))) return { baseDir, globs: DEFAULT_CORPUS };
  }
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (await isDirectory(join(dir, 'seeds'))) return { baseDir: dir, globs: DEFAULT_CORPUS };
    if (dir === parsePath(dir).root) return undefined;
  }
}

/**
 * Reads and parses every plan the source's globs match, in path order, with their overlap index from
 * the cache (`.policylint/cache/overlap/` under the base folder by default). Files are decoded as the
 * CLI reads drafts (`decodeText`); those that cannot be read or decoded are left out and listed in
 * `skipped`, so one bad file does not cost the whole corpus.
 */
export async function loadCorpus(
  source: CorpusSource,
  options: { cacheDir?: string | undefined } = { cacheDir: overlapCacheDir(source.baseDir) },
): Promise<{ corpus: Corpus; files: string[]; skipped: string[] }> {
  const files = await listCorpusFiles(source);
  const documents: Array<{ id: string; text: string }> = [];
  const skipped: string[] = [];
  for (const file of files) {
    const decoded = await readFile(file).then(decodeText, () => undefined);
    if (decoded?.kind === 'text') documents.push({ id: file, text: decoded.text });
    else skipped.push(file);
  }
  const { segments } = await loadSegments(documents, options.cacheDir);
  // The corpus keeps titles and segments; a text is read again when a quote or a citation needs it.
  const corpus = new Corpus(documents, segments, readTextAgain);
  return { corpus, files: documents.map((d) => d.id), skipped };
}

function readTextAgain(file: string): string | undefined {
  try {
    const decoded = decodeText(readFileSync(file));
    return decoded.kind === 'text' ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/** The files a corpus source's globs match, absolute, in path order. */
export async function listCorpusFiles(source: CorpusSource): Promise<string[]> {
  return (await glob([...source.globs], { cwd: source.baseDir, absolute: true, ignore: IGNORED })).sort();
}

function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
