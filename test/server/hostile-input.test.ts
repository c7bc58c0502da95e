import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CodeActionTriggerKind,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node.js';
import { URI } from 'vscode-uri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileInputs, nonsenseNesting, SEED_PATH, twentyMegabytePlan } from '../hostile-inputs.js';
import { startClient, type Client } from './lsp-client.js';

const ROOT = join(import.meta.dirname, '../..');
// Generous: each answer below comes in a few seconds at most; a hang or a quadratic path takes minutes.
const BOUND_MS = 60_000;
const DRAFT = readFileSync(join(ROOT, 'examples/private-investment-measures-draft.txt'), 'utf8');

let dir: string;
let client: Client;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policylint-hostile-'));
  mkdirSync(join(dir, 'seeds'));
  cpSync(join(ROOT, SEED_PATH), join(dir, 'seeds/seed.txt'));
  client = await startClient({ pull: true, locale: 'en' });
});
afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens `text` as the file `name` under `folder` (Markdown for `.md`) and returns its pulled diagnostics. */
async function diagnose(name: string, text: string, folder = dir): Promise<Diagnostic[]> {
  const uri = URI.file(join(folder, name)).toString();
  const languageId = name.endsWith('.md') ? 'markdown' : 'plaintext';
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  return (report as { items: Diagnostic[] }).items;
}

const summary = (items: readonly Diagnostic[]): string[] => items.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);

/** The server still answers, and has logged no failure. */
async function stillServing(): Promise<void> {
  const uri = URI.file(join(dir, 'alive.txt')).toString();
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: '一、甲\n1.乙。见第1条。' } });
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 7 } });
  expect(hover).not.toBeNull();
  expect(client.logs.filter((line) => line.includes('failed'))).toEqual([]);
}

describe('the language server on hostile input', () => {
  it.each(hostileInputs().map((input) => [input.name, input] as const))(
    'publishes a clean result for %s',
    async (_name, input) => {
      expect(summary(await diagnose(input.file, input.text))).toEqual(input.expected);
      await stillServing();
    },
    BOUND_MS,
  );

  it('checks a 20 MB plan to its last line, and offers a quick fix at a cursor without checking it all again', async () => {
    const { text, lastLine } = twentyMegabytePlan();
    const items = await diagnose('big.txt', text);
    const last = items.filter((d) => d.code === 'overlap-existing').pop();
    expect(last!.range.start.line).toBeGreaterThan(lastLine - 400);
    // The lightbulb's request, at every cursor move: the quick fix of the diagnostic there, found by
    // its code and range, and no source action (those fix or renumber all 20 MB again).
    const sequence = items.filter((d) => d.code === 'numbering-sequence').pop()!;
    const uri = URI.file(join(dir, 'big.txt')).toString();
    const context = { diagnostics: [sequence], triggerKind: CodeActionTriggerKind.Automatic };
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: sequence.range, context })) as CodeAction[];
    expect(actions.map((a) => a.kind)).toEqual(['quickfix']);
    expect(actions[0]!.edit!.changes![uri]!.length).toBeGreaterThan(0);
    await stillServing();
    // ~20 s here: 100,000 diagnostics (53 MB of JSON) to send; twice the bound leaves a slow CI room.
  }, 2 * BOUND_MS);

  it('offers the source actions when asked for by kind or by the user, not on automatic requests', async () => {
    const uri = URI.file(join(dir, 'small.txt')).toString();
    await diagnose('small.txt', '一、总体要求\n1.甲。\n3、乙。');
    const kinds = async (context: { only?: string[]; triggerKind?: CodeActionTriggerKind }) => {
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [], ...context } })) as CodeAction[];
      return actions.map((a) => a.kind);
    };
    const both = ['source.renumber.policylint', 'source.fixAll.policylint'];
    expect(await kinds({ triggerKind: CodeActionTriggerKind.Invoked })).toEqual(both);
    expect(await kinds({})).toEqual(both);
    expect(await kinds({ only: ['source.fixAll'], triggerKind: CodeActionTriggerKind.Automatic })).toEqual(['source.fixAll.policylint']);
    expect(await kinds({ triggerKind: CodeActionTriggerKind.Automatic })).toEqual([]);
  });

  it('reports levels nested in nonsense orders', async () => {
    const items = await diagnose('nesting.txt', nonsenseNesting());
    expect(new Set(items.map((d) => d.code))).toEqual(new Set(['numbering-sequence', 'numbering-hierarchy']));
    await stillServing();
  }, BOUND_MS);

  it('checks text with NUL bytes and lone surrogates, which a file could not hold, where they are', async () => {
    expect(summary(await diagnose('nul.txt', '一、总体要求\n1.甲\0措施。见第9条。\n3.乙\0。'))).toEqual(['1:8 xref-unresolved', '2:0 numbering-sequence']);
    expect(summary(await diagnose('lone.txt', '一、总体要求\n1.甲\ud800措施。见第9条。\n3.乙\udc00。'))).toEqual(['1:8 xref-unresolved', '2:0 numbering-sequence']);
    await stillServing();
  }, BOUND_MS);
});

