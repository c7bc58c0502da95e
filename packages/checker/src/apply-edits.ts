import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, TextEdit } from './finding.js';

/**
 * Applies edits to `text` (ranges count from after a leading BOM, as the parser's do), keeping the BOM.
 * Identical edits collapse into one; the caller must not pass overlapping ones (see `selectFixes`).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom === '' ? text : text.slice(1);
  const unique = new Map<string, TextEdit>();
  for (const edit of edits) unique.set(JSON.stringify(edit), edit);
  const document = TextDocument.create('file:///text', 'plaintext', 0, body);
  return bom + TextDocument.applyEdits(document, [...unique.values()]);
}

interface Span {
  start: number;
  end: number;
  key: string;
  fix: number;
}

/** Whether two edits touch the same text: overlapping ranges, or two insertions at one point. */
function clash(a: Span, b: Span): boolean {
  if (a.key === b.key) return false; // the same edit proposed twice is applied once
  if (a.start < b.end && b.start < a.end) return true;
  return (a.start === a.end && a.start === b.start) || (b.start === b.end && b.start === a.start);
}

/**
 * Picks the fixes that can be applied together and returns their edits and how many fixes they are: in order, each fix whole or not at all, skipping one
 * whose edits clash with those of a fix already taken. What is skipped is picked up by the next pass,
 * once the text has been checked again. A sweep over the sorted edits finds the clashes, so tens of
 * thousands of fixes (one per pinyin annotation in a long plan) cost n log n, not n².
 */
export function selectFixes(text: string, fixes: readonly Fix[]): { edits: TextEdit[]; taken: number } {
  // A fix that several findings carry (each gap of a level carries the level's one renumbering) is
  // weighed once and counts once per finding: weighed per finding, its edits made millions of spans
  // in a plan of 5,000 headings out of order.
  const distinct = [...new Set(fixes)];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const document = TextDocument.create('file:///text', 'plaintext', 0, text.slice(bom));
  const spans: Span[] = distinct.flatMap((fix, i) =>
    fix.edits.map((edit) => ({
      start: document.offsetAt(edit.range.start),
      end: document.offsetAt(edit.range.end),
      key: JSON.stringify(edit),
      fix: i,
    })),
  );
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const clashes = new Map<number, Set<number>>();
  let active: Span[] = [];
  for (const span of spans) {
    active = active.filter((t) => t.end > span.start || t.start === span.start);
    for (const other of active) {
      if (other.fix === span.fix || !clash(span, other)) continue;
      for (const [a, b] of [[span.fix, other.fix], [other.fix, span.fix]] as const) {
        const set = clashes.get(a) ?? new Set<number>();
        set.add(b);
        clashes.set(a, set);
      }
    }
    active.push(span);
  }
  const taken = new Set<number>();
  const edits: TextEdit[] = [];
  distinct.forEach((fix, i) => {
    if ([...(clashes.get(i) ?? [])].some((j) => taken.has(j))) return;
    taken.add(i);
    // One at a time: spread into push, the edits of a fix that renumbers 100 000 nodes overflow the stack.
    for (const edit of fix.edits) edits.push(edit);
  });
  const takenFixes = new Set(distinct.filter((_, i) => taken.has(i)));
  return { edits, taken: fixes.filter((fix) => takenFixes.has(fix)).length };
}
