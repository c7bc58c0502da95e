import { describe, expect, it } from 'vitest';
import { baselineFingerprints, checkText, createBaseline, filterByBaseline, formatBaseline, parseBaseline, type Finding } from '../src/index.js';
import { linesAndRules } from './helpers.js';

const DRAFT = ['一、总体要求', '1.优化审批流程。压缩办理时限。', '3、加强人才服务。建立人才服务专窗。', '4.完善考核机制。每季度通报进展。'];
const FIXED = ['一、总体要求', '1.优化审批流程。压缩办理时限。', '2.加强人才服务。建立人才服务专窗。', '3.完善考核机制。每季度通报进展。'];

/** A numbering-marker finding over the first `width` characters of `line`. */
function findingAt(line: number, width: number): Finding {
  return { ruleId: 'numbering-marker', severity: 'warning', message: { 'zh-CN': '', en: '' }, range: { start: { line, character: 0 }, end: { line, character: width } } };
}

function file(lines: readonly string[], path = 'drafts/a.txt'): { path: string; text: string; findings: Finding[] } {
  const text = lines.join('\n');
  return { path, text, findings: checkText(text).findings };
}

describe('baselineFingerprints', () => {
  it('does not change when lines are added above or below a finding', () => {
    const before = file(DRAFT);
    const after = file(['关于印发某方案的通知', '各区人民政府：', '', ...DRAFT, '本方案自印发之日起施行。']);
    expect(linesAndRules(before.findings)).toEqual(['3:numbering-marker', '3:numbering-sequence']);
    expect(after.findings.map((f) => f.range.start.line)).toEqual([5, 5]);
    expect(baselineFingerprints(after.text, after.findings)).toEqual(baselineFingerprints(before.text, before.findings));
  });

  it('does not change with CRLF line ends, a BOM or white space added', () => {
    const before = file(DRAFT);
    const crlf = `\ufeff${DRAFT.join('\r\n').replace('加强人才服务。', '加强人才服务。\u3000 ')}`;
    expect(baselineFingerprints(crlf, checkText(crlf).findings)).toEqual(baselineFingerprints(before.text, before.findings));
  });

  it('tells apart the same words on lines that differ, and not on lines that are the same', () => {
    const text = '1、甲。\n1、乙。\n1、甲。';
    const [a, b, c] = baselineFingerprints(text, [0, 1, 2].map((line) => findingAt(line, 2)));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    expect(a).toBe(c);
  });
});

