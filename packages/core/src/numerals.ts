/**
 * Chinese numerals as used in policy headings: 一…九十九, 〇/零 for zero, 两 for two,
 * and the 百/千 forms (一百零一) that long documents reach.
 */

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const UNIT_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may make up a Chinese numeral; used to build marker patterns. */
export const CHINESE_NUMERAL_CHARS = '〇零一二两兩三四五六七八九十百千';

/**
 * Parses a Chinese numeral (`十一` → 11, `二十八` → 28, `一百零一` → 101, `两` → 2).
 * Digit strings without units (`二〇二三`) read positionally.
 * @returns the value, or undefined when the text is not a well-formed numeral below 10 000.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  if (![...text].some((c) => c in UNIT_VALUES)) return parsePositional(text);
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  let zeroSeen = false;
  for (const char of text) {
    const digit = DIGIT_VALUES[char];
    if (digit !== undefined) {
      if (pending !== undefined) return undefined; // two digits in a row: 二三十
      if (digit === 0) {
        if (zeroSeen || total === 0) return undefined;
        zeroSeen = true;
        continue;
      }
      pending = digit;
      continue;
    }
    const unit = UNIT_VALUES[char];
    if (unit === undefined || unit >= lastUnit) return undefined;
    // 十 alone at the start means 一十 (十一 = 11); elsewhere a unit needs its digit.
    if (pending === undefined && !(unit === 10 && total === 0)) return undefined;
    total += (pending ?? 1) * unit;
    pending = undefined;
    lastUnit = unit;
    zeroSeen = false;
  }
  if (pending !== undefined) {
    // 二百五 would mean 250 colloquially; headings never write it, so reject it.
    if (lastUnit > 10 && !zeroSeen) return undefined;
    total += pending;
  }
  return total;
}

function parsePositional(text: string): number | undefined {
  let value = 0;
  for (const char of text) {
    const digit = DIGIT_VALUES[char];
    if (digit === undefined) return undefined;
    value = value * 10 + digit;
  }
  // A leading zero (零一, 〇五) is no numeral anyone writes; a lone 〇 or 零 is zero.
  return text.length > 1 && DIGIT_VALUES[text[0]!] === 0 ? undefined : value;
}

/**
 * Writes n in Chinese numerals as headings do: 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一.
 * @returns the numeral, or undefined when n is not an integer in 0…9999.
 */
export function toChineseNumeral(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return undefined;
  if (n === 0) return DIGITS[0];
  const units = ['千', '百', '十', ''] as const;
  const values = [1000, 100, 10, 1] as const;
  let out = '';
  let needZero = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const digit = Math.floor(n / value) % 10;
    if (digit === 0) {
      if (out !== '') needZero = true;
      continue;
    }
    if (needZero) out += '零';
    needZero = false;
    // 10–19 are written 十, 十一…十九, not 一十一.
    const omitOne = value === 10 && digit === 1 && out === '';
    out += (omitOne ? '' : DIGITS[digit]!) + units[i]!;
  }
  return out;
}
