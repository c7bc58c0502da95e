import { findReferences, parsePlan } from '@policylint/core';
import { describe, expect, it } from 'vitest';
import { checkText, Corpus, fixText, renumberText, resolveReference, type Resolution } from '../src/index.js';
import { xrefUnknownDocument } from '../src/rules/xref-unknown-document.js';
import { xrefUnresolved } from '../src/rules/xref-unresolved.js';
import { seedCorpus, SEED_TITLE } from './corpus-helpers.js';
import { linesAndRules, loadFixture, readRepoFile, REAL_POLICIES, SEED } from './helpers.js';

const corpus = seedCorpus();

describe('a draft citing the seed and itself', () => {
  const { text, expected } = loadFixture('xref-draft.txt');
  const xrefRules = [xrefUnresolved, xrefUnknownDocument];
  const { findings } = checkText(text, { corpus, rules: xrefRules });

  it('gets exactly the expected findings, on the lines of the citations', () => {
    expect(linesAndRules(findings)).toEqual(expected);
  });

  it('says what the cited plan has', () => {
    expect(findings.map((f) => f.message['zh-CN'])).toEqual([
      `《${SEED_TITLE}》只有28条，没有第31条`,
      '本文件只有7条，没有第15条',
      '本文件只有3个部分，没有第五部分',
      '《厦门市政务数据管理办法》不在语料库中，无法核对引用',
    ]);
    expect(findings[0]!.message.en).toBe(`《${SEED_TITLE}》 has 28 measures; there is no measure 31`);
  });

  it('checks no citation of another plan without a corpus', () => {
    expect(checkText(text, { rules: xrefRules }).findings.map((f) => f.message.en)).toEqual([
      'this document has 7 measures; there is no measure 15',
      'this document has 3 parts; there is no part 5',
    ]);
  });
});

