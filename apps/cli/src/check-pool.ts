import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { FileChecker, type CheckSettings, type FileCheck } from './check/check-file.js';
import type { ResultCache } from './check/result-cache.js';

/** What a worker is started with. */
export interface WorkerSetup {
  settings: CheckSettings;
  files: readonly string[];
  /** With `--cache`: work out each result's cache key, for the pool's owner to remember it by. */
  keyed: boolean;
}

export type WorkerReply = { index: number; result: FileCheck } | { index: number; error: string };

/** `--concurrency`: a number of worker threads, `off` (this thread only), or `auto`. */
export type Concurrency = number | 'auto' | 'off';

// A worker thread's entry: it loads the CLI's bundle with its code cache, as the bin does, and serves
// the pool (`serveChecks`). The same path from the source and from the bundle in dist/.
const WORKER_ENTRY = new URL('../bin/check-worker.cjs', import.meta.url);

// A worker costs a Node start-up, a corpus load and its own cold code (≈0.1–0.2 s); checking a draft
// costs a few milliseconds. Below this many files per worker, one thread is faster: on 2 cores, 2
// workers lost to one thread at 400 drafts (1.83 against 1.70 s) and won at 800 (3.09 against 3.23 s)
// (bench/many-drafts.mjs and a sweep, docs/benchmarks.md).
const FILES_PER_WORKER = 400;

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
  /** Called after each file, for the progress line. */
  onProgress: (done: number, total: number) => void;
}

/**
 * Checks every file, in worker threads when there are many to check; results come back in the order
 * of `files`. With `--cache`, this thread first takes what the cache already has, and only the files
 * left are counted for workers and handed to them: a worker costs a start-up and a corpus load.
 */
export async function checkFiles(files: readonly string[], options: PoolOptions): Promise<FileCheck[]> {
  const here = new FileChecker(options.settings, options.cache);
  const results = new Array<FileCheck>(files.length);
  let done = 0;
  const progress = (): void => options.onProgress(++done, files.length);
  const left: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const known = options.cache === undefined ? undefined : await here.cached(files[i]!);
    if (known === undefined) left.push(i);
    else {
      results[i] = known;
      progress();
    }
  }
  const toCheck = left.map((i) => files[i]!);
  const workers = workerCount(toCheck.length, options.concurrency);
  const checked = workers === 0 ? await checkHere(here, toCheck, progress) : await checkInWorkers(toCheck, workers, options, progress);
  left.forEach((i, k) => (results[i] = checked[k]!));
  return results;
}

async function checkHere(checker: FileChecker, files: readonly string[], progress: () => void): Promise<FileCheck[]> {
  const results: FileCheck[] = [];
  for (const file of files) {
    results.push(await checker.check(file));
    progress();
  }
  return results;
}

function checkInWorkers(files: readonly string[], count: number, options: PoolOptions, progress: () => void): Promise<FileCheck[]> {
  // Loaded here, not with the module: most runs check in this thread, and loading it is ~2 ms of one.
  // (Not with import(): the bundle runs as a vm.Script, which has no dynamic import.)
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const results = new Array<FileCheck>(files.length);
  const setup: WorkerSetup = { settings: options.settings, files, keyed: options.cache !== undefined };
  let next = 0;
  let done = 0;
  if (files.length === 0) return Promise.resolve(results);
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
      const worker = new Worker(WORKER_ENTRY, { workerData: setup });
      workers.push(worker);
      worker.on('message', (reply: 'ready' | WorkerReply) => {
        if (reply !== 'ready') {
          const filePath = files[reply.index]!;
          // A file a worker could not check is reported like an unreadable file, not lost.
          results[reply.index] =
            'error' in reply ? { outcome: { filePath, kind: 'failed', reason: `${filePath}: internal error: ${reply.error}` }, notes: [], locale: options.settings.locale ?? 'zh-CN' } : reply.result;
          progress();
          if (++done === files.length) return finish();
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
