import type { IndexStatus } from '@policylint/language-server/protocol';
import * as vscode from 'vscode';

/** The status bar item: what the corpus index is doing; a click opens the output channel. */
export class IndexStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policylint.status', vscode.StatusBarAlignment.Right, 100);

  constructor(command: string) {
    this.item.name = vscode.l10n.t('policylint');
    this.item.command = command;
    this.starting();
    this.item.show();
  }

  starting(): void {
    this.set('$(sync~spin)', vscode.l10n.t('policylint: starting…'), vscode.l10n.t('The policylint language server is starting.'));
  }

  stopped(): void {
    this.set('$(circle-slash)', vscode.l10n.t('policylint: stopped'), vscode.l10n.t('The policylint language server is not running. Click to see its output.'), true);
  }

  show(status: IndexStatus): void {
    if (status.state === 'indexing') {
      this.set('$(sync~spin)', vscode.l10n.t('policylint: indexing corpus…'), vscode.l10n.t('Reading the plans in force.'));
    } else if (status.state === 'error') {
      this.set('$(error)', vscode.l10n.t('policylint: error'), status.message ?? '', true);
    } else if (status.plans === 0) {
      this.set('$(check)', vscode.l10n.t('policylint: ready'), vscode.l10n.t('No corpus found: add a seeds/ folder or set policylint.corpus to check overlap and citations of other plans.'));
    } else {
      const text = status.plans === 1 ? vscode.l10n.t('policylint: 1 plan, {0} measures', status.measures) : vscode.l10n.t('policylint: {0} plans, {1} measures', status.plans, status.measures);
      this.set('$(check)', text, vscode.l10n.t('Corpus indexed: the plans in force and their measures. Click to see the output.'));
    }
  }

  dispose(): void {
    this.item.dispose();
  }

  private set(icon: string, text: string, tooltip: string, error = false): void {
    this.item.text = `${icon} ${text}`;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }
}
