import { splitLines } from './lines.js';
import type { Range } from './model.js';
import { parseChineseNumeral } from './numerals.js';

/**
 * Citations in policy prose: 第3条, 第三条, 第3项, 第3点, 第二部分, 第（三）项, 第二部分第（三）项
 * (and 第二部分第（三）项第2条),
 * lists (第4条和第6条, 第4、6条), ranges (第3至5条, 第3—5条), each optionally led by 本方案/本措施…
 * or by 《title》, which points it into that plan; 《title》 alone cites a whole document.
 */

/** `part`: 第二部分; `bracketed`: 第（三）项 (a section, or a measure where （一） is the measure level); `measure`: 第3条. */
export type StepKind = 'part' | 'bracketed' | 'measure';

/** How a number was written, so an updated citation keeps its style. */
export type NumeralStyle = 'arabic' | 'fullwidth' | 'chinese';

export interface ReferenceStep {
  kind: StepKind;
  number: number;
  numeral: NumeralStyle;
  /** Where the number itself is written (without 第, brackets or unit). */
  numberRange: Range;
}

export interface ReferenceTarget {
  /** From the outermost level in: [part], [measure], [part, bracketed]… */
  steps: ReferenceStep[];
  /** The last number of a range (第3至5条 → 5), of the same kind as the last step. */
  through?: ReferenceStep;
  /** The text of this target: `第3条`, `6` in 第4、6条, `第3至5条`. */
  range: Range;
  /**
   * Set on the second and later numbers of a list (the 6 of 第4、6条, the （五） of 第（三）、（五）项),
   * which have no 第 and no unit of their own: the unit the list's numbers share.
   */
  listUnit?: string;
}

export interface PlanReference {
  /** The whole citation, 《title》 or 本方案 included. */
  range: Range;
  /** The cited plan, when a 《title》 leads the citation; null for the checked document itself. */
  document: { title: string; range: Range } | null;
  /** Empty for a citation of a whole document (《title》 alone). */
  targets: ReferenceTarget[];
}

/**
 * Ordinals that count something other than a plan's parts and measures: 第3季度, 2025年第1批,
 * 第三方, and words that merely start like a unit (第一项目, 第3条件, 第2条例). After one of these a
 * number is never a citation.
 */
export const NON_REFERENCE_COUNTERS = [
  '季度', '批', '次', '届', '期', '号', '名', '年', '轮', '个', '天', '周', '月', '日', '位', '家', '类',
  '阶段', '方', '章', '节', '页', '版', '代', '级', '档', '产业', '项目', '条件', '条例', '点位', '部分地区',
] as const;

const CN_DIGITS = '〇零一二两三四五六七八九十百千';
const NUMBER = new RegExp(`^(?:[0-9]{1,4}|[０-９]{1,4}|[${CN_DIGITS}]{1,6})`);
const OPEN = /^[（(]/;
const CLOSE = /^[）)]/;
const LIST_SEPARATOR = /^(?:、|，|,|和|及|与|或)/;
const RANGE_SEPARATOR = /^(?:至|到|—{1,2}|－|-|~|～|–)/;
const CHAIN_SEPARATOR = /^(?:以及|和|及|与|或|、|，|,)/;
const SELF_PREFIX = /(?:本(?:实施|行动|工作)?(?:方案|措施|意见|通知|办法|细则|规定|计划|规划))(?:中的|中|的)?$/;
const TITLE_GLUE = /^(?:中的|中|的)?/;
const MAX_TITLE = 100;

interface Cursor {
  line: string;
  lineIndex: number;
}

interface NumberToken {
  number: number;
  numeral: NumeralStyle;
  start: number;
  end: number;
  bracketed: boolean;
  /** End of the token, closing bracket included. */
  after: number;
}

/** Every citation in `text`, in order. Citations do not run over line breaks. */
export function findReferences(text: string): PlanReference[] {
  const found: PlanReference[] = [];
  for (const line of splitLines(text)) {
    const content = text.slice(line.start, line.end);
    if (!content.includes('第') && !content.includes('《')) continue;
    // One at a time: spread into push, a line of 200 000 citations would overflow the stack.
    for (const reference of referencesInLine({ line: content, lineIndex: line.index })) found.push(reference);
  }
  return found;
}

