import { describe, expect, it } from 'vitest';
import { applyEdits, checkText, fixText, renumberText } from '../src/index.js';
import { loadFixture, readRepoFile, SEED } from './helpers.js';

describe('applyEdits', () => {
  it('applies edits by LSP range, keeping a BOM and CRLF line ends', () => {
    const text = '\ufeff一、甲\r\n2.子。';
    const edited = applyEdits(text, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }, newText: '1.' }]);
    expect(edited).toBe('\ufeff一、甲\r\n1.子。');
  });
});

describe('fixText', () => {
  const { text } = loadFixture('numbering-defects.txt');
  const fixed = fixText(text);

  it('leaves no fixable finding and no numbering finding', () => {
    expect(fixed.result.findings.filter((f) => f.fix !== undefined)).toEqual([]);
    expect(fixed.result.findings.map((f) => f.ruleId)).toEqual([]);
  });

  it('changes only markers', () => {
    const before = text.split('\n');
    const after = fixed.text.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [`${line} → ${after[i]}`]));
    expect(changed).toEqual([
      '5.强化要素保障。统筹用地用能。 → 4.强化要素保障。统筹用地用能。',
      '（二）、营造公平环境 → （二）营造公平环境',
      '6.破除准入壁垒。清理隐性门槛。 → 5.破除准入壁垒。清理隐性门槛。',
      '7.规范涉企收费。清理违规收费。 → 6.规范涉企收费。清理违规收费。',
      '(三)提升服务效能 → （三）提升服务效能',
      '8、推进一网通办。拓展办理事项。 → 8.推进一网通办。拓展办理事项。',
      '（4）压缩办理时限。 → （3）压缩办理时限。',
      '四、保障措施 → 三、保障措施',
    ]);
  });

  it('is idempotent', () => {
    expect(fixText(fixed.text).text).toBe(fixed.text);
  });

  // Found by fixing random plan-like texts and by the fix properties (shrunk, then made readable): a
  // citation that must name its part named it by its number before the part's own renumbering.
  describe('names a part by its number after fixing where a citation needs its part', () => {
    it.each([
      [
        'a part fixed in the same pass (三 → 二)',
        '一、甲\n（一）子\n1.推进。\n三、乙\n（三）丑\n2.推进。按照第（三）项执行。',
        '一、甲\n（一）子\n1.推进。\n二、乙\n（一）丑\n2.推进。按照第二部分第（一）项执行。',
      ],
      ['a part numbered twice (一, 一)', '一、甲\n2.推进。按照第1条落实。\n2.推进。\n一、乙\n1.推进。', '一、甲\n1.推进。按照第二部分第1条落实。\n2.推进。\n二、乙\n1.推进。'],
      [
        'a part whose number another part has until that one is fixed (三, 二, 三)',
        '三．甲\n2.推进。按照第1条落实。\n2.推进。\n二．乙\n三．丙\n1.推进。',
        '一、甲\n1.推进。按照第三部分第1条落实。\n2.推进。\n二、乙\n三、丙\n1.推进。',
      ],
    ])('%s', (_, text, expected) => {
      expect(fixText(text).text).toBe(expected);
      expect(renumberText(text).text).toBe(expected);
    });

    it('renumbers the part in the section fix itself, so that applied alone it is right too', () => {
      const text = '一、甲\n（一）子\n1.推进。\n三、乙\n（三）丑\n2.推进。按照第（三）项执行。';
      const section = checkText(text).findings.find((f) => f.message.en.startsWith('expected （一）'))!;
      expect(applyEdits(text, section.fix!.edits)).toBe('一、甲\n（一）子\n1.推进。\n二、乙\n（一）丑\n2.推进。按照第二部分第（一）项执行。');
    });
  });

  it('removes the seed’s pinyin annotations and nothing else', () => {
    const seed = readRepoFile(SEED);
    const result = fixText(seed);
    expect(result.result.findings.filter((f) => f.fix !== undefined)).toEqual([]);
    expect(result.text).not.toMatch(/區\(qū\)/);
    expect(result.text.length).toBeLessThan(seed.length);
    expect(checkText(result.text).findings.filter((f) => f.ruleId === 'numbering-sequence')).toEqual([]);
  });
});

