import { describe, expect, it } from 'vitest';
import { formatMarker, matchMarker } from '../src/index.js';

// DESIGN §1 marker table: the canonical form of each level and the variants drafts really use.
const RECOGNIZED: Array<[line: string, level: number, number: number, text: string, form: string]> = [
  ['二、推进重点领域', 1, 2, '二、', '一、'],
  ['二十八、附则', 1, 28, '二十八、', '一、'],
  ['三.加强组织', 1, 3, '三.', '一.'],
  ['三．加强组织', 1, 3, '三．', '一．'],
  ['三，加强组织', 1, 3, '三，', '一，'],
  ['三:加强组织', 1, 3, '三:', '一:'],
  ['（二）营造环境', 2, 2, '（二）', '（一）'],
  ['(二)營造公平公正', 2, 2, '(二)', '(一)'],
  ['（二）、营造环境', 2, 2, '（二）、', '（一）、'],
  ['（二）．营造环境', 2, 2, '（二）．', '（一）．'],
  ['（二)营造环境', 2, 2, '（二)', '（一)'],
  ['（十三）明确比例', 2, 13, '（十三）', '（一）'],
  ['㈡营造环境', 2, 2, '㈡', '㈠'],
  ['3.加强融资支持服务', 3, 3, '3.', '1.'],
  ['3、加强融资', 3, 3, '3、', '1、'],
  ['3．加强融资', 3, 3, '3．', '1．'],
  ['３.加强融资', 3, 3, '３.', '１.'],
  ['１２.加强融资', 3, 12, '１２.', '１.'],
  ['3)加强融资', 3, 3, '3)', '1)'],
  ['⒊加强融资', 3, 3, '⒊', '⒈'],
  ['3. 加强融资', 3, 3, '3. ', '1. '],
  ['28.完善市场主体', 3, 28, '28.', '1.'],
  ['（1）对年度技改', 4, 1, '（1）', '（1）'],
  ['(2)对年度技改', 4, 2, '(2)', '(1)'],
  ['⑵对年度技改', 4, 2, '⑵', '⑴'],
  ['（3）、对年度技改', 4, 3, '（3）、', '（1）、'],
  ['4）对年度技改', 4, 4, '4）', '1）'],
];

describe('matchMarker', () => {
  it.each(RECOGNIZED)('%j is level %i number %i', (line, level, number, text, form) => {
    expect(matchMarker(line)).toEqual({ level, number, text, form });
  });

  it.each([
    ['1.5亿元用于', 'a decimal is not a marker'],
    ['2023.6月', 'a year is not measure 2023'],
    ['2023.', 'a bare year is not measure 2023'],
    ['一是加强', 'an enumeration word without a stop'],
    ['十分重要。', 'a word that starts with a numeral'],
    ['各区人民政府', 'plain text'],
    ['（此件公开发布）', 'a bracket that holds no number'],
    ['0.加强', 'zero numbers nothing'],
    ['', 'an empty line'],
    ['（一', 'an unclosed bracket'],
  ])('%j is not a marker: %s', (line) => {
    expect(matchMarker(line)).toBeUndefined();
  });
});

describe('formatMarker', () => {
  it.each([
    ['一、', 3, '三、'],
    ['（一）', 13, '（十三）'],
    ['(一)', 2, '(二)'],
    ['1.', 12, '12.'],
    ['１.', 12, '１２.'],
    ['（1）', 4, '（4）'],
    ['㈠', 3, '㈢'],
    ['⑴', 20, '⒇'],
  ])('%j with %i gives %j', (form, n, marker) => {
    expect(formatMarker(form, n)).toBe(marker);
  });

  it('refuses a number an enclosed form cannot hold', () => {
    expect(formatMarker('㈠', 11)).toBeUndefined();
    expect(formatMarker('一、', 10_000)).toBeUndefined();
  });

  it.each(RECOGNIZED)('the form of %j writes the marker back', (line, _level, number, text, form) => {
    expect(formatMarker(form, number)).toBe(text.replace(/[ \u3000\t]+$/, (s) => (s.length > 0 ? ' ' : '')));
  });
});
