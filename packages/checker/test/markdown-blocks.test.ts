import { describe, expect, it } from 'vitest';
import { checkText, Corpus } from '../src/index.js';
import { linesAndRules } from './helpers.js';

// An empty corpus, so that every rule runs (inline-directive reports unused comments only then).
const check = (lines: readonly string[]): string[] => linesAndRules(checkText(lines.join('\n'), { corpus: new Corpus([]) }).findings);

describe('checkText on Markdown with front matter, code blocks and tables', () => {
  const example = ['```text', '1、示例措施。见第9条。', '（1）示例', '```'];
  const draft = [
    '---',
    'title: 某市行动方案',
    'steps:',
    '  3. 征求意见',
    '---',
    '# 某市行动方案',
    '一、总体要求',
    '1.推进改革。落实第2条。',
    ...example,
    '| 序号 | 措施 |',
    '| --- | --- |',
    '| 5、 | 见第2条 |',
    '2.加强监管。',
  ];

  it('finds nothing in a clean draft whose front matter and code block hold plan-like lines', () => {
    expect(check(draft)).toEqual([]);
  });

  it('checks those lines as plan text where they stand outside the blocks', () => {
    const unfenced = draft.filter((line) => !line.startsWith('```') && line !== '---');
    expect(unfenced[2]).toBe('  3. 征求意见');
    expect(unfenced[6]).toBe('1、示例措施。见第9条。');
    expect(check(unfenced)).toEqual([
      '3:numbering-hierarchy',
      '3:numbering-marker',
      '3:numbering-sequence',
      '7:numbering-marker',
      '7:numbering-sequence',
      '7:xref-unresolved',
    ]);
  });

  it('reads a disable comment shown in a code block as an example, not a directive', () => {
    const shown = ['一、甲', '1.子。', '```markdown', '<!-- policylint-disable -->', '```', '3.丑。'];
    expect(check(shown)).toEqual(['6:numbering-sequence']);
    expect(check(shown.filter((line) => line !== '```' && line !== '```markdown'))).toEqual([]);
  });
});
