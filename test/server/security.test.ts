import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { micromark } from 'micromark';
import { DocumentDiagnosticRequest, HoverRequest, WorkspaceDiagnosticRequest, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { executableBait, SECRET_PLAN, SECRET_TITLE } from '../security-fixtures.js';
import { startClient, type Client } from './lsp-client.js';

// Each test starts its own server; with both cores busy that takes more than vitest's default 5 s.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

// Cites the secret plan: resolved when that plan is in the corpus, `xref-unknown-document` when not.
const CITING_DRAFT = `关于某项工作的实施方案\n一、总体要求\n1.推进改革。按照《${SECRET_TITLE}》第1条执行。\n2.加强监管。推动共享。\n`;

let root: string;
let workspace: string;
let client: Client | undefined;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'policylint-security-'));
  workspace = join(root, 'workspace');
  write('secret/plan.txt', SECRET_PLAN);
  write('workspace/draft.txt', CITING_DRAFT);
});
afterEach(async () => {
  await client?.stop();
  client = undefined;
  rmSync(root, { recursive: true, force: true });
});

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

async function diagnose(settings: Record<string, unknown> = {}, file = 'draft.txt', text = CITING_DRAFT): Promise<string[]> {
  client ??= await startClient({ pull: true, folder: workspace, settings });
  const uri = client.open(join(workspace, file), text);
  const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { items: Diagnostic[] };
  return report.items.map((d) => String(d.code));
}

