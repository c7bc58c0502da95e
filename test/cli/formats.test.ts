import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '@policylint/checker';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { tempDir } from './temp-dir.js';

const DEFECTS = { fixture: 'packages/checker/test/fixtures/numbering-defects.txt' };
const OVERLAP = { fixture: 'packages/checker/test/fixtures/overlap-draft.txt' };
const SEED = { copy: 'seeds/xiamen-2023-business-environment-action-plan.txt' };
const CLEAN = '关于某项工作的实施方案\n一、总体要求\n1.推进改革。落实责任。\n2.加强监管。推动共享。\n';
const CLI_VERSION = (JSON.parse(readFileSync(join(ROOT, 'apps/cli/package.json'), 'utf8')) as { version: string }).version;

// The official SARIF 2.1.0 schema is draft-04 and uses the uri, uri-reference and date-time formats.
// Its `language` pattern has a stray `]` that only a non-Unicode regular expression accepts.
// Both packages are CommonJS: under NodeNext their class and plugin are the module's `.default`.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object);

function sarif(stdout: string): Log {
  const log = JSON.parse(stdout) as unknown;
  expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
  return log as Log;
}

const where = (r: Result): string => {
  const { artifactLocation, region } = r.locations![0]!.physicalLocation!;
  return `${artifactLocation!.uri} ${region!.startLine}:${region!.startColumn}-${region!.endLine}:${region!.endColumn} ${r.level} ${r.ruleId}`;
};

