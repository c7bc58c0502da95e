import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, parse as parsePath, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { DEFAULT_CORPUS } from '../config.js';
import { Corpus, corpusTitles, type CorpusTitles } from '../corpus.js';
import type { Segment } from '../overlap/segment.js';
import { decodeText } from './decode-text.js';
import { loadSegment, overlapCacheDir } from './segment-cache.js';

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
  const plans: CorpusTitles[] = [];
  const segments = new Map<string, Segment>();
  const skipped: string[] = [];
  // One plan at a time: its text is read, indexed (or its index read from the cache), its titles
  // taken, and let go before the next, so a large corpus's texts are never all in memory at once.
  for (const file of files) {
    const decoded = await readFile(file).then(decodeText, () => undefined);
    if (decoded?.kind !== 'text') {
      skipped.push(file);
      continue;
    }
    const document = { id: file, text: decoded.text };
    segments.set(file, (await loadSegment(file, document.text, options.cacheDir)).segment);
    plans.push(corpusTitles(document));
  }
  // The corpus keeps titles and segments; a text is read again when a quote or a citation needs it.
  const corpus = new Corpus(plans, segments, readTextAgain);
  return { corpus, files: plans.map((d) => d.id), skipped };
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
