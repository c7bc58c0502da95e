import { describe, it } from 'vitest';
import { numberingHierarchy } from '../src/rules/numbering-hierarchy.js';
import { numberingMarker } from '../src/rules/numbering-marker.js';
import { numberingSequence } from '../src/rules/numbering-sequence.js';
import { textEncoding } from '../src/rules/text-encoding.js';
import { ruleTester } from './helpers.js';

describe('numbering-sequence', () => {
  it('finds gaps, duplicates, back-steps and restarts, once each, and nothing in sound text', () => {
    ruleTester(numberingSequence, {
      valid: [
        '一、甲\n1.子。\n2.丑。\n二、乙\n3.寅。',
        '一、甲\n（一）子\n1.子。\n（二）丑\n2.丑。\n二、乙\n（一）寅\n3.寅。',
        // Measures restarting in each part, as 国发〔2019〕5号 does, are a convention, not a defect.
        '一、甲\n（一）子。\n（二）丑。\n二、乙\n（一）寅。\n（二）卯。\n（三）辰。',
        '一、甲\n1.推进改革。\n（1）细项。\n（2）细项。\n2.加强监管。\n（1）细项。',
        // Near misses: a decimal, a year and a bracketed number inside a sentence are not markers.
        '一、甲\n1.投入1.5亿元。\n2023.6月完成。\n2.落实（三）项要求。',
      ],
      invalid: [
        { text: '一、甲\n1.子。\n2.丑。\n3.寅。\n5.卯。\n6.辰。', errors: [{ line: 5, message: '缺少第4条' }] },
        { text: '一、甲\n1.子。\n2.丑。\n5.寅。', errors: [{ line: 4, message: '缺少第3至4条' }] },
        { text: '一、甲\n1.子。\n2.丑。\n5.寅。', errors: [{ line: 4, message: 'measures 3–4 are missing' }] },
        { text: '一、甲\n1.子。\n2.丑。\n2.寅。\n3.卯。', errors: [{ line: 4, message: 'measure 2 is numbered twice' }] },
        { text: '一、甲\n1.子。\n2.丑。\n5.寅。\n3.卯。', errors: [{ line: 4 }, { line: 5, message: '顺序错乱' }] },
        { text: '一、甲\n二、乙\n四、丁\n五、戊', errors: [{ line: 3, message: '缺少第三部分' }] },
        { text: '一、甲\n（一）子\n1.子。\n（三）丑\n2.丑。', errors: [{ line: 4, message: '缺少第（二）项' }] },
        { text: '一、甲\n1.子。\n（1）细。\n（3）细。', errors: [{ line: 4, message: 'item 2 is missing' }] },
        { text: '二、甲\n1.子。', errors: [{ line: 1, message: '应为“一、”' }] },
        // A document that counts measures through must not restart them.
        {
          text: '一、甲\n1.子。\n2.丑。\n二、乙\n3.寅。\n4.卯。\n三、丙\n1.辰。\n2.巳。',
          // Reported once: 2. follows 1. and is not a second defect.
          errors: [{ line: 8, message: '编号重新从1开始，但本文件此层次全文连续编号' }],
        },
        // Pinned by configuration: measures restart in each part, so 3. in part 二 is wrong.
        {
          text: '一、甲\n1.子。\n2.丑。\n二、乙\n3.寅。',
          config: { numbering: { measures: 'part' } },
          errors: [{ line: 5, message: '应为“1.”，实际为“3.”：编号接续上文，但本文件此层次每部分重新编号' }],
        },
        // Detected: three parts restart, one continues instead.
        {
          text: '一、甲\n1.子。\n2.丑。\n二、乙\n1.寅。\n2.卯。\n三、丙\n3.辰。\n四、丁\n1.巳。',
          errors: [{ line: 8, message: "the number continues from before, but this document's measures are numbered afresh in each part" }],
        },
      ],
    });
  });
});

