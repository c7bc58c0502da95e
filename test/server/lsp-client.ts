import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  DidOpenTextDocumentNotification,
  ExitNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { URI } from 'vscode-uri';

const require = createRequire(import.meta.url);
const serverPackage = require.resolve('@policylint/language-server/package.json');
const bin = (require(serverPackage) as { bin: Record<string, string> }).bin['policylint-language-server']!;

/** The built server binary, as npm links it. */
export const SERVER_PATH = join(dirname(serverPackage), bin);

export interface Client {
  connection: ProtocolConnection;
  /** Resolves with the next diagnostics published for `uri`. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
  open(path: string, text: string): string;
  /** Messages the server logged (window/logMessage). */
  logs: string[];
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** The server's process id, to read its memory from /proc. */
  pid: number;
  /** Resolves with the first notification of `method` (received so far or later) whose params pass `test`. */
  notified<T>(method: string, test: (params: T) => boolean): Promise<T>;
  /** Resolves once `condition` holds: checked now and after every notification from the server. */
  until(condition: () => boolean): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the real server over stdio and initializes it like an editor would. */
export async function startClient(options: { pull?: boolean; locale?: string; settings?: Record<string, unknown>; folder?: string } = {}): Promise<Client> {
  const child: ChildProcess = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, Array<(p: PublishDiagnosticsParams) => void>>();
  const logs: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  // Any other notification (policylint's own), kept so a test can wait for one that came early.
  const received: Array<{ method: string; params: unknown }> = [];
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of listeners) listener();
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    const waiters = waiting.get(params.uri) ?? [];
    waiting.delete(params.uri);
    for (const resolve of waiters) resolve(params);
    changed();
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => logs.push(params.message));
  connection.onUnhandledNotification(({ method, params }) => {
    received.push({ method, params });
    changed();
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const capabilities: ClientCapabilities = {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: {
      ...(options.pull === true ? { diagnostic: { dynamicRegistration: false } } : {}),
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
      rename: { prepareSupport: true },
      hover: { contentFormat: ['markdown'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    },
  };
  const workspaceFolders = options.folder === undefined ? null : [{ uri: URI.file(options.folder).toString(), name: 'workspace' }];
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, locale: options.locale ?? 'zh-cn', workspaceFolders });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    logs,
    published,
    pid: child.pid!,
    notified: <T>(method: string, test: (params: T) => boolean) =>
      new Promise<T>((resolve) => {
        const look = (): void => {
          const found = received.find((n) => n.method === method && test(n.params as T));
          if (found === undefined) return;
          listeners.delete(look);
          resolve(found.params as T);
        };
        listeners.add(look);
        look();
      }),
    until: (condition) =>
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (!condition()) return;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        check();
      }),
    nextDiagnostics: (uri) =>
      new Promise((resolve) => {
        waiting.set(uri, [...(waiting.get(uri) ?? []), resolve]);
      }),
    open(path, text) {
      const uri = URI.file(path).toString();
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      return uri;
    },
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      connection.dispose();
      await new Promise<void>((resolve) => (child.exitCode === null ? child.once('exit', () => resolve()) : resolve()));
    },
  };
}
