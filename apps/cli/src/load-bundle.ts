// The CLI's entry, `dist/policylint.js`: runs the bundle (`dist/policylint.cjs`) with the V8 code
// cache the build wrote beside it, so a run starts from compiled code instead of first parsing and
// compiling ~0.7 MB of JavaScript and then every function it calls (~40 ms of a ~250 ms check).
// V8 checks that a cache fits its version, its flags and the bundle's length (the build writes the
// cache right after the bundle), and compiles as usual when it does not (another Node, NODE_OPTIONS
// with V8 flags, no cache). Node 20 caches only classic scripts
// (`module.enableCompileCache` is Node 22), hence a CommonJS bundle run through `vm.Script`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('./policylint.cjs', import.meta.url));
/** Written by the build (`scripts/write-code-cache.mjs`) after a warm-up check, so it holds the functions a check runs. */
export const CODE_CACHE = fileURLToPath(new URL('./policylint.v8-cache', import.meta.url));

function cachedData(): Buffer | undefined {
  try {
    return readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
}

// The bundle is wrapped in Node's own CommonJS wrapper (scripts/bundle.mjs), so it sees `require`,
// `module` and `__filename` as under `require()`.
const source = readFileSync(bundle, 'utf8');
/** The compiled bundle; the build asks it for the cache after a run. */
export const script = new Script(source, { filename: bundle, cachedData: cachedData() });
const module = { exports: {} as { done?: Promise<void> } };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
await module.exports.done;