describe('xref rules on the smallest texts', () => {
  const run = (text: string) => checkText(text, { corpus, rules: [xrefUnresolved, xrefUnknownDocument] }).findings.map((f) => `${f.ruleId}: ${f.message.en}`);

  it('accepts citations that resolve', () => {
    expect(run('一、甲\n1.子。见第2条。\n2.丑。见第1、2条和第1至2条。')).toEqual([]);
    expect(run(`一、甲\n1.子。按《${SEED_TITLE}》第3条、第24条和第二部分第（三）项执行。`)).toEqual([]);
    expect(run('一、甲\n（一）子\n1.子。见第一部分第（一）项。')).toEqual([]);
    // Laws are cited too, but the corpus holds plans: no finding for 《公司法》.
    expect(run('一、甲\n1.子。依照《中华人民共和国公司法》执行。')).toEqual([]);
  });

  it.each([
    ['一、甲\n1.子。见第3条。\n2.丑。', 'this document has 2 measures; there is no measure 3'],
    ['一、甲\n1.子。见第1至4条。\n2.丑。', 'this document has 2 measures; there are no measures 3–4'],
    ['一、甲\n（一）子\n1.子。见第一部分第（二）项。', 'part 1 of this document has 1 section; there is no section 2'],
    [`一、甲\n1.子。见《${SEED_TITLE}》第二部分第（四）项。`, `part 2 of 《${SEED_TITLE}》 has 3 sections; there is no section 4`],
    [`一、甲\n1.子。见《${SEED_TITLE}》第六部分。`, `《${SEED_TITLE}》 has 5 parts; there is no part 6`],
    ['一、甲\n1.子。按《某某区营商环境实施方案》执行。', 'xref-unknown-document'],
  ])('%s', (text, message) => {
    const found = run(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });
});

describe('the corpus and resolution', () => {
  const self = (text: string) => ({ id: undefined, plan: parsePlan(text), text });
  const resolveOne = (citation: string, text = ''): Resolution => resolveReference(findReferences(citation)[0]!, { self: self(text), corpus })[0]!;

  it.each([
    ['a simplified citation of the two heading lines', SEED_TITLE],
    ['the notice’s title in traditional script with pinyin', '廈門市再創(chuàng)營商環境新優(yōu)勢助力企業(yè)高質(zhì)量發(fā)展行動(dòng)方案'],
    ['a citation with full-width and stray punctuation', '厦门市再创营商环境新优势 助力企业高质量发展行动方案'],
  ])('finds the seed by %s', (_name, title) => {
    expect(corpus.findByTitle(title)?.id).toBe(SEED);
  });

  it('resolves a measure to its clean text, original script kept', () => {
    const resolution = resolveOne(`《${SEED_TITLE}》第3条`);
    expect(resolution.kind).toBe('resolved');
    if (resolution.kind !== 'resolved') return;
    expect(resolution.target.id).toBe(SEED);
    expect(resolution.range.start.line).toBe(14);
    expect(resolution.text.startsWith('3.加強融資支持服務。支持民間投資項目申報')).toBe(true);
    expect(resolution.text).not.toMatch(/\(qiáng\)/);
  });

  it.each([
    ['第二部分', 'part', 10],
    ['第二部分第（三）项', 'section', 22],
    ['第24条', 'measure', 43],
    ['第3至5条', 'measure', 14],
  ])('resolves 《seed》%s to the %s on line %i', (citation, kind, line) => {
    const resolution = resolveOne(`《${SEED_TITLE}》${citation}`);
    expect(resolution).toMatchObject({ kind: 'resolved', node: { kind }, range: { start: { line } } });
  });

  it('resolves a document citation to the plan’s title', () => {
    expect(resolveOne(`《${SEED_TITLE}》`)).toMatchObject({ kind: 'resolved', node: undefined, range: { start: { line: 5 } } });
  });

  it('reads （三） as a measure where （一） is the measure level', () => {
    const text = readRepoFile(REAL_POLICIES[0]);
    const resolution = resolveOne('本通知第（十一）项', text);
    expect(resolution).toMatchObject({ kind: 'resolved', node: { kind: 'measure', number: 11, title: '允许自贸试验区创新推出与国际接轨的税收服务举措' } });
  });

  it('resolves a citation of the document’s own title to the document', () => {
    const text = '关于某事的实施方案\n一、甲\n1.子。\n2.丑。见《关于某事的实施方案》第1条。';
    expect(resolveOne('《关于某事的实施方案》第1条', text)).toMatchObject({ kind: 'resolved', target: { id: undefined } });
  });

  it('does not take a later plan’s title from an earlier one', () => {
    const two = new Corpus([
      { id: 'a', text: '甲方案\n一、甲\n1.子。' },
      { id: 'b', text: '乙方案\n一、乙\n1.丑。' },
    ]);
    expect([two.findByTitle('甲方案')?.id, two.findByTitle('乙方案')?.id, two.findByTitle('丙方案')]).toEqual(['a', 'b', undefined]);
  });
});

describe('renumbering follows citations', () => {
  it('updates the document’s citations of moved measures, in their own numeral style', () => {
    const text = '一、甲\n1.子。\n3.丑。见第3条、第四条和第3至4条。\n4.寅。\n二、乙\n5.卯。见第二部分。';
    expect(renumberText(text).text).toBe('一、甲\n1.子。\n2.丑。见第2条、第三条和第2至3条。\n3.寅。\n二、乙\n4.卯。见第二部分。');
  });

  it('leaves citations of other plans alone', () => {
    const text = `一、甲\n1.子。\n3.丑。见《${SEED_TITLE}》第3条。`;
    expect(renumberText(text).text).toBe(`一、甲\n1.子。\n2.丑。见《${SEED_TITLE}》第3条。`);
  });

  it('makes the numbering-sequence fix carry the citations along', () => {
    const { text } = fixText('一、甲\n1.子。\n3.丑。\n4.寅。按第3条执行。', { rules: [checkText.length ? xrefUnresolved : xrefUnresolved] });
    expect(text).toBe('一、甲\n1.子。\n3.丑。\n4.寅。按第3条执行。');
    expect(fixText('一、甲\n1.子。\n3.丑。\n4.寅。按第3条执行。').text).toBe('一、甲\n1.子。\n2.丑。\n3.寅。按第2条执行。');
  });

  it('names the part where a lone number would point at an earlier measure', () => {
    const text = '一、甲\n1.子。\n2.丑。\n二、乙\n1.寅。\n3.卯。见第3条。';
    expect(renumberText(text).text).toBe('一、甲\n1.子。\n2.丑。\n二、乙\n1.寅。\n2.卯。见第二部分第2条。');
  });
});

describe('the seed cites nothing that is not there', () => {
  it('has no xref finding with itself as corpus', () => {
    const ids = checkText(readRepoFile(SEED), { corpus }).findings.map((f) => f.ruleId);
    expect(ids.filter((id) => id.startsWith('xref'))).toEqual([]);
  });
});

describe('xref messages about a plan of many measures', () => {
  /** A plan whose measures carry these numbers, the last one citing measure `cited`. */
  const planWith = (numbers: readonly number[], cited: number): string =>
    ['一、甲', ...numbers.map((n, i) => `${n}.措施${n}。${i === numbers.length - 1 ? `见第${cited}条。` : ''}`)].join('\n');
  const message = (text: string) => checkText(text, { rules: [xrefUnresolved] }).findings.map((f) => f.message);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('names the runs of numbers the plan has, not every number', () => {
    expect(message(planWith([...range(1, 100), ...range(102, 300)], 400))).toEqual([
      { 'zh-CN': '本文件只有第1至100、102至300条，没有第400条', en: 'this document has only measures 1–100, 102–300; there is no measure 400' },
    ]);
  });

  it('keeps two numbers in a row as two numbers', () => {
    expect(message(planWith([1, 2, 4, 5], 9))[0]!['zh-CN']).toBe('本文件只有第1、2、4、5条，没有第9条');
  });

  it('names the numbers a range cites that are missing as runs too, however long the range', () => {
    expect(message(planWith([1, 2, 5], 0).replace('见第0条', '见第1至9条'))).toEqual([
      { 'zh-CN': '本文件只有第1、2、5条，没有第3、4、6至9条', en: 'this document has only measures 1, 2, 5; there are no measures 3, 4, 6–9' },
    ]);
    expect(message(planWith([1, 2, 3], 0).replace('见第0条', '见第2至9999条'))[0]!.en).toBe('this document has 3 measures; there are no measures 4–9999');
  });

  it('names six runs at most and says there are more', () => {
    const everyOther = range(1, 2000).filter((n) => n % 10 !== 0);
    expect(message(planWith(everyOther, 3000))).toEqual([
      {
        'zh-CN': '本文件只有第1至9、11至19、21至29、31至39、41至49、51至59条等，没有第3000条',
        en: 'this document has only measures 1–9, 11–19, 21–29, 31–39, 41–49, 51–59, …; there is no measure 3000',
      },
    ]);
  });
});
