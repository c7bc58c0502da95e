import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { tempDir } from './temp-dir.js';

const DEFECTS = { fixture: 'packages/checker/test/fixtures/numbering-defects.txt' };
const CLEAN = '关于某项工作的实施方案\n一、总体要求\n1.推进改革。落实责任。\n2.加强监管。推动共享。\n';

interface EslintFile {
  filePath: string;
  messages: Array<{ ruleId: string; severity: 1 | 2; message: string; line: number; column: number; endLine: number; endColumn: number }>;
  errorCount: number;
  warningCount: number;
}

describe('policylint check', () => {
  it('reports in ESLint’s JSON shape with 1-based positions', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS }, ROOT);
    const { status, stdout } = runCli(['check', 'draft.txt', '--format', 'json'], dir);
    expect(status).toBe(1);
    const [file] = JSON.parse(stdout) as EslintFile[];
    expect(file!.filePath).toBe(join(dir, 'draft.txt'));
    expect(file!.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId}`)).toEqual([
      '8:1 2 numbering-sequence',
      '9:1 1 numbering-marker',
      '12:1 2 numbering-sequence',
      '13:1 1 numbering-marker',
      '14:1 1 numbering-marker',
      '17:1 2 numbering-sequence',
      '21:1 2 numbering-sequence',
    ]);
    expect(file!.messages[0]).toMatchObject({ message: '应为“4.”，实际为“5.”：缺少第4条（GB/T 9704-2012 §7.3.3）', endLine: 8, endColumn: 3 });
    expect([file!.errorCount, file!.warningCount]).toEqual([4, 3]);
  });

  it('prints a stylish report in the chosen language', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS }, ROOT);
    const { stdout } = runCli(['check', 'draft.txt', '--locale', 'en'], dir);
    const lines = stdout.split('\n');
    expect(lines[1]).toBe('draft.txt');
    expect(lines[2]).toBe('  8:1   error    expected 4., found 5.: measure 4 is missing (GB/T 9704-2012 §7.3.3)  numbering-sequence');
    expect(lines).toContain('✖ 7 problems (4 errors, 3 warnings, 0 infos)');
    expect(stdout).not.toContain(String.fromCharCode(27)); // no colour escapes when stdout is not a terminal
  });

  it('exits 0 on a clean plan, and 1 only past --max-warnings', () => {
    const dir = tempDir({ 'clean.txt': CLEAN, 'marker.txt': '一、总体要求\n1.推进改革。\n2、加强监管。\n' }, ROOT);
    expect(runCli(['check', 'clean.txt'], dir)).toMatchObject({ status: 0, stdout: '' });
    expect(runCli(['check', 'marker.txt'], dir).status).toBe(0);
    expect(runCli(['check', 'marker.txt', '--max-warnings', '1'], dir).status).toBe(0);
    expect(runCli(['check', 'marker.txt', '--max-warnings', '0'], dir).status).toBe(1);
  });

  it('walks directories for .txt and .md, takes globs, and skips files that are not plans', () => {
    const dir = tempDir({ 'a/draft.md': DEFECTS, 'a/notes.txt': '会议记录\n1.讨论了预算。\n', 'b/c.txt': CLEAN, 'b/x.json': '{}' }, ROOT);
    const files = (args: string[]): string[] =>
      (JSON.parse(runCli(['check', ...args, '--format', 'json'], dir).stdout) as EslintFile[]).map((f) => f.filePath.slice(dir.length + 1));
    expect(files(['.'])).toEqual(['a/draft.md', 'b/c.txt']);
    expect(files(['b/*.txt'])).toEqual(['b/c.txt']);
  });

  it('fixes with --fix, changing only markers, then reports what is left', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS }, ROOT);
    const before = readFileSync(join(dir, 'draft.txt'), 'utf8');
    const { status, stdout, stderr } = runCli(['check', 'draft.txt', '--fix', '--locale', 'en'], dir);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      'no corpus found (no seeds/ folder, no corpus in policylint.config.json): citations of other plans and repeats of measures in force are not checked',
      `${join(dir, 'draft.txt')}: fixed 7 problems`,
      '',
    ]);
    const after = readFileSync(join(dir, 'draft.txt'), 'utf8');
    const strip = (t: string): string => t.replace(/^(?:[一二三四]、|（[一二三]）、?|\(三\)|（\d）|\d+[.、])/gmu, '');
    expect(strip(after)).toBe(strip(before));
    expect(runCli(['check', 'draft.txt'], dir).status).toBe(0);
  });

  it('uses the nearest policylint.config.json and reports a bad one as path: key: problem, exit 2', () => {
    const dir = tempDir({ 'policylint.config.json': '{ "rules": { "numbering-sequence": "off" } }', 'sub/draft.txt': DEFECTS }, ROOT);
    const quiet = JSON.parse(runCli(['check', 'sub', '--format', 'json'], dir).stdout) as EslintFile[];
    expect(quiet[0]!.messages.map((m) => m.ruleId)).not.toContain('numbering-sequence');

    const bad = tempDir({ 'policylint.config.json': '{ "rules": { "numbering-sequence": "loud" }, "colour": true }', 'draft.txt': DEFECTS }, ROOT);
    const { status, stdout, stderr } = runCli(['check', 'draft.txt', '--locale', 'en'], bad);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const config = join(bad, 'policylint.config.json');
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      `policylint: ${config}: rules.numbering-sequence: Invalid option: expected one of "off"|"info"|"warning"|"error"`,
      `policylint: ${config}: colour: Unrecognized key: "colour"`,
    ]);
    const broken = tempDir({ 'c.json': '{ "rules": ', 'draft.txt': DEFECTS }, ROOT);
    const invalid = runCli(['check', 'draft.txt', '--config', 'c.json', '--locale', 'en'], broken);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/^policylint: .*c\.json: invalid JSON: .+\n$/);
  });

  it('refuses a file it cannot decode instead of fixing it into garbage, and keeps a BOM', () => {
    const dir = tempDir({ 'bom.txt': '\ufeff一、总体要求\n1.推进改革。\n3.加强监管。\n' }, ROOT);
    const broken = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0x0a, 0x31, 0x2e, 0xff]); // 一、总 / 1. in GBK, then a byte no encoding has
    writeFileSync(join(dir, 'broken.txt'), broken);
    const refused = runCli(['check', 'broken.txt', '--fix'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${join(dir, 'broken.txt')}：无法按 UTF-8 或 GB18030 解码\n`);
    expect(readFileSync(join(dir, 'broken.txt'))).toEqual(broken);
    expect(runCli(['check', 'bom.txt', '--fix'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'bom.txt'), 'utf8')).toBe('\ufeff一、总体要求\n1.推进改革。\n2.加强监管。\n');
  });

  it.each([
    [['check', 'missing.txt'], /missing\.txt：找不到文件/],
    [['check', 'nothing/*.txt'], /nothing\/\*\.txt：没有匹配的文件/],
    [['check', '--format', 'xml'], /argument 'xml' is invalid/],
    [['check', '--max-warnings', 'many'], /expected a whole number/],
  ])('%j exits 2 with one line', (args, pattern) => {
    const { status, stderr } = runCli(args, tempDir({}, ROOT));
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(pattern);
  });

  it('runs on the seed and the examples from the repository, as the README says', () => {
    const { status, stdout } = runCli(['check', 'seeds/', 'examples/', '--format', 'json']);
    expect(status).toBe(1);
    const files = JSON.parse(stdout) as EslintFile[];
    expect(files.map((f) => f.filePath.slice(ROOT.length + 1))).toEqual(expect.arrayContaining(['seeds/xiamen-2023-business-environment-action-plan.txt']));
    const seed = files.find((f) => f.filePath.endsWith('.txt') && f.filePath.includes('seeds'))!;
    expect(seed.messages.filter((m) => m.ruleId === 'numbering-sequence' || m.ruleId === 'numbering-hierarchy')).toEqual([]);
  });
});

