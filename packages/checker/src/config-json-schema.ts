import * as z from 'zod';
import { configSchema } from './config.js';
import { RULES } from './rules/index.js';

/** The JSON Schema of policylint.config.json, with the rule ids spelled out for completion. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema(), { target: 'draft-7' }) as Record<string, unknown> & {
    properties: Record<string, Record<string, unknown>>;
  };
  const setting = { enum: ['off', 'info', 'warning', 'error'] };
  schema.properties['rules'] = {
    ...schema.properties['rules'],
    properties: Object.fromEntries(RULES.map((rule) => [rule.id, { ...setting, description: `${rule.description.en} (default: ${rule.defaultSeverity})` }])),
    additionalProperties: false,
  };
  return schema;
}