function referencesInLine(cursor: Cursor): PlanReference[] {
  const { line } = cursor;
  const found: PlanReference[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '《') {
      // Looked for only as far as a title can run: searching the whole rest of the line from every 《
      // made a long line of them quadratic.
      const inWindow = line.slice(i + 1, i + MAX_TITLE + 2).indexOf('》');
      const close = inWindow === -1 ? -1 : i + 1 + inWindow;
      if (close === -1) {
        i++;
        continue;
      }
      const title = { title: line.slice(i + 1, close), range: span(cursor, i + 1, close) };
      const glue = TITLE_GLUE.exec(line.slice(close + 1))![0].length;
      const chain = line[close + 1 + glue] === '第' ? parseChain(cursor, close + 1 + glue) : undefined;
      if (chain === undefined) {
        found.push({ range: span(cursor, i, close + 1), document: title, targets: [] });
        i = close + 1;
      } else {
        found.push({ range: span(cursor, i, chain.end), document: title, targets: chain.targets });
        i = chain.end;
      }
      continue;
    }
    if (c === '第') {
      const chain = parseChain(cursor, i);
      if (chain !== undefined) {
        const prefix = SELF_PREFIX.exec(line.slice(Math.max(0, i - 12), i));
        const start = prefix === null ? i : i - prefix[0].length;
        found.push({ range: span(cursor, start, chain.end), document: null, targets: chain.targets });
        i = chain.end;
        continue;
      }
    }
    i++;
  }
  return found;
}

/** Segments joined by 和/及/、: 第4条和第6条, 第二部分第（三）项和第（五）项 (the part carries over). */
function parseChain(cursor: Cursor, start: number): { targets: ReferenceTarget[]; end: number } | undefined {
  const first = parseSegment(cursor, start);
  if (first === undefined) return undefined;
  const targets = [...first.targets];
  let end = first.end;
  for (;;) {
    const separator = CHAIN_SEPARATOR.exec(cursor.line.slice(end));
    if (separator === null || cursor.line[end + separator[0].length] !== '第') break;
    const next = parseSegment(cursor, end + separator[0].length);
    if (next === undefined) break;
    const previous = targets[targets.length - 1]!;
    for (const target of next.targets) {
      // 第二部分第（三）项和第（五）项: a lone (五) belongs to the same part as (三).
      const inherit = previous.steps.length === 2 && target.steps.length === 1 && target.steps[0]!.kind === previous.steps[1]!.kind;
      targets.push(inherit ? { ...target, steps: [previous.steps[0]!, ...target.steps] } : target);
    }
    end = next.end;
  }
  return { targets, end };
}

/**
 * One 第…: a path (第二部分第（三）项), a number list (第4、6条) or a range (第3至5条). `within` is the kind
 * of the step this segment continues (第二部分 before 第（三）项): a path goes only downwards, so a segment
 * that cannot continue it is not read at all, and a path is at most three steps deep however many
 * 第二部分第二部分… a line repeats (reading them all, each inside the next, overflowed the stack).
 */
