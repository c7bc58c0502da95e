import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckWorkspaceResult, IndexStatus, RuleInfo } from '@policylint/language-server/protocol';
import {
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  WorkspaceDiagnosticRequest,
  type Diagnostic,
  type MarkupContent,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startClient, type Client } from './lsp-client.js';

// policylint's own messages beside the LSP (status bar and commands of the VS Code extension),
// and the editor settings that mirror policylint.config.json.
const ROOT = join(import.meta.dirname, '../..');
const SEED = join(ROOT, 'seeds/xiamen-2023-business-environment-action-plan.txt');
const SEED_TITLE = '厦门市再创营商环境新优势助力企业高质量发展行动方案';
const DRAFT = [
  '关于进一步优化营商环境的若干措施',
  '一、优化金融服务',
  // A light rewording of the seed's measure 3 (similarity 0.81).
  '1.强化融资服务支持。鼓励民间投资项目申报国家开发性金融工具，推动无还本续贷扩面。',
  `2.完善监测机制。落实《${SEED_TITLE}》第3条和第31条。`,
  '二、保障措施',
  '1.加强组织领导。确保各项措施落实到位。',
].join('\n');
const STATUS = 'policylint/indexStatus';

// Each test starts its own server; with both cores busy that takes more than vitest's default 5 s.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });

let dir: string;
let client: Client | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policylint-editor-'));
});
afterEach(async () => {
  await client?.stop();
  client = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const codes = (items: readonly Diagnostic[]): string[] => items.map((d) => `${d.range.start.line + 1}:${String(d.code)}`);

async function diagnose(settings: Record<string, unknown>): Promise<string[]> {
  client = await startClient({ pull: true, folder: dir, settings });
  const uri = client.open(join(dir, 'draft.txt'), DRAFT);
  const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  return codes((report as { items: Diagnostic[] }).items);
}

describe('index status notifications', () => {
  it('says indexing, then ready with the corpus’s plans and measures, without any document open', async () => {
    cpSync(SEED, join(dir, 'seeds/seed.txt'));
    client = await startClient({ pull: true, folder: dir });
    await client.notified<IndexStatus>(STATUS, (s) => s.state === 'indexing');
    expect(await client.notified<IndexStatus>(STATUS, (s) => s.state === 'ready')).toEqual({ state: 'ready', plans: 1, measures: 28 });
  });

  it('says ready with nothing indexed when the folder has no corpus, and never indexing', async () => {
    client = await startClient({ pull: true, folder: dir });
    expect(await client.notified<IndexStatus>(STATUS, () => true)).toEqual({ state: 'ready', plans: 0, measures: 0 });
  });

  it('says error, with the reason, when policylint.config.json is unusable', async () => {
    writeFileSync(join(dir, 'policylint.config.json'), '{"overlap": {"treshold": 0.5}}');
    client = await startClient({ pull: true, folder: dir, locale: 'en' });
    const status = await client.notified<IndexStatus>(STATUS, (s) => s.state === 'error');
    expect(status.message).toContain('policylint.config.json');
    expect(status.message).toContain('treshold');
  });
});

describe('policylint/rebuildIndex', () => {
  it('reads the corpus again: a plan added since is counted', async () => {
    cpSync(SEED, join(dir, 'seeds/seed.txt'));
    client = await startClient({ pull: true, folder: dir });
    await client.notified<IndexStatus>(STATUS, (s) => s.state === 'ready');
    cpSync(SEED, join(dir, 'seeds/seed-copy.txt'));
    // Without a rebuild (and without a file watcher in this client) the cached index stays.
    client.open(join(dir, 'draft.txt'), DRAFT);
    expect(await client.connection.sendRequest<IndexStatus>('policylint/rebuildIndex')).toEqual({ state: 'ready', plans: 2, measures: 56 });
  });
});

describe('policylint/checkWorkspace', () => {
  beforeEach(() => {
    cpSync(SEED, join(dir, 'seeds/seed.txt'));
    writeFileSync(join(dir, 'draft.txt'), DRAFT.replace('二、保障措施\n1.', '二、保障措施\n4.'));
    writeFileSync(join(dir, 'notes.md'), '# 会议记录\n\n1.讨论了预算。\n');
  });

  it('checks every plan of the workspace, open or not, and counts what it found', async () => {
    client = await startClient({ pull: true, folder: dir });
    const result = await client.connection.sendRequest<CheckWorkspaceResult>('policylint/checkWorkspace');
    // The draft (gap 2 → 4, measure 31 of the seed) and the seed are plans; the notes are not.
    expect(result).toMatchObject({ files: 3, plans: 2, errors: 2 });
    expect(result.warnings).toBeGreaterThan(0);
  });

  it('checks nothing when policylint.enable is off', async () => {
    client = await startClient({ pull: true, folder: dir, settings: { enable: false } });
    expect(await client.connection.sendRequest<CheckWorkspaceResult>('policylint/checkWorkspace')).toEqual({ files: 3, plans: 0, errors: 0, warnings: 0, infos: 0 });
  });
});

describe('policylint/rules', () => {
  it('lists the rules with descriptions in the message language and their docs', async () => {
    client = await startClient({ folder: dir, locale: 'en' });
    const rules = await client.connection.sendRequest<RuleInfo[]>('policylint/rules');
    // The rules of DESIGN §2 (a contract); more may follow.
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining([
      'numbering-sequence',
      'numbering-marker',
      'numbering-hierarchy',
      'xref-unresolved',
      'xref-unknown-document',
      'overlap-existing',
      'overlap-internal',
      'text-encoding',
    ]));
    expect(rules[0]).toMatchObject({ defaultSeverity: 'error', description: 'a gap, duplicate or out-of-order number at any level' });
    expect(rules.every((r) => r.docsUrl.endsWith(`docs/rules/${r.id}.md`))).toBe(true);
  });
});

describe('editor settings that mirror policylint.config.json', () => {
  beforeEach(() => cpSync(SEED, join(dir, 'law/seed.txt')));

  it('policylint.corpus: globs relative to the workspace folder find a corpus not named seeds/', async () => {
    expect(await diagnose({ corpus: ['law/*.txt'] })).toEqual(['3:overlap-existing', '4:xref-unresolved']);
  });

  it('without policylint.corpus and without seeds/ there is no corpus: no overlap, no cross-plan citation checked', async () => {
    expect(await diagnose({})).toEqual([]);
  });

  it('policylint.numbering.measures: document makes a restart in part 二 a numbering error', async () => {
    expect(await diagnose({ corpus: ['law/*.txt'], numbering: { measures: 'document' } })).toEqual(['3:overlap-existing', '4:xref-unresolved', '6:numbering-sequence']);
  });

  it('policylint.overlap.threshold: 0.9 lets a measure reworded to similarity 0.81 pass', async () => {
    expect(await diagnose({ corpus: ['law/*.txt'], overlap: { threshold: 0.9 } })).toEqual(['4:xref-unresolved']);
  });

  it('a policylint.config.json has the last word over those settings', async () => {
    mkdirSync(join(dir, 'seeds'));
    cpSync(SEED, join(dir, 'seeds/seed.txt'));
    writeFileSync(join(dir, 'policylint.config.json'), '{}');
    expect(await diagnose({ overlap: { threshold: 0.9 } })).toEqual(['3:overlap-existing', '4:xref-unresolved']);
  });
});

describe('message language from InitializeParams.locale', () => {
  it.each([
    ['zh-CN', '只有28条，没有第31条'],
    ['de', 'there is no measure 31'],
  ])('%s', async (locale, expected) => {
    cpSync(SEED, join(dir, 'seeds/seed.txt'));
    client = await startClient({ pull: true, folder: dir, locale });
    const uri = client.open(join(dir, 'draft.txt'), DRAFT);
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    const unresolved = (report as { items: Diagnostic[] }).items.find((d) => d.code === 'xref-unresolved');
    expect(unresolved?.message).toContain(expected);
  });
});

describe('hover of a citation of a corpus measure', () => {
  it('heads the measure in simplified script, as drafts are written, and quotes the traditional seed verbatim', async () => {
    cpSync(SEED, join(dir, 'seeds/seed.txt'));
    client = await startClient({ folder: dir });
    const uri = client.open(join(dir, 'draft.txt'), DRAFT);
    const line = DRAFT.split('\n')[3]!;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: line.indexOf('第3条') + 1 } });
    const [heading, , text] = (hover?.contents as MarkupContent).value.split('\n');
    expect(heading).toBe(`**《${SEED_TITLE}》 3.加强融资支持服务**`);
    expect(text).toMatch(/^3\.加強融資支持服務。支持民間投資項目/);
  });
});

