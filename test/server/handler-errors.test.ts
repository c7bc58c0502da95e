import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification, DocumentDiagnosticRequest, HoverRequest, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startClient, type Client } from './lsp-client.js';

// Measure 3 cites measure 1 (hover shows it) and skips 2 (one numbering-sequence error).
const DRAFT = '关于某事的实施方案\n一、总体要求\n1.推进改革。落实有关要求。\n3.加强监管。按照第1条执行。';

let dir: string;
let client: Client;
let uri: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policylint-handler-errors-'));
  client = await startClient({ pull: true });
  uri = client.open(join(dir, 'draft.txt'), DRAFT);
});
afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

const diagnostics = async (): Promise<string[]> => {
  const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { items: Diagnostic[] };
  return report.items.map((d) => `${d.range.start.line}:${String(d.code)}`);
};
const hoverCitation = async (): Promise<string | undefined> => {
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: DRAFT.split('\n')[3]!.indexOf('第1条') + 1 } });
  return (hover?.contents as MarkupContent | undefined)?.value;
};
const failures = (): string[] => client.logs.filter((line) => line.startsWith('policylint: ') && line.includes(' failed: '));

it('answers malformed requests and notifications, keeps serving, and logs each distinct failure once', async () => {
  expect(await diagnostics()).toEqual(['3:numbering-sequence']);
  expect(await hoverCitation()).toContain('1.推进改革');

  // A hover without a document fails inside the handler; repeated, it is answered every time and logged once.
  for (let i = 0; i < 3; i++) expect(await client.connection.sendRequest(HoverRequest.type, {} as never)).toBeNull();
  // The same handler failing differently (no position) is a new failure, logged once too.
  for (let i = 0; i < 2; i++) expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri } } as never)).toBeNull();
  // A malformed didOpen fails in the document sync (TextDocuments), which is guarded the same way.
  for (let i = 0; i < 3; i++) void client.connection.sendNotification(DidOpenTextDocumentNotification.type, {} as never);
  // A position far outside the text is no failure: nothing there, nothing logged.
  expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1e9, character: 1e9 } })).toBeNull();

  // Still serving: the same diagnostics and hover as before. (Messages are handled in order: the didOpens came first.)
  expect(await diagnostics()).toEqual(['3:numbering-sequence']);
  expect(await hoverCitation()).toContain('1.推进改革');
  const logged = failures().map((line) => line.split('\n')[0]!);
  expect(logged.map((line) => /^policylint: (\w+) failed: TypeError: /.exec(line)?.[1])).toEqual(['hover', 'hover', 'didOpen']);
  expect(logged[0]).not.toBe(logged[1]);
  // vscode-jsonrpc's own "Notification handler … failed" line would appear for each unguarded failure.
  expect(client.logs.filter((line) => line.startsWith('Notification handler'))).toEqual([]);
});
