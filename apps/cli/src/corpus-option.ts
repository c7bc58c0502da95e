import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { CORPUS_GLOB_OUTSIDE, globLeavesBase } from '@policylint/checker';
import type { CorpusSource } from '@policylint/checker/node';

/**
 * Collects repeated `--corpus` arguments, refusing a relative one that climbs out of the current
 * folder (`../x`): a corpus outside it takes an absolute path, so a command line copied from a
 * workspace's scripts cannot quietly read the folders around it. A usage error, exit 2.
 */
export function collectCorpus(value: string, previous: string[]): string[] {
  if (globLeavesBase(value)) throw new InvalidArgumentError(CORPUS_GLOB_OUTSIDE.en);
  return [...previous, value];
}

/**
 * The corpus named by `--corpus` arguments, each a folder (every .txt and .md under it) or a glob,
 * relative to the current folder unless absolute. It replaces the configured or discovered corpus.
 */
export async function corpusSourceFromArgs(args: readonly string[], cwd: string): Promise<CorpusSource> {
  const globs: string[] = [];
  for (const arg of args) {
    const isDir = await stat(resolve(cwd, arg)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) {
      globs.push(arg);
      continue;
    }
    // An absolute folder stays absolute: only absolute globs may reach outside the current folder.
    const path = isAbsolute(arg) ? resolve(arg) : relative(cwd, resolve(cwd, arg)) || '.';
    globs.push(`${path.split(sep).join('/')}/**/*.{txt,md}`);
  }
  return { baseDir: cwd, globs };
}
