import { checkText, fixText, type Finding, type Locale } from '@policylint/checker';
import { ConfigLoader, CorpusCache, findCorpusSource, type CorpusSource } from '@policylint/checker/node';
import { isPlanLike } from '@policylint/core';
import { CliError } from '../cli-error.js';
import { corpusSourceFromArgs } from '../corpus-option.js';
import { message } from '../messages.js';
import { readTextFile } from '../read-text-file.js';
import { writeTextFile } from '../write-text-file.js';
import { contentHash, type CachedResult } from './result-cache.js';

/** What `check` needs to know to check one file; plain data, so a worker thread can receive it. */
export interface CheckSettings {
  /** `--config`, absolute; otherwise the nearest policylint.config.json. */
  config: string | undefined;
  /** `--locale`; otherwise the configuration's. */
  locale: Locale | undefined;
  /** `--corpus` arguments; empty: the configured or discovered corpus. */
  corpus: readonly string[];
  fix: boolean;
  cwd: string;
}

/** One file's outcome: checked (with its findings), not a plan (skipped silently), or unreadable. */
export type FileOutcome =
  | { filePath: string; kind: 'checked'; findings: Finding[] }
  | { filePath: string; kind: 'not-a-plan' }
  | { filePath: string; kind: 'failed'; reason: string };

export interface FileCheck {
  outcome: FileOutcome;
  /** Notices for stderr, said once per run however many files repeat them (no corpus, files fixed). */
  notes: string[];
  /** The locale the file's configuration asks for (`--locale` wins). */
  locale: Locale;
  /** Set when the result can be remembered for `--cache`: the key it is valid under. */
  cacheable?: CachedResult;
}

/**
 * Checks files one at a time with shared loaders, so every file of one folder reuses the same
 * configuration and corpus. A `check` run holds one per thread.
 */
export class FileChecker {
  private readonly configs: ConfigLoader;
  private readonly corpora = new CorpusCache();
  private readonly explicitCorpus: Promise<CorpusSource> | undefined;

  constructor(
    private readonly settings: CheckSettings,
    private readonly cache?: { lookup(filePath: string, key: string): CachedResult | undefined },
  ) {
    this.configs = new ConfigLoader(settings.config);
    this.explicitCorpus = settings.corpus.length === 0 ? undefined : corpusSourceFromArgs(settings.corpus, settings.cwd);
  }

  async check(filePath: string): Promise<FileCheck> {
    return (await this.run(filePath, false))!;
  }

  /**
   * What `check` would answer without checking anything: the remembered result (`--cache`), or the
   * file's failure to read; undefined when the file must be checked.
   */
  cached(filePath: string): Promise<FileCheck | undefined> {
    return this.run(filePath, true);
  }

  private async run(filePath: string, onlyCached: boolean): Promise<FileCheck | undefined> {
    const { config, path } = await this.configs.forFile(filePath);
    const locale = this.settings.locale ?? config.locale;
    let read;
    try {
      read = await readTextFile(filePath, locale);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      return { outcome: { filePath, kind: 'failed', reason: error.message }, notes: [], locale };
    }
    const { text } = read;
    const source = this.explicitCorpus !== undefined ? await this.explicitCorpus : await findCorpusSource(filePath, { path, corpus: config.corpus });
    const notes: string[] = [];
    // A cached result stands for (content, configuration, corpus, version); with --fix it only
    // stands when nothing in it is fixable, else the file is checked again to be fixed.
    const key = this.cache === undefined ? undefined : contentHash([text, JSON.stringify(config), source === undefined ? '' : await this.corpora.fingerprint(source)]);
    if (key !== undefined) {
      const hit = this.cache?.lookup(filePath, key);
      if (hit !== undefined && !(this.settings.fix && hit.findings?.some((f) => f.fix !== undefined))) {
        const outcome: FileOutcome = hit.findings === undefined ? { filePath, kind: 'not-a-plan' } : { filePath, kind: 'checked', findings: hit.findings };
        return { outcome, notes, locale, cacheable: hit };
      }
    }
    if (onlyCached) return undefined;
    const loaded = source === undefined ? undefined : await this.corpora.load(source);
    // Without a corpus, cross-plan checks are simply skipped: said once per run, not once per file.
    if (loaded === undefined) notes.push(message(locale, 'noCorpus'));
    // A corpus whose globs match no file (a typo in --corpus) would otherwise pass in silence; files
    // matched but left out are named one by one below.
    else if (loaded.files.length + loaded.skipped.length + loaded.outside.length === 0) notes.push(message(locale, 'emptyCorpus', loaded.source.globs.join(', ')));
    for (const skipped of loaded?.skipped ?? []) notes.push(message(locale, 'corpusFileSkipped', skipped));
    for (const outside of loaded?.outside ?? []) notes.push(message(locale, 'corpusFileOutside', outside));
    const options = { config, corpus: loaded?.corpus, documentId: filePath };
    let findings: Finding[] | undefined;
    if (this.settings.fix) {
      const fixed = fixText(text, options);
      if (isPlanLike(fixed.result.plan)) {
        findings = fixed.result.findings;
        if (fixed.text !== text) {
          try {
            await writeTextFile(filePath, fixed.text, read.encoding, locale);
          } catch (error) {
            // The file is left as it was; the run goes on with the other files and exits 2.
            if (!(error instanceof CliError)) throw error;
            return { outcome: { filePath, kind: 'failed', reason: error.message }, notes, locale };
          }
          notes.push(message(locale, 'fixed', filePath, fixed.applied));
        }
      }
    } else {
      const { plan, findings: found } = checkText(text, options);
      if (isPlanLike(plan)) findings = found;
    }
    const outcome: FileOutcome = findings === undefined ? { filePath, kind: 'not-a-plan' } : { filePath, kind: 'checked', findings };
    // With --fix a plan's result is not remembered: it describes the text as fixed, not as read.
    const cacheable = key === undefined || (this.settings.fix && findings !== undefined) ? undefined : { key, findings };
    return { outcome, notes, locale, ...(cacheable === undefined ? {} : { cacheable }) };
  }
}
