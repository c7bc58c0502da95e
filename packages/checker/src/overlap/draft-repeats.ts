import type { Range } from '@policylint/core';
import { BandTable, MAX_POSTINGS } from './band-table.js';
import type { OverlapParams } from './params.js';
import { keepBest, measureBound, scoreMeasure, weighMeasure, type MeasureScore, type WeightedMeasure } from './score.js';
import { buildSegment, measureKeySets, type Segment } from './segment.js';
import type { MeasureUnit, SentenceUnit } from './units.js';
import type { LayeredFrequency } from './weights.js';

/** The earlier measure of the same draft that a measure is most like. */
export interface EarlierMatch {
  /** Its index among the draft's measures. */
  earlier: number;
  similarity: number;
  /** The closest pair: a sentence of the later measure and the range of one of the earlier's. */
  pair: { draft: SentenceUnit; corpus: Range; similarity: number } | undefined;
}

/**
 * For each measure of a draft, the earlier measure it is most like (undefined when LSH finds none),
 * with the candidates, scores and ties an overlap index of the draft's measures would give when each
 * is queried with the later ones excluded. Counts the draft's sentences into `df` first, which then
 * weighs everything.
 *
 * Measures with the same content (copies) are indexed, looked up and scored once: they share every
 * band key, hit count and score, and only their places in the draft tell them apart. Each content is
 * weighed once, not once per query it is a candidate of (its measures are in memory).
 */
export function findEarlierRepeats(units: readonly MeasureUnit[], df: LayeredFrequency, params: OverlapParams): Array<EarlierMatch | undefined> {
  const { copies, contentOf } = copiesByContent(units);
  for (const members of copies) for (const sentence of units[members[0]!]!.sentences) df.addSentences(sentence.shingles, 1, members.length);
  const keySets = copies.map((members) => measureKeySets(units[members[0]!]!, params));
  const segment = buildSegment('draft', copies.map((members) => units[members[0]!]!), params, keySets);
  // A key in too many measures is left out of every query, as a table of every measure would.
  const crowded = crowdedKeys(segment, copies);
  const queryKeys = crowded.size === 0 ? keySets : keySets.map((sets) => sets.map((set) => set.filter((key) => !crowded.has(key))));
  const table = new BandTable([segment], params);
  const weighed: Array<WeightedMeasure | undefined> = [];
  const weigh = (c: number): WeightedMeasure => {
    const unit = units[copies[c]![0]!]!;
    return (weighed[c] ??= weighMeasure(
      unit.sentences.map((s) => s.shingles),
      unit.sentences.length > 0 ? unit.shingles : undefined,
      df,
    ));
  };
  const lookUp = (content: number, before: number): Array<{ content: number; hits: number }> => {
    const found: Array<{ content: number; hits: number }> = [];
    table.hits(queryKeys[content]!, undefined, (_, c, hits) => found.push({ content: c, hits }), before);
    return found;
  };
  // A content with copies is looked up once, among all contents, for every one of its measures; one
  // without, once, among the earlier contents only. A copied content's hits are kept in the order
  // `earliestWithMostHits` sorts them into (a stable sort by hits), so its sort of each copy's share of
  // them finds them in order instead of sorting them again for every copy.
  const everyHit: Array<Array<{ content: number; hits: number }> | undefined> = [];
  const hitsOf = (content: number, before: number): Array<{ content: number; hits: number }> =>
    copies[content]!.length === 1
      ? lookUp(content, before)
      : (everyHit[content] ??= lookUp(content, Number.POSITIVE_INFINITY).sort(byMostHits)).filter((found) => found.content < before);
  // Scores and bounds by the two contents: copies ask for the same ones again.
  const scores = new Map<number, { bound: number; score?: MeasureScore }>();
  const scoring = (ours: number, theirs: number): { bound: number; score?: MeasureScore } => {
    const key = ours * copies.length + theirs;
    let entry = scores.get(key);
    if (entry === undefined) scores.set(key, (entry = { bound: measureBound(weigh(ours), weigh(theirs), params) }));
    return entry;
  };
  // Contents are numbered in the order they first appear: those seen before measure i are below this.
  let seen = 0;
  return units.map((unit, i) => {
    const content = contentOf[i]!;
    const found = hitsOf(content, seen);
    if (content === seen) seen++;
    const candidates = earliestWithMostHits(found, copies, i, params.maxCandidates);
    if (candidates.length === 0) return undefined;
    const best: Array<MeasureScore & { earlier: number }> = [];
    for (const { measure, content: theirContent } of candidates) {
      const entry = scoring(content, theirContent);
      if (best.length === 1 && entry.bound <= best[0]!.similarity) continue;
      entry.score ??= scoreMeasure(weigh(content), weigh(theirContent), params);
      keepBest(best, { earlier: measure, ...entry.score }, 1);
    }
    const [{ earlier, similarity, pair }] = best as [MeasureScore & { earlier: number }];
    return {
      earlier,
      similarity,
      pair: pair === undefined ? undefined : { draft: unit.sentences[pair.draft]!, corpus: units[earlier]!.sentences[pair.candidate]!.range, similarity: pair.similarity },
    };
  });
}

