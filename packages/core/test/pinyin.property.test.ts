import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPinyinAnnotations, pinyinAnnotationSpans, stripPinyin, TONE_MARKED } from '../src/index.js';
import { readSeed } from './helpers.js';

/** The definition of an annotation (src/pinyin.ts), as a regular expression. */
const SYLLABLE = `[a-z${TONE_MARKED}]{0,6}[${TONE_MARKED}][a-z${TONE_MARKED}]{0,5}`;
const ANNOTATION = new RegExp(`\\((?<=\\p{L}\\()${SYLLABLE}\\)|（(?<=\\p{L}（)${SYLLABLE}）`, 'gu');

function spansByRegex(text: string): number[] {
  return [...text.matchAll(ANNOTATION)].flatMap((m) => [m.index, m.index + m[0].length]);
}

// Text made of what decides an annotation: both kinds of bracket, letters of a syllable with and
// without tone marks, letters of other scripts before a bracket (astral ones too), and non-letters.
const piece = fc.constantFrom(
  '(', ')', '（', '）', 'a', 'z', 'q', 'ū', 'ǎ', 'ü', 'ḿ', 'ń', 'A', 'Q', '區', '龥', '一', 'ㄔ', 'O', 'é', 'Ж', 'α',
  '𠀀', '𝐀', '\ud840', '\udc00', '1', ' ', '。', '\n', '\u0301',
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
// Most random texts hold no annotation: these are made around one, with a syllable of any length.
const nearAnnotation = fc
  .tuple(fc.constantFrom('區', 'O', '𠀀', '1', ' ', ''), fc.constantFrom('(', '（'), fc.array(fc.constantFrom('a', 'n', 'g', 'ū', 'ǎ', 'ǜ'), { maxLength: 14 }), fc.constantFrom(')', '）', ''), text)
  .map(([before, open, letters, close, rest]) => `${before}${open}${letters.join('')}${close}${rest}`);

describe('pinyin annotations: the scanner against the regular expression', () => {
  it('finds exactly the spans the expression matches, on any mix of brackets, letters and scripts', () => {
    fc.assert(
      fc.property(fc.oneof(text, nearAnnotation), (t) => {
        expect([...pinyinAnnotationSpans(t)]).toEqual(spansByRegex(t));
        expect(stripPinyin(t)).toBe(t.replace(ANNOTATION, ''));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes any BMP character before the bracket as a letter exactly when \\p{L} does', () => {
    const mismatches: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const before = String.fromCharCode(unit);
      const found = pinyinAnnotationSpans(`${before}(qū)`).length > 0;
      if (found !== /^\p{L}$/u.test(before)) mismatches.push(unit.toString(16));
    }
    expect(mismatches).toEqual([]);
  });

  it('finds what the expression finds in the seed, and the seed has its 1,139', () => {
    const seed = readSeed();
    expect([...pinyinAnnotationSpans(seed)]).toEqual(spansByRegex(seed));
    expect(findPinyinAnnotations(seed)).toHaveLength(1139);
    expect(stripPinyin(seed)).toBe(seed.replace(ANNOTATION, ''));
  });

  it('gives an empty list, and the same text back, where there is no annotation', () => {
    expect(pinyinAnnotationSpans('加强融资支持服务(RCEP)。')).toHaveLength(0);
    const plain = '加强融资支持服务。';
    expect(stripPinyin(plain)).toBe(plain);
  });
});