describe('renumberText', () => {
  it('renumbers every level and normalizes markers to each level’s form', () => {
    const text = '一、甲\n（一）子\n1.子。\n3、丑。\n(三)寅\n4.寅。\n三、乙\n5.卯。';
    const { text: renumbered, moves } = renumberText(text);
    expect(renumbered).toBe('一、甲\n（一）子\n1.子。\n2.丑。\n（二）寅\n3.寅。\n二、乙\n4.卯。');
    expect(moves.map((m) => `${m.kind} ${m.from}→${m.to}`)).toEqual(['part 3→2', 'section 3→2', 'measure 3→2', 'measure 4→3', 'measure 5→4']);
  });

  // Found by renumber.property.test.ts (shrunk). Measures and sections restart in each part, so the
  // moved node, once renumbered, shares its number with an earlier one and needs its part named.
  describe('a citation list or chain with a number that needs its part named', () => {
    const measures = (cite: string): string => `一、甲\n1.推进。按照${cite}落实。\n2.推进。\n二、乙\n1.推进。\n3.推进。`;
    it.each([
      ['a later number of a list stands alone with its part', '第1、3条', '第1条、第二部分第2条'],
      ['the numbers after a qualified first one keep their own part', '第3、1条', '第二部分第2条、第一部分第1条'],
      ['every number after the qualified one stands alone', '第1、3、2条', '第1条、第二部分第2条、第一部分第2条'],
      ['a chain’s later citation does not fall into the part written before it', '第3条和第1条', '第二部分第2条和第一部分第1条'],
    ])('%s: %s → %s', (_, cite, expected) => {
      expect(renumberText(measures(cite)).text).toBe(measures(expected).replace('3.推进', '2.推进'));
      expect(fixText(measures(cite)).text).toBe(measures(expected).replace('3.推进', '2.推进'));
    });

    it('a bracketed list number stands alone too, with 第 and the list’s unit', () => {
      const text = (cite: string, section: string): string => `一、甲\n（一）子\n1.推进。按照${cite}落实。\n二、乙\n${section}丑\n2.推进。`;
      expect(renumberText(text('第（一）、（三）项', '（三）')).text).toBe(text('第（一）项、第二部分第（一）项', '（一）'));
    });

    it('starts a citation of its own, named after the document, for a measure before the first part', () => {
      const text = '关于促进民间投资的若干措施\n1.推进。按照第3、2条落实。\n2.推进。\n一、甲\n1.推进。\n3.推进。';
      const expected = '关于促进民间投资的若干措施\n1.推进。按照第一部分第2条、本措施第2条落实。\n2.推进。\n一、甲\n1.推进。\n2.推进。';
      expect(renumberText(text).text).toBe(expected);
      expect(fixText(text).text).toBe(expected);
    });

    it('leaves a citation of another kind after a qualified number as written: it is not read inside that part', () => {
      const text = '（一）甲\n1.推进。\n2.推进。\n一、乙\n（一）丙\n1.推进。\n3.推进。按照第3条和第（一）项执行。';
      expect(renumberText(text).text).toBe('（一）甲\n1.推进。\n2.推进。\n一、乙\n（一）丙\n1.推进。\n2.推进。按照第一部分第2条和第（一）项执行。');
    });

    it('leaves a list alone when no number needs its part', () => {
      const text = '一、甲\n1.推进。按照第1、3条落实。\n2.推进。\n3.推进。\n二、乙\n5.推进。';
      expect(renumberText(text).text).toBe(text.replace('5.推进', '4.推进'));
    });
  });

  // Found by renumber.property.test.ts (shrunk). Measures restart in each section, so once renumbered
  // the first section's measure 2 is the part's first measure 1, and 第二部分第1条 would name it.
  describe('a path whose part no longer names the measure it cited', () => {
    const measures = (cite: string): string => `一、甲\n1.推进。按照${cite}落实。\n二、乙\n（一）子\n2.推进。\n（二）丑\n1.推进。\n2.推进。\n（三）寅\n1.推进。`;
    const renumbered = (cite: string): string => measures(cite).replace('（一）子\n2.推进', '（一）子\n1.推进');
    it.each([
      ['gets its section', '第二部分第1条', '第二部分第（二）项第1条'],
      ['is left alone when its part still names it', '第二部分第2条', '第二部分第1条'],
      ['as a later number of a list, stands alone with its part and section', '第二部分第2、1条', '第二部分第1条、第二部分第（二）项第1条'],
      ['as the first of a list, leaves the later numbers their own part: they are not read inside its section', '第二部分第1、2条', '第二部分第（二）项第1条、第二部分第1条'],
      ['as the first of a chain, leaves the later citation its own part', '第二部分第1条和第2条', '第二部分第（二）项第1条和第二部分第1条'],
      ['as the later citation of a chain, is written out in full', '第二部分第2条和第1条', '第二部分第1条和第二部分第（二）项第1条'],
    ])('%s: %s → %s', (_, cite, expected) => {
      expect(renumberText(measures(cite)).text).toBe(renumbered(expected));
      expect(fixText(measures(cite)).text).toBe(renumbered(expected));
    });
  });

  it('keeps the document’s own convention: 国发〔2019〕5号 restarts per part and stays so', () => {
    const text = readRepoFile('test/fixtures/real-policies/gov-guofa-2019-5-double-random-one-public.txt');
    expect(renumberText(text).text).toBe(text);
  });

  it('leaves the seed’s numbers alone and only normalizes its half-width section brackets', () => {
    const seed = readRepoFile(SEED);
    const { text, moves } = renumberText(seed);
    expect(moves).toEqual([]);
    expect(text).toBe(seed.replace('\n(二)', '\n（二）').replace('\n(三)', '\n（三）'));
  });
});
