// Bundles the CLI for start-up speed: one ESM file per entry point in dist/, with the workspace
// packages and third-party dependencies inlined, so a run loads one file instead of a few hundred
// modules. What the code loads with import() (iconv-lite, for --fix of non-UTF-8 files) goes into a
// chunk of its own, read only when needed. Type checking is `npm run typecheck` (esbuild does not).
import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// `out` is the file name in dist/ (without .js); bin/policylint.js imports dist/policylint.js. Code
// shared by several entries (a worker thread's, say) goes into a chunk they all import.
const ENTRY_POINTS = [
  { in: 'src/cli.ts', out: 'policylint' },
  { in: 'src/check-worker.ts', out: 'check-worker' },
];

// fdir (tinyglobby's directory walker) looks for picomatch with require() when it loads, for a glob
// method of its own that tinyglobby never calls: from the bundle, that read and compiled a second
// picomatch out of node_modules at every start (~5 ms of a ~250 ms run). The lookup is left out; the
// build fails if fdir changes so that it is no longer found, rather than quietly keep it.
const FDIR_PICOMATCH_LOOKUP = 'try {\n\t__require.resolve("picomatch");\n\tpm = __require("picomatch");\n} catch {}';
const skipFdirPicomatch = {
  name: 'skip-fdir-picomatch',
  setup(build) {
    build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(FDIR_PICOMATCH_LOOKUP)) throw new Error(`${args.path}: fdir's picomatch lookup has changed; update skipFdirPicomatch`);
      return { contents: source.replace(FDIR_PICOMATCH_LOOKUP, ''), loader: 'js' };
    });
  },
};

const cliDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(cliDir, 'dist');

const { metafile } = await build({
  absWorkingDir: cliDir,
  entryPoints: ENTRY_POINTS,
  outdir,
  bundle: true,
  splitting: true,
  // Chunks sit beside the entry files: code that finds files relative to its own module
  // (`new URL('../package.json', import.meta.url)`, the worker's './check-worker.js') must find them
  // from whichever output file it ends up in.
  chunkNames: '[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  metafile: true,
  // Bundled CommonJS dependencies (commander, iconv-lite) call require() for Node built-ins, which an
  // ES module does not have: give them one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [skipFdirPicomatch],
});

// Whatever tsc or an earlier bundle left in dist/ (chunks have content hashes in their names) must not
// be mistaken for this build's output. Removed after the build, not before, so a CLI started meanwhile
// (another terminal, a test) still finds its files.
const written = new Set(Object.keys(metafile.outputs).map((file) => join(cliDir, file)));
const entries = await readdir(outdir, { recursive: true, withFileTypes: true });
for (const entry of entries) {
  const path = join(entry.parentPath, entry.name);
  if (!entry.isDirectory() && !written.has(path)) await rm(path, { force: true });
}
// Deepest first, so a folder emptied above goes too; one still holding output is left.
const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
for (const folder of folders.sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => {});
