import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { CliError } from './cli-error.js';
import { message, type Locale } from './messages.js';

// Tried in order when `--changed` names no base: the local main branch, then the remote's.
const DEFAULT_BASES = ['main', 'origin/main'];

/**
 * The files changed against `base` (default: the merge base with main): committed since the merge
 * base, modified in the working tree, or new and not ignored. Absolute paths; deleted files are left out.
 */
export async function changedFiles(base: string | undefined, cwd: string, locale: Locale): Promise<Set<string>> {
  const root = (await git(['rev-parse', '--show-toplevel'], cwd, locale)).trim();
  const mergeBase = await findMergeBase(base, cwd, locale);
  const changed = await git(['diff', '--name-only', '-z', '--diff-filter=ACMRT', mergeBase, '--'], root, locale);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z'], root, locale);
  const names = `${changed}${untracked}`.split('\0').filter((name) => name !== '');
  return new Set(names.map((name) => resolve(root, name)));
}

async function findMergeBase(base: string | undefined, cwd: string, locale: Locale): Promise<string> {
  for (const candidate of base === undefined ? DEFAULT_BASES : [base]) {
    const found = await git(['merge-base', candidate, 'HEAD'], cwd, locale).catch(() => undefined);
    if (found !== undefined) return found.trim();
  }
  throw new CliError(message(locale, 'noBase', base ?? DEFAULT_BASES.join(', ')));
}

async function git(args: readonly string[], cwd: string, locale: Locale): Promise<string> {
  // Loaded on first use: node:child_process (with net and streams) is ~3 ms of every run otherwise.
  // (Not with import(): the bundle runs as a vm.Script, which has no dynamic import.)
  const { execFile } = process.getBuiltinModule('node:child_process');
  try {
    return (await promisify(execFile)('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new CliError(message(locale, 'noGit'));
    const why = (failure.stderr ?? '').trim().split('\n')[0] || String(failure.message);
    throw new CliError(message(locale, 'gitFailed', args[0] ?? '', why));
  }
}
