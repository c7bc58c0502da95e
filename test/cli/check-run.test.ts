import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { tempDir } from './temp-dir.js';

const DEFECTS = { fixture: 'packages/checker/test/fixtures/numbering-defects.txt' };
const CLEAN = '关于某项工作的实施方案\n一、总体要求\n1.推进改革。落实责任。\n2.加强监管。推动共享。\n';
const WARNING_ONLY = '一、总体要求\n1.推进改革。\n2、加强监管。\n';

interface EslintFile {
  filePath: string;
  messages: Array<{ ruleId: string; severity: 1 | 2; message: string; line: number }>;
}

const json = (stdout: string): EslintFile[] => JSON.parse(stdout) as EslintFile[];

function git(dir: string, ...args: string[]): void {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

// Each test runs the CLI several times: minutes on a busy 2-core machine, not the default 5 s.
describe('policylint check: a run over many files', { timeout: 60_000 }, () => {
  it('--quiet reports errors only, yet warnings still count for --max-warnings', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS, 'warn.txt': WARNING_ONLY }, ROOT);
    const loud = json(runCli(['check', '.', '--format', 'json'], dir).stdout);
    const quiet = runCli(['check', '.', '--format', 'json', '--quiet'], dir);
    const severities = (files: EslintFile[]): number[] => files.flatMap((f) => f.messages.map((m) => m.severity));
    expect(severities(loud)).toContain(1);
    expect(severities(json(quiet.stdout)).length).toBeGreaterThan(0);
    expect(severities(json(quiet.stdout)).every((s) => s === 2)).toBe(true);
    expect(quiet.status).toBe(1);
    expect(runCli(['check', 'warn.txt', '--quiet'], dir)).toMatchObject({ status: 0, stdout: '' });
    expect(runCli(['check', 'warn.txt', '--quiet', '--max-warnings', '0'], dir).status).toBe(1);
  });

  it('checks the other files when one cannot be read, reports it in one line, and exits 2', () => {
    const dir = tempDir({ 'a.txt': DEFECTS, 'c.txt': CLEAN }, ROOT);
    writeFileSync(join(dir, 'b.txt'), Buffer.from([0x31, 0x2e, 0xff, 0xfe, 0x00, 0x81, 0x0a]));
    const { status, stdout, stderr } = runCli(['check', '.', '--format', 'json'], dir);
    expect(status).toBe(2);
    expect(json(stdout).map((f) => f.filePath)).toEqual([join(dir, 'a.txt'), join(dir, 'c.txt')]);
    const lines = stderr.split('\n').filter((line) => line.includes('b.txt'));
    expect(lines).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--concurrency gives the same report from worker threads as from one thread', () => {
    const files: Record<string, { fixture: string } | { copy: string } | string> = {};
    for (let i = 0; i < 6; i++) files[`d${i}.txt`] = i % 2 === 0 ? DEFECTS : CLEAN;
    files['seeds/plan.txt'] = { copy: 'seeds/xiamen-2023-business-environment-action-plan.txt' };
    files['x.txt'] = { fixture: 'examples/private-investment-measures-draft.txt' };
    const dir = tempDir(files, ROOT);
    const one = runCli(['check', 'd0.txt', 'd1.txt', 'd2.txt', 'd3.txt', 'd4.txt', 'd5.txt', 'x.txt', '--format', 'json', '--concurrency', 'off'], dir);
    const two = runCli(['check', 'd0.txt', 'd1.txt', 'd2.txt', 'd3.txt', 'd4.txt', 'd5.txt', 'x.txt', '--format', 'json', '--concurrency', '2'], dir);
    expect(one.status).toBe(1);
    expect(two).toEqual(one);
    expect(json(one.stdout).flatMap((f) => f.messages.map((m) => m.ruleId))).toContain('overlap-existing');
  });

  it('--cache reuses a result while the file, config and corpus are unchanged, and only then', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS, 'seeds/plan.txt': { copy: 'seeds/xiamen-2023-business-environment-action-plan.txt' } }, ROOT);
    const first = runCli(['check', 'draft.txt', '--format', 'json', '--cache'], dir);
    const cacheFile = join(dir, '.policylint/cache/check.json');
    // Mark the remembered result, so a run that reuses it shows the mark.
    const cache = readFileSync(cacheFile, 'utf8');
    expect(cache).toContain('numbering-sequence');
    writeFileSync(cacheFile, cache.replaceAll('缺少第4条', '缺少第4条（CACHED）'));
    const cached = (): string => runCli(['check', 'draft.txt', '--format', 'json', '--cache'], dir).stdout;
    expect(cached()).toContain('CACHED');
    expect(runCli(['check', 'draft.txt', '--format', 'json'], dir).stdout).toBe(first.stdout); // no --cache: no reuse

    writeFileSync(join(dir, 'seeds/other.txt'), CLEAN); // corpus changed
    expect(cached()).not.toContain('CACHED');
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replaceAll('缺少第4条', '缺少第4条（CACHED）'));
    expect(cached()).toContain('CACHED');
    writeFileSync(join(dir, 'policylint.config.json'), '{ "locale": "en" }'); // config changed
    expect(cached()).not.toContain('CACHED');
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replaceAll('measure 4 is missing', 'CACHED'));
    expect(cached()).toContain('CACHED');
    writeFileSync(join(dir, 'draft.txt'), `${readFileSync(join(dir, 'draft.txt'), 'utf8')}\n`); // file changed
    expect(cached()).not.toContain('CACHED');
  });

  it('--cache with worker threads: workers key what they check, and the next run takes it from the cache', () => {
    const dir = tempDir({ 'a.txt': DEFECTS, 'b.txt': DEFECTS, 'c.txt': CLEAN, 'seeds/plan.txt': { copy: 'seeds/xiamen-2023-business-environment-action-plan.txt' } }, ROOT);
    const run = (): string => runCli(['check', 'a.txt', 'b.txt', 'c.txt', '--format', 'json', '--cache', '--concurrency', '2'], dir).stdout;
    const first = run();
    expect(first).toBe(runCli(['check', 'a.txt', 'b.txt', 'c.txt', '--format', 'json', '--concurrency', 'off'], dir).stdout);
    const cacheFile = join(dir, '.policylint/cache/check.json');
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replaceAll('缺少第4条', '缺少第4条（CACHED）'));
    expect(json(run()).map((f) => f.messages.some((m) => m.message.includes('CACHED')))).toEqual([true, true, false]);
    writeFileSync(join(dir, 'b.txt'), `${DEFECTS_TEXT()}\n`);
    expect(json(run()).map((f) => f.messages.some((m) => m.message.includes('CACHED')))).toEqual([true, false, false]);
  });

  it('--cache-location puts the cache where it says; a broken cache file is ignored', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS }, ROOT);
    const first = runCli(['check', 'draft.txt', '--format', 'json', '--cache-location', 'ci/cache.json'], dir);
    expect(readFileSync(join(dir, 'ci/cache.json'), 'utf8')).toContain('numbering-sequence');
    writeFileSync(join(dir, 'ci/cache.json'), '{ not json');
    expect(runCli(['check', 'draft.txt', '--format', 'json', '--cache-location', 'ci/cache.json'], dir)).toEqual(first);
  });

  it('--changed checks only files changed since the merge base with main, committed or not', () => {
    const dir = tempDir({ 'old.txt': DEFECTS, 'edited.txt': CLEAN, 'committed.txt': CLEAN }, ROOT);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(dir, 'committed.txt'), DEFECTS_TEXT());
    git(dir, 'commit', '-q', '-am', 'change');
    writeFileSync(join(dir, 'edited.txt'), `${CLEAN}3.新增措施。\n`);
    writeFileSync(join(dir, 'new.txt'), CLEAN);
    const files = (args: string[]): string[] => json(runCli(['check', ...args, '--format', 'json'], dir).stdout).map((f) => f.filePath.slice(dir.length + 1));
    expect(files(['--changed'])).toEqual(['committed.txt', 'edited.txt', 'new.txt']);
    expect(files(['--changed', 'HEAD'])).toEqual(['edited.txt', 'new.txt']);
    expect(files(['edited.txt', '--changed'])).toEqual(['edited.txt']);
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'stash', '-q', '-u');
    const nothing = runCli(['check', '--changed', '--locale', 'en'], dir);
    expect(nothing).toMatchObject({ status: 0, stdout: '', stderr: 'no changed plan files to check\n' });
  });

  it('--changed outside a git repository, or with an unknown base, is a one-line error, exit 2', () => {
    const dir = tempDir({ 'draft.txt': CLEAN }, ROOT);
    const outside = runCli(['check', '--changed', '--locale', 'en'], dir);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/^policylint: --changed: git rev-parse failed: .*not a git repository/);
    git(dir, 'init', '-q', '-b', 'trunk');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    expect(runCli(['check', '--changed', '--locale', 'en'], dir)).toMatchObject({
      status: 2,
      stderr: 'policylint: --changed: no base to compare with (main, origin/main); name one, e.g. --changed origin/main\n',
    });
    expect(runCli(['check', '--changed', 'trunk'], dir).status).toBe(0);
  });
});

function DEFECTS_TEXT(): string {
  return readFileSync(join(ROOT, DEFECTS.fixture), 'utf8').replace(/[ \t]*⟦[a-z,-]+⟧/g, '');
}
