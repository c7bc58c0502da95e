#!/usr/bin/env node
// The `policylint` command. Committed, so npm links it at install time, before the first build.
//
// It runs the bundle (dist/policylint.cjs, scripts/bundle.mjs) with the V8 code cache the build wrote
// beside it (dist/policylint.v8-cache, scripts/write-code-cache.mjs), so a run starts from compiled
// code instead of first parsing and compiling ~0.7 MB of JavaScript and every function it calls.
// V8 checks that the cache fits its version, its flags and the bundle's length, and compiles as usual
// when it does not (another Node, NODE_OPTIONS with V8 flags, no cache). Node 20 caches only classic
// scripts (`module.enableCompileCache` is Node 22), hence a bundle run through `vm.Script`. This file
// is CommonJS for the same reason of start-up time: Node then never sets up its ES module loader.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '../dist/policylint.cjs');
const CODE_CACHE = join(__dirname, '../dist/policylint.v8-cache');

/**
 * Loads the bundle: its compiled script (the build asks it for the code cache after a run) and what it
 * exports, `runCli` for this command and `serveChecks` for a worker thread of a parallel check
 * (`check-worker.cjs`). Undefined, with one line on stderr, when the CLI is not built.
 */
function load() {
  let source;
  try {
    source = readFileSync(BUNDLE, 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    process.stderr.write('policylint: not built yet; run `npm run build` first\n');
    process.exitCode = 2;
    return undefined;
  }
  let cachedData;
  try {
    cachedData = readFileSync(CODE_CACHE);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(source, { filename: BUNDLE, cachedData });
  // The bundle is wrapped in Node's own CommonJS wrapper (scripts/bundle.mjs), so it sees `require`,
  // `module` and `__filename` as under `require()`.
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, dirname(BUNDLE));
  return { script, exports: bundle.exports };
}

/**
 * Exits once what was written to stdout and stderr has gone out, rather than let Node wait for V8's
 * background work (optimizing compiles the run no longer needs) before it leaves: a few ms of every run.
 */
function exitOnceWritten() {
  const pending = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  if (pending.length === 0) process.exit();
  let left = pending.length;
  for (const stream of pending) stream.once('drain', () => --left === 0 && process.exit());
}

/** One line for what the CLI could not catch itself (a broken build), and exit code 2. */
function internalError(error) {
  process.stderr.write(`policylint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

if (require.main === module) {
  try {
    load()?.exports.runCli().then(exitOnceWritten, internalError);
  } catch (error) {
    internalError(error);
  }
}

module.exports = { load, CODE_CACHE };
