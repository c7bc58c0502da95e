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
