// Writes the bundle's V8 code cache (dist/policylint.v8-cache, see bin/policylint.cjs): runs one
// `policylint check` in this process through the bin, on a copy of the repository's seed checked
// against the seed (every rule runs, overlap included), then asks V8 for the bundle's compiled code,
// which by then holds the functions a check calls and not only the top level. Run by bundle.mjs.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const seeds = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const seed = readdirSync(seeds).find((name) => name.endsWith('.txt'));
if (seed === undefined) throw new Error(`no seed plan (.txt) in ${seeds}`);
const work = mkdtempSync(join(tmpdir(), 'policylint-code-cache-'));
try {
  mkdirSync(join(work, 'seeds'));
  copyFileSync(join(seeds, seed), join(work, 'seeds', seed));
  copyFileSync(join(seeds, seed), join(work, 'draft.txt'));
  process.chdir(work);
  const bin = fileURLToPath(new URL('../bin/policylint.cjs', import.meta.url));
  process.argv = [process.argv[0], bin, 'check', 'draft.txt'];
  const { load, CODE_CACHE } = createRequire(import.meta.url)(bin);
  const loaded = load();
  if (loaded === undefined) throw new Error('the bundle is not there');
  await loaded.exports.runCli();
  const { script } = loaded;
  // The check found problems (exit 1) or none (0); anything else means it did not run through.
  if (process.exitCode !== 0 && process.exitCode !== 1) throw new Error(`the warm-up check exited ${process.exitCode}`);
  writeFileSync(CODE_CACHE, script.createCachedData());
  process.exitCode = 0;
} finally {
  process.chdir(tmpdir());
  rmSync(work, { recursive: true, force: true });
}
