import type { Range } from '@policylint/core';
import type { Finding } from './finding.js';

/**
 * Inline suppression comments, each alone on its line (the parser reads such lines as no plan text):
 * `<!-- policylint-disable-next-line rule-id … -->` hides the next line's findings,
 * `<!-- policylint-disable rule-id … -->` those of the lines below it until
 * `<!-- policylint-enable rule-id … -->`. Without rule ids they mean every rule. Ids may be separated
 * by spaces or commas, and ` -- ` starts a reason that is not read.
 */
export const DIRECTIVE_KINDS = ['disable', 'enable', 'disable-next-line'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

export interface DirectiveRule {
  id: string;
  range: Range;
}

export interface Directive {
  kind: DirectiveKind;
  line: number;
  /** The rule ids it names; empty: every rule. */
  rules: DirectiveRule[];
  /** The comment. */
  range: Range;
}

/** A `policylint-…` comment whose kind is none of DIRECTIVE_KINDS (`policylint-disable-line`, a typo). */
export interface UnknownDirective {
  name: string;
  range: Range;
}

// The comment is cut out of its line by hand, not by one regex: `<!--\s*policylint-…(?:\s+(body))?\s*-->`
// tried every split of a run of spaces between its three space patterns, and took minutes on a line of a
// few thousand spaces with no `-->`. Each pattern here is anchored and has one way to match.
const INDENT = /^[ \t\u3000]*/;
const SPACE_CHARS = ' \t\u3000';
const NAME = /^\s*policylint-([a-z-]+)/;
const REASON = /(?:^|\s)--(?:\s|$)/;
const RULE_ID = /[^\s,]+/g;

/** The directives of a text, in line order, and the `policylint-` comments that are none. */
export function parseDirectives(text: string): { directives: Directive[]; unknown: UnknownDirective[] } {
  const directives: Directive[] = [];
  const unknown: UnknownDirective[] = [];
  if (!text.includes('policylint-')) return { directives, unknown };
  // Only lines with a comment are read: splitting a long plan into lines would cost more than the rest.
  let line = 0;
  let counted = 0;
  for (let at = text.indexOf('<!--'); at !== -1; ) {
    line += lineBreaks(text, counted, at);
    counted = at;
    const end = lineEnd(text, at);
    const found = readDirective(text.slice(lineStart(text, at), end), line);
    if (found !== undefined && 'kind' in found) directives.push(found);
    else if (found !== undefined) unknown.push(found);
    at = text.indexOf('<!--', end);
  }
  return { directives, unknown };
}

/** The directive a line holds, an unknown one, or undefined when the line is no `policylint-` comment. */
function readDirective(content: string, line: number): Directive | UnknownDirective | undefined {
  const comment = readComment(content);
  if (comment === undefined) return undefined;
  const span = (from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });
  const range = span(comment.start, comment.end);
  const { name, body, bodyStart: idsStart } = comment;
  if (!(DIRECTIVE_KINDS as readonly string[]).includes(name)) return { name, range };
  const reason = REASON.exec(body);
  const rules = [...(reason === null ? body : body.slice(0, reason.index)).matchAll(RULE_ID)].map((id) => ({
    id: id[0],
    range: span(idsStart + id.index, idsStart + id.index + id[0].length),
  }));
  return { kind: name as DirectiveKind, line, rules, range };
}

/**
 * A `<!-- policylint-name body -->` comment that fills the line (indentation and trailing spaces aside)
 * and holds no other `-->`: where it starts and ends, its name, and its body trimmed of white space.
 */
function readComment(content: string): { start: number; end: number; name: string; body: string; bodyStart: number } | undefined {
  const start = INDENT.exec(content)![0].length;
  let end = content.length;
  while (end > start && SPACE_CHARS.includes(content[end - 1]!)) end--;
  if (end - start < 7 || !content.startsWith('<!--', start) || !content.endsWith('-->', end)) return undefined;
  const inner = content.slice(start + 4, end - 3);
  if (inner.includes('-->')) return undefined;
  const name = NAME.exec(inner);
  if (name === null) return undefined;
  const rest = inner.slice(name[0].length);
  // The name runs up to white space or the comment's end; the body is one line of text (no U+2028/9).
  if (rest !== '' && !/^\s/.test(rest)) return undefined;
  const body = rest.trim();
  if (/[\u2028\u2029]/.test(body)) return undefined;
  const bodyStart = start + 4 + name[0].length + (rest.length - rest.trimStart().length);
  return { start, end, name: name[1]!, body, bodyStart };
}

