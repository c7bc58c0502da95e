import {
  checkText,
  CORPUS_GLOB_OUTSIDE,
  GLOB_LIMITS,
  globLeavesBase,
  resolveConfig,
  TOO_MANY_GLOBS,
  unboundedGlobReason,
  type CheckResult,
  type Corpus,
  type ResolvedConfig,
} from '@policylint/checker';
import { ConfigError, ConfigLoader, CorpusCache, type LoadedCorpus } from '@policylint/checker/node';
import { isPlanLike } from '@policylint/core';
import { dirname } from 'node:path';
import picomatch from 'picomatch';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { EditorSettings } from './settings.js';

/** One document's check, for one version of its text. */
export interface Analysis {
  uri: string;
  version: number;
  result: CheckResult;
  corpus: Corpus | undefined;
  /** Whether the text reads as a plan; other documents are left alone, silently. */
  isPlan: boolean;
}

export interface AnalysesOptions {
  settings: (uri: string) => Promise<EditorSettings>;
  /** Where to say, once per file, that a configuration file is unusable. */
  log: (message: string) => void;
  /** A new corpus cache, made at start and on every reset (the server follows its loads). */
  corpusCache?: () => CorpusCache;
  /** The workspace folder holding a path, which `policylint.corpus` globs are relative to. */
  folderOf?: (path: string) => string | undefined;
}

/**
 * Checks documents and keeps the latest result per document, so hover, definition and code actions
 * reuse the check diagnostics came from. Configuration and corpus come from the document's folder,
 * as for the CLI; both caches are dropped when watched files change.
 */
export class Analyses {
  private readonly latest = new Map<string, Promise<Analysis>>();
  private configs = new ConfigLoader(undefined);
  private corpora: CorpusCache;
  private readonly reported = new Set<string>();

  constructor(private readonly options: AnalysesOptions) {
    this.corpora = options.corpusCache?.() ?? new CorpusCache();
  }

  /** The analysis of this version of the document, computed once. */
  get(document: TextDocument): Promise<Analysis> {
    const key = `${document.uri}@${document.version}`;
    let found = this.latest.get(key);
    if (found === undefined) {
      for (const k of this.latest.keys()) if (k.startsWith(`${document.uri}@`)) this.latest.delete(k);
      found = this.analyze(document);
      this.latest.set(key, found);
      // A failed analysis must not stay cached: the next request tries again.
      found.catch(() => this.latest.delete(key));
    }
    return found;
  }

  forget(uri: string): void {
    for (const k of this.latest.keys()) if (k.startsWith(`${uri}@`)) this.latest.delete(k);
  }

  /** Configuration or corpus files changed: read them again from now on. */
  reset(): void {
    this.latest.clear();
    this.configs = new ConfigLoader(undefined);
    this.corpora = this.options.corpusCache?.() ?? new CorpusCache();
    this.reported.clear();
  }

  /** Loads the configuration and corpus a file at `path` would use, so the index is ready before the first check. */
  async prepare(path: string, settings: EditorSettings): Promise<void> {
    await this.context(path, settings);
  }

  private async analyze(document: TextDocument): Promise<Analysis> {
    const settings = await this.options.settings(document.uri);
    const path = filePath(document.uri);
    const { config, corpus } = path === undefined ? { config: withEditorSettings(resolveConfig(), false, settings), corpus: undefined } : await this.context(path, settings);
    const result = checkText(document.getText(), { config, corpus, documentId: path });
    const include = this.usableGlobs('include', settings.include);
    const included = path !== undefined && include.length > 0 && picomatch(include, { dot: true, noextglob: true })(path);
    return { uri: document.uri, version: document.version, result, corpus, isPlan: included || isPlanLike(result.plan) };
  }

  private async context(path: string, settings: EditorSettings): Promise<{ config: ResolvedConfig; corpus: Corpus | undefined }> {
    let loaded: { config: ResolvedConfig; path: string | undefined };
    try {
      loaded = await this.configs.forFile(path);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // An unusable config file is said once, then the defaults apply: the editor keeps working.
      if (!this.reported.has(error.message)) this.options.log(error.message);
      this.reported.add(error.message);
      loaded = { config: resolveConfig(), path: undefined };
    }
    const corpus = await this.corpusFor(path, loaded.path, loaded.config, settings);
    return { config: withEditorSettings(loaded.config, loaded.path !== undefined, settings), corpus: corpus?.corpus };
  }

  /** The configuration file's corpus; without one, the `policylint.corpus` globs (relative to the workspace folder) or the nearest `seeds/`. */
  private corpusFor(path: string, configPath: string | undefined, config: ResolvedConfig, settings: EditorSettings): Promise<LoadedCorpus | undefined> {
    const globs = configPath === undefined ? this.usableGlobs('corpus', settings.corpus) : [];
    if (globs.length > 0) return this.corpora.load({ baseDir: this.options.folderOf?.(path) ?? dirname(path), globs });
    return this.corpora.forFile(path, { path: configPath, corpus: config.corpus });
  }

  /**
   * The globs of a `policylint.*` setting that picomatch matches in bounded time
   * (`unboundedGlobReason`) and, for `policylint.corpus`, that stay inside the workspace folder (no
   * relative `..` climbing out). Each other one is said once and ignored: workspace settings come
   * with the workspace, untrusted.
   */
  private usableGlobs(setting: 'corpus' | 'include', globs: readonly string[]): string[] {
    if (globs.length > GLOB_LIMITS.globs) {
      this.logOnce(`policylint.${setting}: ignored: ${TOO_MANY_GLOBS.en}`);
      return [];
    }
    return globs.filter((glob) => {
      const reason = setting === 'corpus' && globLeavesBase(glob) ? CORPUS_GLOB_OUTSIDE : unboundedGlobReason(glob);
      if (reason === undefined) return true;
      this.logOnce(`policylint.${setting}: ${JSON.stringify(glob)} ignored: ${reason.en}`);
      return false;
    });
  }

  private logOnce(message: string): void {
    if (!this.reported.has(message)) this.options.log(message);
    this.reported.add(message);
  }
}

/**
 * Editor settings fill in rule severities, key by key; the other settings apply only where no
 * policylint.config.json is found: that file, shared with CI, has the last word.
 */
function withEditorSettings(config: ResolvedConfig, fromFile: boolean, settings: EditorSettings): ResolvedConfig {
  const rules = { ...settings.rules, ...config.rules };
  if (fromFile) return { ...config, rules };
  return {
    ...config,
    rules,
    measureNumbering: settings.measureNumbering ?? config.measureNumbering,
    overlapThreshold: settings.overlapThreshold ?? config.overlapThreshold,
  };
}

/** The file system path of a `file:` URI; undefined for untitled and virtual documents. */
export function filePath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

