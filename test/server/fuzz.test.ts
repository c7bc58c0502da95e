import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeTextDocumentNotification, DocumentDiagnosticRequest, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { URI } from 'vscode-uri';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startClient, type Client } from './lsp-client.js';
import { random } from './random.js';

const ROOT = join(import.meta.dirname, '../..');
const STEPS = 3000;
// Pieces that make edits land in and around markers, citations, line ends and surrogate pairs.
const PIECES = ['1.', '2、', '（一）', '(二)', '一、', '第3条', '第（二）项', '《', '》', '。', '\n', '\r\n', '𠀀', '𝟘', 'e\u0301', '區(qū)', '?。ㄒ', '推进无还本续贷', ' ', ''];

let dir: string;
let client: Client;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policylint-fuzz-'));
  cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  client = await startClient({ pull: true });
});
afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

it(`keeps answering through ${STEPS} random edits, and ends where a fresh check of the final text does`, async () => {
  const next = random(20261127);
  const start = '关于某事的实施方案\n一、总体要求\n（一）目标\n1.推进改革。落实第2条。\n2.加强监管。推进无还本续贷。\n二、保障\n3.强化落实。';
  const uri = client.open(join(dir, 'draft.txt'), start);
  let document = TextDocument.create(uri, 'plaintext', 1, start);
  for (let step = 1; step <= STEPS; step++) {
    const length = document.getText().length;
    const from = Math.floor(next() * (length + 1));
    const to = Math.min(length, from + (next() < 0.5 ? 0 : Math.floor(next() * 6)));
    const text = next() < 0.4 ? '' : PIECES[Math.floor(next() * PIECES.length)]!;
    const range = { start: document.positionAt(from), end: document.positionAt(to) };
    document = TextDocument.update(document, [{ range, text }], document.version + 1);
    void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [{ range, text }] });
    if (step % 50 === 0) {
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      expect(report.kind).toBe('full');
      const position = document.positionAt(Math.floor(next() * (document.getText().length + 1)));
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    }
  }
  const final = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { items: Diagnostic[] };
  const freshUri = client.open(join(dir, 'fresh.txt'), document.getText());
  const fresh = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: freshUri } })) as { items: Diagnostic[] };
  const strip = (items: Diagnostic[]) => items.map((d) => ({ range: d.range, code: d.code, message: d.message }));
  expect(strip(final.items)).toEqual(strip(fresh.items));
  expect(client.logs.filter((l) => l.includes('failed'))).toEqual([]);
  expect(URI.parse(uri).scheme).toBe('file');
}, 120_000);