interface EslintFile {
  filePath: string;
  messages: Array<Record<string, unknown>>;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

describe('policylint check --format json', () => {
  it('has exactly ESLint’s keys, 1-based integer positions and counts that match the messages', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS, 'clean.txt': CLEAN }, ROOT);
    const files = JSON.parse(runCli(['check', '.', '--format', 'json'], dir).stdout) as EslintFile[];
    expect(files.map((f) => Object.keys(f))).toEqual(Array(2).fill(['filePath', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']));
    const [clean, draft] = files;
    expect(clean).toMatchObject({ filePath: join(dir, 'clean.txt'), messages: [], errorCount: 0, warningCount: 0 });
    for (const m of draft!.messages) {
      expect(Object.keys(m)).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
      for (const key of ['line', 'column', 'endLine', 'endColumn']) expect(Number.isInteger(m[key]) && (m[key] as number) >= 1).toBe(true);
    }
    expect(draft!.errorCount).toBe(draft!.messages.filter((m) => m.severity === 2).length);
    expect(draft!.warningCount).toBe(draft!.messages.filter((m) => m.severity === 1).length);
    expect([draft!.fixableErrorCount, draft!.fixableWarningCount]).toEqual([4, 3]);
  });
});

describe('policylint check --format sarif', () => {
  it('validates against the SARIF 2.1.0 schema and describes every rule with its docs', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS }, ROOT);
    const { status, stdout } = runCli(['check', 'draft.txt', '--format', 'sarif', '--locale', 'en'], dir);
    expect(status).toBe(1);
    const log = sarif(stdout);
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    const driver = run!.tool.driver;
    expect(driver).toMatchObject({ name: 'policylint', version: CLI_VERSION, informationUri: 'https://github.com/policylint/policylint' });
    // Every rule of the registry, in its order, so ruleIndex stays put from run to run.
    expect(driver.rules!.map((r) => [r.id, r.defaultConfiguration!.level])).toEqual(
      RULES.map((rule) => [rule.id, { error: 'error', warning: 'warning', info: 'note' }[rule.defaultSeverity]]),
    );
    expect(driver.rules!.find((r) => r.id === 'xref-unknown-document')!.defaultConfiguration).toEqual({ level: 'note' });
    expect(driver.rules![0]).toEqual({
      id: 'numbering-sequence',
      shortDescription: { text: 'a gap, duplicate or out-of-order number at any level' },
      fullDescription: { text: 'A gap, duplicate or out-of-order number at any level. Default severity: error; fixable with policylint check --fix.' },
      helpUri: 'https://github.com/policylint/policylint/blob/main/docs/rules/numbering-sequence.md',
      defaultConfiguration: { level: 'error' },
      properties: { fixable: true },
    });
    for (const rule of driver.rules!) {
      // Every help link names a rule page the repository has.
      expect(existsSync(join(ROOT, rule.helpUri!.replace('https://github.com/policylint/policylint/blob/main/', '')))).toBe(true);
    }
    expect(run).toMatchObject({ language: 'en', columnKind: 'utf16CodeUnits', originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/` } } });
    expect(run!.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('reports each finding at its 1-based region, relative to the working folder, with the first of a duplicate as related location', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS }, ROOT);
    const [run] = sarif(runCli(['check', 'draft.txt', '--format', 'sarif', '--locale', 'en'], dir).stdout).runs;
    const results = run!.results!;
    expect(results.map(where)).toEqual([
      'draft.txt 8:1-8:3 error numbering-sequence',
      'draft.txt 9:1-9:5 warning numbering-marker',
      'draft.txt 12:1-12:3 error numbering-sequence',
      'draft.txt 13:1-13:4 warning numbering-marker',
      'draft.txt 14:1-14:3 warning numbering-marker',
      'draft.txt 17:1-17:4 error numbering-sequence',
      'draft.txt 21:1-21:3 error numbering-sequence',
    ]);
    for (const r of results) expect(run!.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
    expect(results.every((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uriBaseId === '%SRCROOT%')).toBe(true);
    const duplicate = results[2]!;
    expect(duplicate.message.text).toBe('expected 8., found 7.: measure 7 is numbered twice (GB/T 9704-2012 §7.3.3)');
    expect(duplicate.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'draft.txt', uriBaseId: '%SRCROOT%' }, region: { startLine: 11, startColumn: 1, endLine: 11, endColumn: 3 } },
        message: { text: 'first measure 7' },
      },
    ]);
    expect(results[0]!.relatedLocations).toBeUndefined();
    // The default language is the drafter's.
    const zh = sarif(runCli(['check', 'draft.txt', '--format', 'sarif'], dir).stdout).runs[0]!;
    expect(zh.language).toBe('zh-CN');
    expect(zh.results![2]!.message.text).toBe('应为“8.”，实际为“7.”：第7条重复（GB/T 9704-2012 §7.3.3）');
    expect(zh.tool.driver.rules![0]!.shortDescription!.text).toBe('层次序号缺号、重号或顺序错乱');
  });

  it('points overlaps at the corpus measure: relative inside the working folder, a file URI outside it', () => {
    const dir = tempDir({ 'seeds/plan.txt': SEED, 'draft.txt': OVERLAP }, ROOT);
    const inside = sarif(runCli(['check', 'draft.txt', '--format', 'sarif', '--locale', 'en'], dir).stdout).runs[0]!.results!;
    const first = inside.find((r) => r.ruleId === 'overlap-existing')!;
    expect(where(first)).toBe('draft.txt 3:1-3:11 warning overlap-existing');
    // The seed's measure 3 (加強融資支持服務) is its line 15.
    expect(first.relatedLocations!.map((l) => [l.physicalLocation!.artifactLocation, l.physicalLocation!.region!.startLine, l.message!.text])).toEqual([
      [{ uri: 'seeds/plan.txt', uriBaseId: '%SRCROOT%' }, 15, 'measure 3 of 《廈門市再創營商環境新優勢助力企業高質量發展行動方案》'],
      [{ uri: 'seeds/plan.txt', uriBaseId: '%SRCROOT%' }, 15, 'closest sentence'],
    ]);
    const internal = inside.find((r) => r.ruleId === 'overlap-internal')!;
    expect(where(internal)).toBe('draft.txt 12:1-12:13 warning overlap-internal');
    expect(internal.relatedLocations!.map((l) => `${l.physicalLocation!.artifactLocation!.uri} ${l.physicalLocation!.region!.startLine}`)).toEqual(['draft.txt 11']);

    const alone = tempDir({ 'draft.txt': OVERLAP }, ROOT);
    const seedPath = join(ROOT, 'seeds/xiamen-2023-business-environment-action-plan.txt');
    const outside = sarif(runCli(['check', 'draft.txt', '--format', 'sarif', '--corpus', join(ROOT, 'seeds')], alone).stdout).runs[0]!.results!;
    expect(outside.find((r) => r.ruleId === 'overlap-existing')!.relatedLocations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: pathToFileURL(seedPath).href });
  });

  it('counts columns in UTF-16 code units and percent-encodes file names', () => {
    const line = '1.子𠀀𠀀。参照《𠀀某某行动方案》执行。';
    const dir = tempDir({ '草案 #1.txt': `一、甲\n${line}\n2.丑。\n` }, ROOT);
    const [result] = sarif(runCli(['check', '.', '--format', 'sarif', '--corpus', join(ROOT, 'seeds')], dir).stdout).runs[0]!.results!;
    const { artifactLocation, region } = result!.locations![0]!.physicalLocation!;
    expect(artifactLocation!.uri).toBe('%E8%8D%89%E6%A1%88%20%231.txt');
    expect(decodeURIComponent(artifactLocation!.uri!)).toBe('草案 #1.txt');
    // JavaScript string indices are UTF-16 code units: each 𠀀 counts two.
    const title = line.indexOf('𠀀某某');
    expect(region).toEqual({ startLine: 2, startColumn: title + 1, endLine: 2, endColumn: line.indexOf('》') + 1 });
    expect(title).toBe(11);
  });

  it('marks the run unsuccessful when a file cannot be checked, and still reports the others', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS }, ROOT);
    writeFileSync(join(dir, 'picture.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const { status, stdout } = runCli(['check', '.', '--format', 'sarif', '--locale', 'en'], dir);
    expect(status).toBe(2);
    const [run] = sarif(stdout).runs;
    expect(run!.results).toHaveLength(7);
    expect(run!.invocations).toEqual([{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: `${join(dir, 'picture.txt')}: not a text file` } }] }]);
  });

  it('is valid with no findings, and gives fingerprints that survive lines inserted above', () => {
    const dir = tempDir({ 'clean.txt': CLEAN, 'draft.txt': DEFECTS }, ROOT);
    const empty = sarif(runCli(['check', 'clean.txt', '--format', 'sarif'], dir).stdout).runs[0]!;
    expect(empty.results).toEqual([]);
    const prints = (): string[] => sarif(runCli(['check', 'draft.txt', '--format', 'sarif'], dir).stdout).runs[0]!.results!.map((r) => r.partialFingerprints!['policylint/v1']!);
    const before = prints();
    expect(new Set(before).size).toBe(before.length);
    writeFileSync(join(dir, 'draft.txt'), `\n\n${readFileSync(join(dir, 'draft.txt'), 'utf8')}`);
    expect(prints()).toEqual(before);
  });
});

// ::command key=value,key=value::message — values and message escaped, so nothing else on the line.
const WORKFLOW_COMMAND = /^::(error|warning|notice) file=[^,:\r\n]+,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=[a-z-]+::[^\r\n]*$/;

describe('policylint check --format github', () => {
  it('prints one workflow command per finding, columns on one-line findings', () => {
    const dir = tempDir({ 'sub/draft.txt': DEFECTS }, ROOT);
    const { status, stdout } = runCli(['check', 'sub', '--format', 'github', '--locale', 'en'], dir);
    expect(status).toBe(1);
    const lines = stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(7);
    for (const line of lines) expect(line).toMatch(WORKFLOW_COMMAND);
    expect(lines[0]).toBe('::error file=sub/draft.txt,line=8,endLine=8,col=1,endColumn=3,title=numbering-sequence::expected 4., found 5.: measure 4 is missing (GB/T 9704-2012 §7.3.3)');
    expect(lines[1]).toMatch(/^::warning file=sub\/draft\.txt,line=9,endLine=9,col=1,endColumn=5,title=numbering-marker::/);
  });

  it('maps info to ::notice, and escapes a draft’s text so it cannot inject a command', () => {
    const draft = '关于某项工作的实施方案\n一、总体要求\n1.推进改革。按照《关于::error file=x.txt::注入%0A测试的实施方案》执行。\n2.加强监管。推动共享。\n';
    const dir = tempDir({ 'a,b:c.txt': draft }, ROOT);
    const { status, stdout } = runCli(['check', '.', '--format', 'github', '--corpus', join(ROOT, 'seeds')], dir);
    expect(status).toBe(0);
    expect(stdout).toBe(
      '::notice file=a%2Cb%3Ac.txt,line=3,endLine=3,col=11,endColumn=45,title=xref-unknown-document::《关于::error file=x.txt::注入%250A测试的实施方案》不在语料库中，无法核对引用\n',
    );
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(stdout.trimEnd()).toMatch(WORKFLOW_COMMAND);
  });

  it('prints nothing for a clean plan', () => {
    expect(runCli(['check', 'clean.txt', '--format', 'github'], tempDir({ 'clean.txt': CLEAN }, ROOT))).toMatchObject({ status: 0, stdout: '' });
  });
});

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

describe('policylint check --format gitlab', () => {
  it('writes a Code Quality report: one issue per finding, paths relative, fingerprints unique and stable', () => {
    const dir = tempDir({ 'plans/draft.txt': DEFECTS, 'plans/clean.txt': CLEAN }, ROOT);
    const report = (): CodeQualityIssue[] => JSON.parse(runCli(['check', 'plans', '--format', 'gitlab', '--locale', 'en'], dir).stdout) as CodeQualityIssue[];
    const issues = report();
    expect(issues).toHaveLength(7);
    for (const issue of issues) expect(Object.keys(issue)).toEqual(['description', 'check_name', 'fingerprint', 'severity', 'location']);
    expect(issues[0]).toMatchObject({
      description: 'expected 4., found 5.: measure 4 is missing (GB/T 9704-2012 §7.3.3)',
      check_name: 'numbering-sequence',
      severity: 'major',
      location: { path: 'plans/draft.txt', lines: { begin: 8 } },
    });
    expect(issues[1]).toMatchObject({ check_name: 'numbering-marker', severity: 'minor' });
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(7);
    writeFileSync(join(dir, 'plans/draft.txt'), `\n${readFileSync(join(dir, 'plans/draft.txt'), 'utf8')}`);
    const moved = report();
    expect(moved.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
    expect(moved[0]!.location.lines.begin).toBe(9);
    expect(runCli(['check', 'plans/clean.txt', '--format', 'gitlab'], dir).stdout).toBe('[]\n');
  });
});

describe('policylint check --output', () => {
  it('writes the report to the file, creating its folder, while stdout gets the stylish report', () => {
    const dir = tempDir({ 'draft.txt': DEFECTS }, ROOT);
    const stylish = runCli(['check', 'draft.txt', '--locale', 'en'], dir);
    const { status, stdout } = runCli(['check', 'draft.txt', '--format', 'sarif', '--output', 'reports/policylint.sarif', '--locale', 'en'], dir);
    expect(status).toBe(1);
    expect(stdout).toBe(stylish.stdout);
    expect(stdout).toContain('✖ 7 problems (4 errors, 3 warnings, 0 infos)');
    const log = sarif(readFileSync(join(dir, 'reports/policylint.sarif'), 'utf8'));
    expect(log.runs[0]!.results).toHaveLength(7);

    runCli(['check', 'draft.txt', '--format', 'github', '--output', 'reports/policylint.sarif'], dir);
    expect(readFileSync(join(dir, 'reports/policylint.sarif'), 'utf8').split('\n')[0]).toMatch(WORKFLOW_COMMAND);
  });

  it.each([
    ['a folder', 'reports', /reports：是目录，不是文件$/],
    ['below a file', 'draft.txt/out.sarif', /draft\.txt\/out\.sarif：无法写入（(ENOTDIR|EEXIST)）$/],
  ])('exits 2 with one line when the path is %s', (_, output, pattern) => {
    const dir = tempDir({ 'draft.txt': DEFECTS, 'reports/keep.txt': 'x' }, ROOT);
    const { status, stdout, stderr } = runCli(['check', 'draft.txt', '--format', 'sarif', '--output', output], dir);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(pattern);
  });
});