describe('policylint renumber', () => {
  it('prints a diff of the markers it would change, and rewrites with --write', () => {
    const dir = tempDir({ 'draft.txt': '一、甲\n1.子。\n3、丑。\n三、乙\n4.寅。\n' }, ROOT);
    const diff = runCli(['renumber', 'draft.txt'], dir);
    expect(diff.status).toBe(0);
    const changed = diff.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(changed).toEqual(['-3、丑。', '-三、乙', '-4.寅。', '+2.丑。', '+二、乙', '+3.寅。']);
    expect(readFileSync(join(dir, 'draft.txt'), 'utf8')).toBe('一、甲\n1.子。\n3、丑。\n三、乙\n4.寅。\n');
    expect(runCli(['renumber', 'draft.txt', '--write'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'draft.txt'), 'utf8')).toBe('一、甲\n1.子。\n2.丑。\n二、乙\n3.寅。\n');
    expect(runCli(['renumber', 'draft.txt', '--locale', 'en'], dir).stderr).toBe('draft.txt: numbering already in order\n');
  });
});

describe('policylint check with a corpus', () => {
  const DRAFT = { fixture: 'packages/checker/test/fixtures/xref-draft.txt' };

  it('finds the nearest seeds/ folder and resolves citations of the seed', () => {
    const dir = tempDir({ 'seeds/plan.txt': { copy: 'seeds/xiamen-2023-business-environment-action-plan.txt' }, 'drafts/draft.txt': DRAFT }, ROOT);
    const { status, stdout, stderr } = runCli(['check', 'drafts', '--format', 'json', '--locale', 'en'], dir);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const [file] = JSON.parse(stdout) as EslintFile[];
    expect(file!.messages.filter((m) => m.ruleId.startsWith('xref')).map((m) => `${m.line} ${m.ruleId}`)).toEqual([
      '4 xref-unresolved',
      '5 xref-unresolved',
      '7 xref-unresolved',
      '8 xref-unknown-document',
    ]);
  });

  it('takes the corpus from --corpus, and says once when there is none', () => {
    const dir = tempDir({ 'a.txt': DRAFT, 'b.txt': DRAFT }, ROOT);
    const none = runCli(['check', '.', '--locale', 'en'], dir);
    expect(none.stderr).toBe('no corpus found (no seeds/ folder, no corpus in policylint.config.json): citations of other plans and repeats of measures in force are not checked\n');
    const withCorpus = runCli(['check', 'a.txt', '--format', 'json', '--corpus', join(ROOT, 'seeds')], dir);
    expect(withCorpus.stderr).toBe('');
    expect((JSON.parse(withCorpus.stdout) as EslintFile[])[0]!.messages.map((m) => m.ruleId)).toContain('xref-unknown-document');
  });

  it('uses the corpus globs of policylint.config.json, relative to it', () => {
    const dir = tempDir({ 'policylint.config.json': '{ "corpus": ["plans-in-force/*.txt"] }', 'plans-in-force/seed.txt': { copy: 'seeds/xiamen-2023-business-environment-action-plan.txt' }, 'sub/draft.txt': DRAFT }, ROOT);
    const { stdout, stderr } = runCli(['check', 'sub/draft.txt', '--format', 'json'], dir);
    expect(stderr).toBe('');
    expect((JSON.parse(stdout) as EslintFile[])[0]!.messages.filter((m) => m.ruleId === 'xref-unresolved')).toHaveLength(3);
  });
});

