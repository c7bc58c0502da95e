import { checkText, resolveConfig, type CheckResult, type Corpus, type ResolvedConfig } from '@policylint/checker';
import { ConfigError, ConfigLoader, CorpusCache } from '@policylint/checker/node';
import { isPlanLike } from '@policylint/core';
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
}

/**
 * Checks documents and keeps the latest result per document, so hover, definition and code actions
 * reuse the check diagnostics came from. Configuration and corpus come from the document's folder,
 * as for the CLI; both caches are dropped when watched files change.
 */
export class Analyses {
  private readonly latest = new Map<string, Promise<Analysis>>();
  private configs = new ConfigLoader(undefined);
  private corpora = new CorpusCache();
  private readonly reported = new Set<string>();

  constructor(private readonly options: AnalysesOptions) {}

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
    this.corpora = new CorpusCache();
    this.reported.clear();
  }

  private async analyze(document: TextDocument): Promise<Analysis> {
    const settings = await this.options.settings(document.uri);
    const path = filePath(document.uri);
    const { config, corpus } = path === undefined ? { config: withEditorRules(resolveConfig(), settings), corpus: undefined } : await this.context(path, settings);
    const result = checkText(document.getText(), { config, corpus, documentId: path });
    const included = path !== undefined && settings.include.length > 0 && picomatch(settings.include, { dot: true })(path);
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
    const corpus = await this.corpora.forFile(path, { path: loaded.path, corpus: loaded.config.corpus });
    return { config: withEditorRules(loaded.config, settings), corpus: corpus?.corpus };
  }
}

/** Editor settings fill in rule severities; a policylint.config.json, shared with CI, has the last word. */
function withEditorRules(config: ResolvedConfig, settings: EditorSettings): ResolvedConfig {
  return { ...config, rules: { ...settings.rules, ...config.rules } };
}

/** The file system path of a `file:` URI; undefined for untitled and virtual documents. */
export function filePath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