/** How many line breaks (LF, CRLF or a lone CR, as `splitLines` counts them) text[from, to) holds. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function lineStart(text: string, from: number): number {
  let i = from;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Which directive turned a rule off where a finding starts, as `${directive index}:${rule id or *}`. */
type Use = string;

interface BlockState {
  /** The line of the directive that set this state; it holds from the line after. */
  line: number;
  /** The `disable` without ids in force, by index. */
  all: number | undefined;
  /** Rules turned off by name, with the directive that did it. */
  off: Map<string, number>;
  /** Rules turned back on by name while `all` is in force. */
  on: Set<string>;
}

export interface Suppression {
  /** The findings no directive hides, in their order. */
  kept: Finding[];
  /** The findings directives hid. */
  hidden: Finding[];
  /** Whether directive `index` hid a finding of `ruleId` (`*`: of any rule, for a directive without ids). */
  used(index: number, ruleId: string): boolean;
}

/** Hides the findings that directives turn off, and tells which directives hid something. */
export function suppress(findings: readonly Finding[], directives: readonly Directive[]): Suppression {
  const states = blockStates(directives);
  const nextLine = new Map<number, number[]>();
  directives.forEach((d, i) => {
    if (d.kind === 'disable-next-line') nextLine.set(d.line + 1, [...(nextLine.get(d.line + 1) ?? []), i]);
  });
  const uses = new Set<Use>();
  const kept: Finding[] = [];
  const hidden: Finding[] = [];
  for (const finding of findings) {
    const use = nextLineUse(finding, nextLine, directives) ?? blockUse(finding, states);
    if (use === undefined) {
      kept.push(finding);
    } else {
      hidden.push(finding);
      uses.add(use);
    }
  }
  return {
    kept,
    hidden,
    used: (index, ruleId) => uses.has(`${index}:${ruleId}`),
  };
}

function nextLineUse(finding: Finding, nextLine: ReadonlyMap<number, number[]>, directives: readonly Directive[]): Use | undefined {
  for (const index of nextLine.get(finding.range.start.line) ?? []) {
    const { rules } = directives[index]!;
    if (rules.length === 0) return `${index}:*`;
    if (rules.some((r) => r.id === finding.ruleId)) return `${index}:${finding.ruleId}`;
  }
  return undefined;
}

function blockUse(finding: Finding, states: readonly BlockState[]): Use | undefined {
  const state = stateAt(states, finding.range.start.line);
  if (state === undefined) return undefined;
  const byName = state.off.get(finding.ruleId);
  if (byName !== undefined) return `${byName}:${finding.ruleId}`;
  if (state.all !== undefined && !state.on.has(finding.ruleId)) return `${state.all}:*`;
  return undefined;
}

/** The state after each `disable` and `enable`, in line order. */
function blockStates(directives: readonly Directive[]): BlockState[] {
  const states: BlockState[] = [];
  let all: number | undefined;
  const off = new Map<string, number>();
  const on = new Set<string>();
  directives.forEach((d, index) => {
    if (d.kind === 'disable-next-line') return;
    const ids = d.rules.map((r) => r.id);
    if (d.kind === 'disable' && ids.length === 0) {
      all = index;
      on.clear();
    } else if (d.kind === 'disable') {
      for (const id of ids) {
        off.set(id, index);
        on.delete(id);
      }
    } else if (ids.length === 0) {
      all = undefined;
      off.clear();
      on.clear();
    } else {
      for (const id of ids) {
        off.delete(id);
        if (all !== undefined) on.add(id);
      }
    }
    states.push({ line: d.line, all, off: new Map(off), on: new Set(on) });
  });
  return states;
}

/** The last state set on a line above `line`. */
function stateAt(states: readonly BlockState[], line: number): BlockState | undefined {
  let low = 0;
  let high = states.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (states[mid]!.line < line) low = mid + 1;
    else high = mid;
  }
  return states[low - 1];
}
