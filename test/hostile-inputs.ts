import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Hostile inputs that the CLI and the language server must both survive with a clean result: each
 * text with the findings it must get, as `line:character rule-id` with 0-based lines and UTF-16
 * characters (LSP ranges; the CLI reports both 1-based). Big inputs are made here at test time.
 */
export interface HostileInput {
  name: string;
  /** The file name: `.md` for Markdown. */
  file: string;
  text: string;
  expected: string[];
}

const ROOT = join(import.meta.dirname, '..');
export const SEED_PATH = 'seeds/xiamen-2023-business-environment-action-plan.txt';

const FORMS = ['（1）', '1.', '（一）', '一、', '（三）', '5.', '九十九、', '（2）'];

/** The seed over and over, past 20 MB: every copy restarts the numbering and repeats the seed. */
export function twentyMegabytePlan(): { text: string; lastLine: number } {
  const seed = readFileSync(join(ROOT, SEED_PATH), 'utf8');
  const copies = Math.ceil(20_000_001 / Buffer.byteLength(seed));
  const text = `${seed.trimEnd()}\n`.repeat(copies);
  return { text, lastLine: text.split('\n').length - 2 };
}

/**
 * 100,010 headings: ten parts of ten sections of 999 measures counting through, measure 50,000 left
 * out. `1900.` to `2100.` at a line start read as years, not measures (a known limit of the parser),
 * so 2101 is a gap too.
 */
function hundredThousandHeadings(): { text: string; yearGapLine: number; gapLine: number } {
  const lines = ['某某行动方案'];
  let measure = 0;
  let gapLine = -1;
  let yearGapLine = -1;
  for (let part = 1; part <= 10; part++) {
    lines.push(`${'一二三四五六七八九十'[part - 1]}、部分`);
    for (let section = 1; section <= 10; section++) {
      lines.push(`（${'一二三四五六七八九十'[section - 1]}）方面`);
      for (let i = 0; i < 999; i++) {
        measure++;
        if (measure === 50_000) {
          measure++;
          gapLine = lines.length;
        }
        if (measure === 2101) yearGapLine = lines.length;
        lines.push(`${measure}.措施`);
      }
    }
  }
  return { text: lines.join('\n'), yearGapLine, gapLine };
}

/** 5,000 headings of every level in the wrong order, the same eight over and over. */
export function nonsenseNesting(): string {
  return Array.from({ length: 5000 }, (_, i) => `${FORMS[i % FORMS.length]}甲`).join('\n');
}

export function hostileInputs(): HostileInput[] {
  const filler = '加强监管，优化服务。';
  const longLine = `1.推进改革。${filler.repeat(Math.ceil(2_000_000 / filler.length))}见第9条。`;
  const headings = hundredThousandHeadings();
  return [
    { name: 'an empty file', file: 'empty.txt', text: '', expected: [] },
    { name: 'a file of white space only', file: 'blank.txt', text: ' \n\t\r\n\u3000\n', expected: [] },
    {
      name: 'a single 2 MB line',
      file: 'long-line.txt',
      text: `某某行动方案\n一、总体要求\n${longLine}\n2.乙。`,
      expected: [`2:${longLine.length - 4} xref-unresolved`],
    },
    { name: '100,000 headings', file: 'headings.txt', text: headings.text, expected: [`${headings.yearGapLine}:0 numbering-sequence`, `${headings.gapLine}:0 numbering-sequence`] },
    {
      name: 'numbers past 九十九 and past 10,000',
      file: 'big-numbers.txt',
      text: '某某行动方案\n一百零一、第一百零一部分\n12345.措施甲。\n12346.措施乙。见第一万零一条、第99999999999条和第12345条。',
      expected: ['1:0 numbering-sequence', '2:0 numbering-sequence'],
    },
    {
      name: 'surrogate pairs and combining marks inside markers',
      file: 'marks.txt',
      text: '某某行动方案\n一、总体要求\n1\u0301.甲措施。\n（𠀀）乙\n1.丙。𠀀𠀀见第9条。',
      expected: ['4:9 xref-unresolved'],
    },
    {
      name: 'control characters',
      file: 'control.txt',
      text: '某某行动方案\n一、总体要求\n1.甲\u0001\u0007\u001b[31m措施。见第9条\u001b[0m。\n3.乙。',
      expected: ['2:14 xref-unresolved', '3:0 numbering-sequence'],
    },
    {
      name: 'a replacement character (bytes that decoded to U+FFFD)',
      file: 'replaced.txt',
      text: '某某行动方案\n一、总体要求\n1.甲\ufffd措施。',
      expected: ['2:3 text-encoding'],
    },
    {
      name: 'Markdown with front matter, code blocks and tables holding plan-like lines',
      file: 'plan.md',
      text: [
        '---',
        'title: 某某行动方案',
        'steps:',
        '  3. 征求意见',
        '---',
        '# 某某行动方案',
        '一、总体要求',
        '1.推进改革。落实第2条。',
        '```text',
        '1、示例措施。见第9条。',
        '```',
        '~~~',
        '（1）示例',
        '~~~',
        '| 序号 | 措施 |',
        '| --- | --- |',
        '| 5、 | 见第7条 |',
        '2.加强监管。',
      ].join('\n'),
      // A table is text: its citation is checked, its `5、` is no heading.
      expected: ['16:8 xref-unresolved'],
    },
  ];
}
