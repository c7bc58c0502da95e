// Helpers for tests and benchmarks, not for the product: the labelled-set evaluation of overlap.
export { evaluate, scorePairs, type Evaluation, type LabelledPair, type ScoredPair } from './overlap-eval.js';
