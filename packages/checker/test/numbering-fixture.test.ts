import { describe, expect, it } from 'vitest';
import { checkText } from '../src/index.js';
import { linesAndRules, loadFixture, readRepoFile, REAL_POLICIES, SEED } from './helpers.js';

describe('a draft with one of each numbering defect', () => {
  const { text, expected } = loadFixture('numbering-defects.txt');
  const { findings } = checkText(text);

  it('gets exactly the expected findings, each on the line of its marker', () => {
    expect(linesAndRules(findings)).toEqual(expected);
  });

  it('says what was expected and what is missing', () => {
    const messages = findings.map((f) => f.message);
    expect(messages[0]).toEqual({ 'zh-CN': '应为“4.”，实际为“5.”：缺少第4条（GB/T 9704-2012 §7.3.3）', en: 'expected 4., found 5.: measure 4 is missing (GB/T 9704-2012 §7.3.3)' });
    expect(messages[2]!['zh-CN']).toBe('应为“8.”，实际为“7.”：第7条重复（GB/T 9704-2012 §7.3.3）');
    expect(messages[4]!['zh-CN']).toBe('“8、”应为“8.”：阿拉伯数字序号后用下脚点“.”，不用顿号或括号（GB/T 15834-2011 附录B.3.3）');
    expect(messages[5]!.en).toBe('expected （3）, found （4）: item 3 is missing (GB/T 9704-2012 §7.3.3)');
    expect(messages[6]!['zh-CN']).toBe('应为“三、”，实际为“四、”：缺少第三部分（GB/T 9704-2012 §7.3.3）');
  });

  it('points a duplicate at the first occurrence', () => {
    const duplicate = findings[2]!;
    expect(duplicate.related?.[0]?.range.start.line).toBe(10);
  });
});

describe('real documents, each with its own convention, have no numbering defects', () => {
  it.each([SEED, ...REAL_POLICIES])('%s', (path) => {
    const ids = checkText(readRepoFile(path)).findings.map((f) => f.ruleId);
    expect(ids.filter((id) => id === 'numbering-sequence' || id === 'numbering-hierarchy')).toEqual([]);
  });
});