describe('workspace diagnostics pulled again (VS Code asks 2 s after every answer)', () => {
  beforeEach(() => {
    cpSync(SEED, join(dir, 'seeds/seed.txt'));
    writeFileSync(join(dir, 'draft.txt'), DRAFT);
    writeFileSync(join(dir, 'notes.md'), '# 会议记录\n\n1.讨论了预算。\n');
  });

  const pull = async (previous: WorkspaceDocumentDiagnosticReport[]): Promise<WorkspaceDocumentDiagnosticReport[]> => {
    const previousResultIds = previous.map((r) => ({ uri: r.uri, value: r.resultId! }));
    const report = await client!.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds });
    return (report as { items: WorkspaceDocumentDiagnosticReport[] }).items;
  };
  const kinds = (items: WorkspaceDocumentDiagnosticReport[]): string[] => items.map((r) => `${r.uri.split('/').pop()}:${r.kind}`);

  it('answers “unchanged” for files that did not change since the client’s result, in full for one that did', async () => {
    client = await startClient({ pull: true, folder: dir });
    const first = await pull([]);
    expect(kinds(first)).toEqual(['draft.txt:full', 'seed.txt:full']);
    expect(kinds(await pull(first))).toEqual(['draft.txt:unchanged', 'seed.txt:unchanged']);
    // A different size too, so the change shows on file systems with coarse modification times.
    writeFileSync(join(dir, 'draft.txt'), `${DRAFT.replace('二、保障措施\n1.', '二、保障措施\n4.')}\n本措施自印发之日起施行。`);
    const third = await pull(first);
    expect(kinds(third)).toEqual(['draft.txt:full', 'seed.txt:unchanged']);
    expect(codes((third[0] as { items: Diagnostic[] }).items)).toContain('6:numbering-sequence');
  });

  it('checks every file again after a settings change', async () => {
    client = await startClient({ pull: true, folder: dir });
    const first = await pull([]);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect(kinds(await pull(first))).toEqual(['draft.txt:full', 'seed.txt:full']);
  });
});
