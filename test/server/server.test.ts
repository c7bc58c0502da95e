import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DefinitionRequest,
  DocumentDiagnosticRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  InlayHintRequest,
  WorkspaceDiagnosticRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node.js';
import { URI } from 'vscode-uri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type Client } from './lsp-client.js';

const ROOT = join(import.meta.dirname, '../..');
const SEED_TITLE = '厦门市再创营商环境新优势助力企业高质量发展行动方案';
const DRAFT = [
  '关于进一步优化营商环境的若干措施',
  '一、优化金融服务',
  '1.强化融资服务支持。支持民间投资项目申报国家政策性开发性金融工具。推动无还本续贷增量扩面，健全小微企业“敢贷、愿贷、能贷、会贷”长效机制。',
  '2.发放人工智能算力券。对中小企业购买智能算力服务给予补贴。按照本措施第1条执行。',
  `4.完善监测机制。落实《${SEED_TITLE}》第3条和第31条。`,
  '二、保障措施',
  '5.加强组织领导。确保第4条落实到位。',
].join('\n');

let dir: string;
let draftPath: string;
let seedUri: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policylint-lsp-'));
  cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  draftPath = join(dir, 'draft.txt');
  seedUri = URI.file(join(dir, 'seeds/xiamen-2023-business-environment-action-plan.txt')).toString();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function apply(text: string, edit: WorkspaceEdit | null, uri: string): string {
  const edits = (edit?.changes?.[uri] ?? []) as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), edits);
}

