import { describe, expect, it } from 'vitest';
import { checkText, Corpus, fixText, resolveConfig, type Finding } from '../src/index.js';
import { parseDirectives, suppress } from '../src/suppressions.js';
import { linesAndRules } from './helpers.js';

const EMPTY_CORPUS = new Corpus([]);

/** Findings as `line:rule` (1-based), with an empty corpus so that every rule runs. */
function check(lines: readonly string[]): string[] {
  return linesAndRules(checkText(lines.join('\n'), { corpus: EMPTY_CORPUS }).findings);
}

describe('parseDirectives', () => {
  it('reads the kind, the rule ids (spaces or commas) and their ranges, and drops the reason', () => {
    const text = '甲\n  <!-- policylint-disable-next-line numbering-marker, text-encoding xref-unresolved -- 保留原文 第9条 -->';
    const { directives, unknown } = parseDirectives(text);
    expect(unknown).toEqual([]);
    expect(directives).toHaveLength(1);
    const [directive] = directives;
    expect(directive!.kind).toBe('disable-next-line');
    expect(directive!.line).toBe(1);
    expect(directive!.range).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: text.split('\n')[1]!.length } });
    const line = text.split('\n')[1]!;
    expect(directive!.rules.map((r) => [r.id, line.slice(r.range.start.character, r.range.end.character)])).toEqual([
      ['numbering-marker', 'numbering-marker'],
      ['text-encoding', 'text-encoding'],
      ['xref-unresolved', 'xref-unresolved'],
    ]);
  });

  it.each([
    ['<!-- policylint-disable -->', 'disable', []],
    ['<!--policylint-enable-->', 'enable', []],
    ['<!-- policylint-disable -- 整段保留原文 -->', 'disable', []],
    ['<!-- policylint-enable numbering-sequence -->', 'enable', ['numbering-sequence']],
  ])('reads %j', (comment, kind, ids) => {
    const [directive] = parseDirectives(comment).directives;
    expect([directive!.kind, directive!.rules.map((r) => r.id)]).toEqual([kind, ids]);
  });

  it.each([
    ['text before it', '1.甲<!-- policylint-disable -->'],
    ['text after it', '<!-- policylint-disable --> 1.甲'],
    ['another tool’s comment', '<!-- markdownlint-disable -->'],
    ['no policylint- prefix', '<!-- disable numbering-marker -->'],
    ['a second comment on the line', '<!-- policylint-disable numbering-marker --> <!-- note -->'],
  ])('reads no directive from a comment with %s', (_why, text) => {
    expect(parseDirectives(text)).toEqual({ directives: [], unknown: [] });
  });

  it('counts lines as the checker does, over LF, CRLF and lone CR', () => {
    const text = '甲\r\n乙\r丙\n<!-- x -->\r\n<!-- policylint-disable -->\n丁<!-- policylint-enable -->\n<!-- policylint-enable -->';
    expect(parseDirectives(text).directives.map((d) => [d.kind, d.line])).toEqual([
      ['disable', 4],
      ['enable', 6],
    ]);
  });

  it('reports a policylint- comment of an unknown kind', () => {
    expect(parseDirectives('<!-- policylint-disable-line numbering-marker -->').unknown.map((u) => u.name)).toEqual(['disable-line']);
  });
});

describe('suppress', () => {
  const finding = (line: number, ruleId: string): Finding => ({
    ruleId,
    severity: 'error',
    message: { 'zh-CN': '', en: '' },
    range: { start: { line, character: 0 }, end: { line, character: 1 } },
  });
  const at = (text: string, findings: Finding[]): string[] =>
    suppress(findings, parseDirectives(text).directives).kept.map((f) => `${f.range.start.line}:${f.ruleId}`);

  it('disable-next-line hides the named rules on the next line only', () => {
    const text = '<!-- policylint-disable-next-line a b -->';
    expect(at(text, [finding(0, 'a'), finding(1, 'a'), finding(1, 'b'), finding(1, 'c'), finding(2, 'a')])).toEqual(['0:a', '1:c', '2:a']);
  });

  it('disable without ids hides every rule until enable without ids', () => {
    const text = ['x', '<!-- policylint-disable -->', 'x', 'x', '<!-- policylint-enable -->', 'x'].join('\n');
    expect(at(text, [finding(0, 'a'), finding(2, 'a'), finding(3, 'b'), finding(5, 'a')])).toEqual(['0:a', '5:a']);
  });

  it('enable of one rule under disable-all brings back only that rule', () => {
    const text = ['<!-- policylint-disable -->', '<!-- policylint-enable a -->', 'x'].join('\n');
    expect(at(text, [finding(2, 'a'), finding(2, 'b')])).toEqual(['2:a']);
  });

  it('disable of one rule holds to the end when nothing enables it, and enable of another rule changes nothing', () => {
    const text = ['<!-- policylint-disable a -->', '<!-- policylint-enable b -->', 'x', 'x'].join('\n');
    expect(at(text, [finding(2, 'a'), finding(3, 'a'), finding(3, 'b')])).toEqual(['3:b']);
  });

  it('tells which directive hid something, per rule', () => {
    const text = ['<!-- policylint-disable-next-line a b -->', 'x', '<!-- policylint-disable -->', 'x'].join('\n');
    const result = suppress([finding(1, 'a'), finding(3, 'c')], parseDirectives(text).directives);
    expect([result.used(0, 'a'), result.used(0, 'b'), result.used(1, '*')]).toEqual([true, false, true]);
    expect(result.hidden).toHaveLength(2);
  });
});

