import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { CorpusSource } from '@policylint/checker/node';

/**
 * The corpus named by `--corpus` arguments, each a folder (every .txt and .md under it) or a glob,
 * relative to the current folder. It replaces the configured or discovered corpus.
 */
export async function corpusSourceFromArgs(args: readonly string[], cwd: string): Promise<CorpusSource> {
  const globs: string[] = [];
  for (const arg of args) {
    const isDir = await stat(resolve(cwd, arg)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    const path = isDir ? relative(cwd, resolve(cwd, arg)).split(sep).join('/') || '.' : arg;
    globs.push(isDir ? `${path}/**/*.{txt,md}` : path);
  }
  return { baseDir: cwd, globs };
}
