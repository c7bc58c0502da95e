import { describe, expect, it } from 'vitest';
import { nodesOfKind, parsePlan, planTitles, PlanSchema } from '../src/index.js';
import { readRealPolicy, readSeed, REAL_POLICIES } from './helpers.js';

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('published State Council documents (no 1. level: their （一） items are the measures)', () => {
  it.each(Object.keys(REAL_POLICIES) as Array<keyof typeof REAL_POLICIES>)('%s validates and has （一） as its measure level', (name) => {
    const plan = parsePlan(readRealPolicy(name));
    expect(() => PlanSchema.parse(plan)).not.toThrow();
    expect(plan.measureLevel).toBe(2);
    expect(nodesOfKind(plan, 'section')).toHaveLength(0);
  });

  it('国发〔2018〕38号: 5 parts, 53 measures counting through the document', () => {
    const plan = parsePlan(readRealPolicy('guofa2018'));
    expect(plan.children.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(nodesOfKind(plan, 'measure').map((m) => m.number)).toEqual(range(1, 53));
    expect(plan.children.map((p) => p.children.length)).toEqual([16, 19, 12, 6, 0]);
    expect(plan.title).toBe('国务院关于支持自由贸易试验区深化改革创新若干措施的通知');
    expect(plan.closing!.text).toBe('国务院\n2018年11月7日\n（此件公开发布）');
    // Part 五 has unnumbered paragraphs: they are its body, not the closing.
    expect(plan.children[4]!.body).toMatch(/^坚持党的领导。/);
  });

  it('国办发〔2019〕6号: 8 parts, 27 measures counting through the document', () => {
    const plan = parsePlan(readRealPolicy('guobanfa2019'));
    expect(plan.children.map((p) => p.number)).toEqual(range(1, 8));
    expect(nodesOfKind(plan, 'measure').map((m) => m.number)).toEqual(range(1, 27));
    expect(plan.title).toBe('国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见');
    // A measure whose heading holds only its title takes the lines below as its tasks.
    const principles = nodesOfKind(plan, 'measure')[1]!;
    expect(principles.title).toBe('基本原则');
    expect(principles.sentences[0]!.text).toBe('聚焦支小支农主业。');
    // The concluding paragraph after the last measure is closing, not part of measure 27.
    expect(plan.closing!.text).toMatch(/^各地区、各部门要充分认识/);
    expect(plan.closing!.text).toMatch(/国务院办公厅\n2019年1月22日\n（此件公开发布）$/);
  });

  it('国发〔2019〕5号: 4 parts, 10 measures restarting per part', () => {
    const plan = parsePlan(readRealPolicy('guofa2019'));
    expect(plan.children.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(plan.children.map((p) => p.children.map((m) => m.number))).toEqual([[], [], range(1, 7), range(1, 3)]);
    // Its measures put their tasks on the lines below the heading; the last one keeps them too.
    const last = nodesOfKind(plan, 'measure')[9]!;
    expect(last.title).toBe('营造良好环境');
    expect(last.body).toMatch(/^各地区、各有关部门要做好相关法规/);
    expect(plan.closing!.text).toBe('国务院\n2019年1月27日\n（此件公开发布）');
  });
});

describe('planTitles', () => {
  it.each(Object.keys(REAL_POLICIES) as Array<keyof typeof REAL_POLICIES>)('reads the same titles as a full parse of %s', (name) => {
    const text = readRealPolicy(name);
    expect(planTitles(text)).toEqual(parsePlan(text).titles);
  });

  it('reads the same titles as a full parse of the seed, and of a text with no heading', () => {
    const seed = readSeed();
    expect(planTitles(seed)).toEqual(parsePlan(seed).titles);
    expect(planTitles('关于某事的实施方案\n没有编号的正文。')).toEqual(parsePlan('关于某事的实施方案\n没有编号的正文。').titles);
  });
});
