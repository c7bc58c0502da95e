import * as core from '@policylint/core';
import { describe, expect, it } from 'vitest';
import { checkText, Corpus, fixText, matchKey, renumberText } from '../src/index.js';
import { parseDirectives } from '../src/suppressions.js';

/**
 * Every function of core and checker that reads a text, run on long lines built to make a regex or a
 * scan backtrack or rescan: each must finish in time linear in the line. A quadratic one takes minutes
 * on these lines (the suppression comment regex took 6 s on 2,000 spaces), so the bound below is
 * generous and still catches it, without timing anything finer than a slow CI machine can promise.
 */
const LENGTH = 200_000;
const BOUND_MS = 10_000;

const fill = (unit: string): string => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

// One line of each shape; the trailing `x` where one stands keeps a pattern from matching at the end.
const LINES: Readonly<Record<string, string>> = {
  'open brackets': fill('（'),
  'open brackets and a numeral': fill('（（（（一'),
  '第 runs': fill('第'),
  'measure markers': fill('1.'),
  'dotted numbers': fill('1.1.1.'),
  'open title brackets': fill('《'),
  'an open title bracket then citations': `《${fill('第3条')}`,
  'pinyin-like a(b)': fill('a(b)'),
  'unclosed pinyin': fill('區(qū'),
  'tone marks without a close': fill('a(āāāāāā'),
  'everything mixed': fill('（第《1.a(b)》）'),
  spaces: fill(' '),
  'ideographic spaces': fill('\u3000'),
  'question marks': fill('?'),
  'damage among Chinese': fill('?一'),
  'a comment that never closes': `<!--${fill(' ')}`,
  'comment openers one far close ends': `${fill('<!--')}-->x`,
  'a directive of spaces': `<!-- policylint-disable${fill(' ')}`,
  'a directive with spaces inside': `<!-- policylint-disable a${fill(' ')}x`,
  'an entry-into-force run': `本方案${fill('自施')}`,
  'a numeral run': fill('一二三'),
  'a 百 run': fill('一百'),
  'a citation list without a unit': fill('第1、'),
  'a citation range without an end': fill('第1至'),
  'a citation chain': fill('第1条和'),
  'citations of 9,999-measure ranges': fill('第1至9999条'),
  'a path of parts': fill('第二部分'),
  'a path of sections': fill('第（三）项'),
  'notice titles': fill('《甲》印发给'),
  'dates': fill('2023年'),
  backticks: fill('`'),
  dashes: fill('-'),
  hashes: fill('#'),
  'table pipes': fill('| 1. |'),
  'NUL bytes': fill('\0'),
  'control characters': fill('\u0001\u0007\u001b\u007f'),
  'lone surrogates': fill('\ud800'),
  'combining marks in markers': fill('1\u0301.'),
  'surrogate pairs in markers': fill('（𠀀）'),
};

// Many short lines where one long one would not show a rescan per line.
const LINE_RUNS: Readonly<Record<string, string>> = {
  'fences that never close': '```a\n'.repeat(LENGTH / 5),
  'fences of falling length': Array.from({ length: 2000 }, (_, i) => '`'.repeat(2003 - i)).join('\n'),
  'thematic breaks': '---\n'.repeat(LENGTH / 4),
  'headings without a full stop': Array.from({ length: 20_000 }, (_, i) => `${i + 1}.措施`).join('\n'),
  'comments that never close': '<!-- 甲\n'.repeat(LENGTH / 7),
};

