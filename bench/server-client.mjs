// A minimal LSP client for bench/server.mjs: spawns the built language server over stdio and drives
// it like an editor (as test/server/lsp-client.ts does), with what a benchmark needs on top: the
// server's pid for /proc readings, timestamps from spawn, node flags for the server process (e.g.
// --cpu-prof), and a waiter for published diagnostics of a given document version.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';
import { URI } from 'vscode-uri';

export const SERVER_BIN = fileURLToPath(new URL('../packages/language-server/bin/policylint-language-server.js', import.meta.url));

/** Resident set size (VmRSS) and its peak (VmHWM) of a process, in bytes, from /proc/<pid>/status. */
export function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kB('VmRSS'), peak: kB('VmHWM') };
}

/**
 * Spawns the server and initializes it. `pull`: announce the `textDocument.diagnostic` capability
 * (the server then answers pulls and publishes nothing). `settings`: what `workspace/configuration`
 * returns for `policylint`. `nodeFlags`: flags for the server's node process. `bin`: the server's
 * entry point (default: the workspace's).
 * The returned `spawnedAt` / `initializedAt` are performance.now() values of this process.
 */
export async function startServer({ pull = true, settings = {}, nodeFlags = [], bin = SERVER_BIN } = {}) {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs = [];
  /** uri → [{ version, resolve }] */
  const waiting = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const at = performance.now();
    const waiters = waiting.get(params.uri) ?? [];
    const keep = [];
    for (const w of waiters) {
      if (w.version === undefined || params.version === w.version) w.resolve({ ...params, at });
      else keep.push(w);
    }
    waiting.set(params.uri, keep);
  });
  connection.onNotification('window/logMessage', (params) => logs.push(params.message));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const capabilities = {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: {
      ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
      hover: { contentFormat: ['markdown'] },
    },
  };
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, locale: 'zh-cn', workspaceFolders: null });
  const initializedAt = performance.now();
  await connection.sendNotification(InitializedNotification.type, {});

  const documents = new Map(); // uri → version
  return {
    pid: child.pid,
    connection,
    logs,
    spawnedAt,
    initializedAt,
    stderr: () => stderr,
    memory: () => rss(child.pid),
    open(path, text) {
      const uri = URI.file(path).toString();
      documents.set(uri, 1);
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      return uri;
    },
    /** Sends one incremental change; returns the document's new version. */
    change(uri, range, text) {
      const version = documents.get(uri) + 1;
      documents.set(uri, version);
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      return version;
    },
    /** The diagnostics published for `uri` (at `version`, when given); resolves with the params and `at`. */
    published(uri, version) {
      return new Promise((resolve) => waiting.set(uri, [...(waiting.get(uri) ?? []), { version, resolve }]));
    },
    pull: (uri) => connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }),
    hover: (uri, position) => connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const result = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(undefined), 30_000))]);
      connection.dispose();
      if (result === undefined) {
        child.kill();
        throw new Error('the server did not exit within 30 s of the exit notification');
      }
      return result;
    },
  };
}
