#!/usr/bin/env node
// A committed entry point, so npm links the `policylint` bin at install time, before the first build.
// The CLI itself is bundled (scripts/bundle.mjs): loading it is a good part of a short run's start-up.
try {
  await import('../dist/policylint.js');
  exitOnceWritten();
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/policylint.js')) {
    process.stderr.write('policylint: not built yet; run `npm run build` first\n');
  } else {
    // The CLI reports its own errors in one line; this is one it could not catch (a broken build).
    process.stderr.write(`policylint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 2;
}

/**
 * The run is over (its exit code set) once the bundle's run resolves: exit then, when what was
 * written to stdout and stderr has gone out, rather than let Node wait for V8's background work
 * (optimizing compiles the run no longer needs) before it leaves, a few ms of every run.
 */
function exitOnceWritten() {
  const pending = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  if (pending.length === 0) process.exit();
  let left = pending.length;
  for (const stream of pending) stream.once('drain', () => --left === 0 && process.exit());
}
