import { INDEX_STATUS_NOTIFICATION, type IndexStatus } from '@policylint/language-server/protocol';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands, SHOW_OUTPUT_COMMAND } from './commands';
import { IndexStatusBar } from './status-bar';

let client: LanguageClient | undefined;

/** Starts the bundled language server; commands and the status bar only relay what it says. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('policylint');
  const statusBar = new IndexStatusBar(SHOW_OUTPUT_COMMAND);
  client = createClient(context, output);
  context.subscriptions.push(
    output,
    statusBar,
    client.onNotification(INDEX_STATUS_NOTIFICATION, (status: IndexStatus) => statusBar.show(status)),
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Starting) statusBar.starting();
      if (newState === State.Stopped) statusBar.stopped();
    }),
    ...registerCommands(client, (status) => statusBar.show(status)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
