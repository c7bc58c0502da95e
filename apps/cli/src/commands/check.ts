import { checkText, fixText, type Locale } from '@policylint/checker';
import { ConfigLoader, CorpusCache } from '@policylint/checker/node';
import { isPlanLike } from '@policylint/core';
import { corpusSourceFromArgs } from '../corpus-option.js';
import { totals, type FileResult } from '../file-result.js';
import { findFiles } from '../find-files.js';
import type { CheckFormat } from '../formatters/index.js';
import { message } from '../messages.js';
import { readTextFile } from '../read-text-file.js';
import { writeTextFile } from '../write-text-file.js';
import { emitReport } from '../report-output.js';

export type { CheckFormat };

export interface CheckCommandOptions {
  format: CheckFormat;
  /** `--output FILE`: the report goes to FILE, and stdout gets the stylish report. */
  output: string | undefined;
  config: string | undefined;
  /** From `--locale`; otherwise the configuration's locale. */
  locale: Locale | undefined;
  maxWarnings: number | undefined;
  fix: boolean;
  color: boolean;
  /** `--corpus` folders or globs; empty: the configured or discovered corpus. */
  corpus: readonly string[];
  cwd: string;
}

export interface CheckCommandOutput {
  report: string;
  /** Lines for stderr: what `--fix` wrote, and notices about the corpus. */
  notes: string[];
  exitCode: number;
}

/**
 * `policylint check`: checks every plan among the paths, fixes with `--fix`, and reports.
 * Files that are not plans (no two headings of two levels) are skipped without a word.
 */
export async function check(paths: readonly string[], options: CheckCommandOptions): Promise<CheckCommandOutput> {
  const cliLocale = options.locale ?? 'zh-CN';
  const files = await findFiles(paths.length > 0 ? paths : ['.'], options.cwd, cliLocale);
  const configs = new ConfigLoader(options.config);
  const corpora = new CorpusCache();
  const explicitCorpus = options.corpus.length === 0 ? undefined : await corpusSourceFromArgs(options.corpus, options.cwd);
  const results: FileResult[] = [];
  const notes = new Set<string>();
  let locale = cliLocale;
  for (const filePath of files) {
    const { config, path } = await configs.forFile(filePath);
    locale = options.locale ?? config.locale;
    const loaded = explicitCorpus === undefined ? await corpora.forFile(filePath, { path, corpus: config.corpus }) : await corpora.load(explicitCorpus);
    // Said once per run, not once per file: without a corpus, cross-plan checks are simply skipped.
    if (loaded === undefined) notes.add(message(locale, 'noCorpus'));
    for (const skipped of loaded?.skipped ?? []) notes.add(message(locale, 'corpusFileSkipped', skipped));
    const corpus = loaded?.corpus;
    const { text, encoding } = await readTextFile(filePath, locale);
    if (!options.fix) {
      const { plan, findings } = checkText(text, { config, corpus, documentId: filePath });
      if (isPlanLike(plan)) results.push({ filePath, findings });
      continue;
    }
    const fixed = fixText(text, { config, corpus, documentId: filePath });
    if (!isPlanLike(fixed.result.plan)) continue;
    if (fixed.text !== text) {
      await writeTextFile(filePath, fixed.text, encoding, locale);
      notes.add(message(locale, 'fixed', filePath, fixed.applied));
    }
    results.push({ filePath, findings: fixed.result.findings });
  }
  const report = await emitReport(options.format, results, { locale, cwd: options.cwd, color: options.color, output: options.output });
  const sum = totals(results);
  const tooManyWarnings = options.maxWarnings !== undefined && options.maxWarnings >= 0 && sum.warnings > options.maxWarnings;
  return { report, notes: [...notes], exitCode: sum.errors > 0 || tooManyWarnings ? 1 : 0 };
}
