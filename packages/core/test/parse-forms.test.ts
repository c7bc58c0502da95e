import { describe, expect, it } from 'vitest';
import { nodesOfKind, parsePlan, type Plan, type PlanNode } from '../src/index.js';
import { readSeed, slice } from './helpers.js';

/** The tree as `kind number form` lines, for compact comparisons. */
function shape(plan: Plan): string[] {
  const out: string[] = [];
  const visit = (node: PlanNode, depth: number): void => {
    out.push(`${'  '.repeat(depth)}${node.kind} ${node.number} ${node.marker.form}`);
    node.children.forEach((child) => visit(child, depth + 1));
  };
  plan.children.forEach((node) => visit(node, 0));
  return out;
}

const DRAFT = [
  '关于某事项的实施方案',
  '一、总体要求',
  '（一）工作目标',
  '1.推进无还本续贷。扩大覆盖面。加强监测。',
  '（1）对小微企业给予支持。',
  '（2）对个体工商户给予支持。',
  '2.扩大电子保函应用。推广使用。',
  '二、保障措施',
  '3.加强组织领导。各部门要落实责任。',
  '本方案自印发之日起施行。',
].join('\n');

describe('parsePlan on small drafts', () => {
  it('builds part → section → measure → item and lets a measure sit directly under a part', () => {
    expect(shape(parsePlan(DRAFT))).toEqual([
      'part 1 一、',
      '  section 1 （一）',
      '    measure 1 1.',
      '      item 1 （1）',
      '      item 2 （1）',
      '    measure 2 1.',
      'part 2 一、',
      '  measure 3 1.',
    ]);
  });

  it('separates title, tasks, preamble and closing', () => {
    const plan = parsePlan(DRAFT);
    const [first] = nodesOfKind(plan, 'measure');
    expect(first!.title).toBe('推进无还本续贷');
    expect(first!.sentences.map((s) => s.text)).toEqual(['扩大覆盖面。', '加强监测。']);
    expect(plan.preamble!.text).toBe('关于某事项的实施方案');
    expect(plan.title).toBe('关于某事项的实施方案');
    expect(plan.closing!.text).toBe('本方案自印发之日起施行。');
  });

  it.each([
    ['(二)', '(一)'], ['（二）、', '（一）、'], ['（二)', '（一)'], ['㈡', '㈠'],
  ])('recognizes the section variant %j in a plan', (marker, form) => {
    const plan = parsePlan(`一、总体要求\n（一）目标\n1.甲。\n${marker}任务\n2.乙。`);
    const sections = nodesOfKind(plan, 'section');
    expect(sections.map((s) => [s.number, s.marker.form])).toEqual([[1, '（一）'], [2, form]]);
  });

  it.each([['3、'], ['3．'], ['３.'], ['3)'], ['⒊'], ['3. ']])('recognizes the measure variant %j in a plan', (marker) => {
    const plan = parsePlan(`一、总体要求\n1.甲。\n2.乙。\n${marker}丙。丁。`);
    const third = nodesOfKind(plan, 'measure')[2]!;
    expect(third.number).toBe(3);
    expect(third.marker.text).toBe(marker);
    expect(third.title).toBe('丙');
  });

  it.each([['一.'], ['一．'], ['一，'], ['一:']])('recognizes the part variant %j', (marker) => {
    const plan = parsePlan(`${marker}总体要求\n1.甲。\n二、任务\n2.乙。`);
    expect(plan.children.map((p) => p.number)).toEqual([1, 2]);
    expect(plan.children[0]!.marker.text).toBe(marker);
  });

  it.each([['(2)'], ['⑵'], ['（2）、'], ['2）']])('recognizes the item variant %j', (marker) => {
    const plan = parsePlan(`一、任务\n1.甲。\n（1）子项一。\n${marker}子项二。`);
    expect(nodesOfKind(plan, 'item').map((i) => i.number)).toEqual([1, 2]);
  });

  it('takes a heading only where the marker starts the line', () => {
    const plan = parsePlan('一、总体要求\n1.推进改革。投入1.5亿元，落实（一）项要求和第2.条。\n2023.6月完成。\n2.加强监管。');
    expect(nodesOfKind(plan, 'measure').map((m) => m.number)).toEqual([1, 2]);
    expect(nodesOfKind(plan, 'section')).toHaveLength(0);
  });

  it('allows indentation and Markdown heading marks before a marker', () => {
    const plan = parsePlan('# 实施方案\n\n## 一、总体要求\n\n　　1.推进改革。\n\n### （一）目标\n2.加强监管。');
    expect(shape(plan)).toEqual(['part 1 一、', '  measure 1 1.', '  section 1 （一）', '    measure 2 1.']);
    const measure = nodesOfKind(plan, 'measure')[0]!;
    expect(measure.marker.range.start).toEqual({ line: 4, character: 2 });
  });

  it('makes （一） the measure level when the document has no 1. level', () => {
    const plan = parsePlan('一、任务\n（一）甲。\n（1）子项。\n（二）乙。');
    expect(plan.measureLevel).toBe(2);
    expect(shape(plan)).toEqual(['part 1 一、', '  measure 1 （一）', '    item 1 （1）', '  measure 2 （一）']);
  });

  // Found by the fix properties (shrunk): removing the annotations brought 'ㄔ' into the first four
  // characters, where damage marks a lost section heading, so the text-encoding fix changed the tree.
  it('recovers a damaged section heading with or without its pinyin annotations', () => {
    const annotated = '一、甲\n區(qū)域ㄔO(shè)建設\n1.推进。';
    for (const text of [annotated, annotated.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/g, '')]) {
      expect(shape(parsePlan(text))).toEqual(['part 1 一、', '  section 1 null', '    measure 1 1.']);
    }
  });

  it('gives a text without headings as preamble only', () => {
    const plan = parsePlan('各区人民政府：\n现将有关事项通知如下。');
    expect(plan.children).toEqual([]);
    expect(plan.preamble!.text).toBe('各区人民政府：\n现将有关事项通知如下。');
    expect(plan.closing).toBeNull();
  });

  it('gives the empty text an empty plan', () => {
    expect(parsePlan('')).toMatchObject({ children: [], preamble: null, closing: null, title: null, lineEnding: 'none' });
  });
});

describe('line ends and byte order marks', () => {
  const seed = readSeed();
  const lf = parsePlan(seed);

  it.each([
    ['CRLF', seed.replace(/\n/g, '\r\n'), 'crlf'],
    ['CR', seed.replace(/\n/g, '\r'), 'cr'],
    ['a BOM', `\ufeff${seed}`, 'lf'],
    ['CRLF and a BOM', `\ufeff${seed.replace(/\n/g, '\r\n')}`, 'crlf'],
  ])('%s gives the same tree and ranges as LF', (_name, text, ending) => {
    const plan = parsePlan(text);
    expect(plan.lineEnding).toBe(ending);
    expect(plan.bom).toBe(text.startsWith('\ufeff'));
    expect({ ...plan, lineEnding: 'lf', bom: false }).toEqual(lf);
  });

  it('keeps ranges right in CRLF text', () => {
    const text = seed.replace(/\n/g, '\r\n');
    for (const measure of nodesOfKind(parsePlan(text), 'measure')) {
      expect(slice(text, measure.titleRange)).toBe(measure.title);
    }
  });
});