describe('policylint show', () => {
  const SEED_TITLE = '厦门市再创营商环境新优势助力企业高质量发展行动方案';

  it('prints the seed’s measure 3 for a simplified-script citation, from the repository', () => {
    const { status, stdout } = runCli(['show', `《${SEED_TITLE}》第3条`]);
    expect(status).toBe(0);
    const [heading, where, blank, text] = stdout.split('\n');
    expect(heading).toBe('《廈門市再創營商環境新優勢助力企業高質量發展行動方案》 3.加強融資支持服務');
    expect(where).toBe('seeds/xiamen-2023-business-environment-action-plan.txt:15');
    expect(blank).toBe('');
    expect(text).toMatch(/^3\.加強融資支持服務。支持民間投資項目申報國家政策性開發性金融工具。推進無還本續貸增量擴面/);
    expect(text).not.toContain('(qiáng)');
  });

  it('reads a citation of the document itself with --in', () => {
    const dir = tempDir({ 'draft.txt': '一、甲\n1.推进改革。落实责任。\n2.加强监管。推动共享。\n' }, ROOT);
    const { status, stdout } = runCli(['show', '第2条', '--in', 'draft.txt'], dir);
    expect(status).toBe(0);
    expect(stdout).toBe('2.加强监管\ndraft.txt:3\n\n2.加强监管。推动共享。\n');
  });

  it.each([
    [[`《${SEED_TITLE}》第31条`], 1, `policylint: 《${SEED_TITLE}》只有28条，没有第31条`],
    [['《某某办法》第3条'], 1, 'policylint: 《某某办法》不在语料库中'],
    [['第3条'], 2, 'policylint: “第3条”引用的是文件本身的条款：请用 --in FILE 指明文件，或写明《文件标题》'],
    [['hello', '--locale', 'en'], 2, 'policylint: "hello" is not a citation: write it like 第3条 or 《title》第3条'],
  ])('%j exits %i with one line', (args, status, line) => {
    const result = runCli(['show', ...args]);
    expect(result.status).toBe(status);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${line}\n`);
  });
});

describe('overlap through the CLI', () => {
  const DRAFT = { fixture: 'packages/checker/test/fixtures/overlap-draft.txt' };
  const SEED_FILE = { copy: 'seeds/xiamen-2023-business-environment-action-plan.txt' };

  it('flags the draft’s repeats of the seed and keeps the index in .policylint/cache/overlap/', () => {
    const dir = tempDir({ 'seeds/plan.txt': SEED_FILE, 'draft.txt': DRAFT }, ROOT);
    const { stdout } = runCli(['check', 'draft.txt', '--format', 'json'], dir);
    const messages = (JSON.parse(stdout) as EslintFile[])[0]!.messages.filter((m) => m.ruleId.startsWith('overlap'));
    expect(messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['3 overlap-existing', '7 overlap-existing', '8 overlap-existing', '9 overlap-existing', '12 overlap-internal']);
    const cache = readdirSync(join(dir, '.policylint/cache/overlap'));
    expect(cache).toHaveLength(1);
    // A second run reads the stored index and finds the same.
    const again = JSON.parse(runCli(['check', 'draft.txt', '--format', 'json'], dir).stdout) as EslintFile[];
    expect(again[0]!.messages).toEqual((JSON.parse(stdout) as EslintFile[])[0]!.messages);
  });

  it('re-indexes only the corpus file that changed', () => {
    const dir = tempDir({ 'seeds/a.txt': SEED_FILE, 'seeds/b.txt': '关于某事的实施方案\n一、甲\n1.发放人工智能算力券。对中小企业购买算力服务给予补贴。\n', 'draft.txt': DRAFT }, ROOT);
    runCli(['check', 'draft.txt'], dir);
    const before = readdirSync(join(dir, '.policylint/cache/overlap')).sort();
    writeFileSync(join(dir, 'seeds/b.txt'), '关于某事的实施方案\n一、甲\n1.发放人工智能算力券。对中小企业购买智能算力服务给予补贴。\n');
    runCli(['check', 'draft.txt'], dir);
    const after = readdirSync(join(dir, '.policylint/cache/overlap')).sort();
    expect(before).toHaveLength(2);
    expect(after).toHaveLength(3);
    expect(after.filter((f) => before.includes(f))).toHaveLength(2);
  });

  it('lists each measure’s closest corpus measures with policylint similar', () => {
    const dir = tempDir({ 'seeds/plan.txt': SEED_FILE, 'draft.txt': DRAFT }, ROOT);
    const { status, stdout } = runCli(['similar', 'draft.txt', '--locale', 'en', '--limit', '2'], dir);
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('1.强化融资服务支持');
    expect(lines[1]).toMatch(/^ {2}! 1\.00 {2}《廈門市再創營商環境新優勢助力企業高質量發展行動方案》3\.加強融資支持服務 {2}seeds\/plan\.txt:15$/);
    expect(lines).toContain('3.发放人工智能算力券');
    expect(lines[lines.indexOf('3.发放人工智能算力券') + 1]).toBe('  (nothing alike in the corpus)');
  });
});