describe('the language server with a hostile corpus folder', () => {
  it('reads the same plans in force past symlink loops, a FIFO, empty, binary and non-plan files', async () => {
    const overlaps = async (folder: string) => summary((await diagnose('draft.txt', DRAFT, folder)).filter((d) => d.code === 'overlap-existing'));
    const spoiled = join(dir, 'spoiled');
    mkdirSync(join(spoiled, 'seeds/nested'), { recursive: true });
    cpSync(join(ROOT, SEED_PATH), join(spoiled, 'seeds/seed.txt'));
    symlinkSync('loop-b', join(spoiled, 'seeds/loop-a'));
    symlinkSync('loop-a', join(spoiled, 'seeds/loop-b'));
    symlinkSync('.', join(spoiled, 'seeds/self'));
    symlinkSync('..', join(spoiled, 'seeds/nested/up'));
    spawnSync('mkfifo', [join(spoiled, 'seeds/pipe.txt')]);
    writeFileSync(join(spoiled, 'seeds/empty.txt'), '');
    writeFileSync(join(spoiled, 'seeds/README.md'), '# 说明\n本目录存放现行方案。\n');
    writeFileSync(join(spoiled, 'seeds/figure.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const clean = await overlaps(dir);
    expect(clean.length).toBeGreaterThan(0);
    expect(await overlaps(spoiled)).toEqual(clean);
    await stillServing();
  }, BOUND_MS);
});

describe('the language server with a hostile configuration', () => {
  const text = '一、总体要求\n1.甲。\n3.乙。';

  it('says once what is wrong with each configuration file, checks with the defaults, and never waits on a FIFO', async () => {
    const configs: Record<string, string | null> = {
      'invalid-json': '{ "rules": ',
      'unknown-key': '{ "rulez": {} }',
      'wrong-type': '{ "rules": "error" }',
      'absurd-threshold': '{ "overlap": { "threshold": -1 } }',
      fifo: null,
    };
    for (const [name, config] of Object.entries(configs)) {
      mkdirSync(join(dir, name));
      if (config === null) spawnSync('mkfifo', [join(dir, name, 'policylint.config.json')]);
      else writeFileSync(join(dir, name, 'policylint.config.json'), config);
      for (const file of ['a.txt', 'b.txt']) expect(summary(await diagnose(file, text, join(dir, name)))).toEqual(['2:0 numbering-sequence']);
    }
    const about = (name: string): string[] => client.logs.filter((line) => line.includes(join(dir, name, 'policylint.config.json')));
    expect(about('invalid-json')).toEqual([expect.stringMatching(/: invalid JSON: /)]);
    expect(about('unknown-key')).toEqual([expect.stringContaining('rulez: Unrecognized key: "rulez"')]);
    expect(about('wrong-type')).toEqual([expect.stringContaining('rules: Invalid input: expected record, received string')]);
    expect(about('absurd-threshold')).toEqual([expect.stringContaining('overlap.threshold: Too small: expected number to be >=0.1')]);
    // A FIFO is no configuration file: the defaults apply without a word, as for a folder of that name.
    expect(about('fifo')).toEqual([]);
    await stillServing();
  }, BOUND_MS);
});
