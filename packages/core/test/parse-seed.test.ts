import { describe, expect, it } from 'vitest';
import { nodesOfKind, normalizeForMatch, parsePlan, PlanSchema, stripPinyin, walkNodes } from '../src/index.js';
import { readSeed, slice } from './helpers.js';

const seed = readSeed();
const plan = parsePlan(seed);

describe('the Xiamen 2023 seed', () => {
  it('validates against the model schema', () => {
    expect(() => PlanSchema.parse(plan)).not.toThrow();
  });

  it('has 5 parts with their titles', () => {
    expect(plan.children.map((p) => [p.kind, p.number])).toEqual([1, 2, 3, 4, 5].map((n) => ['part', n]));
    expect(normalizeForMatch(plan.children[0]!.title)).toBe('总体要求');
    expect(normalizeForMatch(plan.children[4]!.title)).toBe('完善推进机制确保任务落地落实');
  });

  it('has 3 sections under parts 二 and 三 and none under 四 and 五', () => {
    const sections = plan.children.map((p) => p.children.filter((c) => c.kind === 'section').map((s) => s.number));
    expect(sections).toEqual([[], [1, 2, 3], [1, 2, 3], [], []]);
  });

  it('numbers its measures 1 to 28 in order, through all parts', () => {
    expect(nodesOfKind(plan, 'measure').map((m) => m.number)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
  });

  it('titles each measure with its text up to the first 。', () => {
    const measures = nodesOfKind(plan, 'measure');
    expect(normalizeForMatch(measures[2]!.title)).toBe('加强融资支持服务');
    expect(normalizeForMatch(measures[27]!.title)).toBe('完善市场主体满意度动态监测机制');
    expect(stripPinyin(measures[2]!.title)).toBe('加強融資支持服務');
  });

  it('splits measure 3 into its tasks, each with a range that slices back to it', () => {
    const measure = nodesOfKind(plan, 'measure')[2]!;
    expect(measure.sentences).toHaveLength(7);
    expect(stripPinyin(measure.sentences[0]!.text)).toBe('支持民間投資項目申報國家政策性開發性金融工具。');
    for (const sentence of measure.sentences) expect(slice(seed, sentence.range)).toBe(sentence.text);
  });

  it('recovers the 4 damaged section headings, numbered by their place', () => {
    const damaged = [...walkNodes(plan)].filter(({ node }) => node.damaged);
    expect(damaged.map(({ node, ancestors }) => [ancestors[0]!.number, node.kind, node.number, node.range.start.line])).toEqual([
      [2, 'section', 1, 11],
      [2, 'section', 3, 22],
      [3, 'section', 1, 27],
      [3, 'section', 2, 31],
    ]);
    // The title is kept as written: damage is reported, never silently rewritten.
    expect(damaged[0]!.node.title.startsWith('?。ㄒ唬┙ㄔO')).toBe(true);
    expect(damaged[0]!.node.marker).toMatchObject({ text: '', form: null, level: 2 });
  });

  it('keeps the damaged notice line in the preamble', () => {
    expect(plan.preamble!.text).toContain('?。ù思鲃?dòng)公開)');
  });

  it('finds the two-line heading title and the 《》 title of the notice', () => {
    expect(plan.titles.map((t) => [t.source, normalizeForMatch(t.text), t.ranges.map((r) => r.start.line)])).toEqual([
      ['heading', '厦门市再创营商环境新优势助力企业高质量发展行动方案', [5, 6]],
      ['notice', '厦门市再创营商环境新优势助力企业高质量发展行动方案', [1]],
    ]);
    expect(normalizeForMatch(plan.title!)).toBe('厦门市再创营商环境新优势助力企业高质量发展行动方案');
    for (const title of plan.titles) expect(title.ranges.map((r) => slice(seed, r)).join('')).toBe(title.text);
  });

  it('puts the entry-into-force line in the closing', () => {
    expect(stripPinyin(plan.closing!.text)).toBe('本方案自發布之日起施行,有效期3年。');
    expect(plan.closing!.range.start.line).toBe(48);
  });

  it('gives every node a range that slices back to exactly its own text', () => {
    for (const { node } of walkNodes(plan)) {
      const own = slice(seed, node.range);
      expect(slice(seed, node.marker.range)).toBe(node.marker.text);
      expect(slice(seed, node.titleRange)).toBe(node.title);
      expect(own.startsWith(node.marker.text + node.title)).toBe(true);
      if (node.children.length > 0) expect(own.endsWith(slice(seed, node.children[node.children.length - 1]!.range))).toBe(true);
      else expect(own.endsWith(node.body.slice(-20))).toBe(true);
    }
  });

  it('covers the whole text: preamble, nodes and closing, in order and without gaps', () => {
    const pieces = [plan.preamble!.text, ...plan.children.map((p) => slice(seed, p.range)), plan.closing!.text];
    expect(pieces.join('\n')).toBe(seed);
  });
});
