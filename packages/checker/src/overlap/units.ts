import { nodesOfKind, type Plan, type PlanNode, type Range } from '@policylint/core';
import type { OverlapParams } from './params.js';
import { matchKey } from './match-key.js';
import { setId, shingles, unionSorted } from './shingle.js';

/** A sentence of a measure with its shingles. */
export interface SentenceUnit {
  text: string;
  range: Range;
  shingles: Uint32Array;
}

/** A measure as overlap sees it: its sentences, its short titles' shingles, and all of them together. */
export interface MeasureUnit {
  node: PlanNode;
  sentences: SentenceUnit[];
  /** Shingles of titles not compared as sentences: they count only toward the whole measure. */
  titleShingles: Uint32Array;
  shingles: Uint32Array;
  /**
   * `measureContent` of the title set and sentences, made once and read by every cache of measure
   * results. Derived, as `shingles` is: a unit made otherwise than by `measureUnits` sets both.
   */
  content: string;
}

// A sentence wholly in brackets is an aside, not a task: （负责部门：商务部） after every measure of
// 国发〔2018〕38号 would otherwise make them all repeats of each other.
const ASIDE = /^[（(][^（()）]*[）)][。；;]?$/u;
const LONG_TITLE = 20;

function isAside(text: string): boolean {
  // Only a text that opens with a bracket can be one: most are not tried at all.
  const first = text.trimStart().charCodeAt(0);
  return (first === 0xff08 || first === 0x28) && ASIDE.test(text.trim());
}

// Shingles by sentence text (one table per n): plans repeat their boilerplate, and an editor re-checks
// a whole draft on each keystroke with all sentences but one unchanged; the match key (OpenCC and
// synonym folding) is most of the cost. Bounded, oldest out first. Equal texts share one array,
// which nothing changes.
const keyedByN = new Map<number, Map<string, { keyLength: number; set: Uint32Array }>>();
const MAX_KEYED = 8192;

function keyedShingles(text: string, n: number): { keyLength: number; set: Uint32Array } {
  let keyed = keyedByN.get(n);
  if (keyed === undefined) keyedByN.set(n, (keyed = new Map()));
  // Looked up by the text as it is, a slice of its document.
  let found = keyed.get(text);
  if (found === undefined) {
    const key = matchKey(text);
    found = { keyLength: key.length, set: shingles(key, n) };
    if (keyed.size >= MAX_KEYED) keyed.delete(keyed.keys().next().value!);
    // Kept under a copy (the slice drops the space): V8 keeps a long string alive through any slice
    // or concatenation of it, and a remembered sentence must not hold its whole document.
    keyed.set(` ${text}`.slice(1), found);
  }
  return found;
}

/**
 * The measures of a plan, cut into sentences: its tasks and those of its items. Titles count toward
 * the whole measure; as sentences of their own only with `titlePairs` or when long, since two measures
 * with the same short title (优化政务服务水平) and different tasks share a topic, not a measure.
 */
export function measureUnits(plan: Plan, params: Pick<OverlapParams, 'n' | 'titlePairs'>): MeasureUnit[] {
  return nodesOfKind(plan, 'measure').map((node) => {
    const sentences: SentenceUnit[] = [];
    const titles: Uint32Array[] = [];
    const add = (text: string, range: Range, into: 'sentence' | 'title'): void => {
      if (isAside(text)) return;
      const { keyLength, set } = keyedShingles(text, params.n);
      if (keyLength === 0) return;
      // A long title is a task written as a heading (国发〔2018〕38号 puts whole measures there).
      if (into === 'title' && !params.titlePairs && keyLength < LONG_TITLE) titles.push(set);
      else sentences.push({ text, range, shingles: set });
    };
    const visit = (n: PlanNode): void => {
      add(n.title, n.titleRange, 'title');
      for (const s of n.sentences) add(s.text, s.range, 'sentence');
      n.children.forEach(visit);
    };
    visit(node);
    const titleShingles = titles.length <= 1 ? (titles[0] ?? NO_TITLES) : union(`t${titles.map(setId).join(',')}`, titles);
    const content = measureContent({ titleShingles, sentences });
    return { node, titleShingles, sentences, content, shingles: union(`m${content}`, [titleShingles, ...sentences.map((s) => s.shingles)]) };
  });
}

const NO_TITLES = new Uint32Array(0);
// Unions by the sets they unite: copies of a measure (and, in an editor, the measures an edit left
// alone) share one instead of merging and sorting their sets again. Bounded, oldest out first.
const unions = new Map<string, Uint32Array>();
const MAX_UNIONS = 2048;

function union(key: string, sets: readonly Uint32Array[]): Uint32Array {
  let found = unions.get(key);
  if (found === undefined) {
    found = unionSorted(sets);
    if (unions.size >= MAX_UNIONS) unions.delete(unions.keys().next().value!);
    unions.set(key, found);
  }
  return found;
}

/**
 * What a measure's shingles are made of, as a short string: the numbers (`setId`) of its title set and
 * its sentences' sets, in order. Equal for copies of a measure, so results can be remembered by it;
 * sets cut differently into sentences give another.
 */
export function measureContent(unit: Pick<MeasureUnit, 'titleShingles' | 'sentences'>): string {
  let key = String(setId(unit.titleShingles));
  for (const sentence of unit.sentences) key += `,${setId(sentence.shingles)}`;
  return key;
}
