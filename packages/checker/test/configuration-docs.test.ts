import { describe, expect, it } from 'vitest';
import { configKeyDocs, configurationDocs, EXAMPLE_CONFIG, ruleIndexDocs } from '../src/configuration-docs.js';
import { parseConfig, resolveConfig, RULES, type Config } from '../src/index.js';
import { readRepoFile } from './helpers.js';

/** A configuration that sets only `path` (dotted) to `value`. */
function withKey(path: string, value: unknown): unknown {
  return path
    .split('.')
    .reverse()
    .reduce((inner, key) => ({ [key]: inner }), value);
}

describe('docs generated from the schema and the registry (npm run build regenerates them)', () => {
  it('docs/configuration.md is committed up to date', () => {
    expect(readRepoFile('docs/configuration.md')).toBe(configurationDocs());
  });

  it('docs/rules/README.md is committed up to date', () => {
    expect(readRepoFile('docs/rules/README.md')).toBe(ruleIndexDocs());
  });
});

describe('docs/configuration.md', () => {
  const keys = configKeyDocs();

  it('describes every key in English and Chinese', () => {
    expect(keys.map((key) => key.path)).toEqual(expect.arrayContaining(['locale', 'rules', 'numbering.measures', 'overlap.threshold', 'corpus']));
    for (const { path, description } of keys) {
      expect(description.en, path).not.toBe('');
      expect(description['zh-CN'], path).toMatch(/\p{Script=Han}/u);
    }
  });

  it('states the defaults that resolveConfig applies', () => {
    const documented = keys.filter((key) => key.default !== undefined);
    expect(documented.map((key) => key.path)).toEqual(['locale', 'rules', 'numbering.measures', 'overlap.threshold', 'overlap.maxMatches']);
    for (const { path, default: value } of documented) {
      const parsed = parseConfig(withKey(path, JSON.parse(value!)), RULES.map((rule) => rule.id));
      expect(parsed.ok && parsed.config, path).toEqual(resolveConfig({}));
    }
  });

  it('shows a worked example that is a valid configuration', () => {
    const parsed = parseConfig(EXAMPLE_CONFIG, RULES.map((rule) => rule.id));
    expect(parsed.ok).toBe(true);
    expect(configurationDocs()).toContain(JSON.stringify(EXAMPLE_CONFIG satisfies Config, null, 2));
  });

  it('lists every rule with its default severity and its page', () => {
    const page = configurationDocs();
    for (const rule of RULES) expect(page).toContain(`| [${rule.id}](rules/${rule.id}.md) | \`${rule.defaultSeverity}\` | ${rule.fixable ? 'yes' : 'no'} |`);
  });
});
