import type { Locale } from '@policylint/checker';
import { DocumentDiagnosticReportKind, type CancellationToken, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { Analyses } from './analyses.js';
import type { EditorSettings } from './settings.js';
import { toDiagnostic } from './to-lsp.js';
import { readWorkspaceFile, workspaceFiles } from './workspace-files.js';

export interface WorkspaceDiagnosticsOptions {
  folders: () => readonly string[];
  /** Open documents: their diagnostics come through document pulls. */
  openUris: () => ReadonlySet<string>;
  settings: (uri: string) => Promise<EditorSettings>;
  localeFor: (uri: string) => Promise<Locale>;
  analyses: Analyses;
}

/**
 * The diagnostics of every plan of the workspace that is not open. VS Code pulls them again 2 s after
 * each answer, so a file whose stamp is unchanged since the client's last result, in the same
 * generation, is answered "unchanged" without being read and checked again.
 */
export class WorkspaceDiagnostics {
  private generation = 0;
  /** Result ids of files that did not read as plans (not reported, so the client has no id for them). */
  private readonly notPlans = new Map<string, string>();

  constructor(private readonly options: WorkspaceDiagnosticsOptions) {}

  /** Results may differ now (settings, configuration or corpus changed, a document closed): check everything again. */
  invalidate(): void {
    this.generation++;
    this.notPlans.clear();
  }

  /**
   * @param previous the client's result ids by URI; empty to get every plan's full report.
   * @returns how many files were looked at, and a report per plan.
   */
  async reports(token: CancellationToken | undefined, previous: ReadonlyMap<string, string>): Promise<{ files: number; items: WorkspaceDocumentDiagnosticReport[] }> {
    const { settings, localeFor, analyses } = this.options;
    const { workspaceDiagnosticsLimit } = await settings(this.options.folders()[0] ?? '');
    const files = await workspaceFiles(this.options.folders(), workspaceDiagnosticsLimit, this.options.openUris());
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const file of files) {
      if (token?.isCancellationRequested === true) break;
      const resultId = `${this.generation}/${file.stamp}`;
      if (previous.get(file.uri) === resultId) {
        items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: file.uri, version: null, resultId });
        continue;
      }
      if (this.notPlans.get(file.uri) === resultId || !(await settings(file.uri)).enable) continue;
      const document = await readWorkspaceFile(file);
      if (document === undefined) continue;
      const analysis = await analyses.get(document);
      analyses.forget(document.uri);
      if (!analysis.isPlan) {
        this.notPlans.set(file.uri, resultId);
        continue;
      }
      const locale = await localeFor(file.uri);
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri: file.uri, version: null, resultId, items: analysis.result.findings.map((f) => toDiagnostic(f, locale, file.uri)) });
    }
    return { files: files.length, items };
  }
}
