import { describe, expect, it } from 'vitest';
import { findReferences, NON_REFERENCE_COUNTERS, type PlanReference } from '../src/index.js';

/** A compact picture of a citation: document, targets as kind+number paths, and the text each covers. */
function describeRefs(text: string): string[] {
  return findReferences(text).map((r: PlanReference) => {
    const doc = r.document === null ? '' : `《${r.document.title}》`;
    const targets = r.targets.map((t) => {
      const path = t.steps.map((s) => `${s.kind}${s.number}`).join('/');
      const through = t.through === undefined ? '' : `..${t.through.number}`;
      return `${path}${through}=${text.slice(t.range.start.character, t.range.end.character)}`;
    });
    return `${doc}${text.slice(r.range.start.character, r.range.end.character)} → ${targets.join(', ')}`;
  });
}

describe('findReferences', () => {
  it.each([
    ['按第3条执行', ['第3条 → measure3=第3条']],
    ['按第三条执行', ['第三条 → measure3=第三条']],
    ['第3项', ['第3项 → measure3=第3项']],
    ['第3点', ['第3点 → measure3=第3点']],
    ['第３条', ['第３条 → measure3=第３条']],
    ['本方案第二部分', ['本方案第二部分 → part2=第二部分']],
    ['本措施第（三）项', ['本措施第（三）项 → bracketed3=第（三）项']],
    ['本意见第(三)条', ['本意见第(三)条 → bracketed3=第(三)条']],
    ['第二部分第（三）项', ['第二部分第（三）项 → part2/bracketed3=第二部分第（三）项']],
    ['第二部分第（三）项第2条', ['第二部分第（三）项第2条 → part2/bracketed3/measure2=第二部分第（三）项第2条']],
    ['第二部分第5条', ['第二部分第5条 → part2/measure5=第二部分第5条']],
    ['第4条和第6条', ['第4条和第6条 → measure4=第4条, measure6=第6条']],
    ['第4、6条', ['第4、6条 → measure4=第4, measure6=6']],
    ['第4条、第6条', ['第4条、第6条 → measure4=第4条, measure6=第6条']],
    ['第3至5条', ['第3至5条 → measure3..5=第3至5条']],
    ['第3—5条', ['第3—5条 → measure3..5=第3—5条']],
    ['第3-5条', ['第3-5条 → measure3..5=第3-5条']],
    ['第二部分第（三）项和第（五）项', ['第二部分第（三）项和第（五）项 → part2/bracketed3=第二部分第（三）项, part2/bracketed5=第（五）项']],
    ['按照《某某行动方案》第10条执行', ['《某某行动方案》《某某行动方案》第10条 → measure10=第10条']],
    ['《某某行动方案》中的第2条和第3条', ['《某某行动方案》《某某行动方案》中的第2条和第3条 → measure2=第2条, measure3=第3条']],
    ['参照《某某办法》执行', ['《某某办法》《某某办法》 → ']],
    ['落实第1条，并按第2条', ['第1条 → measure1=第1条', '第2条 → measure2=第2条']],
  ])('%s', (text, expected) => {
    expect(describeRefs(text)).toEqual(expected);
  });

  it('gives each number its own range, for updating it', () => {
    const [reference] = findReferences('见第12、13条');
    expect(reference!.targets.map((t) => t.steps[0]!.numberRange)).toEqual([
      { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } },
      { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } },
    ]);
    expect(reference!.targets[0]!.steps[0]!.numeral).toBe('arabic');
    expect(findReferences('第十二条')[0]!.targets[0]!.steps[0]!.numeral).toBe('chinese');
  });

  it('marks the later numbers of a list, which have no 第 of their own, with the unit they share', () => {
    const units = (text: string): Array<string | undefined> => findReferences(text).flatMap((r) => r.targets.map((t) => t.listUnit));
    expect(units('见第4、6、8点')).toEqual([undefined, '点', '点']);
    expect(units('见第（三）、（五）项')).toEqual([undefined, '项']);
    expect(units('见第4条和第6条')).toEqual([undefined, undefined]);
    expect(units('见第二部分第（三）项和第（五）项')).toEqual([undefined, undefined]);
  });

  it('reports positions on the right line', () => {
    const [reference] = findReferences('一、总体要求\n1.推进改革。落实第3条。');
    expect(reference!.range).toEqual({ start: { line: 1, character: 9 }, end: { line: 1, character: 12 } });
  });

  it.each(NON_REFERENCE_COUNTERS.map((word) => [word]))('第3%s and 第三%s are not citations', (word) => {
    expect(findReferences(`在第3${word}内完成，第三${word}同步`)).toEqual([]);
  });

  it.each(['2025年第1批试点', '第42次市政府常务会议', '第三方评估', '第一项目', '第3条件', '第二部分地区', '第0条', '第条', '第（三', '次第'])(
    '%s is not a citation',
    (text) => {
      expect(findReferences(text)).toEqual([]);
    },
  );

  it('does not look for citations inside a 《title》', () => {
    expect(describeRefs('《关于第二批试点的通知》')).toEqual(['《关于第二批试点的通知》《关于第二批试点的通知》 → ']);
  });
});
