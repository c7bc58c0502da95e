import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CORPUS_GLOB_OUTSIDE, GLOB_LIMITS, globLeavesBase, TOO_MANY_GLOBS } from '@policylint/checker';
import { isDirectory, type CorpusSource } from '@policylint/checker/node';
import { escapePath } from 'tinyglobby';
import { CliError } from './cli-error.js';
import { boundedGlob } from './find-files.js';
import { message, type Locale } from './messages.js';

/** Collects repeated `--corpus` arguments (checked by `checkCorpusGlobs` once the command line is read). */
export function collectCorpus(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * Refuses, as a usage error (exit 2) in the command's language, a `--corpus` argument that climbs out
 * of the current folder (`../x`: a corpus outside it takes an absolute path, so a command line copied
 * from a workspace's scripts cannot quietly read the folders around it), a glob picomatch could take
 * unbounded time on (`boundedGlob`), or more globs than `GLOB_LIMITS.globs`. Checked once the whole command line is read, so that `--locale`
 * is known.
 */
export async function checkCorpusGlobs(args: readonly string[], cwd: string, locale: Locale): Promise<void> {
  if (args.length > GLOB_LIMITS.globs) throw new CliError(message(locale, 'refusedArgument', '--corpus', TOO_MANY_GLOBS[locale]));
  for (const arg of args) {
    const label = `--corpus ${arg}`;
    if (globLeavesBase(arg)) throw new CliError(message(locale, 'refusedArgument', label, CORPUS_GLOB_OUTSIDE[locale]));
    if (!isDirectory(resolve(cwd, arg))) boundedGlob(arg, locale, label);
  }
}

/**
 * The corpus named by `--corpus` arguments, each a folder (every .txt and .md under it) or a glob,
 * relative to the current folder unless absolute. It replaces the configured or discovered corpus.
 */
export async function corpusSourceFromArgs(args: readonly string[], cwd: string): Promise<CorpusSource> {
  const globs: string[] = [];
  for (const arg of args) {
    if (!isDirectory(resolve(cwd, arg))) {
      globs.push(arg);
      continue;
    }
    // An absolute folder stays absolute: only absolute globs may reach outside the current folder.
    const path = isAbsolute(arg) ? resolve(arg) : relative(cwd, resolve(cwd, arg)) || '.';
    // A folder's name is not a glob: `plans (2023)` or `a*b` are taken as written.
    globs.push(`${escapePath(path.split(sep).join('/'))}/**/*.{txt,md}`);
  }
  return { baseDir: cwd, globs };
}