function parseSegment(cursor: Cursor, start: number, within?: StepKind): { targets: ReferenceTarget[]; end: number } | undefined {
  const { line } = cursor;
  const first = readNumber(line, start + 1);
  if (first === undefined) return undefined;
  if (!first.bracketed && startsWithCounter(line, first.after)) return undefined;
  if (first.bracketed && within === 'bracketed') return undefined;

  // 第二部分, maybe followed straight away by 第（三）项 or 第3条.
  if (!first.bracketed && first.numeral === 'chinese' && line.startsWith('部分', first.after)) {
    if (within !== undefined) return undefined;
    const part = step('part', first, cursor);
    const after = first.after + 2;
    if (line[after] === '第') {
      const inner = parseSegment(cursor, after, 'part');
      if (inner !== undefined) {
        return {
          targets: inner.targets.map((t, i) => ({ ...t, steps: [part, ...t.steps], range: i === 0 ? span(cursor, start, t.range.end.character) : t.range })),
          end: inner.end,
        };
      }
    }
    return { targets: [{ steps: [part], range: span(cursor, start, after) }], end: after };
  }

  // Numbers in a list or a range, then one unit for all of them.
  const numbers: NumberToken[] = [first];
  let rangeEnd: NumberToken | undefined;
  let at = first.after;
  for (;;) {
    const rest = line.slice(at);
    const range = RANGE_SEPARATOR.exec(rest);
    const list = range === null ? LIST_SEPARATOR.exec(rest) : null;
    const separator = range ?? list;
    if (separator === null) break;
    const next = readNumber(line, at + separator[0].length);
    if (next === undefined || next.bracketed !== first.bracketed) break;
    if (range !== null) {
      rangeEnd = next;
      at = next.after;
      break;
    }
    numbers.push(next);
    at = next.after;
  }
  const unit = unitAt(line, at, first.bracketed);
  if (unit === undefined) return undefined;
  const kind: StepKind = first.bracketed ? 'bracketed' : 'measure';
  const end = at + unit.length;
  // 第（三）项第2条: a measure inside a section.
  if (first.bracketed && numbers.length === 1 && rangeEnd === undefined && line[end] === '第') {
    const inner = parseSegment(cursor, end, 'bracketed');
    if (inner !== undefined) {
      const section = step(kind, first, cursor);
      return {
        targets: inner.targets.map((t, i) => ({ ...t, steps: [section, ...t.steps], range: i === 0 ? span(cursor, start, t.range.end.character) : t.range })),
        end: inner.end,
      };
    }
  }
  if (rangeEnd !== undefined) {
    return { targets: [{ steps: [step(kind, first, cursor)], through: step(kind, rangeEnd, cursor), range: span(cursor, start, end) }], end };
  }
  if (numbers.length === 1) return { targets: [{ steps: [step(kind, first, cursor)], range: span(cursor, start, end) }], end };
  return {
    targets: numbers.map((n, i) =>
      i === 0
        ? { steps: [step(kind, n, cursor)], range: span(cursor, start, n.after) }
        : { steps: [step(kind, n, cursor)], range: span(cursor, n.start - (n.bracketed ? 1 : 0), n.after), listUnit: unit },
    ),
    end,
  };
}

function readNumber(line: string, at: number): NumberToken | undefined {
  const open = OPEN.exec(line.slice(at, at + 1));
  const from = open === null ? at : at + 1;
  const m = NUMBER.exec(line.slice(from, from + 8));
  if (m === null) return undefined;
  const text = m[0];
  const numeral: NumeralStyle = /^[0-9]/.test(text) ? 'arabic' : /^[０-９]/.test(text) ? 'fullwidth' : 'chinese';
  const number =
    numeral === 'chinese'
      ? parseChineseNumeral(text)
      : Number.parseInt(numeral === 'fullwidth' ? text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : text, 10);
  if (number === undefined || number === 0) return undefined;
  const end = from + text.length;
  if (open === null) return { number, numeral, start: from, end, bracketed: false, after: end };
  if (CLOSE.exec(line.slice(end, end + 1)) === null) return undefined;
  return { number, numeral, start: from, end, bracketed: true, after: end + 1 };
}

function startsWithCounter(line: string, at: number): boolean {
  return NON_REFERENCE_COUNTERS.some((word) => line.startsWith(word, at));
}

function unitAt(line: string, at: number, bracketed: boolean): string | undefined {
  if (startsWithCounter(line, at)) return undefined;
  const units = bracketed ? ['项', '条'] : ['条', '项', '点'];
  return units.find((unit) => line.startsWith(unit, at));
}

function step(kind: StepKind, token: NumberToken, cursor: Cursor): ReferenceStep {
  return { kind, number: token.number, numeral: token.numeral, numberRange: span(cursor, token.start, token.end) };
}

function span(cursor: Cursor, start: number, end: number): Range {
  return { start: { line: cursor.lineIndex, character: start }, end: { line: cursor.lineIndex, character: end } };
}
