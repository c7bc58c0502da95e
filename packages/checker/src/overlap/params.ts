/**
 * The overlap parameters, chosen by measurement on the labelled set in test/fixtures/overlap/
 * (docs/overlap.md has the curves). Change them only with a new measurement.
 */
export interface OverlapParams {
  /** Character n-gram length. */
  n: number;
  /** MinHash signature length: bands × rows. */
  bands: number;
  rows: number;
  /** A draft measure repeats a corpus measure at or above this similarity. */
  threshold: number;
  /** Containment counts only for a draft sentence at least this heavy (sum of shingle weights). */
  minContainedWeight: number;
  /**
   * A sentence pair counts only when both sentences are at least this heavy: two measures that share
   * a three-word sentence (落实责任。) do not repeat each other for that.
   */
  minSentenceWeight: number;
  /** Whether titles are compared as sentences of their own, or only as part of the whole measure. */
  titlePairs: boolean;
  /**
   * At most this many candidates per draft measure are scored exactly, those sharing the most LSH
   * bands first: band hits estimate similarity, and exact scoring is what a query's time goes to.
   */
  maxCandidates: number;
}

export const DEFAULT_OVERLAP_PARAMS: OverlapParams = {
  n: 2,
  bands: 16,
  rows: 2,
  threshold: 0.45,
  minContainedWeight: 40,
  minSentenceWeight: 20,
  titlePairs: false,
  maxCandidates: 12,
};
