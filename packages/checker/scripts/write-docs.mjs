// Writes docs/configuration.md and docs/rules/README.md from the zod schema and the rule registry, so
// the docs cannot drift from the code. Run by `npm run build`; a test fails when a committed page is stale.
import { writeFileSync } from 'node:fs';
import { configurationDocs, ruleIndexDocs } from '../dist/configuration-docs.js';

writeFileSync(new URL('../../../docs/configuration.md', import.meta.url), configurationDocs());
writeFileSync(new URL('../../../docs/rules/README.md', import.meta.url), ruleIndexDocs());
