import { resolve } from 'node:path';
import { unboundedGlobReason } from '@policylint/checker';
import { fileInfo } from '@policylint/checker/node';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CliError } from './cli-error.js';
import { message, type Locale } from './messages.js';

const PLAN_FILES = '**/*.{txt,md}';
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/.policylint/**', '**/dist/**'];

/**
 * Expands the `check` arguments into absolute file paths: a file is itself, a directory is every
 * `.txt` and `.md` under it, anything else is a glob. An argument that matches nothing is an error,
 * and so is a glob picomatch could take unbounded time on (`unboundedGlobReason`: a command line may
 * come from a repository's scripts).
 */
export async function findFiles(args: readonly string[], cwd: string, locale: Locale): Promise<string[]> {
  const found = new Set<string>();
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const info = fileInfo(path);
    const kind = info === undefined ? undefined : info.isDirectory() ? 'dir' : 'file';
    let matches: string[];
    if (kind === 'file') matches = [path];
    else if (kind === 'dir') matches = await glob(PLAN_FILES, { cwd: path, absolute: true, ignore: IGNORED, dot: false });
    else if (isDynamicPattern(arg)) matches = await glob(boundedGlob(arg, locale), { cwd, absolute: true, ignore: IGNORED, extglob: false });
    else throw new CliError(message(locale, 'fileNotFound', arg));
    if (matches.length === 0 && kind !== 'dir') throw new CliError(message(locale, 'noMatch', arg));
    for (const match of matches) found.add(match);
  }
  return [...found].sort();
}

/** The glob, unless matching it could take unbounded time: then a usage error saying why. */
export function boundedGlob(glob: string, locale: Locale, label = glob): string {
  const reason = unboundedGlobReason(glob);
  if (reason !== undefined) throw new CliError(message(locale, 'refusedArgument', label, reason[locale]));
  return glob;
}
