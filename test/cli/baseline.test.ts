import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { tempDir } from './temp-dir.js';

const DEFECTS = { fixture: 'packages/checker/test/fixtures/numbering-defects.txt' };
const COVER = ['关于印发《关于推进民营经济高质量发展的实施方案》的通知', '各区人民政府，市直各部门：', '现将方案印发给你们，请认真贯彻执行。', ''];

interface EslintFile {
  filePath: string;
  messages: Array<{ ruleId: string; line: number }>;
}

function messages(stdout: string): string[] {
  return (JSON.parse(stdout) as EslintFile[]).flatMap((file) => file.messages.map((m) => `${m.line} ${m.ruleId}`));
}

function edit(dir: string, path: string, change: (lines: string[]) => string[]): void {
  const target = join(dir, path);
  writeFileSync(target, change(readFileSync(target, 'utf8').split('\n')).join('\n'));
}

describe('policylint check --write-baseline / --baseline', () => {
  it('writes the findings, keeps them quiet when lines are inserted above them, and still fails on a new defect', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS }, ROOT);
    expect(messages(runCli(['check', 'draft.txt', '--format', 'json'], dir).stdout)).toHaveLength(7);

    const written = runCli(['check', 'draft.txt', '--write-baseline'], dir);
    expect(written).toMatchObject({ status: 0, stdout: '' });
    expect(written.stderr.split('\n')).toContain('已写入基线 policylint-baseline.json：1 个文件中的 7 个问题');
    const baseline = JSON.parse(readFileSync(join(dir, 'policylint-baseline.json'), 'utf8')) as { version: number; files: Record<string, Record<string, Record<string, number>>> };
    expect(baseline.version).toBe(1);
    expect(Object.keys(baseline.files)).toEqual(['draft.txt']);
    expect(Object.keys(baseline.files['draft.txt']!)).toEqual(['numbering-marker', 'numbering-sequence']);

    edit(dir, 'draft.txt', (lines) => [...COVER, ...lines.slice(0, 2), '各区要结合实际抓好落实。', ...lines.slice(2)]);
    const moved = runCli(['check', 'draft.txt', '--baseline', 'policylint-baseline.json', '--locale', 'en'], dir);
    expect(moved).toMatchObject({ status: 0, stdout: '' });
    expect(moved.stderr.split('\n')).toContain('the baseline policylint-baseline.json hid 7 known problems');
    expect(messages(runCli(['check', 'draft.txt', '--format', 'json'], dir).stdout)).toHaveLength(7);

    edit(dir, 'draft.txt', (lines) => lines.map((line) => line.replace('10.加强组织领导', '12.加强组织领导')));
    const fresh = runCli(['check', 'draft.txt', '--baseline', 'policylint-baseline.json', '--format', 'json'], dir);
    expect(fresh.status).toBe(1);
    expect(messages(fresh.stdout)).toEqual(['27 numbering-sequence']);
  });

  it('counts repeats: a second copy of a baselined defect is new', () => {
    const text = ['关于某项工作的实施方案', '一、总体要求', '1.推进改革。落实责任。', '2、加强监管。推动共享。', ''];
    const dir = tempDir({ 'draft.txt': text.join('\n') }, ROOT);
    runCli(['check', 'draft.txt', '--write-baseline'], dir);
    edit(dir, 'draft.txt', (lines) => [...lines.slice(0, 4), '2、加强监管。推动共享。', '']);
    // The copy's marker form repeats a baselined finding, but the baseline counts one: it is new, as are its number and its text.
    expect(messages(runCli(['check', 'draft.txt', '--baseline', 'policylint-baseline.json', '--format', 'json'], dir).stdout)).toEqual([
      '5 numbering-marker',
      '5 numbering-sequence',
      '5 overlap-internal',
    ]);
  });

  it('keys files relative to the baseline’s folder, so a run from another folder matches them', () => {
    const dir = tempDir({ 'plans/draft.txt': DEFECTS }, ROOT);
    mkdirSync(join(dir, 'ci'));
    expect(runCli(['check', 'plans', '--write-baseline', 'ci/baseline.json'], dir).status).toBe(0);
    expect(Object.keys((JSON.parse(readFileSync(join(dir, 'ci/baseline.json'), 'utf8')) as { files: object }).files)).toEqual(['../plans/draft.txt']);
    expect(runCli(['check', '.', '--baseline', '../ci/baseline.json'], join(dir, 'plans'))).toMatchObject({ status: 0, stdout: '' });
  });

  it('rewrites the entries of the files it checks and keeps the others', () => {
    const dir = tempDir({ 'a.txt': DEFECTS, 'b.txt': DEFECTS }, ROOT);
    runCli(['check', '.', '--write-baseline'], dir);
    writeFileSync(join(dir, 'a.txt'), '关于某项工作的实施方案\n一、总体要求\n1.推进改革。落实责任。\n2.加强监管。推动共享。\n');
    const rewritten = runCli(['check', 'a.txt', '--write-baseline'], dir);
    expect(rewritten.stderr.split('\n')).toContain('已写入基线 policylint-baseline.json：0 个文件中的 0 个问题');
    expect(Object.keys((JSON.parse(readFileSync(join(dir, 'policylint-baseline.json'), 'utf8')) as { files: object }).files)).toEqual(['b.txt']);
    expect(runCli(['check', '.', '--baseline', 'policylint-baseline.json'], dir).status).toBe(0);
  });

  it('says when baselined problems are gone, so the baseline can be rewritten', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS }, ROOT);
    runCli(['check', 'draft.txt', '--write-baseline'], dir);
    edit(dir, 'draft.txt', (lines) => lines.map((line) => line.replace('8、推进一网通办', '8.推进一网通办')));
    const { status, stderr } = runCli(['check', 'draft.txt', '--baseline', 'policylint-baseline.json', '--locale', 'en'], dir);
    expect(status).toBe(0);
    expect(stderr.split('\n')).toContain('1 problem in the baseline policylint-baseline.json no longer occurs; rewrite it with --write-baseline policylint-baseline.json');
  });

  it.each([
    ['not JSON', '{', 'bad.json: not a valid baseline file (Expected property name'],
    ['of another shape', '{"version":1,"files":{"draft.txt":{"numbering-marker":{"xyz":1}}}}', 'bad.json: not a valid baseline file (files.draft.txt.numbering-marker.xyz: expected a 16-digit hex fingerprint)'],
  ])('exits 2 with one line for a baseline file %s', (_what, content, line) => {
    const dir = tempDir({ 'draft.txt': DEFECTS, 'bad.json': content }, ROOT);
    const { status, stdout, stderr } = runCli(['check', 'draft.txt', '--baseline', 'bad.json', '--locale', 'en'], dir);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.startsWith(`policylint: ${line}`)).toBe(true);
    // --write-baseline does not overwrite an invalid file either: it may hold other files' entries.
    expect(runCli(['check', 'draft.txt', '--write-baseline', 'bad.json'], dir).status).toBe(2);
    expect(readFileSync(join(dir, 'bad.json'), 'utf8')).toBe(content);
  });

  it('exits 2 with one line, in Chinese by default, when --baseline names no file', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS }, ROOT);
    const { status, stderr } = runCli(['check', 'draft.txt', '--baseline', 'missing.json'], dir);
    expect(status).toBe(2);
    expect(stderr).toBe('policylint: missing.json：找不到基线文件（可用 --write-baseline 生成）\n');
    expect(existsSync(join(dir, 'missing.json'))).toBe(false);
  });
});