/**
 * The measures of each distinct content, in order (a content's first measure first, contents in
 * the order they first appear), and the content of each measure. Two measures have the same content
 * when their title set and their sentences' sets, in order, are the same sets (`measureContent`).
 */
function copiesByContent(units: readonly MeasureUnit[]): { copies: number[][]; contentOf: Uint32Array } {
  const numbers = new Map<string, number>();
  const copies: number[][] = [];
  const contentOf = new Uint32Array(units.length);
  units.forEach((unit, i) => {
    const key = unit.content;
    let content = numbers.get(key);
    if (content === undefined) {
      numbers.set(key, (content = copies.length));
      copies.push([]);
    }
    copies[content]!.push(i);
    contentOf[i] = content;
  });
  return { copies, contentOf };
}

/** Keys that more than `MAX_POSTINGS` measures share, copies counted, from a segment of one measure per content. */
function crowdedKeys(segment: Segment, copies: readonly number[][]): Set<number> {
  const crowded = new Set<number>();
  const { keys, keyMeasures } = segment;
  for (let at = 0; at < keys.length; ) {
    let measures = 0;
    let end = at;
    for (; end < keys.length && keys[end] === keys[at]; end++) measures += copies[keyMeasures[end]!]!.length;
    if (measures > MAX_POSTINGS) crowded.add(keys[at]!);
    at = end;
  }
  return crowded;
}

function byMostHits(a: { hits: number }, b: { hits: number }): number {
  return b.hits - a.hits;
}

/**
 * The first `limit` measures before `before` in order of most hits, then place in the draft (as a
 * table of every measure ranks them): a content's hits go to each of its measures.
 */
function earliestWithMostHits(
  found: ReadonlyArray<{ content: number; hits: number }>,
  copies: readonly number[][],
  before: number,
  limit: number,
): Array<{ measure: number; content: number }> {
  const byHits = [...found].sort(byMostHits);
  const out: Array<{ measure: number; content: number }> = [];
  for (let from = 0; from < byHits.length && out.length < limit; ) {
    let to = from;
    while (to < byHits.length && byHits[to]!.hits === byHits[from]!.hits) to++;
    // The earliest measures of the contents with these hits, merged: each content's are in order.
    const next = new Array<number>(to - from).fill(0);
    while (out.length < limit) {
      let pick = -1;
      for (let k = from; k < to; k++) {
        const measure = copies[byHits[k]!.content]![next[k - from]!];
        if (measure !== undefined && measure < before && (pick < 0 || measure < copies[byHits[pick]!.content]![next[pick - from]!]!)) pick = k;
      }
      if (pick < 0) break;
      out.push({ measure: copies[byHits[pick]!.content]![next[pick - from]!++]!, content: byHits[pick]!.content });
    }
    from = to;
  }
  return out;
}
