// Bundles the extension (dist/extension.js) and the language server (dist/server.js, started by the
// extension over IPC) into self-contained CommonJS files, and ships the configuration JSON Schema,
// so the .vsix needs no node_modules. Type checking is `npm run typecheck` (esbuild does none).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // ESM dependencies (fdir, under tinyglobby) call createRequire(import.meta.url), which CommonJS lacks.
  banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
};
// The server's built entry (what its bin runs), opencc dictionaries and all.
const serverMain = join(dirname(require.resolve('@policylint/language-server/package.json')), 'dist/main.js');
await Promise.all([
  build({ ...common, entryPoints: { extension: join(root, 'src/extension.ts') }, outdir: dist, external: ['vscode'] }),
  build({ ...common, entryPoints: { server: serverMain }, outdir: dist }),
]);
// jsonValidation in package.json points here: policylint.config.json gets completion and checks.
copyFileSync(require.resolve('@policylint/checker/policylint.config.schema.json'), join(dist, 'policylint.config.schema.json'));
