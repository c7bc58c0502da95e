import { checkText } from '@policylint/checker';
import { ConfigLoader, CorpusCache } from '@policylint/checker/node';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver-protocol/node.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type Client } from './lsp-client.js';
import { random } from './random.js';

const ROOT = join(import.meta.dirname, '../..');
const SEED = 'seeds/xiamen-2023-business-environment-action-plan.txt';
const MB = 1024 * 1024;
// Generous: the server holds the seed-size draft, the corpus and its overlap index (~100 MB resident in practice).
const MEMORY_LIMIT = 600 * MB;

/** A process's resident and peak resident memory in bytes, from /proc (Linux, as CI). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const bytes = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(status)![1]) * 1024;
  return { rss: bytes('VmRSS'), peak: bytes('VmHWM') };
}
const mb = (bytes: number): string => `${(bytes / MB).toFixed(0)} MB`;

/** The diagnostics a fresh check of `text` at `path` gives, in process, with the configuration and corpus the server finds there. */
async function freshCheck(path: string, text: string): Promise<Array<Pick<Diagnostic, 'code' | 'range' | 'message'>>> {
  const { config, path: configPath } = await new ConfigLoader(undefined).forFile(path);
  const loaded = await new CorpusCache().forFile(path, { path: configPath, corpus: config.corpus });
  const { findings } = checkText(text, { config, corpus: loaded?.corpus, documentId: path });
  return findings.map((f) => ({ code: f.ruleId, range: f.range, message: f.message['zh-CN'] }));
}
/** How each promise settled, or `pending` for those still pending after `ms`. */
async function settledWithin<T>(promises: ReadonlyArray<Promise<T>>, ms: number): Promise<Array<PromiseSettledResult<T> | { status: 'pending' }>> {
  const outcomes: Array<PromiseSettledResult<T> | { status: 'pending' }> = promises.map(() => ({ status: 'pending' }));
  let timer: NodeJS.Timeout | undefined;
  const settled = Promise.all(promises.map((p, i) => p.then((value) => (outcomes[i] = { status: 'fulfilled', value }), (reason: unknown) => (outcomes[i] = { status: 'rejected', reason }))));
  await Promise.race([settled, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
  return outcomes;
}
const essentials = (items: readonly Diagnostic[]) => items.map(({ code, range, message }) => ({ code, range, message }));

let dir: string;
beforeAll(() => {
  // Drafts sit next to a copy of seeds/, so every check loads the corpus and runs overlap.
  dir = mkdtempSync(join(tmpdir(), 'policylint-load-'));
  cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHANGES = 2000;
const HOVER_EVERY = 50;
// What the drafter types: a new measure that repeats and cites the seed, so every rule has work.
const TYPED = '\n29.强化融资支持服务。落实第3条，推动无还本续贷增量扩面，支持民间投资项目申报国家政策性开发性金融工具。';

describe.each(['pull', 'push'] as const)('a seed-size draft under load, %s diagnostics', (mode) => {
  const pull = mode === 'pull';
  let client: Client;
  beforeAll(async () => {
    client = await startClient({ pull });
  });
  afterAll(() => client.stop());

  it(`answers every hover through ${CHANGES} changes sent at once, ends where a fresh check ends, and stays under ${mb(MEMORY_LIMIT)}`, async () => {
    const path = join(dir, `draft-${mode}.txt`);
    const seed = readFileSync(join(ROOT, SEED), 'utf8');
    const uri = client.open(path, seed);
    let document = TextDocument.create(uri, 'plaintext', 1, seed);
    const start = memory(client.pid);
    const next = random(20261127);
    let cursor = 0;
    const requests: Array<Promise<unknown>> = [];
    const request = <T>(send: () => Promise<T>): Promise<T> => {
      const answer = send();
      requests.push(answer);
      return answer;
    };
    for (let change = 1; change <= CHANGES; change++) {
      // Typing at a cursor with a backspace now and then; the cursor jumps to another line end every 200 changes.
      if (change % 200 === 1) cursor = document.offsetAt({ line: Math.floor(next() * document.lineCount), character: Number.MAX_SAFE_INTEGER });
      const backspace = cursor > 0 && next() < 0.15;
      const range: Range = { start: document.positionAt(backspace ? cursor - 1 : cursor), end: document.positionAt(cursor) };
      const text = backspace ? '' : TYPED[change % TYPED.length]!;
      cursor += backspace ? -1 : 1;
      document = TextDocument.update(document, [{ range, text }], document.version + 1);
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [{ range, text }] });
      if (change % HOVER_EVERY === 0) void request(() => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: document.positionAt(cursor) }));
    }

    let final: Diagnostic[];
    if (pull) {
      final = ((await request(() => client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }))) as { items: Diagnostic[] }).items;
    } else {
      await client.until(() => client.published.some((p) => p.uri === uri && p.version === document.version));
      final = client.published.filter((p) => p.uri === uri).at(-1)!.diagnostics;
    }
    // Counted, not awaited one by one: a request left unanswered shows as a missing answer, not a hung test.
    const answers = await settledWithin(requests, 30_000);
    const answered = answers.filter((a) => a.status === 'fulfilled').length;
    const end = memory(client.pid);
    console.info(`${mode}: ${requests.length} requests, ${answered} answered; server RSS ${mb(start.rss)} after open, ${mb(end.rss)} at the end, peak ${mb(end.peak)}`);

    expect(requests).toHaveLength(CHANGES / HOVER_EVERY + (pull ? 1 : 0));
    expect(answered).toBe(requests.length);
    expect(essentials(final)).toEqual(await freshCheck(path, document.getText()));
    // Not a comparison of empty lists: the draft repeats the seed, so overlap ran and found.
    expect(new Set(final.map((d) => d.code))).toContain('overlap-existing');
    expect(end.peak).toBeLessThan(MEMORY_LIMIT);
    expect(client.logs.filter((line) => line.includes(' failed: '))).toEqual([]);
  }, 120_000);
});

