import { normalizeForMatch } from '@policylint/core';

/**
 * Words of policy prose that say the same thing, folded to one form so rewording does not hide a
 * repeat (DESIGN §1). Only whole words fold; look-alikes such as 续保/续贷 or 多报合一/多测合一 differ
 * in a character that stays, so they stay apart.
 */
export const SYNONYMS: ReadonlyArray<readonly [canonical: string, variants: readonly string[]]> = [
  ['完善', ['建立健全', '健全', '建立']],
  ['推进', ['推动', '促进']],
  ['加强', ['强化', '增强', '提升']],
  ['优化', ['改善', '改进']],
  ['支持', ['鼓励', '扶持']],
  ['实施', ['落实', '执行']],
];

/** Adverbs of emphasis that rewording adds and drops freely; they carry no content. */
export const FILLERS: readonly string[] = ['进一步', '持续', '积极', '深入', '大力', '切实', '全面', '不断', '着力', '加快', '有效', '稳步', '扎实', '依法', '逐步', '努力', '严格'];

// Longest first, so 建立健全 folds before 健全 and 建立.
const REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  ...FILLERS.map((word) => [word, ''] as const),
  ...SYNONYMS.flatMap(([canonical, variants]) => variants.map((v) => [v, canonical] as const)),
].sort((a, b) => b[0].length - a[0].length);
const PATTERN = new RegExp(REPLACEMENTS.map(([from]) => from).join('|'), 'gu');
const TARGET = new Map(REPLACEMENTS);

/**
 * The key two sentences are compared by: normalized for matching (pinyin stripped, width folded,
 * simplified, punctuation dropped), fillers dropped, synonyms folded.
 */
export function matchKey(text: string): string {
  return normalizeForMatch(text).replace(PATTERN, (word) => TARGET.get(word) ?? word);
}
