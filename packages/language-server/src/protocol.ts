// policylint's own messages beside the LSP, for editor extensions (the VS Code extension's status bar
// and commands). Plain names and shapes only, so a client can import them without the server.

/** The code action kind of "renumber the whole document" (a source action). */
export const RENUMBER_ACTION_KIND = 'source.renumber.policylint';

/** Server → client notification: the state of the corpus index, sent when it changes. */
export const INDEX_STATUS_NOTIFICATION = 'policylint/indexStatus';

export interface IndexStatus {
  /** `indexing` while a corpus loads; `error` when one failed or a configuration file is unusable. */
  state: 'indexing' | 'ready' | 'error';
  /** Plans and measures of every corpus loaded so far (0 and 0 when no corpus was found). */
  plans: number;
  measures: number;
  /** What went wrong, in the server's message language; only with `error`. */
  message?: string;
}

/** Client → server request: drop configuration and corpus caches, index again, re-check open plans. */
export const REBUILD_INDEX_REQUEST = 'policylint/rebuildIndex';
/** Answered with the index status once every open plan's corpus is indexed again. */
export type RebuildIndexResult = IndexStatus;

/** Client → server request: check every plan of the workspace and refresh diagnostics. */
export const CHECK_WORKSPACE_REQUEST = 'policylint/checkWorkspace';

export interface CheckWorkspaceResult {
  /** Text files looked at (at most `policylint.workspaceDiagnosticsLimit`). */
  files: number;
  /** Of those, the ones that read as plans and were checked. */
  plans: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Client → server request: the rules, for a picker that opens their docs. */
export const RULES_REQUEST = 'policylint/rules';

export interface RuleInfo {
  id: string;
  /** In the server's message language for the workspace. */
  description: string;
  defaultSeverity: 'error' | 'warning' | 'info';
  docsUrl: string;
}
