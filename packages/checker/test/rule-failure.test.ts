import { describe, expect, it } from 'vitest';
import { checkText, Corpus, resolveConfig, RULES, type Rule } from '../src/index.js';
import { linesAndRules } from './helpers.js';

// Each rule fails here: 3、 has the wrong marker (numbering-marker) and skips 2 (numbering-sequence).
const TEXT = '一、总体要求\n1.甲措施。任务一。\n3、乙措施。任务二。';
const rule = (id: string): Rule => RULES.find((r) => r.id === id)!;
const throwing = (id: string, thrown: unknown): Rule => ({ ...rule(id), check: () => { throw thrown; } });
const healthy = [rule('numbering-sequence'), rule('numbering-marker')];

describe('a rule that throws', () => {
  it('becomes one error finding at the start of the text, in both languages, and the other rules still run', () => {
    const findings = checkText(TEXT, { rules: [throwing('numbering-marker', new Error('boom')), rule('numbering-sequence')] }).findings;
    expect(findings).toEqual([
      {
        ruleId: 'numbering-marker',
        severity: 'error',
        message: { 'zh-CN': '规则 numbering-marker 出错：boom', en: 'rule numbering-marker failed: boom' },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fatal: true,
      },
      ...checkText(TEXT, { rules: [rule('numbering-sequence')] }).findings,
    ]);
    expect(linesAndRules(findings)).toEqual(['1:numbering-marker', '3:numbering-sequence']);
  });

  it('says what was thrown when it is not an Error', () => {
    const [failure] = checkText(TEXT, { rules: [throwing('numbering-sequence', 'no numbers')] }).findings;
    expect(failure!.message.en).toBe('rule numbering-sequence failed: no numbers');
  });

  it('is an error whatever severity the rule is configured with, and nothing when the rule is off', () => {
    const rules = [throwing('numbering-marker', new Error('boom'))];
    const run = (severity: 'info' | 'off') => checkText(TEXT, { rules, config: resolveConfig({ rules: { 'numbering-marker': severity } }) }).findings;
    expect(run('info').map((f) => f.severity)).toEqual(['error']);
    expect(run('off')).toEqual([]);
  });

  it('leaves a disable comment for the failed rule not unused: the rule did not run', () => {
    const text = ['一、总体要求', '1.甲措施。任务一。', '<!-- policylint-disable-next-line numbering-marker -->', '3、乙措施。任务二。'].join('\n');
    const rules = [throwing('numbering-marker', new Error('boom')), rule('numbering-sequence'), rule('inline-directive')];
    // With a corpus every rule could run, so a comment that hid nothing would be reported.
    expect(linesAndRules(checkText(text, { rules, corpus: new Corpus([]) }).findings)).toEqual(['1:numbering-marker', '4:numbering-sequence']);
    const working = [rule('numbering-marker'), rule('numbering-sequence'), rule('inline-directive')];
    expect(linesAndRules(checkText(text, { rules: working, corpus: new Corpus([]) }).findings)).toEqual(['4:numbering-sequence']);
  });

  it('is the only kind of finding marked fatal', () => {
    const findings = checkText(TEXT, { rules: healthy }).findings;
    expect(linesAndRules(findings)).toEqual(['3:numbering-marker', '3:numbering-sequence']);
    expect(findings.filter((f) => f.fatal !== undefined)).toEqual([]);
  });
});
