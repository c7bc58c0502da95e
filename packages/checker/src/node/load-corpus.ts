import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, parse as parsePath, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { DEFAULT_CORPUS } from '../config.js';
import { isAbsoluteGlob } from '../corpus-glob.js';
import { Corpus, corpusTitles, type CorpusTitles } from '../corpus.js';
import type { Segment } from '../overlap/segment.js';
import { decodeText, type DecodedText } from './decode-text.js';
import { fileInfo, isDirectory } from './file-info.js';
import { loadSegment, overlapCacheDir } from './segment-cache.js';

// The file system is read synchronously here and in the rest of the corpus and configuration loading:
// each asynchronous call waits for a libuv worker thread and a turn of the event loop (~0.1–0.3 ms),
// a check makes a few dozen of them before anything else can run, and the seed's cold CLI check spent
// ~9 ms waiting on them (docs/benchmarks.md). The functions stay async for their callers.

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
    if (isDirectory(join(baseDir, 'seeds'))) return { baseDir, globs: DEFAULT_CORPUS };
  }
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (isDirectory(join(dir, 'seeds'))) return { baseDir: dir, globs: DEFAULT_CORPUS };
    if (dir === parsePath(dir).root) return undefined;
  }
}

/**
 * Reads and parses every plan the source's globs match, in path order, with their overlap index from
 * the cache (by default `.policylint/cache/overlap/` under the base folder, unless a folder on the way
 * there is a link). Files are decoded as the CLI reads drafts (`decodeText`); those that cannot be
 * read or decoded are left out and listed in `skipped`, so one bad file does not cost the whole corpus.
 * Files outside the base folder are left out too, and listed in `outside` (see `findCorpusFiles`).
 */
export async function loadCorpus(
  source: CorpusSource,
  options?: { cacheDir?: string | undefined },
): Promise<{ corpus: Corpus; files: string[]; skipped: string[]; outside: string[] }> {
  const ownDir = overlapCacheDir(source.baseDir);
  const { cacheDir } = options ?? { cacheDir: linkFree(source.baseDir, ownDir) ? ownDir : undefined };
  const { files, outside } = await findCorpusFiles(source);
  const plans: CorpusTitles[] = [];
  const segments = new Map<string, Segment>();
  const skipped: string[] = [];
  // One plan at a time: its text is read, indexed (or its index read from the cache), its titles
  // taken, and let go before the next, so a large corpus's texts are never all in memory at once.
  for (const [i, file] of files.entries()) {
    // The reads do not yield: between plans the event loop turns, so that a language server indexing
    // a large corpus still answers meanwhile.
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const decoded = readDecoded(file);
    if (decoded?.kind !== 'text') {
      skipped.push(file);
      continue;
    }
    const document = { id: file, text: decoded.text };
    segments.set(file, (await loadSegment(file, document.text, cacheDir)).segment);
    plans.push(corpusTitles(document));
  }
  // The corpus keeps titles and segments; a text is read again when a quote or a citation needs it.
  const corpus = new Corpus(plans, segments, readTextAgain);
  return { corpus, files: plans.map((d) => d.id), skipped, outside };
}

function readTextAgain(file: string): string | undefined {
  try {
    const decoded = decodeText(readFileSync(file));
    return decoded.kind === 'text' ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/** The files a corpus source's globs match, absolute, in path order (`findCorpusFiles`' `files`). */
export async function listCorpusFiles(source: CorpusSource): Promise<string[]> {
  return (await findCorpusFiles(source)).files;
}

/**
 * The files a corpus source's globs match, absolute, in path order. The workspace is untrusted and
 * findings quote corpus text, so its files cannot pull outside files in: symbolic links met while
 * walking are not followed, and a file a relative glob matches whose real path is outside the base
 * folder (under a linked `seeds/`, say) is left out, and listed in `outside` so that the user hears
 * why. Absolute globs, which the user wrote, may point anywhere. (Relative globs that climb out with
 * `..` are refused before this: `globLeavesBase`.)
 */
export async function findCorpusFiles(source: CorpusSource): Promise<{ files: string[]; outside: string[] }> {
  // No extglobs: picomatch takes exponential time on some (`+(*)a`). The configuration refuses them
  // (`unboundedGlobReason`); this keeps any that reach here from being read as one.
  const options = { cwd: source.baseDir, absolute: true, ignore: IGNORED, followSymbolicLinks: false, extglob: false };
  const absoluteGlob = (g: string): boolean => isAbsoluteGlob(g.replace(/^!/, ''));
  const relativeGlobs = source.globs.filter((g) => !absoluteGlob(g));
  const absoluteGlobs = source.globs.filter(absoluteGlob);
  const negated = source.globs.filter((g) => g.startsWith('!'));
  const { inside, outside } = relativeGlobs.length === 0 ? { inside: [], outside: [] } : splitInside(source.baseDir, globSync(relativeGlobs, options));
  const anywhere = absoluteGlobs.length === 0 ? [] : globSync([...absoluteGlobs, ...negated], options);
  return { files: [...new Set([...inside, ...anywhere])].sort(), outside: outside.sort() };
}

/**
 * Whether no folder on the way from `root` down to `dir` is a symbolic link (those not made yet are
 * not). The workspace is untrusted: a `.policylint` that links elsewhere would have the index written
 * (and read back) outside it, so the index is then kept in memory only.
 */
function linkFree(root: string, dir: string): boolean {
  let at = root;
  for (const part of relative(root, dir).split(sep)) {
    at = join(at, part);
    const info = fileInfo(at, lstatSync);
    if (info === undefined) return true;
    if (info.isSymbolicLink()) return false;
  }
  return true;
}

/** The files whose real path is inside the real path of `dir`, and the others. */
function splitInside(dir: string, files: readonly string[]): { inside: string[]; outside: string[] } {
  const base = realPath(dir);
  if (base === undefined) return { inside: [], outside: [...files] };
  const isInside = (path: string): boolean => {
    const rel = relative(base, path);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  const within = files.map((file) => {
    const real = realPath(file);
    return real !== undefined && isInside(real);
  });
  return { inside: files.filter((_, i) => within[i]), outside: files.filter((_, i) => !within[i]) };
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** A file's bytes decoded (`decodeText`), or undefined when it cannot be read. */
function readDecoded(file: string): DecodedText | undefined {
  try {
    return decodeText(readFileSync(file));
  } catch {
    return undefined;
  }
}
