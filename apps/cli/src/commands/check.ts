import { isAbsolute, resolve } from 'node:path';
import type { Locale } from '@policylint/checker';
import { applyBaselineOptions, type BaselineOptions } from '../baseline-option.js';
import { changedFiles } from '../changed-files.js';
import type { CheckSettings, FileCheck } from '../check/check-file.js';
import { checkExitCode } from '../check/exit-code.js';
import { ResultCache } from '../check/result-cache.js';
import { checkFiles, type Concurrency } from '../check-pool.js';
import type { FileResult } from '../file-result.js';
import { findFiles } from '../find-files.js';
import type { CheckFormat } from '../formatters/index.js';
import { message } from '../messages.js';
import { ProgressLine, type ProgressSink } from '../progress.js';
import { emitReport } from '../report-output.js';

export type { CheckFormat };

export interface CheckCommandOptions extends CheckSettings {
  format: CheckFormat;
  /** `--output FILE`: the report goes to FILE, and stdout gets the stylish report. */
  output: string | undefined;
  maxWarnings: number | undefined;
  /** `--quiet`: errors only in the report (warnings still count for `--max-warnings`). */
  quiet: boolean;
  color: boolean;
  /** `--cache`: the cache file to use, or undefined for none. */
  cache: string | undefined;
  /** `--changed [base]`: true for the default base, a ref, or undefined to check every file. */
  changed: string | true | undefined;
  concurrency: Concurrency;
  /** Where the progress line goes (stderr). */
  progress: ProgressSink;
  /** `--baseline FILE`, `--write-baseline [FILE]`. */
  baseline: BaselineOptions;
}

export interface CheckCommandOutput {
  report: string;
  /** Lines for stderr: files that could not be checked, what `--fix` wrote, notices about the corpus. */
  notes: string[];
  exitCode: number;
}

/**
 * `policylint check`: checks every plan among the paths, fixes with `--fix`, and reports.
 * Files that are not plans (no two headings of two levels) are skipped without a word; a file that
 * cannot be read or decoded gets one line, the others are still checked, and the run exits 2.
 */
export async function check(paths: readonly string[], options: CheckCommandOptions): Promise<CheckCommandOutput> {
  const cliLocale = options.locale ?? 'zh-CN';
  let files = await findFiles(paths.length > 0 ? paths : ['.'], options.cwd, cliLocale);
  if (options.changed !== undefined) {
    const changed = await changedFiles(options.changed === true ? undefined : options.changed, options.cwd, cliLocale);
    files = files.filter((file) => changed.has(file));
    if (files.length === 0) return { report: '', notes: [message(cliLocale, 'noChangedFiles')], exitCode: 0 };
  }
  const cacheFile = options.cache === undefined ? undefined : isAbsolute(options.cache) ? options.cache : resolve(options.cwd, options.cache);
  const cache = cacheFile === undefined ? undefined : await ResultCache.open(cacheFile);
  const progress = new ProgressLine(options.progress, (done, total) => message(cliLocale, 'progress', done, total));
  let checks: FileCheck[];
  try {
    const settings: CheckSettings = { config: options.config, locale: options.locale, corpus: options.corpus, fix: options.fix, cwd: options.cwd };
    checks = await checkFiles(files, { settings, concurrency: options.concurrency, cache, onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.clear();
  }

  const results: FileResult[] = [];
  const notes = new Set<string>();
  const failures: string[] = [];
  for (const { outcome, notes: fileNotes, cacheable } of checks) {
    for (const note of fileNotes) notes.add(note);
    if (cacheable !== undefined) cache?.remember(outcome.filePath, cacheable);
    if (outcome.kind === 'failed') {
      failures.push(outcome.reason);
      notes.add(outcome.reason);
    } else if (outcome.kind === 'checked') {
      results.push({ filePath: outcome.filePath, findings: outcome.findings });
    }
  }
  await cache?.save();

  // The report speaks the language of the last file's configuration unless --locale says otherwise.
  const locale: Locale = options.locale ?? checks.at(-1)?.locale ?? cliLocale;
  const baselined = await applyBaselineOptions(results, options.baseline, locale);
  for (const note of baselined.notes) notes.add(note);
  const shown = options.quiet ? baselined.results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : baselined.results;
  const report = await emitReport(options.format, shown, { locale, cwd: options.cwd, color: options.color, output: options.output, failures });
  const exitCode = checkExitCode({ fileFailed: failures.length > 0, found: results, reported: baselined.results, maxWarnings: options.maxWarnings });
  return { report, notes: [...notes], exitCode };
}

