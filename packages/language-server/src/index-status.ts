import { CorpusCache, type CorpusSource, type LoadedCorpus } from '@policylint/checker/node';
import type { IndexStatus } from './protocol.js';

/**
 * Follows the corpus loads of one cache generation and says what the index is doing: indexing while
 * a corpus loads, ready with the totals once none is loading, error when a load failed or a
 * configuration file is unusable. Only changes are reported.
 */
export class IndexStatusTracker {
  private loading = 0;
  private readonly loaded = new Set<LoadedCorpus>();
  private failure: string | undefined;
  /** Bumped by `reset`: a load started before it finishes into a dropped cache and does not count. */
  private generation = 0;
  private last = '';

  constructor(private readonly report: (status: IndexStatus) => void) {}

  /** A corpus cache whose actual loads (not its cache hits) are followed. */
  corpusCache(): CorpusCache {
    return new FollowedCorpusCache((loading) => this.follow(loading));
  }

  /** A problem the user must fix (an unusable configuration file); cleared by `reset`. */
  fail(message: string): void {
    this.failure ??= message;
    this.send();
  }

  /** Caches were dropped: what was loaded no longer counts. The next load, or `publish`, says so. */
  reset(): void {
    this.generation++;
    this.loading = 0;
    this.loaded.clear();
    this.failure = undefined;
    this.last = '';
  }

  get status(): IndexStatus {
    let plans = 0;
    let measures = 0;
    for (const { corpus } of this.loaded) {
      plans += corpus.plans.length;
      // Counted from the index (built for the first check anyway), not from each plan's metadata,
      // which a large corpus keeps on disk.
      measures += corpus.overlap().measureCount;
    }
    if (this.failure !== undefined) return { state: 'error', plans, measures, message: this.failure };
    return { state: this.loading > 0 ? 'indexing' : 'ready', plans, measures };
  }

  private follow(loading: Promise<LoadedCorpus>): void {
    const generation = this.generation;
    this.loading++;
    this.send();
    loading.then(
      (loaded) => {
        if (generation !== this.generation) return;
        this.loading--;
        this.loaded.add(loaded);
        this.send();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.loading--;
        this.fail(error instanceof Error ? error.message : String(error));
      },
    );
  }

  /** Sends the status if none was sent since the start or the last reset, so a client always has a current one. */
  publish(): void {
    if (this.last === '') this.send();
  }

  private send(): void {
    const status = this.status;
    const key = JSON.stringify(status);
    if (key === this.last) return;
    this.last = key;
    this.report(status);
  }
}

/** A corpus cache that hands each actual load (not its cache hits) to `onLoad`. */
class FollowedCorpusCache extends CorpusCache {
  private readonly started = new WeakSet<Promise<LoadedCorpus>>();

  constructor(private readonly onLoad: (loading: Promise<LoadedCorpus>) => void) {
    super();
  }

  override load(source: CorpusSource): Promise<LoadedCorpus> {
    const loading = super.load(source);
    if (!this.started.has(loading)) {
      this.started.add(loading);
      this.onLoad(loading);
    }
    return loading;
  }
}
