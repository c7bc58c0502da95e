// A worker thread of a parallel `check`: checks the files the pool hands it, one message each.
import { parentPort, workerData } from 'node:worker_threads';
import { FileChecker, type CheckSettings } from './check/check-file.js';
import { ResultCache } from './check/result-cache.js';
import type { WorkerReply, WorkerSetup } from './check-pool.js';

const port = parentPort;
if (port !== null) {
  const setup = workerData as WorkerSetup;
  const settings: CheckSettings = setup.settings;
  const cache = setup.cacheFile === undefined ? undefined : await ResultCache.open(setup.cacheFile);
  const checker = new FileChecker(settings, cache);
  port.on('message', (index: number) => {
    checker.check(setup.files[index]!).then(
      (result): void => port.postMessage({ index, result } satisfies WorkerReply),
      (error: unknown): void => port.postMessage({ index, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
    );
  });
  port.postMessage('ready');
}
