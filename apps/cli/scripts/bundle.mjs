// Bundles the CLI for start-up speed: one ESM file per entry point in dist/, with the workspace
// packages and third-party dependencies inlined, so a run loads one file instead of a few hundred
// modules. What the code loads with import() (iconv-lite, for --fix of non-UTF-8 files) goes into a
// chunk of its own, read only when needed. Type checking is `npm run typecheck` (esbuild does not).
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

// `out` is the file name in dist/ (without .js); bin/policylint.js imports dist/policylint.js.
const ENTRY_POINTS = [{ in: 'src/cli.ts', out: 'policylint' }];

const cliDir = new URL('..', import.meta.url).pathname;
const outdir = join(cliDir, 'dist');

const { metafile } = await build({
  absWorkingDir: cliDir,
  entryPoints: ENTRY_POINTS,
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  metafile: true,
  // Bundled CommonJS dependencies (commander, iconv-lite) call require() for Node built-ins, which an
  // ES module does not have: give them one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

// Whatever tsc or an earlier bundle left in dist/ must not be mistaken for this build's output. Removed
// after the build, not before, so a CLI started meanwhile (another terminal, a test) still finds its file.
const written = Object.keys(metafile.outputs).map((file) => join(cliDir, file));
for (const entry of await readdir(outdir)) {
  const path = join(outdir, entry);
  if (!written.some((file) => file === path || file.startsWith(`${path}/`))) await rm(path, { recursive: true, force: true });
}
