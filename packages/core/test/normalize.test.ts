import fc from 'fast-check';
import { Locale } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { dropPunctuation, findDamage, findPinyinAnnotations, foldWidth, hasDamage, normalizeForMatch, stripPinyin, toSimplified } from '../src/index.js';
import { readSeed } from './helpers.js';

describe('pinyin annotations', () => {
  it('strips an annotation after a character', () => {
    expect(stripPinyin('各區(qū)人民政府')).toBe('各區人民政府');
    expect(stripPinyin('行動(dòng)方案')).toBe('行動方案');
    expect(stripPinyin('區（qū）域')).toBe('區域');
    expect(stripPinyin('ㄔO(shè)競爭')).toBe('ㄔO競爭');
  });

  it('leaves brackets that are not pinyin alone', () => {
    for (const text of ['簽訂(RCEP)協定', '應用(app)', '電子書(電子)', '措施(1)', '甲 (qū)']) expect(stripPinyin(text)).toBe(text);
  });

  it('finds all 1,139 annotations in the seed', () => {
    const seed = readSeed();
    expect(findPinyinAnnotations(seed)).toHaveLength(1139);
    expect(stripPinyin(seed)).not.toMatch(/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u);
  });
});

describe('damaged text', () => {
  it('finds the 8 damaged spots of the seed, line by line', () => {
    const seed = readSeed();
    const lines = seed.split('\n');
    const damagedLines = lines.flatMap((line, i) => (hasDamage(line) ? [i + 1] : []));
    expect(damagedLines).toEqual([5, 12, 16, 22, 23, 28, 32, 34]);
    expect(findDamage(lines[11]!)[0]).toEqual({ start: 0, end: 6 });
  });

  it('does not mistake clean text or a question for damage', () => {
    expect(hasDamage('加强融资支持服务。')).toBe(false);
    expect(hasDamage('What? Yes.')).toBe(false);
    expect(hasDamage('是否落实？')).toBe(false);
  });
});

describe('normalization for matching', () => {
  it('folds width', () => {
    expect(foldWidth('（１）ＡＢ　c')).toBe('(1)AB c');
  });

  it('converts traditional to simplified', () => {
    expect(toSimplified('加強融資支持服務')).toBe('加强融资支持服务');
  });

  it('drops punctuation and space but keeps letters and digits', () => {
    expect(dropPunctuation('“一件事”, 5G 网络；RCEP。')).toBe('一件事5G网络RCEP');
  });

  it('makes a traditional annotated title equal to its simplified citation', () => {
    const seedTitle = '廈門市再創(chuàng)營商環(huán)境新優(yōu)勢助力企業(yè)高質(zhì)量發(fā)展行動(dòng)方案';
    expect(normalizeForMatch(seedTitle)).toBe(normalizeForMatch('厦门市再创营商环境新优势助力企业高质量发展行动方案'));
    expect(normalizeForMatch('（二）營造公平、公正的法治環境')).toBe('二营造公平公正的法治环境');
  });

  it('is each step in turn (pinyin, width, simplified, punctuation), on any mix of scripts, widths and marks', () => {
    const piece = fc.constantFrom('營', '強', '乾', '隆', '後', '髮', '（', '）', '，', '：', '　', 'Ａ', 'ｚ', '１', '＿', '＋', '(qū)', '區', ',', ' ', 'a', '5', '。', '“', '”', '「', '」');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(normalizeForMatch(text)).toBe(dropPunctuation(toSimplified(foldWidth(stripPinyin(text)))));
      }),
      { numRuns: 2000 },
    );
    const seed = readSeed();
    for (const line of seed.split('\n')) expect(normalizeForMatch(line)).toBe(dropPunctuation(toSimplified(foldWidth(stripPinyin(line)))));
  });

  it('relies on OpenCC dictionaries that hold no ASCII, full-width ASCII or ideographic space', () => {
    const config = (Locale.configs as Record<string, { normalizationChain?: string[][]; conversionChain: string[][] }>).t2s!;
    // Each dictionary is `key value[ value…]|…`: the spaces and bars are its own.
    const words = [...(config.normalizationChain ?? []), ...config.conversionChain].flat().flatMap((dictionary) => dictionary.split(/[ |]/));
    expect(words.length).toBeGreaterThan(1000);
    const foreign = [...words.join('')].filter((c) => c.charCodeAt(0) < 0x80 || (c >= '\uff01' && c <= '\uff5e') || c === '\u3000');
    expect(foreign).toEqual([]);
  });
});