describe('createBaseline and filterByBaseline', () => {
  it('hides every finding it was written from, after lines were inserted above them and other lines edited', () => {
    const baseline = createBaseline([file(DRAFT)]);
    const now = file(['各区人民政府：', '', DRAFT[0]!, DRAFT[1]!.replace('压缩办理时限', '大幅压缩办理时限'), DRAFT[2]!, DRAFT[3]!, '本方案自印发之日起施行。']);
    expect(now.findings).toHaveLength(2);
    const result = filterByBaseline(baseline, [now]);
    expect(result).toEqual({ findings: [[]], hidden: 2, stale: 0 });
  });

  it('reports a new defect, and only it', () => {
    const baseline = createBaseline([file(DRAFT)]);
    const now = file([...DRAFT, '6.强化宣传引导。']);
    const result = filterByBaseline(baseline, [now]);
    expect(linesAndRules(result.findings[0]!)).toEqual(['5:numbering-sequence']);
    expect(result.hidden).toBe(2);
  });

  it('counts repeats: with two listed and three now, the third is new', () => {
    const finding = (line: number): Finding => ({ ...findingAt(line, 1), ruleId: 'text-encoding' });
    const two = { path: 'a.txt', text: '\ufffd\n\ufffd', findings: [finding(0), finding(1)] };
    const baseline = createBaseline([two]);
    expect(Object.values(baseline.files['a.txt']!['text-encoding']!)).toEqual([2]);
    const three = { path: 'a.txt', text: '\ufffd\n\ufffd\n\ufffd', findings: [finding(0), finding(1), finding(2)] };
    const result = filterByBaseline(baseline, [three]);
    expect(result.findings[0]!.map((f) => f.range.start.line)).toEqual([2]);
    expect(result.hidden).toBe(2);
  });

  it('counts what was fixed as stale, and keys by rule and file', () => {
    const baseline = createBaseline([file(DRAFT)]);
    const fixed = file(FIXED);
    expect(fixed.findings).toEqual([]);
    expect(filterByBaseline(baseline, [fixed])).toEqual({ findings: [[]], hidden: 0, stale: 2 });
    const elsewhere = file(DRAFT, 'drafts/b.txt');
    expect(filterByBaseline(baseline, [elsewhere]).hidden).toBe(0);
    const renamedRule = { ...elsewhere, path: 'drafts/a.txt', findings: elsewhere.findings.map((f) => ({ ...f, ruleId: 'numbering-hierarchy' })) };
    expect(filterByBaseline(baseline, [renamedRule]).hidden).toBe(0);
  });

  it('keeps the entries of files it was not written for, replaces those it was, and drops files without findings', () => {
    const previous = createBaseline([file(DRAFT, 'b.txt'), file(DRAFT, 'a.txt')]);
    const clean = file(FIXED, 'a.txt');
    const next = createBaseline([clean], previous);
    expect(Object.keys(next.files)).toEqual(['b.txt']);
    expect(next.files['b.txt']).toEqual(previous.files['b.txt']);
  });

  it('never lists a rule’s failure, so the next run reports it again', () => {
    const failure: Finding = { ...findingAt(0, 0), severity: 'error', fatal: true };
    const failing = { path: 'a.txt', text: DRAFT.join('\n'), findings: [failure, findingAt(2, 2)] };
    const baseline = createBaseline([failing, { ...failing, path: 'b.txt', findings: [failure] }]);
    expect(Object.keys(baseline.files)).toEqual(['a.txt']);
    expect(Object.keys(baseline.files['a.txt']!)).toEqual(['numbering-marker']);
    expect(filterByBaseline(baseline, [failing])).toEqual({ findings: [[failure]], hidden: 1, stale: 0 });
  });

  it('writes sorted keys and two-space JSON that parses back to itself', () => {
    const baseline = createBaseline([file(DRAFT, 'z.txt'), file(DRAFT, 'a.txt')]);
    const written = formatBaseline(baseline);
    expect(Object.keys(baseline.files)).toEqual(['a.txt', 'z.txt']);
    expect(Object.keys(baseline.files['a.txt']!)).toEqual(['numbering-marker', 'numbering-sequence']);
    expect(written.endsWith('}\n')).toBe(true);
    expect(written).toContain('\n  "files": {\n    "a.txt": {\n      "numbering-marker": {\n        "');
    expect(parseBaseline(JSON.parse(written))).toEqual({ ok: true, baseline });
  });
});

describe('parseBaseline', () => {
  it.each([
    [[], '(root)'],
    [{ version: 2, files: {} }, 'version'],
    [{ version: 1, files: { 'a.txt': { 'numbering-marker': { xyz: 1 } } } }, 'files.a.txt.numbering-marker.xyz'],
    [{ version: 1, files: { 'a.txt': { 'numbering-marker': { '0123456789abcdef': 0 } } } }, 'files.a.txt.numbering-marker.0123456789abcdef'],
    [{ version: 1, files: {}, extra: true }, '(root)'],
  ])('rejects %j at %s', (json, key) => {
    const parsed = parseBaseline(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issue.startsWith(`${key}: `)).toBe(true);
  });

  it('says what a fingerprint should look like', () => {
    expect(parseBaseline({ version: 1, files: { 'a.txt': { 'numbering-marker': { xyz: 1 } } } })).toEqual({
      ok: false,
      issue: 'files.a.txt.numbering-marker.xyz: expected a 16-digit hex fingerprint',
    });
  });
});
