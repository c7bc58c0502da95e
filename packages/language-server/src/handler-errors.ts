import type { Connection, NotificationHandler, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** What `TextDocuments.listen` registers its handlers on. */
type DocumentSyncConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

/**
 * Keeps the server serving when a handler fails: a request is answered with its fallback, a
 * notification is dropped, and the failure is said in the client's log once per distinct error, so
 * a client that repeats a bad request does not flood the log.
 */
export class HandlerErrors {
  private readonly reported = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  /** Runs a request handler; a failure is reported and answered with `fallback`. Refusals reach the client as errors. */
  guard<T>(name: string, fallback: T, work: () => Promise<T> | T): Promise<T> {
    return Promise.resolve()
      .then(work)
      .catch((error: unknown) => {
        if (isRefusal(error)) throw error;
        this.report(name, error);
        return fallback;
      });
  }

  /** Says a failure of `name` in the log, unless the same failure was said before. */
  private report(name: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${name}\n${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.log(`policylint: ${name} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
  }

  /**
   * The connection as `TextDocuments.listen` sees it, its notification handlers guarded: they read
   * the client's params unchecked, and a malformed didOpen would otherwise be logged every time.
   */
  documentSync(connection: Connection): DocumentSyncConnection {
    const guarded =
      <P>(name: string, handler: NotificationHandler<P>): NotificationHandler<P> =>
      (params) => {
        try {
          handler(params);
        } catch (error) {
          this.report(name, error);
        }
      };
    return {
      onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(guarded('didOpen', handler)),
      onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(guarded('didChange', handler)),
      onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(guarded('didClose', handler)),
      onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(guarded('willSave', handler)),
      onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(handler),
      onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(guarded('didSave', handler)),
    };
  }
}

/** A refusal the user should see (rename of something that is not a number), not a failure to log. */
function isRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 0;
}