describe('numbering-marker', () => {
  it('flags each variant of DESIGN §1 with the right form, and accepts canonical and consistent 1．', () => {
    ruleTester(numberingMarker, {
      valid: [
        '一、甲\n（一）子\n1.子。\n（1）细。',
        // A whole document in the full-width point is accepted (DESIGN §1).
        '一、甲\n1．子。\n2．丑。',
      ],
      invalid: [
        { text: '一、甲\n1.子。\n2、丑。', errors: [{ line: 3, message: '“2、”应为“2.”' }] },
        { text: '一、甲\n1.子。\n2．丑。', errors: [{ line: 3, message: '本文件多数序号用半角下脚点' }] },
        // Mostly the full-width point: the odd half-width one is what gets flagged.
        { text: '一、甲\n1．子。\n2．丑。\n3.寅。', errors: [{ line: 4, message: '“3.”应为“3．”：本文件多数序号用全角点' }] },
        { text: '一、甲\n1.子。\n２.丑。', errors: [{ line: 3, message: '半角阿拉伯数字' }] },
        { text: '一、甲\n1.子。\n2)丑。', errors: [{ line: 3, message: '不用顿号或括号' }] },
        { text: '一、甲\n1.子。\n⒉丑。', errors: [{ line: 3, message: '“⒉”应为“2.”' }] },
        { text: '一、甲\n1.子。\n2. 丑。', errors: [{ line: 3, message: '“2. ”应为“2.”：序号后不加空格' }] },
        { text: '一.甲\n二、乙', errors: [{ line: 1, message: '顿号' }] },
        { text: '一，甲\n二、乙', errors: [{ line: 1, message: '“一，”应为“一、”' }] },
        { text: '一、甲\n（一）子\n(二)丑', errors: [{ line: 3, message: '全角括号' }] },
        { text: '一、甲\n（一）子\n（二）、丑', errors: [{ line: 3, message: '括号序号后不加标点' }] },
        { text: '一、甲\n（一）子\n（二)丑', errors: [{ line: 3, message: '“（二)”应为“（二）”' }] },
        { text: '一、甲\n（一）子\n㈡丑', errors: [{ line: 3, message: '“㈡”应为“（二）”' }] },
        { text: '一、甲\n1.子。\n（1）细。\n(2)细。', errors: [{ line: 4 }] },
        { text: '一、甲\n1.子。\n（1）细。\n⑵细。', errors: [{ line: 4, message: '“⑵”应为“（2）”' }] },
        { text: '一、甲\n1.子。\n（1）细。\n2）细。', errors: [{ line: 4, message: '一对全角括号' }] },
      ],
    });
  });
});

describe('numbering-hierarchy', () => {
  it('flags levels used out of order and accepts parts without sections', () => {
    ruleTester(numberingHierarchy, {
      valid: [
        '一、甲\n（一）子\n1.子。\n（1）细。',
        // The seed's parts 四 and 五 hold measures directly.
        '一、甲\n（一）子\n1.子。\n二、乙\n2.丑。',
        '一、甲\n（一）子。\n（1）细。',
      ],
      invalid: [
        { text: '一、甲\n（一）子\n（1）细。\n1.子。', errors: [{ line: 3, message: '没有所属的条' }] },
        { text: '一、甲\n（1）细。\n1.子。', errors: [{ line: 2, message: 'has no measure above it' }] },
        { text: '一、甲\n1.子。\n（一）子\n2.丑。', errors: [{ line: 3, message: '不应先列条再分项' }] },
        { text: '1.子。\n一、甲\n2.丑。', errors: [{ line: 1, message: '不属于任何部分' }] },
      ],
    });
  });
});

describe('text-encoding', () => {
  it('flags damage, replacement characters and pinyin annotations, and leaves clean text alone', () => {
    ruleTester(textEncoding, {
      valid: ['一、总体要求\n1.加强融资支持服务。签订(RCEP)协定，什么？'],
      invalid: [
        { text: '一、甲\n1.加強(qiáng)融資(zī)。', errors: [{ line: 2, message: '本行有2处行内拼音注音（如“強(qiáng)”）' }] },
        // The seed's line 16: the conversion ate the annotation's opening bracket, so only damage is left.
        { text: '一、甲\n1.拓展燃?xì)庑⌒蜆?biāo)準。', errors: [{ line: 2, message: '乱码“?”' }, { line: 2, message: '乱码“⌒蜆?”' }] },
        { text: '一、甲\n1.加强\ufffd融资。', errors: [{ line: 2, message: 'U+FFFD' }] },
        { text: '一、甲\n?。ㄒ唬┙ㄔO競爭有序的市場環境\n1.便利准入。', errors: [{ line: 2, message: '视为第（一）项' }] },
      ],
    });
  });
});
