import {
  CHECK_WORKSPACE_REQUEST,
  REBUILD_INDEX_REQUEST,
  RENUMBER_ACTION_KIND,
  RULES_REQUEST,
  type CheckWorkspaceResult,
  type IndexStatus,
  type RuleInfo,
} from '@policylint/language-server/protocol';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const SHOW_OUTPUT_COMMAND = 'policylint.showOutput';

/** The commands of the palette. Each asks the server or VS Code; none knows about plans itself. */
export function registerCommands(client: LanguageClient, showIndexStatus: (status: IndexStatus) => void): vscode.Disposable[] {
  const register = (name: string, run: () => Thenable<unknown>): vscode.Disposable => vscode.commands.registerCommand(`policylint.${name}`, run);
  return [
    register('renumber', () => renumber()),
    register('checkWorkspace', () => checkWorkspace(client)),
    register('rebuildIndex', async () => {
      const status = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('policylint: indexing corpus…') }, () =>
        client.sendRequest<IndexStatus>(REBUILD_INDEX_REQUEST),
      );
      showIndexStatus(status);
    }),
    register('showOutline', () => vscode.commands.executeCommand('outline.focus')),
    register('openRuleDocs', () => openRuleDocs(client)),
    register('restartServer', () => client.restart()),
    register('showOutput', async () => client.outputChannel.show(true)),
  ];
}

/** Applies the server's "renumber the whole document" source action, citations following. */
async function renumber(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) return;
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', document.uri, whole, RENUMBER_ACTION_KIND);
  const action = actions?.find((a) => a.kind?.value === RENUMBER_ACTION_KIND && a.edit !== undefined);
  if (action?.edit === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to renumber: the numbering is in order, or this file is not a plan.'));
    return;
  }
  await vscode.workspace.applyEdit(action.edit);
}

async function checkWorkspace(client: LanguageClient): Promise<void> {
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('policylint: checking the workspace…') }, () =>
    client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST),
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Checked {0} plans in {1} files: {2} errors, {3} warnings, {4} infos.', result.plans, result.files, result.errors, result.warnings, result.infos),
  );
}

/** The docs of the rule under the cursor; elsewhere, a pick from every rule. */
async function openRuleDocs(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor !== undefined) {
    const here = vscode.languages
      .getDiagnostics(editor.document.uri)
      .find((d) => d.source === 'policylint' && d.range.contains(editor.selection.active) && typeof d.code === 'object');
    if (here !== undefined && typeof here.code === 'object') {
      await vscode.env.openExternal(here.code.target);
      return;
    }
  }
  const rules = await client.sendRequest<RuleInfo[]>(RULES_REQUEST);
  const picked = await vscode.window.showQuickPick(
    rules.map((rule) => ({ label: rule.id, description: rule.description, rule })),
    { placeHolder: vscode.l10n.t('Which rule’s documentation?') },
  );
  if (picked !== undefined) await vscode.env.openExternal(vscode.Uri.parse(picked.rule.docsUrl));
}
