import fc from 'fast-check';
import { CHINESE_NUMERAL_CHARS, toChineseNumeral } from '../src/index.js';

/**
 * Plan-like texts for property tests: lines that start with markers of every level and form the
 * parser recognizes (DESIGN §1 table) or almost does, titles, Chinese sentences, citations, pinyin
 * annotations and damage, indented or behind Markdown `#`, mixed with HTML comment lines (whole,
 * unclosed or closing), NULs, control characters and lone surrogates, joined by CR, LF or CRLF, maybe
 * after a BOM. Random enough to reach corners, plan-like enough that most lines are headings.
 */

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
/** Any code point, plus lone surrogates, which `unit: 'binary'` never makes. */
export const anyUnit = fc.oneof({ weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: loneSurrogate });

const numeral = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }).map(toNumeral) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 12_000 }).map(toNumeral) },
  // Strings of numeral characters, well-formed or not: 十十, 零一, 一百零一, 千千千千千千千千千.
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...CHINESE_NUMERAL_CHARS), minLength: 1, maxLength: 10 }) },
);
const digits = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 40 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 9_999_999 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))) },
  { weight: 1, arbitrary: fc.constantFrom('2023', '1900', '2100', '0', '00', '007') },
);
const enclosed = (first: number, count: number): fc.Arbitrary<string> => fc.integer({ min: 0, max: count }).map((i) => String.fromCharCode(first + i));

/** A marker of any level in any form (canonical, variant, or one character off). */
const marker: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(numeral, fc.constantFrom('、', '、', '.', '．', '，', ',', ':', '：', '')).map(([n, p]) => n + p) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('（', '（', '('), numeral, fc.constantFrom('）', '）', ')', ''), fc.constantFrom('', '', '、', '．', '.')).map((parts) => parts.join('')) },
  { weight: 3, arbitrary: fc.tuple(digits, fc.constantFrom('.', '.', '．', '、', ')', '）', '. ', '.5', '')).map(([n, p]) => n + p) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('（', '（', '('), digits, fc.constantFrom('）', '）', ')'), fc.constantFrom('', '', '、')).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: enclosed(0x3220, 10) },
  { weight: 1, arbitrary: enclosed(0x2488, 20) },
  { weight: 1, arbitrary: enclosed(0x2474, 20) },
);

const word = fc.constantFrom('推进改革', '加强融资支持服务', '營造公平公正的法治環境', '优化营商环境', '各区人民政府', '區(qū)域', 'ㄔO(shè)', '?。ㄒ唬┙ㄔO', '�', '一是', '十分重要');
const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom('。', '！', '？', '；', '，', '。”', '')).map(([w, end]) => w.join('') + end);
const citation = fc.oneof(
  fc.tuple(fc.constantFrom('按照', '本方案', '依据'), fc.constantFrom('第', '第（'), fc.oneof(digits, numeral), fc.constantFrom('条', '项', '点', '）项', '部分', '季度', '至5条', '、6条', '和第7条')).map((p) => p.join('')),
  fc.tuple(fc.constantFrom('《厦门市再创营商环境新优势助力企业高质量发展行动方案》', '《未完', '》', '《》'), fc.constantFrom('', '第3条', '第二部分第（三）项')).map((p) => p.join('')),
);
const piece = fc.oneof(
  { weight: 6, arbitrary: sentence },
  { weight: 2, arbitrary: citation },
  { weight: 1, arbitrary: fc.constantFrom('\0', '\t', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029', '\u200b', '\u0301', '　', ' ', '<!--', '-->') },
  { weight: 1, arbitrary: fc.string({ unit: anyUnit, maxLength: 4 }) },
);
const indent = fc.constantFrom('', '', '', ' ', '  ', '　　', '\t', '# ', '## ', '###### ', '####### ', '  # ', '#');
const headingLine = fc.tuple(indent, marker, fc.array(piece, { maxLength: 4 })).map(([i, m, p]) => i + m + p.join(''));
const bodyLine = fc.tuple(indent, fc.array(piece, { maxLength: 4 })).map(([i, p]) => i + p.join(''));
const specialLine = fc.constantFrom(
  '',
  '   ',
  '关于印发《某市优化营商环境行动方案》的通知',
  '某市优化营商环境',
  '行动方案',
  '本方案自印发之日起施行。',
  '厦门市人民政府',
  '2023年6月14日',
  '（此件公开发布）',
  '<!-- policylint-disable numbering-sequence -->',
  '  <!-- 审稿意见：第3条待定 -->  ',
  '<!-- 跨行的',
  '注释 -->',
  '<!---->',
);
const line = fc.oneof({ weight: 5, arbitrary: headingLine }, { weight: 3, arbitrary: bodyLine }, { weight: 2, arbitrary: specialLine });
const lineBreak = fc.constantFrom('\n', '\n', '\r\n', '\r');

/** A plan-like text of up to `maxLines` lines (see the module comment). */
export function planText(maxLines = 40): fc.Arbitrary<string> {
  return fc
    .tuple(fc.boolean(), fc.array(fc.tuple(line, lineBreak), { maxLength: maxLines, size: 'max' }), line)
    .map(([bom, lines, last]) => (bom ? '\ufeff' : '') + lines.map(([l, br]) => l + br).join('') + last);
}

/** 0 as 〇, past 9999 in digits: headings that write numbers so exist too. */
function toNumeral(n: number): string {
  return n === 0 ? '〇' : (toChineseNumeral(n) ?? String(n));
}