describe('nothing from the workspace is executed by the server', () => {
  it('ignores policylint.config.js/.mjs/.cjs and a node_modules/ in the workspace', async () => {
    write('workspace/seeds/plan.txt', SECRET_PLAN);
    const marker = join(workspace, 'executed');
    for (const [path, code] of Object.entries(executableBait(marker))) write(join('workspace', path), code);
    // The corpus in seeds/ was read (the citation resolved), and no bait ran.
    expect(await diagnose()).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('policylint.corpus cannot leave the workspace folder unless absolute', () => {
  beforeEach(() => write('workspace/seeds/own.txt', '关于本地事项的实施方案\n一、总体要求\n1.推进改革。落实责任。\n'));

  it('ignores a relative glob that climbs out, says so once in the log, and uses seeds/ instead', async () => {
    const glob = '../secret/*.txt';
    expect(await diagnose({ corpus: [glob] })).toEqual(['xref-unknown-document']);
    expect(await diagnose({ corpus: [glob] }, 'other.txt')).toEqual(['xref-unknown-document']);
    const said = client!.logs.filter((line) => line.includes('policylint.corpus'));
    expect(said).toEqual([
      'policylint: policylint.corpus: "../secret/*.txt" ignored: a relative glob must stay inside its folder (no .. above it); write an absolute path for plans elsewhere',
    ]);
  });

  it('reads an absolute glob the user wrote', async () => {
    expect(await diagnose({ corpus: [join(root, 'secret/*.txt')] })).toEqual([]);
    expect(client!.logs.filter((line) => line.includes('policylint.corpus'))).toEqual([]);
  });
});

describe('policylint.include and policylint.corpus globs match in bounded time', () => {
  // One level of numbering: not plan-like, so checked only where `policylint.include` says so.
  const ONE_LEVEL = '1.甲。\n3.乙。\n';
  // `**/+(*)a` read as an extglob takes ~1.7^n steps on a path ending in n letters without an `a`.
  const LONG_NAME = `${'b'.repeat(240)}.txt`;

  it('ignores a glob past the limits, says why once in the log, and applies the others', async () => {
    const settings = { include: ['**/+(*)a', '**/*a*a*a*b', '**/drafts/**', '**/{notes,memos}/[0-9]*.txt'], corpus: ['seeds/{1..10}.txt'] };
    expect(await diagnose(settings, `drafts/${LONG_NAME}`, ONE_LEVEL)).toEqual(['numbering-sequence']);
    expect(await diagnose(settings, 'notes/1.txt', ONE_LEVEL)).toEqual(['numbering-sequence']);
    expect(await diagnose(settings, LONG_NAME, ONE_LEVEL)).toEqual([]);
    expect(await diagnose(settings, 'notes/x.txt', ONE_LEVEL)).toEqual([]);
    expect(client!.logs.filter((line) => /policylint\.(include|corpus)/.test(line))).toEqual([
      'policylint: policylint.corpus: "seeds/{1..10}.txt" ignored: ranges like {1..9} are not supported ({1..10} would not match 10); list the values, e.g. {1,2,10}, or use [0-9]',
      'policylint: policylint.include: "**/+(*)a" ignored: parentheses are not supported: extglobs such as +(…) or @(…) and groups (a|b) can take very long to match on long file names; write alternatives as {a,b}, and a parenthesis in a file name as ?',
      'policylint: policylint.include: "**/*a*a*a*b" ignored: too many wildcards: a glob may hold at most 3 * or **, at most 2 * within one name and 2 **; more can take very long to match on long file names or deep folders',
    ]);
  });

  const manyGlobs = (n: number) => Array.from({ length: n }, (_, i) => `**/drafts${i}/*.txt`);

  it('ignores a list of more than 64 globs as a whole, saying so once', async () => {
    expect(await diagnose({ include: manyGlobs(65) }, 'drafts0/a.txt', ONE_LEVEL)).toEqual([]);
    expect(await diagnose({ include: manyGlobs(65) }, 'drafts1/a.txt', ONE_LEVEL)).toEqual([]);
    expect(client!.logs.filter((line) => /policylint\.include/.test(line))).toEqual([
      'policylint: policylint.include: ignored: too many globs: at most 64 in one list; merge them into fewer, e.g. {a,b}/*.txt',
    ]);
  });

  it('takes a list of 64 globs', async () => {
    expect(await diagnose({ include: manyGlobs(64) }, 'drafts63/a.txt', ONE_LEVEL)).toEqual(['numbering-sequence']);
  });
});

describe('workspace diagnostics stay inside the workspace folder', () => {
  it('do not follow a link in the workspace to a folder of plans outside it', async () => {
    write('elsewhere/plan.txt', CITING_DRAFT);
    symlinkSync(join(root, 'elsewhere'), join(workspace, 'linked'));
    client = await startClient({ pull: true, folder: workspace });
    const report = (await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] })) as { items: Array<{ uri: string }> };
    expect(report.items.map((item) => item.uri.slice(item.uri.lastIndexOf('/workspace/')))).toEqual(['/workspace/draft.txt']);
  });
});

describe('hover Markdown shows document and corpus text literally', () => {
  const TITLE = '关于<b>加强</b>融资的实施方案';
  const HOSTILE = '<img src=x onerror=alert(1)>[点此](command:workbench.action.terminal.new)加强融资支持';
  const TASKS = '支持民间投资项目申报国家政策性开发性金融工具。推进无还本续贷增量扩面，扩大电子保函应用范围。';
  const DRAFT = `关于某项工作的实施方案\n一、总体要求\n1.${HOSTILE}。${TASKS}\n2.加强监管。按照《${TITLE}》第1条执行。\n`;

  /** The hover at the first `at` on line `line`, as HTML from a renderer that lets raw HTML and any link protocol through. */
  async function hoverHtml(uri: string, line: number, at: string): Promise<string> {
    const character = DRAFT.split('\n')[line]!.indexOf(at) + 1;
    const hover = await client!.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    return micromark((hover?.contents as MarkupContent).value, { allowDangerousHtml: true, allowDangerousProtocol: true });
  }

  it('escapes HTML, links and emphasis from a corpus measure and from the draft’s own heading', async () => {
    write('workspace/seeds/plan.txt', `${TITLE}\n一、总体要求\n1.${HOSTILE}。${TASKS}\n`);
    client = await startClient({ pull: true, folder: workspace });
    const uri = client.open(join(workspace, 'draft.txt'), DRAFT);
    await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });

    // On the citation: the corpus measure's heading and text.
    const cited = await hoverHtml(uri, 3, '第1条');
    // On the draft's measure heading: its own title, and the corpus measure it repeats.
    const heading = await hoverHtml(uri, 2, '1.');
    for (const html of [cited, heading]) {
      expect(html).not.toMatch(/<img|<b>/);
      // The only link is the server's own, to the corpus file.
      for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^file:\/\/\//);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;[点此](command:workbench.action.terminal.new)加强融资支持');
    }
    expect(cited).toContain('关于&lt;b&gt;加强&lt;/b&gt;融资的实施方案');
    expect(heading).toContain('《关于&lt;b&gt;加强&lt;/b&gt;融资的实施方案》1.&lt;img');
  });
});