const DOCUMENTS = 500;
// Each draft repeats a seed measure (overlap), skips measure 3 and cites a measure that may not exist.
const draft = (i: number): string =>
  [
    `关于推进第${i}批重点工作的实施方案`,
    '一、总体要求',
    '1.强化融资服务支持。支持民间投资项目申报国家政策性开发性金融工具。推动无还本续贷增量扩面。',
    `2.优化审批流程。第${i}批事项压缩办理时限，落实第1条。`,
    '4.完善考核机制。每季度通报进展。',
    '二、保障措施',
    `5.加强组织领导。确保第${(i % 7) + 1}条落实到位。`,
  ].join('\n');

describe(`${DOCUMENTS} documents opened at once, then closed`, () => {
  let client: Client;
  beforeAll(async () => {
    client = await startClient();
  });
  afterAll(() => client.stop());

  it('publishes each one’s diagnostics, clears them on close and publishes nothing after, and gives the memory back', async () => {
    // The last diagnostics published for each document (later ones replace earlier ones).
    const latest = () => new Map(client.published.map((p) => [p.uri, p]));
    // Warm up with one document, so the corpus and its index are loaded before the baseline is taken.
    const warm = client.open(join(dir, 'warm-up.txt'), draft(0));
    await client.until(() => latest().get(warm)?.version === 1);

    const before = memory(client.pid);
    const uris = Array.from({ length: DOCUMENTS }, (_, i) => client.open(join(dir, 'many', `draft-${i + 1}.txt`), draft(i + 1)));
    await client.until(() => {
      const last = latest();
      return uris.every((uri) => last.get(uri)?.version === 1);
    });
    const open = memory(client.pid);
    const opened = latest();
    for (const uri of uris) expect(opened.get(uri)!.diagnostics.map((d) => d.code)).toContain('numbering-sequence');

    for (const uri of uris) void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await client.until(() => {
      const last = latest();
      return uris.every((uri) => last.get(uri)?.version === undefined && last.get(uri)?.diagnostics.length === 0);
    });
    // The closed documents' memory comes back when V8 collects it, a few seconds after the server goes
    // idle: measured when it is within 10 MB of the start, or after 10 s. Asserted with room for noise.
    const closed = memory(client.pid);
    let after = closed;
    for (let waited = 0; after.rss > before.rss + 10 * MB && waited < 10_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      after = memory(client.pid);
    }
    console.info(
      `${DOCUMENTS} documents: server RSS ${mb(before.rss)} before opening, ${mb(open.rss)} with all open, ${mb(closed.rss)} on closing, ${mb(after.rss)} settled, peak ${mb(after.peak)}`,
    );

    expect(after.rss).toBeLessThanOrEqual(before.rss + 100 * MB);
    // Per document: its diagnostics (version 1), then one clear on close, and nothing since.
    const publishes = new Map<string, string[]>(uris.map((uri) => [uri, []]));
    for (const p of client.published) publishes.get(p.uri)?.push(p.version === undefined ? `clear:${p.diagnostics.length}` : `v${p.version}`);
    expect(new Set([...publishes.values()].map((kinds) => kinds.join(' ')))).toEqual(new Set(['v1 clear:0']));
    expect(client.logs.filter((line) => line.includes(' failed: '))).toEqual([]);
  }, 120_000);
});
