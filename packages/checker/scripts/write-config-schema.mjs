// Writes the JSON Schema of policylint.config.json from the zod schema, so editors can complete the
// file. Run by `npm run build`; a test fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/config-json-schema.js';

const target = new URL('../policylint.config.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
