import { describe, expect, it } from 'vitest';
import { checkText, parseConfig, resolveConfig, RULES } from '../src/index.js';

const ids = RULES.map((r) => r.id);

describe('parseConfig', () => {
  it('fills defaults', () => {
    expect(parseConfig({}, ids)).toEqual({ ok: true, config: resolveConfig() });
    expect(resolveConfig()).toEqual({ locale: 'zh-CN', rules: {}, measureNumbering: 'auto', overlapThreshold: 0.45, maxMatches: 3, corpus: undefined });
  });

  it('accepts every documented key', () => {
    const result = parseConfig(
      {
        $schema: './x.json',
        locale: 'en',
        rules: { 'text-encoding': 'off' },
        numbering: { measures: 'part' },
        overlap: { threshold: 0.7, maxMatches: 5 },
        corpus: ['plans/*.txt'],
      },
      ids,
    );
    expect(result).toEqual({
      ok: true,
      config: { locale: 'en', rules: { 'text-encoding': 'off' }, measureNumbering: 'part', overlapThreshold: 0.7, maxMatches: 5, corpus: ['plans/*.txt'] },
    });
  });

  it.each([
    [{ rules: { 'text-encoding': 'loud' } }, 'rules.text-encoding'],
    [{ rules: { 'no-such-rule': 'off' } }, 'rules.no-such-rule'],
    [{ numbering: { measures: 'chapter' } }, 'numbering.measures'],
    [{ numbering: { parts: 'document' } }, 'numbering.parts'],
    [{ locale: 'fr' }, 'locale'],
    [{ corpus: 'seeds' }, 'corpus'],
    [{ colour: true }, 'colour'],
    [{ overlap: { threshold: 7 } }, 'overlap.threshold'],
    [{ overlap: { maxMatches: 0 } }, 'overlap.maxMatches'],
    [[], '(root)'],
  ])('rejects %j at key %s', (json, key) => {
    const result = parseConfig(json, ids);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.key)).toContain(key);
  });
});

describe('parseConfig messages', () => {
  const messages = (json: unknown) => {
    const result = parseConfig(json, ids);
    return result.ok ? [] : result.issues.map((issue) => ({ key: issue.key, ...issue.message }));
  };

  it('says what is wrong in zh-CN and in English', () => {
    expect(messages({ overlap: { threshold: -1 }, colour: true })).toEqual([
      { key: 'overlap.threshold', 'zh-CN': '数值过小：期望 number >=0.1', en: 'Too small: expected number to be >=0.1' },
      { key: 'colour', 'zh-CN': '出现未知的键(key): "colour"', en: 'Unrecognized key: "colour"' },
    ]);
    expect(messages({ rules: { 'no-such-rule': 'off' } })[0]).toMatchObject({ 'zh-CN': expect.stringMatching(/^未知规则；已知规则：numbering-sequence, /), en: expect.stringMatching(/^unknown rule; known rules: numbering-sequence, /) });
  });

  it('calls an infinite number (1e400 in JSON) what it is', () => {
    expect(messages(JSON.parse('{ "overlap": { "threshold": 1e400 } }'))).toEqual([
      { key: 'overlap.threshold', 'zh-CN': '无效输入：期望 有限的数字，实际接收 Infinity', en: 'Invalid input: expected number, received Infinity' },
    ]);
  });
});

describe('severities from configuration', () => {
  const text = '一、甲\n1.子。\n3、丑。';
  it('turns a rule off, or changes its severity', () => {
    const run = (rules: Record<string, 'off' | 'info' | 'warning' | 'error'>) =>
      checkText(text, { config: resolveConfig({ rules }) }).findings.map((f) => `${f.ruleId}:${f.severity}`);
    expect(run({})).toEqual(['numbering-marker:warning', 'numbering-sequence:error']);
    expect(run({ 'numbering-marker': 'off' })).toEqual(['numbering-sequence:error']);
    expect(run({ 'numbering-sequence': 'info', 'numbering-marker': 'error' })).toEqual(['numbering-marker:error', 'numbering-sequence:info']);
  });
});
