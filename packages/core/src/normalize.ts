import { stripPinyin } from './pinyin.js';
import { createTraditionalToSimplified } from './simplify.js';

type Convert = (text: string) => string;
let traditionalToSimplified: Convert | undefined;

/** Traditional → simplified (OpenCC `t` → `cn`). The dictionaries load on first use, not at import. */
export function toSimplified(text: string): string {
  const convert = (traditionalToSimplified ??= createTraditionalToSimplified());
  return convert(text);
}

/** Folds full-width ASCII (`（`, `１`, `Ａ`) and the ideographic space to their half-width forms. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, halfWidth);
}

/** The half-width form of a full-width ASCII character or the ideographic space. */
function halfWidth(c: string): string {
  return c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0);
}

/** Drops everything that is not a letter or a digit: punctuation, symbols, spaces. */
export function dropPunctuation(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The matching key of a text: pinyin annotations stripped, width folded, simplified, punctuation and
 * spaces dropped. For comparing texts only; never show it to the drafter.
 */
export function normalizeForMatch(text: string): string {
  return dropPunctuation(toSimplified(foldAlphanumerics(stripPinyin(text))));
}

// For matching, only letters and digits need folding (what `foldWidth` then `dropPunctuation` gives):
// full-width punctuation is dropped as its half-width form would be, and OpenCC's dictionaries hold
// neither form (a test checks). Folding each ，and ： of policy prose was most of normalizing it.
const FULL_WIDTH_ALPHANUMERIC = /[０-９Ａ-Ｚａ-ｚ]/g;

function foldAlphanumerics(text: string): string {
  return text.replace(FULL_WIDTH_ALPHANUMERIC, halfWidth);
}
