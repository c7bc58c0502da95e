import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { tempDir } from './temp-dir.js';
import { executableBait, SECRET_PLAN, SECRET_TITLE } from '../security-fixtures.js';

interface EslintFile {
  messages: Array<{ ruleId: string; message: string }>;
}

const ruleIds = (stdout: string): string[] => (JSON.parse(stdout) as EslintFile[]).flatMap((f) => f.messages.map((m) => m.ruleId));

// Cites the secret plan: resolved when that plan is in the corpus, `xref-unknown-document` when not.
const CITING_DRAFT = `关于某项工作的实施方案\n一、总体要求\n1.推进改革。按照《${SECRET_TITLE}》第1条执行。\n2.加强监管。推动共享。\n`;
const REFUSED = 'a relative glob must stay inside its folder (no .. above it); write an absolute path for plans elsewhere';
const REFUSED_ZH = '相对路径的 glob 不能用 .. 跳出其所在目录；其他位置的方案请写绝对路径';

// Each test runs the CLI a few times: more than the default 5 s on a busy 2-core machine.
describe('nothing from the workspace is executed', { timeout: 60_000 }, () => {
  it('ignores policylint.config.js/.mjs/.cjs and a node_modules/ beside the draft', () => {
    const dir = tempDir({ 'draft.txt': CITING_DRAFT, 'seeds/plan.txt': SECRET_PLAN }, ROOT);
    const marker = join(dir, 'executed');
    for (const [path, code] of Object.entries(executableBait(marker))) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), code);
    }
    // The bait works: loaded, it writes the marker.
    expect(spawnSync(process.execPath, [join(dir, 'policylint.config.mjs')]).status).toBe(0);
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);
    const { status, stdout, stderr } = runCli(['check', '.', '--format', 'json'], dir);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // The corpus in seeds/ was read (the citation resolved), and no bait ran.
    expect(ruleIds(stdout)).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('corpus globs cannot leave the workspace unless absolute', { timeout: 60_000 }, () => {
  /** root/workspace/draft.txt, and root/secret/plan.txt beside the workspace. */
  function layout(files: Record<string, string> = {}): { root: string; workspace: string; secret: string } {
    const root = tempDir({ 'workspace/draft.txt': CITING_DRAFT, 'secret/plan.txt': SECRET_PLAN, ...files }, ROOT);
    return { root, workspace: join(root, 'workspace'), secret: join(root, 'secret') };
  }

  it('refuses --corpus ../secret as a usage error (exit 2) in the --locale language, and reads --corpus /abs/secret', () => {
    const { workspace, secret } = layout();
    for (const arg of ['../secret', '../secret/*.txt', 'seeds/../../secret/plan.txt']) {
      const { status, stdout, stderr } = runCli(['check', 'draft.txt', '--corpus', arg, '--locale', 'en'], workspace);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`policylint: --corpus ${arg}: ${REFUSED}\n`);
    }
    for (const command of [['check', 'draft.txt'], ['similar', 'draft.txt'], ['show', '第1条', '--in', 'draft.txt']]) {
      const zh = runCli([...command, '--corpus', '../secret'], workspace);
      expect(zh).toMatchObject({ status: 2, stdout: '', stderr: `policylint: --corpus ../secret：${REFUSED_ZH}\n` });
    }
    const absolute = runCli(['check', 'draft.txt', '--corpus', secret, '--format', 'json'], workspace);
    expect(absolute.status).toBe(0);
    expect(ruleIds(absolute.stdout)).toEqual([]);
  });

  it('reports a config corpus glob above the config file as path: corpus.N: …, exit 2; an absolute one is used', () => {
    const { workspace, secret } = layout({ 'workspace/policylint.config.json': '{ "corpus": ["../secret/*.txt"] }' });
    const refused = runCli(['check', 'draft.txt', '--locale', 'en'], workspace);
    expect(refused).toMatchObject({ status: 2, stdout: '', stderr: `policylint: ${join(workspace, 'policylint.config.json')}: corpus.0: ${REFUSED}\n` });
    writeFileSync(join(workspace, 'policylint.config.json'), JSON.stringify({ corpus: [`${secret}/*.txt`] }));
    const absolute = runCli(['check', 'draft.txt', '--format', 'json'], workspace);
    expect(absolute.status).toBe(0);
    expect(ruleIds(absolute.stdout)).toEqual([]);
  });

  it('does not follow a link in seeds/ to a file outside, nor a seeds/ that links outside', () => {
    const { workspace, secret } = layout({ 'workspace/seeds/own.txt': '关于本地事项的实施方案\n一、总体要求\n1.推进改革。落实责任。\n' });
    symlinkSync(join(secret, 'plan.txt'), join(workspace, 'seeds/leak.txt'));
    expect(ruleIds(runCli(['check', 'draft.txt', '--format', 'json'], workspace).stdout)).toEqual(['xref-unknown-document']);

    const { workspace: linked, secret: elsewhere } = layout();
    symlinkSync(elsewhere, join(linked, 'seeds'));
    const through = runCli(['check', 'draft.txt', '--format', 'json', '--locale', 'en'], linked);
    expect(ruleIds(through.stdout)).toEqual(['xref-unknown-document']);
    // Said, so that a corpus that went missing this way does not pass unnoticed.
    expect(through.stderr).toBe(
      `${join(linked, 'seeds/plan.txt')}: links to outside the corpus folder; left out of the corpus (name it by its absolute path in corpus or --corpus to use it)\n`,
    );
    // The same plan inside the workspace is read: the links, not the plan, kept it out.
    writeFileSync(join(workspace, 'seeds/copy.txt'), SECRET_PLAN);
    expect(ruleIds(runCli(['check', 'draft.txt', '--format', 'json'], workspace).stdout)).toEqual([]);
  });
});

