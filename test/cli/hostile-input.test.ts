import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileInputs, nonsenseNesting, SEED_PATH, twentyMegabytePlan, type HostileInput } from '../hostile-inputs.js';
import { CLI_PATH, ROOT } from './run-cli.js';
import { tempDir } from './temp-dir.js';

// Generous: every run below takes a few seconds at most; a hang or a quadratic path takes minutes.
const BOUND_MS = 60_000;

interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  line: number;
  column: number;
  message: string;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI (as user `uid` if given), killed past BOUND_MS; it must have exited by itself,
 * printing no stack trace.
 */
function runBounded(args: readonly string[], cwd: string, uid?: number): Run {
  const user = uid === undefined ? {} : { uid, gid: uid };
  const result = spawnSync(CLI_PATH, args, { cwd, encoding: 'utf8', timeout: BOUND_MS, maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' }, ...user });
  expect(result.signal).toBeNull();
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The findings of the one checked file of a JSON report, or none when it has no entry. */
function findings(stdout: string): EslintMessage[] {
  const files = JSON.parse(stdout) as Array<{ messages: EslintMessage[] }>;
  expect(files.length).toBeLessThanOrEqual(1);
  return files[0]?.messages ?? [];
}

const summary = (messages: readonly EslintMessage[]): string[] => messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);

/** Checks one text, written to a file, with the seed as the corpus beside it. */
function check(file: string, text: string, extraArgs: readonly string[] = []): Run & { dir: string } {
  const dir = tempDir({ 'seeds/seed.txt': { copy: SEED_PATH }, [file]: text }, ROOT);
  return { ...runBounded(['check', file, '--format', 'json', '--locale', 'en', ...extraArgs], dir), dir };
}

describe('policylint check on hostile input', () => {
  it.each(hostileInputs().map((input) => [input.name, input] as const))(
    'gives a clean result for %s',
    (_name, input: HostileInput) => {
      const { status, stdout, stderr } = check(input.file, input.text);
      const found = findings(stdout);
      expect(summary(found)).toEqual(input.expected.map((at) => at.replace(/^(\d+):(\d+)/, (_, line: string, character: string) => `${Number(line) + 1}:${Number(character) + 1}`)));
      expect(status).toBe(found.some((m) => m.severity === 2) ? 1 : 0);
      expect(stderr).toBe('');
    },
    BOUND_MS + 10_000,
  );

  it('checks a 20 MB plan to its last line', () => {
    const { text, lastLine } = twentyMegabytePlan();
    expect(Buffer.byteLength(text)).toBeGreaterThan(20_000_000);
    const { status, stdout } = check('big.txt', text);
    expect(status).toBe(1);
    // Every copy of the seed repeats the seed in the corpus, the last one too.
    const last = findings(stdout).filter((m) => m.ruleId === 'overlap-existing').pop();
    expect(last!.line).toBeGreaterThan(lastLine - 400);
  }, BOUND_MS + 10_000);

  it('reports levels nested in nonsense orders, and --fix keeps every line', () => {
    const text = nonsenseNesting();
    const { status, stdout } = check('nesting.txt', text);
    expect(status).toBe(1);
    const found = findings(stdout);
    expect(new Set(found.map((m) => m.ruleId))).toEqual(new Set(['numbering-sequence', 'numbering-hierarchy']));
    expect(Math.max(...found.slice(0, 10_000).map((m) => m.line))).toBeLessThanOrEqual(5000);
    const fixed = check('nesting.txt', text, ['--fix']);
    expect(fixed.stderr).toMatch(/: fixed \d+ problems/);
    const after = readFileSync(join(fixed.dir, 'nesting.txt'), 'utf8');
    expect(after).not.toBe(text);
    expect(after.split('\n').map((line) => line.slice(-1))).toEqual(text.split('\n').map((line) => line.slice(-1)));
  }, 2 * BOUND_MS + 10_000);

  it('says “not a text file” for NUL bytes and “cannot decode” for a lone surrogate, and checks the other files', () => {
    const dir = tempDir({ 'ok.txt': '一、总体要求\n1.甲。\n3.乙。\n', 'seeds/seed.txt': { copy: SEED_PATH } }, ROOT);
    writeFileSync(join(dir, 'nul.txt'), '一、总体要求\n1.甲\0措施。\n');
    // ED A0 80 is U+D800 written as if it were a character: no UTF-8 decoder may accept it.
    writeFileSync(join(dir, 'lone.txt'), Buffer.concat([Buffer.from('一、总体要求\n1.甲'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('措施。\n')]));
    const { status, stdout, stderr } = runBounded(['check', 'ok.txt', 'nul.txt', 'lone.txt', '--format', 'json', '--locale', 'en'], dir);
    expect(status).toBe(2);
    expect(summary(findings(stdout))).toEqual(['3:1 numbering-sequence']);
    expect(stderr.split('\n').sort()).toEqual(['', `${join(dir, 'lone.txt')}: cannot decode as UTF-8 or GB18030`, `${join(dir, 'nul.txt')}: not a text file`]);
  });

  it('prints no control character of the draft to the terminal report', () => {
    const draft = '一、总体要求\n1.甲措施。按《\u001b[31m某某\u0007方案》执行。\n';
    const dir = tempDir({ 'draft.txt': draft, 'seeds/seed.txt': { copy: SEED_PATH } }, ROOT);
    // The message quotes the title, control characters and all; the JSON report escapes them.
    expect(findings(runBounded(['check', 'draft.txt', '--format', 'json', '--locale', 'en'], dir).stdout).map((m) => m.message)).toEqual([
      '《\u001b[31m某某\u0007方案》 is not in the corpus; the citation cannot be checked',
    ]);
    const { status, stdout } = runBounded(['check', 'draft.txt', '--locale', 'en'], dir);
    expect(status).toBe(0);
    expect(stdout).toContain('某某');
    const controls = [...stdout].filter((c) => (c < ' ' && c !== '\n') || c === '\u007f');
    expect(controls).toEqual([]);
  });
});

describe('policylint check with a hostile corpus folder', () => {
  const DRAFT = readFileSync(join(ROOT, 'examples/private-investment-measures-draft.txt'), 'utf8');

  /** The draft's overlap findings with a corpus folder holding the seed and what `spoil` adds. */
  function overlap(spoil: (seeds: string) => void): { found: string[]; stderr: string; dir: string } {
    const dir = tempDir({ 'draft.txt': DRAFT, 'seeds/seed.txt': { copy: 'seeds/xiamen-2023-business-environment-action-plan.txt' } }, ROOT);
    spoil(join(dir, 'seeds'));
    const { status, stdout, stderr } = runBounded(['check', 'draft.txt', '--format', 'json', '--locale', 'en'], dir);
    expect(status).toBe(1);
    return { found: summary(findings(stdout).filter((m) => m.ruleId === 'overlap-existing')), stderr, dir };
  }

  it('reads the same plans in force past symlink loops, a FIFO, empty, binary and non-plan files', () => {
    const clean = overlap(() => undefined);
    expect(clean.found.length).toBeGreaterThan(0);
    const spoiled = overlap((seeds) => {
      symlinkSync('loop-b', join(seeds, 'loop-a'));
      symlinkSync('loop-a', join(seeds, 'loop-b'));
      symlinkSync('.', join(seeds, 'self'));
      mkdirSync(join(seeds, 'nested'));
      symlinkSync('..', join(seeds, 'nested/up'));
      spawnSync('mkfifo', [join(seeds, 'pipe.txt')]);
      symlinkSync('pipe.txt', join(seeds, 'pipe-link.txt'));
      writeFileSync(join(seeds, 'empty.txt'), '');
      writeFileSync(join(seeds, 'README.md'), '# 说明\n本目录存放现行方案。\n');
      writeFileSync(join(seeds, 'figure.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    });
    expect(spoiled.found).toEqual(clean.found);
    expect(spoiled.stderr.trim().split('\n')).toEqual([`${join(spoiled.dir, 'seeds/figure.txt')}: cannot be read as text (UTF-8, UTF-16 or GB18030); left out of the corpus`]);
  });

  it('says so when --corpus matches no file (a typo), instead of passing in silence', () => {
    const dir = tempDir({ 'draft.txt': DRAFT, 'plans/empty/.keep': '' }, ROOT);
    const typo = runBounded(['check', 'draft.txt', '--corpus', 'plans/in-forse', '--format', 'json', '--locale', 'en'], dir);
    expect(typo.stderr).toBe('the corpus (plans/in-forse) matches no file: citations of other plans and repeats of measures in force are not checked\n');
    expect(findings(typo.stdout).filter((m) => m.ruleId === 'overlap-existing')).toEqual([]);
    expect(runBounded(['check', 'draft.txt', '--corpus', 'plans/empty'], dir).stderr).toBe('语料库（plans/empty/**/*.{txt,md}）没有匹配的文件，不检查对其他文件的引用及与现行措施的重复\n');
  });

  // As root the test runs the CLI as nobody, which must be able to reach the checkout (not so in a
  // checkout under a private folder, as `mktemp -d` makes): there the test cannot show anything.
  const nobodyCannotRunCli = process.getuid?.() === 0 && !everyFolderAbove(CLI_PATH).every((folder) => (statSync(folder).mode & 0o001) !== 0);
  it.skipIf(nobodyCannotRunCli)('leaves out a corpus file it may not read, says so, and reads the others', () => {
    const dir = tempDir({ 'draft.txt': DRAFT, 'seeds/seed.txt': { copy: SEED_PATH }, 'seeds/secret.txt': '一、甲\n1.乙。\n' }, ROOT);
    chmodSync(join(dir, 'seeds/secret.txt'), 0o000);
    // chmod 000 does not keep root out, so as root the CLI runs as nobody, in a folder it may write.
    const nobody = process.getuid?.() === 0 ? 65534 : undefined;
    if (nobody !== undefined) chmodSync(dir, 0o777);
    const { status, stdout, stderr } = runBounded(['check', 'draft.txt', '--format', 'json', '--locale', 'en'], dir, nobody);
    expect(status).toBe(1);
    expect(summary(findings(stdout).filter((m) => m.ruleId === 'overlap-existing'))).toEqual(overlap(() => undefined).found);
    expect(stderr).toBe(`${join(dir, 'seeds/secret.txt')}: cannot be read as text (UTF-8, UTF-16 or GB18030); left out of the corpus\n`);
  });

});

describe('policylint check with hostile globs', () => {
  const DRAFT = '一、总体要求\n1.甲。\n3.乙。\n';
  // `seeds/+(*)a` read as an extglob takes ~1.7^n steps on an n-letter name without an `a` at the
  // end: 0.5 s at 20 letters before the fix, hours at 40.
  const EXTGLOB_BAIT = { [`seeds/${'b'.repeat(40)}`]: '' };
  const oneLine = (run: Run): string[] => run.stderr.trimEnd().split('\n');

  it('refuses an extglob corpus glob in the configuration: one line naming the file and the key, zh-CN by default', () => {
    const dir = tempDir({ 'draft.txt': DRAFT, 'policylint.config.json': '{ "corpus": ["seeds/**/*.txt", "seeds/+(*)a"] }', ...EXTGLOB_BAIT }, ROOT);
    const config = join(dir, 'policylint.config.json');
    const zh = runBounded(['check', 'draft.txt'], dir);
    expect([zh.status, zh.stdout]).toEqual([2, '']);
    expect(oneLine(zh)).toEqual([
      `policylint: ${config}：corpus.1：不支持圆括号 ( )：扩展 glob（如 +(…)、@(…)）和分组 (a|b) 在长文件名上匹配可能耗时极长；备选请写成 {a,b}，文件名中的括号可用 ? 代替`,
    ]);
    const en = runBounded(['check', 'draft.txt', '--locale', 'en'], dir);
    expect(oneLine(en)).toEqual([`policylint: ${config}: corpus.1: parentheses are not supported: extglobs such as +(…) or @(…) and groups (a|b) can take very long to match on long file names; write alternatives as {a,b}, and a parenthesis in a file name as ?`]);
  });

  it('refuses more than 64 --corpus arguments as a usage error, in the --locale language', () => {
    const dir = tempDir({ 'draft.txt': DRAFT }, ROOT);
    const corpus = (n: number) => Array.from({ length: n }, (_, i) => ['--corpus', `plans${i}/*.txt`]).flat();
    const zh = runBounded(['check', 'draft.txt', ...corpus(65)], dir);
    expect([zh.status, zh.stdout, oneLine(zh)]).toEqual([2, '', ['policylint: --corpus：glob 过多：一个列表至多 64 个；请合并为更少的 glob，如 {a,b}/*.txt']]);
    const en = runBounded(['check', 'draft.txt', ...corpus(65), '--locale', 'en'], dir);
    expect(oneLine(en)).toEqual(['policylint: --corpus: too many globs: at most 64 in one list; merge them into fewer, e.g. {a,b}/*.txt']);
    expect(runBounded(['check', 'draft.txt', ...corpus(64)], dir).status).not.toBe(2);
  });

  it('refuses --corpus and file-argument globs past the limits as usage errors, in the --locale language', () => {
    const dir = tempDir({ 'draft.txt': DRAFT, [`seeds/${'a'.repeat(255)}`]: '', ...EXTGLOB_BAIT }, ROOT);
    const corpus = runBounded(['check', 'draft.txt', '--corpus', 'seeds/*a*a*a*b'], dir);
    expect([corpus.status, corpus.stdout]).toEqual([2, '']);
    expect(oneLine(corpus)).toEqual([expect.stringMatching(/^policylint: --corpus seeds\/\*a\*a\*a\*b：通配符过多：/)]);
    expect(oneLine(runBounded(['show', '《某方案》第1条', '--corpus', 'seeds/+(*)a', '--locale', 'en'], dir))).toEqual([
      expect.stringMatching(/^policylint: --corpus seeds\/\+\(\*\)a: parentheses are not supported/),
    ]);
    const argument = runBounded(['check', 'seeds/**/a/**/a/**/x', '--locale', 'en'], dir);
    expect(argument.status).toBe(2);
    expect(oneLine(argument)).toEqual([
      'policylint: seeds/**/a/**/a/**/x: too many wildcards: a glob may hold at most 3 * or **, at most 2 * within one name and 2 **; more can take very long to match on long file names or deep folders',
    ]);
  });

  it('completes globs at the limits on a 255-letter name and a 4,000-character path', () => {
    const dir = tempDir({ 'draft.txt': DRAFT, [`seeds/${'a'.repeat(255)}`]: '' }, ROOT);
    const deep = join(dir, 'seeds', ...Array<string>(Math.floor((4000 - dir.length) / 2)).fill('a'));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'a'), '');
    try {
      // No name holds a `b`: each glob backtracks through every way it could match, and matches nothing.
      const globs = ['seeds/{a,aa}{a,aa}{a,aa}*a*b', 'seeds/**/a/**/*b', 'seeds/**/{a,aa}{a,aa}{a,aa}/**/b'];
      writeFileSync(join(dir, 'policylint.config.json'), JSON.stringify({ corpus: globs }));
      const run = runBounded(['check', 'draft.txt', '--format', 'json', '--locale', 'en'], dir);
      expect(summary(findings(run.stdout))).toEqual(['3:1 numbering-sequence']);
      expect(run.stderr).toBe(`the corpus (${globs.join(', ')}) matches no file: citations of other plans and repeats of measures in force are not checked\n`);
    } finally {
      // From the bottom up: a recursive rmSync of 2,000 nested folders overflows the stack.
      for (let folder = deep; folder !== join(dir, 'seeds'); folder = dirname(folder)) rmSync(folder, { recursive: true, force: true });
    }
  });

  it('still reads ordinary globs: **, {a,b} and [0-9] in the configuration and on the command line', () => {
    const plan = '某某行动方案\n一、总体要求\n1.甲。\n3.乙。\n';
    const dir = tempDir(
      { 'plans/2023/seed.txt': { copy: SEED_PATH }, 'policylint.config.json': '{ "corpus": ["plans/**/*.txt"] }', 'a/one.md': plan, 'b/two.md': plan, 'c/three.md': plan, '1-draft.txt': DRAFT, 'draft.txt': DRAFT },
      ROOT,
    );
    const run = runBounded(['check', '{a,b}/*.md', '[0-9]*.txt', '--format', 'json', '--locale', 'en'], dir);
    const files = JSON.parse(run.stdout) as Array<{ filePath: string }>;
    expect(files.map((file) => file.filePath.slice(dir.length + 1))).toEqual(['1-draft.txt', 'a/one.md', 'b/two.md']);
    // The corpus glob found the seed: nothing is said about a missing or empty corpus.
    expect(run.stderr).toBe('');
  });

  it('takes a --corpus folder whose name holds glob characters as written', () => {
    const dir = tempDir({ 'draft.txt': readFileSync(join(ROOT, 'examples/private-investment-measures-draft.txt'), 'utf8'), 'in force [2023] {a,b}/seed.txt': { copy: SEED_PATH } }, ROOT);
    const run = runBounded(['check', 'draft.txt', '--corpus', 'in force [2023] {a,b}', '--format', 'json', '--locale', 'en'], dir);
    expect(findings(run.stdout).filter((m) => m.ruleId === 'overlap-existing').length).toBeGreaterThan(0);
    expect(run.stderr).toBe('');
  });
});

describe('policylint check with a hostile configuration', () => {
  const DRAFT = '一、总体要求\n1.甲。\n3.乙。\n';

  it.each([
    ['invalid JSON', '{ "rules": ', 'invalid JSON: '],
    ['an empty file', '', 'invalid JSON: '],
    ['an array', '[]', '(root): Invalid input: expected object, received array'],
    ['an unknown key', '{ "rulez": {} }', 'rulez: Unrecognized key: "rulez"'],
    ['an unknown rule', '{ "rules": { "no-such-rule": "error" } }', 'rules.no-such-rule: unknown rule'],
    ['a wrong type', '{ "rules": "error" }', 'rules: Invalid input: expected record, received string'],
    ['a wrong severity', '{ "rules": { "numbering-sequence": 2 } }', 'rules.numbering-sequence: Invalid option'],
    ['a negative threshold', '{ "overlap": { "threshold": -1 } }', 'overlap.threshold: Too small: expected number to be >=0.1'],
    ['a threshold above 1', '{ "overlap": { "threshold": 1.5 } }', 'overlap.threshold: Too big: expected number to be <=1'],
    ['a NaN-ish threshold', '{ "overlap": { "threshold": "NaN" } }', 'overlap.threshold: Invalid input: expected number, received string'],
    ['an infinite threshold', '{ "overlap": { "threshold": 1e400 } }', 'overlap.threshold: Invalid input: expected number, received Infinity'],
    ['a huge match count', '{ "overlap": { "maxMatches": 1e15 } }', 'overlap.maxMatches: Too big: expected number to be <=20'],
    ['a fractional match count', '{ "overlap": { "maxMatches": 2.5 } }', 'overlap.maxMatches: Invalid input: expected int, received number'],
    ['an unknown locale', '{ "locale": "fr" }', 'locale: Invalid option: expected one of "zh-CN"|"en"'],
  ])('stops with one line naming the file and the key for %s', (_what, config, reason) => {
    const dir = tempDir({ 'draft.txt': DRAFT, 'policylint.config.json': config }, ROOT);
    const { status, stdout, stderr } = runBounded(['check', 'draft.txt', '--locale', 'en'], dir);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`policylint: ${join(dir, 'policylint.config.json')}: ${reason}`);
  });

  it('says it in zh-CN without --locale, since a broken configuration cannot name its own locale', () => {
    const dir = tempDir({ 'draft.txt': DRAFT, 'policylint.config.json': '{ "locale": "en", "overlap": { "threshold": -1 } }' }, ROOT);
    const config = join(dir, 'policylint.config.json');
    expect(runBounded(['check', 'draft.txt'], dir).stderr).toBe(`policylint: ${config}：overlap.threshold：数值过小：期望 number >=0.1\n`);
    writeFileSync(config, '{ "rules": ');
    expect(runBounded(['check', 'draft.txt'], dir).stderr).toBe(`policylint: ${config}：不是有效的 JSON（Unexpected end of JSON input）\n`);
  });

  it('takes a FIFO found walking up for no configuration, instead of waiting on it', () => {
    const dir = tempDir({ 'draft.txt': DRAFT, 'seeds/seed.txt': { copy: SEED_PATH } }, ROOT);
    spawnSync('mkfifo', [join(dir, 'policylint.config.json')]);
    // As for a folder of that name, the defaults apply. (A FIFO named with --config is read, as
    // `--config <(…)` needs: the user asked for it.)
    const { status, stdout, stderr } = runBounded(['check', 'draft.txt', '--format', 'json'], dir);
    expect([status, summary(findings(stdout)), stderr]).toEqual([1, ['3:1 numbering-sequence'], '']);
  });
});

function everyFolderAbove(path: string): string[] {
  const folders: string[] = [];
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    folders.push(folder);
    if (dirname(folder) === folder) return folders;
  }
}
