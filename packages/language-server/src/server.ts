import { RULES, ruleDocsUrl, type Locale } from '@policylint/checker';
import { join, sep } from 'node:path';
import {
  DiagnosticRefreshRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses, filePath, type Analysis } from './analyses.js';
import { completions, inlayHints, workspaceSymbols } from './features/assist.js';
import { codeActions, FIX_ALL_KIND, prepareRename, rename, RENUMBER_KIND } from './features/edits.js';
import { definition, hover, references } from './features/navigation.js';
import { documentSymbols, foldingRanges } from './features/outline.js';
import { HandlerErrors } from './handler-errors.js';
import { IndexStatusTracker } from './index-status.js';
import {
  CHECK_WORKSPACE_REQUEST,
  INDEX_STATUS_NOTIFICATION,
  REBUILD_INDEX_REQUEST,
  RULES_REQUEST,
  type CheckWorkspaceResult,
  type RebuildIndexResult,
  type RuleInfo,
} from './protocol.js';
import { DEFAULT_SETTINGS, localeOf, readSettings, type EditorSettings } from './settings.js';
import { toDiagnostic } from './to-lsp.js';
import { WorkspaceDiagnostics } from './workspace-diagnostics.js';

/**
 * Serves policylint over an LSP connection. The server only translates: documents in, checker
 * results out as LSP types. Every handler answers, even when something inside it fails.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let displayLocale: Locale = 'zh-CN';
  let pullDiagnostics = false;
  let configurationRequests = false;
  let watchFiles = false;
  let refreshDiagnostics = false;
  let folders: string[] = [];
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  const errors = new HandlerErrors((message) => connection.console.error(message));
  const guarded = <T>(name: string, fallback: T, work: () => Promise<T> | T): Promise<T> => errors.guard(name, fallback, work);

  const settings = (uri: string): Promise<EditorSettings> => {
    if (!configurationRequests) return Promise.resolve(DEFAULT_SETTINGS);
    let found = settingsCache.get(uri);
    if (found === undefined) {
      found = connection.workspace.getConfiguration({ scopeUri: uri, section: 'policylint' }).then(readSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, found);
    }
    return found;
  };
  const indexStatus = new IndexStatusTracker((status) => void connection.sendNotification(INDEX_STATUS_NOTIFICATION, status));
  const log = (message: string): void => {
    connection.console.error(`policylint: ${message}`);
    indexStatus.fail(message);
  };
  const folderOf = (path: string): string | undefined =>
    folders
      .map(filePath)
      .filter((folder): folder is string => folder !== undefined && (path === folder || path.startsWith(`${folder}${sep}`)))
      .sort((a, b) => b.length - a.length)[0];
  const analyses = new Analyses({ settings, log, corpusCache: () => indexStatus.corpusCache(), folderOf });
  const localeFor = async (uri: string): Promise<Locale> => (await settings(uri)).locale ?? displayLocale;
  const workspace = new WorkspaceDiagnostics({ folders: () => folders, openUris: () => new Set(documents.all().map((d) => d.uri)), settings, localeFor, analyses });
  /**
   * Configuration or corpus may have changed (or this is the start): drop both caches, then index each
   * folder's corpus up front, so the first check does not wait for it and the editor can show the state.
   */
  const reindex = (): Promise<void> => {
    workspace.invalidate();
    analyses.reset();
    indexStatus.reset();
    return guarded('index', undefined, async () => {
      for (const folder of folders) {
        const path = filePath(folder);
        // A file at the folder's root finds the configuration and corpus that the folder's plans use.
        if (path !== undefined) await analyses.prepare(join(path, 'policylint-index'), await settings(folder));
      }
    }).then(() => indexStatus.publish());
  };

  /** The analysis of an open document that reads as a plan; undefined for anything else. */
  const analysisOf = async (uri: string): Promise<{ analysis: Analysis; document: TextDocument; locale: Locale } | undefined> => {
    const document = documents.get(uri);
    if (document === undefined || !(await settings(uri)).enable) return undefined;
    const analysis = await analyses.get(document);
    return analysis.isPlan ? { analysis, document, locale: await localeFor(uri) } : undefined;
  };

  const diagnosticsOf = async (uri: string): Promise<Diagnostic[]> => {
    const found = await analysisOf(uri);
    return found === undefined ? [] : found.analysis.result.findings.map((f) => toDiagnostic(f, found.locale, uri));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    displayLocale = localeOf(params.locale);
    pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    configurationRequests = params.capabilities.workspace?.configuration === true;
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    refreshDiagnostics = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri !== null) folders = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'policylint' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', RENUMBER_KIND, FIX_ALL_KIND] },
        renameProvider: { prepareProvider: true },
        inlayHintProvider: true,
        completionProvider: { triggerCharacters: ['第', '《'] },
        workspaceSymbolProvider: true,
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'policylint', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      },
      serverInfo: { name: 'policylint-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (configurationRequests) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policylint' }).catch(() => undefined);
    // Configuration files and the corpus: a change re-reads them (only changed corpus files are re-indexed).
    if (watchFiles) {
      const watchers = ['**/policylint.config.json', '**/seeds/**/*.{txt,md}'].map((globPattern) => ({ globPattern }));
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    }
    void reindex();
  });

  // Push diagnostics (for clients without pull), debounced; a newer edit makes an older run moot.
  const timers = new Map<string, NodeJS.Timeout>();
  const schedule = (document: TextDocument): void => {
    if (pullDiagnostics) return;
    clearTimeout(timers.get(document.uri));
    void settings(document.uri).then(({ debounce }) => {
      clearTimeout(timers.get(document.uri));
      timers.set(
        document.uri,
        setTimeout(() => {
          timers.delete(document.uri);
          void guarded('diagnostics', undefined, async () => {
            const version = document.version;
            const diagnostics = await diagnosticsOf(document.uri);
            if (documents.get(document.uri)?.version !== version) return; // stale: a newer run follows
            await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
          });
        }, debounce),
      );
    });
  };
  documents.onDidOpen(({ document }) => schedule(document));
  documents.onDidChangeContent(({ document }) => schedule(document));
  documents.onDidClose(({ document }) => {
    // The closed file's diagnostics now come from workspace pulls, which must not answer "unchanged" from before it was opened.
    workspace.invalidate();
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    analyses.forget(document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params, token: CancellationToken) =>
    guarded('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] }, async () => {
      const items = token.isCancellationRequested ? [] : await diagnosticsOf(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items };
    }),
  );

  // Every plan of the workspace, not only open ones (open ones come through document pulls).
  connection.languages.diagnostics.onWorkspace((params, token) =>
    guarded<WorkspaceDiagnosticReport>('workspaceDiagnostics', { items: [] }, async () => {
      const { workspaceDiagnostics, enable } = await settings(folders[0] ?? '');
      if (!workspaceDiagnostics || !enable) return { items: [] };
      const previous = new Map(params.previousResultIds.map(({ uri, value }) => [uri, value]));
      return { items: (await workspace.reports(token, previous)).items };
    }),
  );

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    void reindex();
    refresh();
  });
  connection.onDidChangeWatchedFiles(() => {
    void reindex();
    refresh();
  });
  const refresh = (): void => {
    if (!pullDiagnostics) documents.all().forEach(schedule);
    // Only a client that says it supports refresh is asked; a failed refresh is the client's loss, not a crash.
    else if (refreshDiagnostics) connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => undefined);
  };

  connection.onHover((params) => guarded('hover', null, async () => {
    const found = await analysisOf(params.textDocument.uri);
    return found === undefined ? null : (hover(found.analysis, params.position, found.locale) ?? null);
  }));
  connection.onDefinition((params) => guarded('definition', null, async () => {
    const found = await analysisOf(params.textDocument.uri);
    return found === undefined ? null : (definition(found.analysis, params.position) ?? null);
  }));
  connection.onReferences((params) => guarded('references', [], async () => {
    const found = await analysisOf(params.textDocument.uri);
    if (found === undefined) return [];
    const others = [];
    for (const document of documents.all()) {
      const other = await analysisOf(document.uri);
      if (other !== undefined) others.push(other.analysis);
    }
    return references(found.analysis, params.position, params.context.includeDeclaration, others);
  }));
  connection.onDocumentSymbol((params) => guarded('documentSymbol', [], async () => {
    const found = await analysisOf(params.textDocument.uri);
    return found === undefined ? [] : documentSymbols(found.analysis.result.plan);
  }));
  connection.onFoldingRanges((params) => guarded('foldingRange', [], async () => {
    const found = await analysisOf(params.textDocument.uri);
    return found === undefined ? [] : foldingRanges(found.analysis.result.plan);
  }));
  connection.onCodeAction((params) => guarded('codeAction', [], async () => {
    const found = await analysisOf(params.textDocument.uri);
    if (found === undefined) return [];
    const { findings, context } = found.analysis.result;
    return codeActions(found.document, findings, params.context, found.locale, context.config);
  }));
  connection.onPrepareRename((params) => guarded('prepareRename', null, async () => {
    const found = await analysisOf(params.textDocument.uri);
    return found === undefined ? null : prepareRename(found.analysis, params.position, found.locale);
  }));
  connection.onRenameRequest((params) => guarded('rename', null, async () => {
    const found = await analysisOf(params.textDocument.uri);
    return found === undefined ? null : rename(found.analysis, found.document, params.position, params.newName, found.locale);
  }));

  connection.languages.inlayHint.on((params) => guarded('inlayHint', [], async () => {
    const found = await analysisOf(params.textDocument.uri);
    return found === undefined ? [] : inlayHints(found.analysis, params.range);
  }));
  connection.onCompletion((params) => guarded('completion', [], async () => {
    const found = await analysisOf(params.textDocument.uri);
    return found === undefined ? [] : completions(found.analysis, found.document.getText(), params.position);
  }));
  connection.onWorkspaceSymbol((params) => guarded('workspaceSymbol', [], async () => {
    const open = [];
    let corpus;
    for (const document of documents.all()) {
      const found = await analysisOf(document.uri);
      if (found === undefined) continue;
      open.push({ uri: document.uri, plan: found.analysis.result.plan });
      corpus ??= found.analysis.corpus;
    }
    return workspaceSymbols(params.query, open, corpus);
  }));

  // policylint's own requests (protocol.ts), for an editor's commands and status bar.
  connection.onRequest(REBUILD_INDEX_REQUEST, () =>
    guarded<RebuildIndexResult>('rebuildIndex', indexStatus.status, async () => {
      await reindex();
      for (const document of documents.all()) await analysisOf(document.uri);
      refresh();
      return indexStatus.status;
    }),
  );
  connection.onRequest(CHECK_WORKSPACE_REQUEST, () =>
    guarded<CheckWorkspaceResult>('checkWorkspace', { files: 0, plans: 0, errors: 0, warnings: 0, infos: 0 }, async () => {
      const { files, items } = await workspace.reports(undefined, new Map());
      const plans = items.flatMap((report) => (report.kind === DocumentDiagnosticReportKind.Full ? [report.items] : []));
      for (const document of documents.all()) if ((await analysisOf(document.uri)) !== undefined) plans.push(await diagnosticsOf(document.uri));
      refresh();
      return summarize(files + documents.all().length, plans);
    }),
  );
  connection.onRequest(RULES_REQUEST, () =>
    guarded<RuleInfo[]>('rules', [], async () => {
      const locale = await localeFor(folders[0] ?? '');
      return RULES.map((rule) => ({ id: rule.id, description: rule.description[locale], defaultSeverity: rule.defaultSeverity, docsUrl: ruleDocsUrl(rule.id) }));
    }),
  );

  documents.listen(errors.documentSync(connection));
  connection.listen();
}

/** How many plans were checked and what they hold, by severity. */
function summarize(files: number, plans: ReadonlyArray<readonly Diagnostic[]>): CheckWorkspaceResult {
  const count = (severity: DiagnosticSeverity): number => plans.reduce((n, items) => n + items.filter((d) => d.severity === severity).length, 0);
  return { files, plans: plans.length, errors: count(DiagnosticSeverity.Error), warnings: count(DiagnosticSeverity.Warning), infos: count(DiagnosticSeverity.Information) };
}
