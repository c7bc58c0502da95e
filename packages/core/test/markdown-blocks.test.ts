import { describe, expect, it } from 'vitest';
import { blankMarkdownBlocks, blankNonPlanText, findReferences, nodesOfKind, parsePlan, planTitles } from '../src/index.js';

const numbers = (text: string): Array<[string, number]> => nodesOfKind(parsePlan(text), 'measure').map((m) => [m.title, m.number]);

describe('blankMarkdownBlocks', () => {
  it('blanks a fenced block, fences included, keeping length and line breaks', () => {
    const text = '甲\r\n```text\r\n1.乙\r\n```\r\n丙';
    const blanked = blankMarkdownBlocks(text);
    expect(blanked).toBe('甲\r\n       \r\n   \r\n   \r\n丙');
    expect(blanked.length).toBe(text.length);
  });

  it.each([
    ['tildes', '~~~\n1.甲\n~~~'],
    ['a longer closing fence', '```\n1.甲\n`````'],
    ['fences indented by up to three spaces', '   ```\n1.甲\n   ```  '],
    ['an info string', '```markdown title="例"\n1.甲\n```'],
    ['a backtick fence inside a tilde block', '~~~\n```\n1.甲\n~~~'],
    ['YAML front matter', '---\ntitle: 1.甲\n---'],
    ['YAML front matter closed by ...', '---\ntitle: 1.甲\n...'],
    ['TOML front matter', '+++\ntitle = "1.甲"\n+++'],
  ])('blanks %s', (_what, text) => {
    expect(blankMarkdownBlocks(text).trim()).toBe('');
  });

  it.each([
    ['no fence', '一、甲\n1.乙。'],
    ['a fence that never closes', '```\n1.甲'],
    ['a fence closed by the other character', '```\n1.甲\n~~~'],
    ['a shorter closing fence', '````\n1.甲\n```'],
    ['a fence indented by four spaces', '    ```\n1.甲\n    ```'],
    ['a backtick in a backtick fence’s info string', '``` a`b\n1.甲\n```'],
    ['text after the closing fence', '```\n1.甲\n``` 乙'],
    ['two backticks', '``\n1.甲\n``'],
    ['--- after the first line (a thematic break)', '甲\n---\n1.乙\n---'],
    ['front matter that never closes', '---\n1.甲\n2.乙'],
  ])('leaves the text alone with %s', (_what, text) => {
    expect(blankMarkdownBlocks(text)).toBe(text);
  });

  it('reads a later fence after a fence that never closes', () => {
    expect(blankMarkdownBlocks('````\n甲\n```\n乙\n```')).toBe('````\n甲\n   \n \n   ');
  });

  it('blanks front matter, fences and whole-line comments together (blankNonPlanText)', () => {
    expect(blankNonPlanText('---\na: 1\n---\n<!-- x -->\n```\n1.\n```\n甲')).toBe('   \n    \n   \n          \n   \n  \n   \n甲');
  });
});

describe('parsePlan and Markdown blocks', () => {
  const plan = ['# 某市行动方案', '一、总体要求', '1.推进改革。落实第2条。', '2.加强监管。', '3.强化保障。'];

  it('reads no heading and no citation inside a fenced block, and numbers on around it', () => {
    const fenced = [...plan.slice(0, 3), '```text', '1.示例措施。见第9条。', '（一）示例', '```', ...plan.slice(3)].join('\n');
    expect(numbers(fenced)).toEqual(numbers(plan.join('\n')));
    expect(findReferences(blankNonPlanText(fenced)).map((r) => r.targets[0]!.steps[0]!.number)).toEqual([2]);
    // The block is no part of the measure before it: that measure ends on its own line.
    expect(nodesOfKind(parsePlan(fenced), 'measure')[0]!.range.end.line).toBe(2);
  });

  it('reads front matter as no heading and no title, and finds the title below it', () => {
    const withFrontMatter = ['---', 'title: 关于印发某某方案的通知', 'steps:', '  1. 起草', '---', ...plan].join('\n');
    const parsed = parsePlan(withFrontMatter);
    expect(numbers(withFrontMatter)).toEqual(numbers(plan.join('\n')));
    expect(parsed.title).toBe(parsePlan(plan.join('\n')).title);
    expect(parsed.title).not.toBeNull();
    expect(parsed.preamble?.range.start.line).toBe(5);
    expect(planTitles(withFrontMatter).map((t) => t.text)).toEqual(planTitles(plan.join('\n')).map((t) => t.text));
  });

  it('still reads the plan after a fence that never closes', () => {
    const unclosed = [...plan.slice(0, 3), '```', ...plan.slice(3)].join('\n');
    expect(numbers(unclosed)).toEqual(numbers(plan.join('\n')));
  });

  it('reads no heading in a Markdown table row', () => {
    const table = [...plan.slice(0, 3), '| 序号 | 措施 |', '| --- | --- |', '| 1. | 示例措施 |', '|（一）| 示例 |', ...plan.slice(3)].join('\n');
    expect(numbers(table)).toEqual(numbers(plan.join('\n')));
  });
});
