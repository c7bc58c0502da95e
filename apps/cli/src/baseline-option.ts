import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import { createBaseline, EMPTY_BASELINE, filterByBaseline, formatBaseline, parseBaseline, type Baseline, type BaselineFile, type Locale } from '@policylint/checker';
import { CliError } from './cli-error.js';
import type { FileResult } from './file-result.js';
import { message } from './messages.js';
import { readTextFile } from './read-text-file.js';

/** Where `--write-baseline` writes without a FILE: in the working folder, to be committed. */
export const DEFAULT_BASELINE_FILE = 'policylint-baseline.json';

export interface BaselineOptions {
  /** `--baseline FILE`, absolute: hide the findings it lists. */
  use: string | undefined;
  /** `--write-baseline [FILE]`, absolute: list this run's findings in it (other files' entries stay), then hide them. */
  write: string | undefined;
  cwd: string;
}

/**
 * Applies `--baseline` or `--write-baseline` to a run's results. An unreadable or invalid baseline
 * file is a CliError (exit 2); a missing one is one too, except for `--write-baseline`.
 * @returns the results without the baselined findings, and lines for stderr.
 */
export async function applyBaselineOptions(
  results: readonly FileResult[],
  options: BaselineOptions,
  locale: Locale,
): Promise<{ results: FileResult[]; notes: string[] }> {
  const path = options.write ?? options.use;
  if (path === undefined) return { results: [...results], notes: [] };
  const shown = relative(options.cwd, path) || path;
  const previous = await readBaseline(path, shown, locale, options.write !== undefined);
  const files = await baselineFiles(results, dirname(path), locale);
  const notes: string[] = [];
  let baseline = previous;
  if (options.write !== undefined) {
    baseline = createBaseline(files, previous);
    await writeBaseline(path, shown, baseline, locale);
    const listed = files.filter((f) => f.findings.length > 0);
    notes.push(message(locale, 'baselineWritten', shown, listed.reduce((n, f) => n + f.findings.length, 0), listed.length));
  }
  const filtered = filterByBaseline(baseline, files);
  if (options.write === undefined && filtered.hidden > 0) notes.push(message(locale, 'baselineHid', shown, filtered.hidden));
  if (filtered.stale > 0) notes.push(message(locale, 'baselineStale', shown, filtered.stale));
  return { results: results.map((result, i) => ({ ...result, findings: filtered.findings[i]! })), notes };
}

async function readBaseline(path: string, shown: string, locale: Locale, missingIsEmpty: boolean): Promise<Baseline> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && missingIsEmpty) return EMPTY_BASELINE;
    if (code === 'ENOENT') throw new CliError(message(locale, 'baselineNotFound', shown));
    throw new CliError(message(locale, 'cannotRead', shown, code ?? String(error)));
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CliError(message(locale, 'baselineInvalid', shown, error instanceof Error ? error.message : String(error)));
  }
  const parsed = parseBaseline(json);
  if (!parsed.ok) throw new CliError(message(locale, 'baselineInvalid', shown, parsed.issue));
  return parsed.baseline;
}

async function writeBaseline(path: string, shown: string, baseline: Baseline, locale: Locale): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, formatBaseline(baseline), 'utf8');
  } catch (error) {
    throw new CliError(message(locale, 'baselineNotWritten', shown, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
}

/** The results keyed as the baseline keys files, with the texts that fingerprints are taken from. */
async function baselineFiles(results: readonly FileResult[], folder: string, locale: Locale): Promise<BaselineFile[]> {
  const files: BaselineFile[] = [];
  for (const { filePath, findings } of results) {
    files.push({
      path: relative(folder, filePath).split(sep).join('/'),
      // Read again: after --fix, this is the text the findings were made on. Without findings, no text is needed.
      text: findings.length === 0 ? '' : (await readTextFile(filePath, locale)).text,
      findings,
    });
  }
  return files;
}
