// Bundles the CLI for start-up speed, so a run loads one file instead of a few hundred modules, with the
// workspace packages and third-party dependencies inlined: dist/policylint.cjs, the CLI as one classic
// script, which Node 20 can keep a V8 code cache of (dist/policylint.v8-cache, written after a warm-up
// check by scripts/write-code-cache.mjs). bin/policylint.cjs runs it with that cache (`runCli`), and so
// does bin/check-worker.cjs in each worker thread of a parallel check (`serveChecks`).
// Type checking is `npm run typecheck` (esbuild does not).
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Dependencies' module top levels that cost every run something it rarely needs, patched out of the
// bundle. Each patch must find its text, so the build fails when a dependency changes under it rather
// than quietly keep the cost.
const PATCHES = [
  // fdir (tinyglobby's directory walker) looks for picomatch with require() when it loads, for a glob
  // method of its own that tinyglobby never calls: from the bundle, that read and compiled a second
  // picomatch out of node_modules at every start (~5 ms of a ~250 ms run). The lookup is left out.
  {
    file: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/,
    find: 'try {\n\t__require.resolve("picomatch");\n\tpm = __require("picomatch");\n} catch {}',
    replace: '',
  },
  // commander loads node:child_process (with net, dgram and streams: ~3-4 ms) for subcommands that are
  // separate executables, which policylint has none of: loaded when one would be spawned.
  {
    file: /[\\/]commander[\\/]lib[\\/]command\.js$/,
    find: "const childProcess = require('node:child_process');",
    replace: "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
  },
];
const patchDependencies = {
  name: 'patch-dependencies',
  setup(build) {
    for (const { file, find, replace } of PATCHES) {
      build.onLoad({ filter: file }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes(find)) throw new Error(`${args.path}: the text patched out of it has changed; update PATCHES in scripts/bundle.mjs`);
        return { contents: source.replace(find, replace), loader: 'js' };
      });
    }
  },
};

const cliDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(cliDir, 'dist');

// A cache left from the last build would be read with the new bundle until the new cache is written:
// V8 tells a bundle only by its length. Gone before anything is built.
await rm(join(outdir, 'policylint.v8-cache'), { force: true });

const common = {
  absWorkingDir: cliDir,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [patchDependencies],
};

const builds = await Promise.all([
  build({
    ...common,
    entryPoints: [{ in: 'src/cli.ts', out: 'policylint' }],
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // Code that finds files from its own module (`new URL('../package.json', import.meta.url)`, the
    // worker threads' '../bin/check-worker.cjs') finds them from the bundle's place.
    define: { 'import.meta.url': '__importMetaUrl' },
    // Wrapped as Node wraps a CommonJS module, so bin/policylint.cjs compiles the file as it is read
    // (adding the wrapper at run time copied the whole 1 MB source once more).
    banner: { js: "(function (exports, require, module, __filename, __dirname) {\nconst __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    footer: { js: '})' },
    // No comments or indentation: a third less to read at every start (stack traces are not shown to
    // users, and the source map keeps the way back).
    minifyWhitespace: true,
    // iconv-lite's tables were a third of the bundle, read and compiled at every start, for --fix of a
    // file in GB18030 or UTF-16 only: left to node_modules (a dependency of the package), where
    // encode-text's require() finds it when that happens.
    external: ['iconv-lite'],
  }),
]);

// Whatever tsc or an earlier bundle left in dist/ (chunks have content hashes in their names) must not
// be mistaken for this build's output. Removed after the build, not before, so a CLI started meanwhile
// (another terminal, a test) still finds its files.
const written = new Set(builds.flatMap(({ metafile }) => Object.keys(metafile.outputs).map((file) => join(cliDir, file))));
const entries = await readdir(outdir, { recursive: true, withFileTypes: true });
for (const entry of entries) {
  const path = join(entry.parentPath, entry.name);
  if (!entry.isDirectory() && !written.has(path)) await rm(path, { force: true });
}
// Deepest first, so a folder emptied above goes too; one still holding output is left.
const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
for (const folder of folders.sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => {});

// Last, once the bundle is in place: the code cache, from a check run on it.
// Its report is not for the build log.
const cached = spawnSync(process.execPath, [join(cliDir, 'scripts/write-code-cache.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
if (cached.status !== 0) throw new Error('writing the code cache failed');
