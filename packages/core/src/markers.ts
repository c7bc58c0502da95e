import { CHINESE_NUMERAL_CHARS, parseChineseNumeral, toChineseNumeral } from './numerals.js';

/** Heading levels of GB/T 9704-2012 §7.3.3: 一、 / （一） / 1. / （1）. */
export type MarkerLevel = 1 | 2 | 3 | 4;

/** A heading marker found at the start of a line. */
export interface MarkerMatch {
  level: MarkerLevel;
  number: number;
  /** The marker exactly as written, including any spaces after it. */
  text: string;
  /**
   * The marker's shape with its number replaced by one (`二、` → `一、`, `(三)` → `(一)`,
   * `12．` → `1．`, `１.` → `１.`); a trailing space shows as one `' '`.
   */
  form: string;
}

/** The form each level should take (GB/T 9704-2012 §7.3.3, GB/T 15834-2011 B.3). */
export const CANONICAL_FORMS: Readonly<Record<MarkerLevel, string>> = {
  1: '一、',
  2: '（一）',
  3: '1.',
  4: '（1）',
};

const CN = `[${CHINESE_NUMERAL_CHARS}]{1,8}`;
const DIGITS = '[0-9]{1,6}|[０-９]{1,6}';

// Each pattern is anchored and bounded, so a long line costs no more than its first few characters.
const LEVEL1 = new RegExp(`^(${CN})([、.．，,:：])`);
const LEVEL2 = new RegExp(`^([（(])(${CN})([）)])([、.．]?)`);
const LEVEL3 = new RegExp(`^(${DIGITS})([.．、)])(?![0-9０-９])`);
const LEVEL4_BRACKETED = new RegExp(`^([（(])(${DIGITS})([）)])([、.．]?)`);
const LEVEL4_CLOSE_ONLY = new RegExp(`^(${DIGITS})）`);
const TRAILING_SPACE = /^[ \t\u3000]+/;

// Enclosed forms: ㈠…㈩ (level 2), ⒈…⒛ (level 3), ⑴…⒇ (level 4).
const ENCLOSED: ReadonlyArray<{ first: number; last: number; level: MarkerLevel }> = [
  { first: 0x3220, last: 0x3229, level: 2 },
  { first: 0x2488, last: 0x249b, level: 3 },
  { first: 0x2474, last: 0x2487, level: 4 },
];

/**
 * Recognizes a heading marker at the start of `line` (indentation already removed), in the
 * canonical form of its level or in one of the variants real drafts use.
 * @returns the marker, or undefined when the line does not start with one.
 */
export function matchMarker(line: string): MarkerMatch | undefined {
  const found = matchBare(line);
  if (found === undefined) return undefined;
  const space = TRAILING_SPACE.exec(line.slice(found.text.length));
  if (space === null) return found;
  return { ...found, text: found.text + space[0], form: `${found.form} ` };
}

function matchBare(line: string): MarkerMatch | undefined {
  const first = line.charCodeAt(0);
  if (Number.isNaN(first)) return undefined;

  for (const range of ENCLOSED) {
    if (first >= range.first && first <= range.last) {
      return {
        level: range.level,
        number: first - range.first + 1,
        text: line[0]!,
        form: String.fromCharCode(range.first),
      };
    }
  }

  // Each pattern opens with a class of its own (a bracket, a digit, a Chinese numeral): the first
  // character picks the ones worth trying, in the same order, and most lines (prose) try none.
  if (first === 0x28 || first === 0xff08) {
    let m = LEVEL2.exec(line);
    if (m !== null) return chinese(2, m[2]!, m[0], `${m[1]}一${m[3]}${m[4]}`);
    m = LEVEL4_BRACKETED.exec(line);
    if (m !== null) return arabic(4, m[2]!, m[0], (d) => `${m![1]}${d}${m![3]}${m![4]}`);
    return undefined;
  }
  if ((first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19)) {
    let m = LEVEL4_CLOSE_ONLY.exec(line);
    if (m !== null) return arabic(4, m[1]!, m[0], (d) => `${d}）`);
    m = LEVEL3.exec(line);
    if (m === null) return undefined;
    const found = arabic(3, m[1]!, m[0], (d) => `${d}${m![2]}`);
    return found !== undefined && isYear(m[1]!) ? undefined : found;
  }
  if (!CHINESE_NUMERAL_CHARS.includes(line[0]!)) return undefined;
  const m = LEVEL1.exec(line);
  return m === null ? undefined : chinese(1, m[1]!, m[0], `一${m[2]}`);
}

function chinese(level: MarkerLevel, numeral: string, text: string, form: string): MarkerMatch | undefined {
  const number = parseChineseNumeral(numeral);
  return number === undefined || number === 0 ? undefined : { level, number, text, form };
}

function arabic(
  level: MarkerLevel,
  digits: string,
  text: string,
  formWith: (placeholder: string) => string,
): MarkerMatch | undefined {
  const fullWidth = digits.charCodeAt(0) >= 0xff10;
  const number = Number.parseInt(fullWidth ? foldDigits(digits) : digits, 10);
  if (number === 0) return undefined;
  return { level, number, text, form: formWith(fullWidth ? '１' : '1') };
}

function foldDigits(digits: string): string {
  return digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** `2023.` at a line start is a date, not measure 2023. */
function isYear(digits: string): boolean {
  if (digits.length !== 4) return false;
  const year = Number.parseInt(foldDigits(digits), 10);
  return year >= 1900 && year <= 2100;
}

/**
 * Writes `number` in `form` (`（一）` + 3 → `（三）`, `1.` + 12 → `12.`).
 * @returns the marker, or undefined when the number cannot be written in that form
 * (an enclosed form past its last character, a Chinese numeral past 9999).
 */
export function formatMarker(form: string, number: number): string | undefined {
  for (const range of ENCLOSED) {
    if (form.charCodeAt(0) === range.first) {
      const code = range.first + number - 1;
      return number >= 1 && code <= range.last ? String.fromCharCode(code) + form.slice(1) : undefined;
    }
  }
  if (form.includes('一')) {
    const numeral = toChineseNumeral(number);
    return numeral === undefined ? undefined : form.replace('一', numeral);
  }
  if (form.includes('１')) {
    return form.replace('１', String(number).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
  }
  return form.replace('1', String(number));
}
