#!/usr/bin/env node
// A committed entry point, so npm links the bin at install time, before the first build.
try {
  await import('../dist/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/main.js')) throw error;
  process.stderr.write('policylint-language-server: not built yet; run `npm run build` first\n');
  process.exitCode = 2;
}
