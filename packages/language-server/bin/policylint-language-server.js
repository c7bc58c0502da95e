#!/usr/bin/env node
// A committed entry point, so npm links the bin at install time, before the first build.
import { setFlagsFromString } from 'node:v8';

// An editor keeps the server for hours beside everything else: have V8 favour a small heap over
// fewer collections (with a 100,000-measure corpus, ~40 MB less resident; docs/benchmarks.md).
// Set before the server's modules load, as `node --optimize-for-size` would at start.
setFlagsFromString('--optimize-for-size');
try {
  await import('../dist/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/main.js')) throw error;
  process.stderr.write('policylint-language-server: not built yet; run `npm run build` first\n');
  process.exitCode = 2;
}
