import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from '../src/index.js';

const PAIRS: Array<[number, string]> = [
  [1, '一'], [2, '二'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'],
  [28, '二十八'], [53, '五十三'], [99, '九十九'], [100, '一百'], [101, '一百零一'], [110, '一百一十'],
  [200, '二百'], [1001, '一千零一'], [1010, '一千零一十'],
];

describe('Chinese numerals', () => {
  it.each(PAIRS)('%i is written %s and reads back', (n, numeral) => {
    expect(toChineseNumeral(n)).toBe(numeral);
    expect(parseChineseNumeral(numeral)).toBe(n);
  });

  it('reads 〇 and 零 as zero and 两 as two', () => {
    expect(parseChineseNumeral('〇')).toBe(0);
    expect(parseChineseNumeral('零')).toBe(0);
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('两百')).toBe(200);
    expect(toChineseNumeral(0)).toBe('〇');
  });

  it('reads digit strings positionally, as in years', () => {
    expect(parseChineseNumeral('二〇二三')).toBe(2023);
  });

  it('round-trips every number below 10 000', () => {
    for (let n = 0; n < 10_000; n++) expect(parseChineseNumeral(toChineseNumeral(n)!)).toBe(n);
  });

  it.each(['', '十十', '二三十', '百', '一百五', '零一', '十百', 'abc', '一二百'])('rejects malformed %j', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });

  it('refuses numbers it cannot write', () => {
    expect(toChineseNumeral(-1)).toBeUndefined();
    expect(toChineseNumeral(1.5)).toBeUndefined();
    expect(toChineseNumeral(10_000)).toBeUndefined();
  });
});
