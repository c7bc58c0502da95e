// Not a command: the entry of the worker threads a parallel `policylint check` starts
// (src/check-pool.ts). It loads the bundle with its V8 code cache, as the bin does, so a worker starts
// from compiled code too, and serves the pool.
'use strict';
require('./policylint.cjs').load()?.exports.serveChecks();
