import { localized, type Finding } from '@policylint/checker';
import { describe, expect, it } from 'vitest';
import { fingerprints } from '../src/formatters/fingerprints.js';
import { escapeData, escapeProperty, formatGithub } from '../src/formatters/github.js';
import { formatSarif } from '../src/formatters/sarif.js';
import { pathInside, relativeUri } from '../src/formatters/report-paths.js';

const finding = (line: number, endLine: number, overrides: Partial<Finding> = {}): Finding => ({
  ruleId: 'numbering-sequence',
  severity: 'error',
  message: localized('缺少第4条', 'measure 4 is missing'),
  range: { start: { line, character: 0 }, end: { line: endLine, character: 2 } },
  ...overrides,
});

describe('github workflow commands', () => {
  it('escapes messages as GitHub’s toolkit does: %, CR and LF', () => {
    expect(escapeData('a%0Ab\r\n::error::x')).toBe('a%250Ab%0D%0A::error::x');
    expect(escapeData('plain 文字: a, b')).toBe('plain 文字: a, b');
  });

  it('escapes property values further: : and ,', () => {
    expect(escapeProperty('a,b:c%\n.txt')).toBe('a%2Cb%3Ac%25%0A.txt');
  });

  it('keeps a message with line breaks on one line, and gives columns only to one-line findings', () => {
    const message = localized('第一行\n::error file=x::注入\r\n', 'first\n::error file=x::injected\r\n');
    const out = formatGithub([{ filePath: '/w/d.txt', findings: [finding(0, 0, { message }), finding(1, 3, { severity: 'info' })] }], { locale: 'en', cwd: '/w' });
    expect(out).toBe(
      '::error file=d.txt,line=1,endLine=1,col=1,endColumn=3,title=numbering-sequence::first%0A::error file=x::injected%0D%0A\n' +
        '::notice file=d.txt,line=2,endLine=4,title=numbering-sequence::measure 4 is missing\n',
    );
  });
});

describe('fingerprints', () => {
  it('stay the same when a finding moves to other lines', () => {
    expect(fingerprints('d.txt', [finding(3, 3)])).toEqual(fingerprints('d.txt', [finding(9, 9)]));
  });

  it('differ by file, rule, message and occurrence', () => {
    const [a, b] = fingerprints('d.txt', [finding(1, 1), finding(5, 5)]);
    expect(a).not.toBe(b);
    expect(fingerprints('e.txt', [finding(1, 1)])[0]).not.toBe(a);
    expect(fingerprints('d.txt', [finding(1, 1, { ruleId: 'numbering-marker' })])[0]).not.toBe(a);
    expect(fingerprints('d.txt', [finding(1, 1, { message: localized('缺少第5条', 'measure 5 is missing') })])[0]).not.toBe(a);
  });
});

describe('sarif', () => {
  const tool = { version: '9.9.9', homepage: 'https://example.org/policylint' };

  it('marks the run unsuccessful and lists the files that could not be checked', () => {
    const log = JSON.parse(formatSarif([], { locale: 'en', cwd: '/w', tool, failures: ['/w/x.txt: not a text file'] })) as {
      runs: Array<{ invocations: unknown[]; tool: { driver: { version: string; informationUri: string } } }>;
    };
    expect(log.runs[0]!.invocations).toEqual([
      { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: '/w/x.txt: not a text file' } }] },
    ]);
    expect(log.runs[0]!.tool.driver).toMatchObject({ version: '9.9.9', informationUri: 'https://example.org/policylint' });
  });
});

describe('report paths', () => {
  it('tells files inside the working folder from files outside it', () => {
    expect(pathInside('/w', '/w/a/b.txt')).toBe('a/b.txt');
    expect(pathInside('/w', '/w/..b.txt')).toBe('..b.txt');
    expect(pathInside('/w', '/x/b.txt')).toBeUndefined();
    expect(pathInside('/w', '/w')).toBeUndefined();
  });

  it('percent-encodes each segment of a relative URI, keeping the slashes', () => {
    expect(relativeUri('草案/a b#1%.txt')).toBe('%E8%8D%89%E6%A1%88/a%20b%231%25.txt');
  });
});
