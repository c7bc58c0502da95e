import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FileChecker, type CheckSettings, type FileCheck } from './check/check-file.js';
import type { ResultCache } from './check/result-cache.js';

/** What a worker is started with. */
export interface WorkerSetup {
  settings: CheckSettings;
  files: readonly string[];
  /** The `--cache` file to look results up in; the pool's owner remembers and saves new ones. */
  cacheFile: string | undefined;
}

export type WorkerReply = { index: number; result: FileCheck } | { index: number; error: string };

/** `--concurrency`: a number of worker threads, `off` (this thread only), or `auto`. */
export type Concurrency = number | 'auto' | 'off';

// A worker costs a Node start-up and a corpus load (≈0.1–0.2 s); checking a draft costs a few
// milliseconds. Below this many files per worker, one thread is faster.
const FILES_PER_WORKER = 24;

/** How many worker threads to use for `fileCount` files; 0 means check in this thread. */
export function workerCount(fileCount: number, concurrency: Concurrency): number {
  if (concurrency === 'off') return 0;
  if (concurrency !== 'auto') return Math.min(concurrency, fileCount);
  const useful = Math.floor(fileCount / FILES_PER_WORKER);
  const count = Math.min(availableParallelism(), useful);
  return count >= 2 ? count : 0;
}

export interface PoolOptions {
  settings: CheckSettings;
  concurrency: Concurrency;
  cache: ResultCache | undefined;
  cacheFile: string | undefined;
  /** Called after each file, for the progress line. */
  onProgress: (done: number, total: number) => void;
}

/** Checks every file, in worker threads when there are many; results come back in the order of `files`. */
export async function checkFiles(files: readonly string[], options: PoolOptions): Promise<FileCheck[]> {
  const workers = workerCount(files.length, options.concurrency);
  return workers === 0 ? checkHere(files, options) : checkInWorkers(files, workers, options);
}

async function checkHere(files: readonly string[], options: PoolOptions): Promise<FileCheck[]> {
  const checker = new FileChecker(options.settings, options.cache);
  const results: FileCheck[] = [];
  for (const file of files) {
    results.push(await checker.check(file));
    options.onProgress(results.length, files.length);
  }
  return results;
}

function checkInWorkers(files: readonly string[], count: number, options: PoolOptions): Promise<FileCheck[]> {
  const results = new Array<FileCheck>(files.length);
  const setup: WorkerSetup = { settings: options.settings, files, cacheFile: options.cacheFile };
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (error?: Error): void => {
      for (const worker of workers) void worker.terminate();
      if (error === undefined) resolve(results);
      else reject(error);
    };
    const feed = (worker: Worker): void => {
      if (next < files.length) worker.postMessage(next++);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: setup });
      workers.push(worker);
      worker.on('message', (reply: 'ready' | WorkerReply) => {
        if (reply !== 'ready') {
          const filePath = files[reply.index]!;
          // A file a worker could not check is reported like an unreadable file, not lost.
          results[reply.index] =
            'error' in reply ? { outcome: { filePath, kind: 'failed', reason: `${filePath}: internal error: ${reply.error}` }, notes: [], locale: options.settings.locale ?? 'zh-CN' } : reply.result;
          options.onProgress(++done, files.length);
          if (done === files.length) return finish();
        }
        feed(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', () => {
        if (done < files.length) finish(new Error('a worker thread stopped before the check was done'));
      });
    }
  });
}
