// A worker thread of a parallel `check`: checks the files the pool hands it, one message each.
import { parentPort, workerData } from 'node:worker_threads';
import { FileChecker, type CheckSettings } from './check/check-file.js';
import type { WorkerReply, WorkerSetup } from './check-pool.js';

const port = parentPort;
if (port !== null) {
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