/** Each exported function of core that reads a text, called the way its callers call it. */
const CORE_TEXT_FUNCTIONS: Readonly<Record<string, (text: string) => unknown>> = {
  blankCommentLines: core.blankCommentLines,
  blankMarkdownBlocks: core.blankMarkdownBlocks,
  blankNonPlanText: core.blankNonPlanText,
  findDamage: core.findDamage,
  hasDamage: core.hasDamage,
  startsDamaged: core.startsDamaged,
  detectLineEnding: core.detectLineEnding,
  splitLines: core.splitLines,
  matchMarker: core.matchMarker,
  dropPunctuation: core.dropPunctuation,
  foldWidth: core.foldWidth,
  toSimplified: core.toSimplified,
  normalizeForMatch: core.normalizeForMatch,
  parseChineseNumeral: core.parseChineseNumeral,
  parsePlan: core.parsePlan,
  planTitles: core.planTitles,
  findPinyinAnnotations: core.findPinyinAnnotations,
  pinyinAnnotationSpans: core.pinyinAnnotationSpans,
  stripPinyin: core.stripPinyin,
  splitSentences: (text) => core.splitSentences(text, 0, text.length),
  findReferences: core.findReferences,
  looksLikePlanTitle: core.looksLikePlanTitle,
};

// Exported functions of core that take no free text: numbers, short marker forms, parsed plans.
const CORE_OTHER_FUNCTIONS = ['formatMarker', 'toChineseNumeral', 'primaryTitle', 'isPlanLike', 'allNodes', 'nodesOfKind', 'walkNodes', 'headingLabel', 'headingRange'];

/**
 * The checker's entries that read a text, the line inside a small plan so that every rule has nodes to
 * look at, and inside a corpus plan so that overlap compares it with itself.
 */
const CHECKER_TEXT_FUNCTIONS: Readonly<Record<string, (text: string) => unknown>> = {
  parseDirectives,
  matchKey,
  checkText: (line) => checkText(inPlan(line), { corpus: new Corpus([{ id: 'in-force.txt', text: `某某行动方案\n一、甲\n1.${line}` }]) }),
  renumberText: (line) => renumberText(inPlan(line)),
};

function inPlan(line: string): string {
  return `某某行动方案\n一、总体要求\n1.推进改革。\n${line}\n3.加强监管。落实第2条。\n（一）甲\n${line}`;
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('core and checker functions on long adversarial lines', () => {
  it('covers every exported function of core that takes a text', () => {
    const exported = Object.entries(core).filter(([, value]) => typeof value === 'function' && !/^[A-Z]/.test(value.name)).map(([name]) => name);
    expect(exported.filter((name) => !(name in CORE_TEXT_FUNCTIONS) && !CORE_OTHER_FUNCTIONS.includes(name))).toEqual([]);
  });

  const functions = Object.entries({ ...CORE_TEXT_FUNCTIONS, ...CHECKER_TEXT_FUNCTIONS });
  const slowOnes = (text: string, all: ReadonlyArray<[string, (text: string) => unknown]>) =>
    all.map(([name, run]) => ({ name, ms: timed(() => run(text)) })).filter(({ ms }) => ms > BOUND_MS);

  // fixText too (up to ten checks), on single lines only: on runs of headings it is ten checks of a long plan.
  it.each(Object.entries(LINES))('finishes every function in bounded time on %s', (_name, line) => {
    expect(slowOnes(line, [...functions, ['fixText', (text) => fixText(inPlan(text))]])).toEqual([]);
  }, 20 * BOUND_MS);

  it.each(Object.entries(LINE_RUNS))('finishes every function in bounded time on %s', (_name, text) => {
    expect(slowOnes(text, functions)).toEqual([]);
  }, 20 * BOUND_MS);

  it('fixes 5,000 headings nested in nonsense orders in bounded time, a shared fix counted for each finding it repairs', () => {
    const forms = ['（1）', '1.', '（一）', '一、', '（三）', '5.', '九十九、', '（2）'];
    const text = Array.from({ length: 5000 }, (_, i) => `${forms[i % forms.length]}甲`).join('\n');
    const fixable = checkText(text).findings.filter((f) => f.fix !== undefined);
    // Each level's gaps share that level's one renumbering: thousands of findings, a few fixes.
    expect(new Set(fixable.map((f) => f.fix)).size).toBeLessThan(10);
    let fixed: ReturnType<typeof fixText> | undefined;
    expect(timed(() => (fixed = fixText(text)))).toBeLessThan(BOUND_MS);
    expect(fixed!.applied).toBe(fixable.length);
    expect(fixed!.result.findings.filter((f) => f.fix !== undefined)).toEqual([]);
  }, 2 * BOUND_MS);
});
