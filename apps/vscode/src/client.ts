import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Plain text and Markdown, on disk, unsaved, or in a virtual workspace; the server decides what is a plan. */
const DOCUMENT_SELECTOR = ['file', 'untitled', 'vscode-vfs'].flatMap((scheme) => [
  { scheme, language: 'plaintext' },
  { scheme, language: 'markdown' },
]);

/**
 * The client of the language server bundled in `dist/server.js`, run in Node over IPC. The client
 * sends `vscode.env.language` as `InitializeParams.locale`, which the server's messages follow.
 */
export function createClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // As the server's own bin does: a small heap over fewer collections for a process that runs all day.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: ['--optimize-for-size'] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    diagnosticPullOptions: { onChange: true, onSave: true },
    markdown: { isTrusted: false, supportHtml: false },
  };
  // The id `policylint` makes `policylint.trace.server` the trace setting.
  return new LanguageClient('policylint', 'policylint', serverOptions, clientOptions);
}
