import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, RULES, RuleMetaSchema } from '../src/index.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('the rule registry', () => {
  it('holds the rules of DESIGN §2 with valid metadata and unique ids', () => {
    for (const rule of RULES) expect(() => RuleMetaSchema.parse(rule)).not.toThrow();
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});

describe('the configuration JSON Schema', () => {
  it('is generated from the zod schema and committed up to date (npm run build regenerates it)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'packages/checker/policylint.config.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(configJsonSchema());
  });

  it('completes every rule id', () => {
    const schema = configJsonSchema() as { properties: { rules: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.properties.rules.properties)).toEqual(RULES.map((r) => r.id));
  });
});