// Terminal controls a hostile draft might carry: an OSC 8 hyperlink, clear screen, OSC 52 (write
// the clipboard), a C1 CSI, a right-to-left override.
const OSC8 = '\u001b]8;;https://evil.example/\u0007点此\u001b]8;;\u0007';
const HOSTILE_TITLE = `关于${OSC8}\u001b[2J\u001b]52;c;aGk=\u0007某项\u009b31m工作\u202e的实施方案`;
// xref-unknown-document (which quotes the cited title) needs a corpus.
const SEEDS = join(ROOT, 'seeds');
/** The characters of `text` a terminal would act on: C0 but line feed, DEL, and unless `c1: false` C1 and bidi controls. */
function controls(text: string, { c1 = true } = {}): string[] {
  return [...text].filter((char) => {
    const code = char.codePointAt(0)!;
    if (code === 0x0a) return false;
    return code < 0x20 || code === 0x7f || (c1 && ((code >= 0x80 && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)));
  });
}

describe('document text cannot drive the terminal or break a report', { timeout: 60_000 }, () => {
  const HOSTILE = `关于某项工作的实施方案\n一、总体要求\n1.推进改革。按照《${HOSTILE_TITLE}》执行。\n2.加强监管。推动共享。\n`;

  it('stylish: control characters in messages and file names are shown escaped, each finding on its line', () => {
    const name = 'draft\u001b[31m\u0007.txt';
    const dir = tempDir({ [name]: HOSTILE }, ROOT);
    const { status, stdout } = runCli(['check', '.', '--locale', 'en', '--corpus', SEEDS], dir);
    expect(status).toBe(0);
    expect(controls(stdout)).toEqual([]);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      '',
      'draft\\x1b[31m\\x07.txt',
      '  3:11  info  《关于\\x1b]8;;https://evil.example/\\x07点此\\x1b]8;;\\x07\\x1b[2J\\x1b]52;c;aGk=\\x07某项\\x9b31m工作\\u202e的实施方案》 is not in the corpus; the citation cannot be checked  xref-unknown-document',
    ]);
  });

  it('a clean draft keeps its text as it is in stylish output', () => {
    const dir = tempDir({ 'draft.txt': '关于某项工作的实施方案\n一、总体要求\n1.推进改革。按照《关于<b>某项</b>工作的通知》执行。\n2.加强监管。推动共享。\n' }, ROOT);
    expect(runCli(['check', '.', '--locale', 'en', '--corpus', SEEDS], dir).stdout).toContain('《关于<b>某项</b>工作的通知》 is not in the corpus');
  });

  it('gitlab and sarif: the text is carried exactly, JSON-escaped, with no raw control character in the report', () => {
    const dir = tempDir({ 'draft.txt': HOSTILE }, ROOT);
    const gitlab = runCli(['check', '.', '--format', 'gitlab', '--locale', 'en', '--corpus', SEEDS], dir).stdout;
    expect(controls(gitlab, { c1: false })).toEqual([]);
    expect((JSON.parse(gitlab) as Array<{ description: string }>)[0]!.description).toBe(`《${HOSTILE_TITLE}》 is not in the corpus; the citation cannot be checked`);
    const sarif = runCli(['check', '.', '--format', 'sarif', '--locale', 'en', '--corpus', SEEDS], dir).stdout;
    expect(controls(sarif, { c1: false })).toEqual([]);
    const log = JSON.parse(sarif) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(log.runs[0]!.results[0]!.message.text).toContain(HOSTILE_TITLE);
  });

  it('show: a corpus plan’s control characters are escaped, its lines kept (CRLF ones too)', () => {
    const dir = tempDir({ 'seeds/plan.txt': `${SECRET_TITLE}\r\n一、总体要求\r\n1.机密措施。内容\u001b[2J甲。\r\n（1）细则一。\r\n（2）细则二。\r\n` }, ROOT);
    const { status, stdout } = runCli(['show', `《${SECRET_TITLE}》第1条`], dir);
    expect(status).toBe(0);
    expect(controls(stdout)).toEqual([]);
    expect(stdout).toContain('1.机密措施。内容\\x1b[2J甲。\n（1）细则一。\n（2）细则二。\n');
  });
});