const summary = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.range.start.line + 1}:${String(d.code)}`);

describe('the language server over stdio, push diagnostics', () => {
  let client: Client;
  let uri: string;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    client = await startClient();
    const next = client.nextDiagnostics(URI.file(draftPath).toString());
    uri = client.open(draftPath, DRAFT);
    diagnostics = (await next).diagnostics;
  });
  afterAll(() => client.stop());

  it('publishes the draft’s problems with rule codes, docs links and related information', () => {
    expect(summary(diagnostics)).toEqual(['3:overlap-existing', '5:numbering-sequence', '5:xref-unresolved']);
    const overlap = diagnostics[0]!;
    expect(overlap.codeDescription?.href).toMatch(/docs\/rules\/overlap-existing\.md$/);
    expect(overlap.relatedInformation?.[0]?.location.uri).toBe(seedUri);
    expect(overlap.relatedInformation?.[0]?.location.range.start.line).toBe(14);
    expect(diagnostics[2]!.message).toBe(`《${SEED_TITLE}》只有28条，没有第31条`);
  });

  it('hovers a citation of the document’s own measure', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 36 } });
    expect((hover?.contents as MarkupContent).value).toContain('1.强化融资服务支持');
  });

  it('hovers a citation of the seed with its clean text', async () => {
    const line = DRAFT.split('\n')[4]!;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: line.indexOf('第3条') + 1 } });
    const value = (hover?.contents as MarkupContent).value;
    expect(value).toContain('3.加強融資支持服務');
    expect(value).toContain('支持民間投資項目申報國家政策性開發性金融工具。');
    expect(value).not.toContain('(qiáng)');
  });

  it('hovers a measure heading with who cites it and what it repeats', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 3 } });
    const value = (hover?.contents as MarkupContent).value;
    expect(value).toContain('第4行');
    expect(value).toMatch(/1\.00 《廈門市再創營商環境新優勢助力企業高質量發展行動方案》3\.加強融資支持服務/);
  });

  it('goes to the seed’s measure line from a citation', async () => {
    const line = DRAFT.split('\n')[4]!;
    const location = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 4, character: line.indexOf('第3条') + 1 } });
    expect(location).toMatchObject({ uri: seedUri, range: { start: { line: 14, character: 0 } } });
  });

  it('finds the citations of a measure', async () => {
    const found = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line: 2, character: 0 }, context: { includeDeclaration: false } });
    expect(found?.map((l) => l.range.start.line)).toEqual([3]);
  });

  it('applies the numbering quick fix, citations following', async () => {
    const sequence = diagnostics.find((d) => d.code === 'numbering-sequence')!;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: sequence.range, context: { diagnostics: [sequence], only: ['quickfix'] } });
    expect(actions).toHaveLength(1);
    const fixed = apply(DRAFT, (actions![0] as { edit: WorkspaceEdit }).edit, uri);
    expect(fixed.split('\n').slice(4)).toEqual([`3.完善监测机制。落实《${SEED_TITLE}》第3条和第31条。`, '二、保障措施', '4.加强组织领导。确保第3条落实到位。']);
  });

  it('offers to cite the measure in force instead of repeating it', async () => {
    const overlap = diagnostics[0]!;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: overlap.range, context: { diagnostics: [overlap], only: ['quickfix'] } });
    const cite = actions!.find((a) => 'title' in a && a.title.startsWith('改为引用'))! as { edit: WorkspaceEdit };
    expect(apply(DRAFT, cite.edit, uri).split('\n')[2]).toContain(`按照《${SEED_TITLE}》第3条要求执行。`);
  });

  it('renames a measure number and every citation of it', async () => {
    const position = { line: 4, character: 0 };
    expect(await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position })).toMatchObject({ placeholder: '4' });
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: '3' });
    const renamed = apply(DRAFT, edit, uri).split('\n');
    expect(renamed[4]!.startsWith('3.完善监测机制')).toBe(true);
    expect(renamed[6]).toBe('5.加强组织领导。确保第3条落实到位。');
  });

  it('refuses to rename what is not a number, with a clear message', async () => {
    await expect(client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } })).rejects.toThrow(/只能重命名/);
  });

  it('gives the seed’s outline: 5 parts and 28 measures, and folding ranges', async () => {
    const seedText = (await import('node:fs')).readFileSync(join(dir, 'seeds/xiamen-2023-business-environment-action-plan.txt'), 'utf8');
    const seedPath = join(dir, 'seeds/xiamen-2023-business-environment-action-plan.txt');
    const next = client.nextDiagnostics(seedUri);
    client.open(seedPath, seedText);
    await next;
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: seedUri } })) as DocumentSymbol[];
    expect(symbols).toHaveLength(5);
    const measures = symbols.flatMap((p) => p.children ?? []).flatMap((c) => (c.kind === 12 ? [c] : (c.children ?? [])));
    expect(measures.map((m) => m.name.split('.')[0])).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    expect(measures[2]!.name).toBe('3.加強融資支持服務');
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: seedUri } });
    expect(folds?.length).toBeGreaterThanOrEqual(11);
  });

  it('finds a seed measure’s citations in other open documents', async () => {
    const found = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: seedUri }, position: { line: 14, character: 1 }, context: { includeDeclaration: true } });
    expect(found?.map((l) => `${l.uri === seedUri ? 'seed' : l.uri === uri ? 'draft' : l.uri}:${l.range.start.line}`)).toEqual(['seed:14', 'draft:4']);
  });

  it('shows each cited measure’s title after the citation', async () => {
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } } });
    expect(hints?.map((h) => `${h.position.line + 1}:${String(h.label)}`)).toEqual(['4:‹强化融资服务支持›', '5:‹加強融資支持服務›', '7:‹完善监测机制›']);
  });

  it('completes measures after 第 and corpus titles after 《', async () => {
    const measures = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: DRAFT.split('\n')[3]!.indexOf('第') + 1 } });
    expect((measures as CompletionItem[]).map((c) => `${c.label} ${c.detail}`)).toEqual(['1条 1.强化融资服务支持', '2条 2.发放人工智能算力券', '4条 4.完善监测机制', '5条 5.加强组织领导']);
    const titles = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 4, character: DRAFT.split('\n')[4]!.indexOf('《') + 1 } });
    expect((titles as CompletionItem[]).map((c) => c.insertText)).toEqual(['廈門市再創營商環境新優勢助力企業高質量發展行動方案》']);
  });

  it('finds measures of the workspace by title, across the draft and the corpus', async () => {
    const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '融资' });
    expect((symbols as Array<{ name: string; location: { uri: string } }>).map((s) => `${s.location.uri === uri ? 'draft' : 'seed'} ${s.name}`)).toEqual(['draft 1.强化融资服务支持', 'seed 3.加強融資支持服務']);
  });

  it('leaves a document that is not a plan alone', async () => {
    const next = client.nextDiagnostics(URI.file(join(dir, 'notes.txt')).toString());
    const notes = client.open(join(dir, 'notes.txt'), '会议记录\n1.讨论了预算。');
    expect((await next).diagnostics).toEqual([]);
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: notes }, position: { line: 1, character: 0 } })).toBeNull();
  });

  it('answers requests for unknown documents with nothing', async () => {
    expect(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///nowhere.txt' } })).toEqual([]);
    expect(client.logs.filter((l) => l.includes('failed'))).toEqual([]);
  });
});

describe('the language server with pull diagnostics and English', () => {
  it('answers textDocument/diagnostic instead of pushing, in the client’s display language', async () => {
    const client = await startClient({ pull: true, locale: 'en' });
    try {
      const uri = client.open(draftPath, DRAFT);
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      const items = (report as { items: Diagnostic[] }).items;
      expect(summary(items)).toEqual(['3:overlap-existing', '5:numbering-sequence', '5:xref-unresolved']);
      expect(items[1]!.message).toBe('expected 3., found 4.: measure 3 is missing (GB/T 9704-2012 §7.3.3)');
    } finally {
      await client.stop();
    }
  });

  it('reports every plan of the workspace, not only open ones, and skips files that are not plans', async () => {
    const client = await startClient({ pull: true, folder: dir });
    try {
      (await import('node:fs')).writeFileSync(draftPath, DRAFT);
      (await import('node:fs')).writeFileSync(join(dir, 'notes.md'), '# 会议记录\n\n1.讨论了预算。\n');
      const report = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
      const files = (report as { items: Array<{ uri: string; items: Diagnostic[] }> }).items;
      expect(files.map((f) => f.uri.split('/').pop())).toEqual(['draft.txt', 'xiamen-2023-business-environment-action-plan.txt']);
      expect(summary(files[0]!.items)).toEqual(['3:overlap-existing', '5:numbering-sequence', '5:xref-unresolved']);
      // The seed as checked by the CLI: damaged text and pinyin, no numbering or citation defect.
      expect(new Set(files[1]!.items.map((d) => d.code))).toEqual(new Set(['text-encoding', 'numbering-marker']));
    } finally {
      await client.stop();
    }
  });

  it('checks a file matched by policylint.include even when it does not read as a plan yet', async () => {
    const client = await startClient({ pull: true, settings: { include: ['**/drafts/**'] } });
    try {
      const uri = client.open(join(dir, 'drafts/one-heading.txt'), '一、总体要求\n落实第9条。');
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      expect(summary((report as { items: Diagnostic[] }).items)).toEqual(['2:xref-unresolved']);
    } finally {
      await client.stop();
    }
  });

  it('follows policylint.locale over the display language', async () => {
    const client = await startClient({ pull: true, locale: 'en', settings: { locale: 'zh-CN' } });
    try {
      const uri = client.open(draftPath, DRAFT);
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      expect((report as { items: Diagnostic[] }).items[1]!.message).toBe('应为“3.”，实际为“4.”：缺少第3条（GB/T 9704-2012 §7.3.3）');
    } finally {
      await client.stop();
    }
  });
});
