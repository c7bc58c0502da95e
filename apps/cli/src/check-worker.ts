// A worker thread of a parallel `check`: checks the files the pool hands it, one message each.
import { FileChecker, type CheckSettings } from './check/check-file.js';
import type { WorkerReply, WorkerSetup } from './check-pool.js';

/**
 * Serves the pool that started this worker thread (`bin/check-worker.cjs` calls it once the bundle is
 * loaded, with its code cache, as the bin does): checks each file it is sent and replies with the result.
 */
export function serveChecks(): void {
  // Loaded here: the CLI's own runs never need it (the bundle is a vm.Script, without import()).
  const { parentPort: port, workerData } = process.getBuiltinModule('node:worker_threads');
  if (port === null) return;
  const setup = workerData as WorkerSetup;
  const settings: CheckSettings = setup.settings;
  // The pool has taken what the cache had: here files are checked, and keyed for remembering.
  const checker = new FileChecker(settings, setup.keyed ? { lookup: () => undefined } : undefined);
  port.on('message', (index: number) => {
    checker.check(setup.files[index]!).then(
      (result): void => port.postMessage({ index, result } satisfies WorkerReply),
      (error: unknown): void => port.postMessage({ index, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
    );
  });
  port.postMessage('ready');
}
