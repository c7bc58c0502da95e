import { startsDamaged } from './damage.js';
import { cleanLine, findClosingStart, findNoticeTitles, findTitleRuns } from './front-and-back.js';
import { detectLineEnding, splitLines, type Line } from './lines.js';
import { blankNonPlanText } from './markdown-blocks.js';
import { matchMarker, type MarkerLevel, type MarkerMatch } from './markers.js';
import type { NodeKind, Plan, PlanNode, Range, Span, Title } from './model.js';
import { stripPinyin } from './pinyin.js';
import { splitSentences } from './sentences.js';
import { isWhiteSpaceCode } from './white-space.js';

/** A heading found on a line: its marker (absent for a recovered damaged heading) and where it starts. */
interface Heading {
  line: Line;
  /** Offset of the marker (after indentation and any Markdown `#`). */
  start: number;
  match: MarkerMatch | undefined;
  kind: NodeKind;
}

interface Builder {
  heading: Heading;
  number: number;
  /** Last line holding this node's own text (its heading or body lines). */
  lastOwnLine: Line;
  children: Builder[];
}

const RANK: Readonly<Record<NodeKind, number>> = { part: 1, section: 2, measure: 3, item: 4 };
const INDENT = /^[ \t\u3000]*(?:#{1,6}[ \t]+)?/;
const KINDS_WITH_NUMERAL_MEASURES: Readonly<Record<MarkerLevel, NodeKind>> = { 1: 'part', 2: 'section', 3: 'measure', 4: 'item' };
const KINDS_WITH_BRACKETED_MEASURES: Readonly<Record<MarkerLevel, NodeKind>> = { 1: 'part', 2: 'measure', 3: 'item', 4: 'item' };
const MAX_DAMAGED_HEADING_LENGTH = 60;

/**
 * Parses a policy text into its plan tree. Never throws: any text gives a plan, in the worst case one
 * whose preamble is the whole text. A leading BOM is dropped and ranges count from after it.
 * Front matter, fenced code blocks and whole-line HTML comments are not plan text (see `blankNonPlanText`).
 */
export function parsePlan(input: string): Plan {
  const bom = input.charCodeAt(0) === 0xfeff;
  const text = blankNonPlanText(bom ? input.slice(1) : input);
  const lines = splitLines(text);
  const found = findMarkers(text, lines);
  const measureLevel: 2 | 3 = found.some((h) => h.match.level === 3) ? 3 : 2;
  const kinds = measureLevel === 3 ? KINDS_WITH_NUMERAL_MEASURES : KINDS_WITH_BRACKETED_MEASURES;
  const marked: Heading[] = found.map((h) => ({ ...h, kind: kinds[h.match.level] }));
  const headings = measureLevel === 3 ? withDamagedSections(text, lines, marked) : marked;

  const first = headings[0];
  const base = { kind: 'plan' as const, measureLevel, lineEnding: detectLineEnding(text), bom };
  if (first === undefined) {
    const preamble = spanOf(text, lines, 0, lines.length);
    return { ...base, ...titlesOf(text, lines), preamble, children: [], closing: null };
  }

  const preambleLines = lines.slice(0, first.line.index);
  const closingLine = closingLineIndex(text, lines, headings);
  const children = buildTree(text, headings, lines, closingLine);
  inferDamagedNumbers(children);
  return {
    ...base,
    ...titlesOf(text, preambleLines),
    preamble: spanOf(text, lines, 0, first.line.index),
    children: children.map((b) => toNode(text, lines, b)),
    closing: spanOf(text, lines, closingLine, lines.length),
  };
}

function findMarkers(text: string, lines: readonly Line[]): Array<Omit<Heading, 'kind'> & { match: MarkerMatch }> {
  const found: Array<Omit<Heading, 'kind'> & { match: MarkerMatch }> = [];
  for (const line of lines) {
    const raw = text.slice(line.start, Math.min(line.end, line.start + 64));
    const indent = INDENT.exec(raw)![0].length;
    const match = matchMarker(raw.slice(indent));
    if (match !== undefined) found.push({ line, start: line.start + indent, match });
  }
  return found;
}

/**
 * Recovers section headings hidden by a wrong encoding conversion (`?。ㄒ唬┙ㄔO…` for `（一）建設…`):
 * a short damaged line counts as a section where its place makes that clear, that is right before a
 * measure and either just after its part heading or in a part that already has sections.
 */
function withDamagedSections(text: string, lines: readonly Line[], headings: readonly Heading[]): Heading[] {
  const out: Heading[] = [];
  let next = 0;
  let partHasSections = false;
  let measureSincePart = false;
  let previous: Heading | undefined;
  for (const line of lines) {
    const heading = headings[next];
    if (heading !== undefined && heading.line === line) {
      next++;
      if (heading.kind === 'part') {
        partHasSections = false;
        measureSincePart = false;
      }
      if (heading.kind === 'section') partHasSections = true;
      if (heading.kind === 'measure') measureSincePart = true;
      out.push(heading);
      previous = heading;
      continue;
    }
    if (previous === undefined || heading?.kind !== 'measure') continue;
    const sectionExpected = (previous.kind === 'part' && !measureSincePart) || (partHasSections && measureSincePart);
    if (!sectionExpected) continue;
    const raw = text.slice(line.start, line.end);
    const indent = INDENT.exec(raw)![0].length;
    // Judged without pinyin annotations, so that removing them (the text-encoding fix) keeps the tree.
    // A line this long holds more than a heading's characters however many annotations it carries.
    const content = stripPinyin(raw.slice(indent, indent + MAX_DAMAGED_HEADING_LENGTH * 16));
    const shortHeadingLike = content.length <= MAX_DAMAGED_HEADING_LENGTH && content.indexOf('。', 2) === -1;
    if (startsDamaged(content) && shortHeadingLike) {
      const recovered: Heading = { line, start: line.start + indent, match: undefined, kind: 'section' };
      out.push(recovered);
      previous = recovered;
      partHasSections = true;
    }
  }
  return out;
}

/**
 * The first line of the closing. After a measure whose heading line already holds its tasks, in a
 * document whose such measures never run on, every later line is closing; otherwise the closing starts
 * where an entry-into-force sentence, an issuer above a date, a date or a publication note does.
 */
function closingLineIndex(text: string, lines: readonly Line[], headings: readonly Heading[]): number {
  const last = headings[headings.length - 1]!;
  const trailing = lines.slice(last.line.index + 1);
  const patternStart = last.line.index + 1 + findClosingStart(text, trailing);
  if (last.kind !== 'measure' && last.kind !== 'item') return patternStart;
  if (isTitleOnly(text, last) || tasksRunOn(text, lines, headings)) return patternStart;
  const firstContent = trailing.find((line) => line.end > line.start && cleanLine(text.slice(line.start, line.end)) !== '');
  return Math.min(patternStart, firstContent?.index ?? lines.length);
}

function isTitleOnly(text: string, heading: Heading): boolean {
  const content = text.slice(heading.start + (heading.match?.text.length ?? 0), heading.line.end);
  const stop = content.indexOf('。');
  return stop === -1 || content.slice(stop + 1).trim() === '';
}

/** Whether some measure or item (not the last) has tasks on its heading line and more lines below. */
function tasksRunOn(text: string, lines: readonly Line[], headings: readonly Heading[]): boolean {
  for (let i = 0; i + 1 < headings.length; i++) {
    const heading = headings[i]!;
    if (heading.kind !== 'measure' && heading.kind !== 'item') continue;
    if (isTitleOnly(text, heading)) continue;
    for (let l = heading.line.index + 1; l < headings[i + 1]!.line.index; l++) {
      const line = lines[l]!;
      if (text.slice(line.start, line.end).trim() !== '') return true;
    }
  }
  return false;
}

function buildTree(text: string, headings: readonly Heading[], lines: readonly Line[], closingLine: number): Builder[] {
  const roots: Builder[] = [];
  const stack: Builder[] = [];
  let next = 0;
  for (let i = headings[0]!.line.index; i < closingLine; i++) {
    const line = lines[i]!;
    const heading = headings[next];
    if (heading !== undefined && heading.line === line) {
      next++;
      const builder: Builder = { heading, number: heading.match?.number ?? 0, lastOwnLine: line, children: [] };
      while (stack.length > 0 && RANK[stack[stack.length - 1]!.heading.kind] >= RANK[heading.kind]) stack.pop();
      const parent = stack[stack.length - 1];
      (parent === undefined ? roots : parent.children).push(builder);
      stack.push(builder);
    } else if (stack.length > 0 && hasContent(text, line)) {
      // Body text always belongs to the latest heading: anything deeper would have been pushed after it.
      stack[stack.length - 1]!.lastOwnLine = line;
    }
  }
  return roots;
}

// A line of white space (or a blanked comment) is not body text: as the last line, it would end the node before its own start.
function hasContent(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) if (!isWhiteSpaceCode(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Gives recovered headings the number their place implies: one more than the section before them in
 * the part, one less than the section after, or (first in the part) 1 where sections restart per part
 * and the previous section's number plus one where they count through the document.
 */
function inferDamagedNumbers(roots: Builder[]): void {
  const sectionsByPart: Builder[][] = [];
  const collect = (nodes: Builder[], into: Builder[]): void => {
    for (const node of nodes) {
      if (node.heading.kind === 'section') into.push(node);
      else if (node.heading.kind === 'part') {
        const own: Builder[] = [];
        sectionsByPart.push(own);
        collect(node.children, own);
      }
    }
  };
  const loose: Builder[] = [];
  sectionsByPart.push(loose);
  collect(roots, loose);
  const countsThrough = sectionsByPart.some((s) => s[0] !== undefined && s[0].heading.match !== undefined && s[0].number > 1);
  let previousInDocument: Builder | undefined;
  for (const sections of sectionsByPart) {
    sections.forEach((section, i) => {
      if (section.heading.match === undefined) {
        const before = sections[i - 1];
        const afterIndex = sections.findIndex((s, j) => j > i && s.heading.match !== undefined);
        if (before !== undefined) section.number = before.number + 1;
        else if (afterIndex !== -1) section.number = Math.max(1, sections[afterIndex]!.number - (afterIndex - i));
        else section.number = countsThrough && previousInDocument !== undefined ? previousInDocument.number + 1 : 1;
      }
      previousInDocument = section;
    });
  }
}

function toNode(text: string, lines: readonly Line[], builder: Builder): PlanNode {
  const { heading } = builder;
  const children = builder.children.map((child) => toNode(text, lines, child));
  const markerText = heading.match?.text ?? '';
  const titleStart = heading.start + markerText.length;
  const lineEnd = trimEnd(text, titleStart, heading.line.end);
  // Looked for on the heading line only: searched for to the end of the text, a plan of headings without
  // a 。 took time quadratic in its length.
  const stopInLine = heading.match === undefined ? -1 : text.slice(titleStart, lineEnd).indexOf('。');
  const stop = stopInLine === -1 ? -1 : titleStart + stopInLine;
  const titleEnd = stop !== -1 ? trimEnd(text, titleStart, stop) : lineEnd;
  const bodyStart = stop !== -1 ? stop + 1 : lineEnd;
  const bodyEnd = trimEnd(text, bodyStart, builder.lastOwnLine.end);
  const lastLine = children.length > 0 ? children[children.length - 1]!.range.end : at(builder.lastOwnLine, bodyEnd);
  return {
    kind: heading.kind,
    number: builder.number,
    marker: {
      text: markerText,
      form: heading.match?.form ?? null,
      level: heading.match?.level ?? 2,
      range: rangeOf(heading.line, heading.start, titleStart),
    },
    title: text.slice(titleStart, titleEnd),
    titleRange: rangeOf(heading.line, titleStart, titleEnd),
    body: normalizeBreaks(text.slice(bodyStart, bodyEnd).trim()),
    sentences: splitSentences(text, bodyStart, bodyEnd).map((s) => spanAt(text, lines, s.start, s.end)),
    damaged: heading.match === undefined,
    range: { start: at(heading.line, heading.start), end: lastLine },
    children,
  };
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isWhiteSpaceCode(text.charCodeAt(e - 1))) e--;
  return e;
}

function normalizeBreaks(text: string): string {
  // Most spans are one line's sentence: no regular expression for them.
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function at(line: Line, offset: number): Range['start'] {
  return { line: line.index, character: offset - line.start };
}

function rangeOf(line: Line, start: number, end: number): Range {
  return { start: at(line, start), end: at(line, end) };
}

/** A span of text[start, end), which may run over several lines. */
function spanAt(text: string, lines: readonly Line[], start: number, end: number): Span {
  return { text: normalizeBreaks(text.slice(start, end)), range: { start: positionAt(lines, start), end: positionAt(lines, end) } };
}

function positionAt(lines: readonly Line[], offset: number): Range['start'] {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  const line = lines[low]!;
  return { line: line.index, character: Math.min(offset, line.end) - line.start };
}

/** The text of lines [from, to), trimmed of blank lines and surrounding space; null when empty. */
function spanOf(text: string, lines: readonly Line[], from: number, to: number): Span | null {
  if (from >= to) return null;
  const start = lines[from]!.start;
  const end = lines[to - 1]!.end;
  let s = start;
  while (s < end && isWhiteSpaceCode(text.charCodeAt(s))) s++;
  const e = trimEnd(text, s, end);
  return e > s ? spanAt(text, lines, s, e) : null;
}

function titlesOf(text: string, lines: readonly Line[]): { title: string | null; titles: Title[] } {
  const titles: Title[] = [];
  for (const run of findTitleRuns(text, lines)) {
    const ranges = run.lines.map((line) => trimmedLineRange(text, line));
    const joined = run.lines.map((line) => text.slice(line.start, line.end).trim()).join('');
    titles.push({ text: joined, source: 'heading', ranges });
  }
  for (const line of lines) {
    for (const spot of findNoticeTitles(text.slice(line.start, line.end))) {
      titles.push({
        text: text.slice(line.start + spot.start, line.start + spot.end),
        source: 'notice',
        ranges: [rangeOf(line, line.start + spot.start, line.start + spot.end)],
      });
    }
  }
  return { title: primaryTitle(titles), titles };
}

/** The plan's own title among those found: its last heading title, else the first 《》 one. */
export function primaryTitle(titles: readonly Title[]): string | null {
  const heading = titles.filter((t) => t.source === 'heading').pop();
  return (heading ?? titles[0])?.text ?? null;
}

function trimmedLineRange(text: string, line: Line): Range {
  let s = line.start;
  while (s < line.end && isWhiteSpaceCode(text.charCodeAt(s))) s++;
  return { start: { line: line.index, character: s - line.start }, end: { line: line.index, character: trimEnd(text, s, line.end) - line.start } };
}

/**
 * The titles of a plan (see `Plan.titles`) without parsing all of it: only the text before its first
 * heading is read, which is where titles are. For indexing a large corpus by title.
 */
export function planTitles(input: string): Title[] {
  const text = blankNonPlanText(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  for (const line of splitLines(text)) {
    const raw = text.slice(line.start, Math.min(line.end, line.start + 64));
    if (matchMarker(raw.slice(INDENT.exec(raw)![0].length)) !== undefined) return parsePlan(text.slice(0, line.start)).titles;
  }
  return parsePlan(text).titles;
}
