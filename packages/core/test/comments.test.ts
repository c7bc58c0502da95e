import { describe, expect, it } from 'vitest';
import { blankCommentLines, nodesOfKind, parsePlan, planTitles } from '../src/index.js';

describe('blankCommentLines', () => {
  it('blanks a comment on its own line, keeping length and line breaks', () => {
    const text = '甲\r\n  <!-- policylint-disable -->\r\n乙';
    const blanked = blankCommentLines(text);
    expect(blanked).toBe(`甲\r\n${' '.repeat(29)}\r\n乙`);
    expect(blanked.length).toBe(text.length);
  });

  it('blanks a comment over several lines, keeping its line breaks', () => {
    expect(blankCommentLines('<!--\n1.甲\n-->\n乙')).toBe('    \n   \n   \n乙');
  });

  it.each([
    ['text before it on the line', '甲<!-- x -->'],
    ['text after it on the line', '<!-- x -->甲'],
    ['no end', '<!-- x\n甲'],
    ['no comment', '甲 -->'],
  ])('leaves a comment alone when it has %s', (_why, text) => {
    expect(blankCommentLines(text)).toBe(text);
  });
});

describe('parsePlan and comment lines', () => {
  const plain = ['厦门市营商环境行动方案', '一、总体要求', '1.甲措施。任务一。', '2.乙措施。任务二。', '本方案由市发改委负责解释。'];
  const commented = [
    '<!-- policylint-disable text-encoding -->',
    '厦门市营商环境行动方案',
    '一、总体要求',
    '1.甲措施。任务一。',
    '<!-- policylint-disable-next-line numbering-sequence -- 第2条 -->',
    '2.乙措施。任务二。',
    '本方案由市发改委负责解释。',
  ];

  it('gives the same title, numbering, bodies and closing as without the comments', () => {
    const a = parsePlan(plain.join('\n'));
    const b = parsePlan(commented.join('\n'));
    expect(b.title).toBe(a.title);
    expect(planTitles(commented.join('\n')).map((t) => t.text)).toEqual(['厦门市营商环境行动方案']);
    expect(nodesOfKind(b, 'measure').map((m) => [m.number, m.title, m.body])).toEqual(nodesOfKind(a, 'measure').map((m) => [m.number, m.title, m.body]));
    expect(b.closing?.text).toBe('本方案由市发改委负责解释。');
  });

  it('ends a measure on its own text, not on a comment line below it', () => {
    const [first] = nodesOfKind(parsePlan(commented.join('\n')), 'measure');
    expect(first!.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 10 } });
  });

  it('ends a measure on its own text, not on a line of spaces below it', () => {
    const [first] = nodesOfKind(parsePlan('一、甲\n1.乙。丙。\n   \n2.丁。'), 'measure');
    expect(first!.range.end).toEqual({ line: 1, character: 6 });
  });

  it('reads a marker inside a comment as no heading', () => {
    const plan = parsePlan('一、甲\n1.乙。\n<!--\n2.旧措施。\n-->\n2.丁。');
    expect(nodesOfKind(plan, 'measure').map((m) => m.title)).toEqual(['乙', '丁']);
  });

  it('still reads a comment inside a line as text', () => {
    const [first] = nodesOfKind(parsePlan('一、甲\n1.乙<!-- x -->。丙。'), 'measure');
    expect(first!.title).toBe('乙<!-- x -->');
  });
});