describe('checkText with disable comments', () => {
  const draft = ['一、总体要求', '1.甲措施。任务一。', '3、乙措施。任务二。', '5.丙措施。任务三。'];

  it('reports the draft’s findings without comments (the baseline of these tests)', () => {
    expect(check(draft)).toEqual(['3:numbering-marker', '3:numbering-sequence', '4:numbering-sequence']);
  });

  it('hides exactly the named rule on the next line, and numbering reads through the comment', () => {
    const lines = [draft[0]!, draft[1]!, '<!-- policylint-disable-next-line numbering-sequence -->', draft[2]!, draft[3]!];
    expect(check(lines)).toEqual(['4:numbering-marker', '5:numbering-sequence']);
  });

  it('hides every rule between disable and enable', () => {
    const lines = [draft[0]!, '<!-- policylint-disable -->', draft[1]!, draft[2]!, '<!-- policylint-enable -->', draft[3]!];
    expect(check(lines)).toEqual(['6:numbering-sequence']);
  });

  it('reports an unknown rule id at the id, in both languages, and still applies the known ones', () => {
    const lines = [draft[0]!, draft[1]!, '<!-- policylint-disable-next-line numbering-sequence numbering-markr -->', draft[2]!, draft[3]!];
    const result = checkText(lines.join('\n'), { corpus: EMPTY_CORPUS });
    expect(linesAndRules(result.findings)).toEqual(['3:inline-directive', '4:numbering-marker', '5:numbering-sequence']);
    const [unknown] = result.findings;
    expect(unknown!.range.start.character).toBe(lines[2]!.indexOf('numbering-markr'));
    expect(unknown!.message['zh-CN']).toContain('未知的规则“numbering-markr”');
    expect(unknown!.message.en).toContain('unknown rule "numbering-markr"');
  });

  it('reports an unknown directive kind', () => {
    expect(check([...draft.slice(0, 2), '<!-- policylint-disable-line -->'])).toEqual(['3:inline-directive']);
  });

  it('reports a disable comment that hides nothing when every rule could run, and not without a corpus', () => {
    const lines = ['一、总体要求', '<!-- policylint-disable-next-line numbering-marker -->', '1.甲措施。任务一。', '<!-- policylint-disable -->', '2.乙措施。'];
    const withCorpus = checkText(lines.join('\n'), { corpus: EMPTY_CORPUS }).findings;
    expect(linesAndRules(withCorpus)).toEqual(['2:inline-directive', '4:inline-directive']);
    expect(withCorpus[0]!.message.en).toContain('no numbering-marker problem');
    expect(checkText(lines.join('\n')).findings).toEqual([]);
  });

  it('reports no unused comment for a rule that is off', () => {
    const lines = ['一、总体要求', '<!-- policylint-disable-next-line numbering-marker -->', '1.甲措施。任务一。'];
    const config = resolveConfig({ rules: { 'numbering-marker': 'off' } });
    expect(checkText(lines.join('\n'), { corpus: EMPTY_CORPUS, config }).findings).toEqual([]);
  });

  it('never hides the comments’ own problems', () => {
    expect(check(['<!-- policylint-disable -->', '<!-- policylint-disable-next-line no-such-rule -->', ...draft])).toEqual(['2:inline-directive']);
  });

  it('still hides findings when inline-directive is off, and then reports nothing about the comments', () => {
    const lines = [draft[0]!, draft[1]!, '<!-- policylint-disable-next-line numbering-sequence nosuch -->', draft[2]!];
    const config = resolveConfig({ rules: { 'inline-directive': 'off' } });
    expect(linesAndRules(checkText(lines.join('\n'), { config }).findings)).toEqual(['4:numbering-marker']);
  });

  it('reads no citation inside a comment', () => {
    const lines = ['一、总体要求', '<!-- policylint-disable-next-line numbering-marker -- 见第9条 -->', '1、甲措施。任务一。'];
    expect(check(lines)).toEqual([]);
  });
});

describe('fixText with disable comments', () => {
  it('applies the fixes of findings that are not hidden, and not those of hidden ones', () => {
    const text = ['一、总体要求', '<!-- policylint-disable-next-line numbering-marker -->', '1、甲措施。任务一。', '2、乙措施。任务二。'].join('\n');
    expect(fixText(text).text.split('\n').slice(2)).toEqual(['1、甲措施。任务一。', '2.乙措施。任务二。']);
  });

  it('does not renumber a level whose renumbering a hidden finding carries', () => {
    const text = ['一、总体要求', '1.甲措施。任务一。', '<!-- policylint-disable-next-line numbering-sequence -->', '3.乙措施。任务二。', '5.丙措施。任务三。'].join('\n');
    expect(fixText(text).text).toBe(text);
    const without = text.replace('<!-- policylint-disable-next-line numbering-sequence -->\n', '');
    expect(fixText(without).text).toBe(without.replace('3.', '2.').replace('5.', '3.'));
  });
});
