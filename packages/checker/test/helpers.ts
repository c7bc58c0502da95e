import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkText, resolveConfig, type Config, type Finding, type Rule } from '../src/index.js';

const ROOT = join(import.meta.dirname, '../../..');

export function readRepoFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export const SEED = 'seeds/xiamen-2023-business-environment-action-plan.txt';
export const REAL_POLICIES = [
  'test/fixtures/real-policies/gov-guofa-2018-38-ftz-deepen-reform-measures.txt',
  'test/fixtures/real-policies/gov-guobanfa-2019-6-financing-guarantee-fund.txt',
  'test/fixtures/real-policies/gov-guofa-2019-5-double-random-one-public.txt',
] as const;

const EXPECTATION = /\s*⟦([a-z-]+(?:,[a-z-]+)*)⟧\s*$/;

/**
 * A fixture whose lines say what they expect: `5.强化要素保障。 ⟦numbering-sequence⟧`. Returns the text
 * without the markers and the expected `line:rule` pairs (1-based lines).
 */
export function loadFixture(name: string): { text: string; expected: string[] } {
  const raw = readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
  const expected: string[] = [];
  const lines = raw.split('\n').map((line, i) => {
    const m = EXPECTATION.exec(line);
    if (m === null) return line;
    for (const id of m[1]!.split(',')) expected.push(`${i + 1}:${id}`);
    return line.slice(0, m.index);
  });
  return { text: lines.join('\n'), expected };
}

/** Findings as `line:rule` pairs (1-based lines), the form fixtures state them in. */
export function linesAndRules(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`);
}

interface InvalidCase {
  text: string;
  /** 1-based line and, where it matters, a fragment the zh-CN or en message must contain. */
  errors: Array<{ line: number; message?: string }>;
  config?: Config;
}

/** Table-driven rule tests in the manner of ESLint's RuleTester: valid texts give nothing. */
export function ruleTester(rule: Rule, cases: { valid: readonly string[]; invalid: readonly InvalidCase[] }): void {
  for (const text of cases.valid) {
    expect(checkText(text, { rules: [rule] }).findings.map((f) => f.message.en), text).toEqual([]);
  }
  for (const { text, errors, config } of cases.invalid) {
    const findings = checkText(text, { rules: [rule], config: resolveConfig(config) }).findings;
    expect(findings.map((f) => f.range.start.line + 1), text).toEqual(errors.map((e) => e.line));
    errors.forEach((error, i) => {
      if (error.message === undefined) return;
      const { 'zh-CN': zh, en } = findings[i]!.message;
      expect(`${zh}\n${en}`, text).toContain(error.message);
    });
  }
}
