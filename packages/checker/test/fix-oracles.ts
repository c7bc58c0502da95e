import { blankCommentLines, findPinyinAnnotations, findReferences, matchMarker, parsePlan, splitLines, walkNodes, type Plan } from '@policylint/core';
import { resolveTarget } from '../src/index.js';
import { OWN_TITLE } from './defective-plan.js';

/**
 * What fixes and renumbering must keep, computed from the text alone with core's grammar: the text
 * without numbers, the tree's shape, and where the plan's own citations point.
 */

// Indentation and a Markdown heading's `#` before a marker, as the parser skips them.
const INDENT = /^[ \t\u3000]*(?:#{1,6}[ \t]+)?/;
// What joins the citations of a chain (第4条和第6条), as in core's references.ts.
const CHAIN_SEPARATOR = /^(?:以及|和|及|与|或|、|，|,)$/;

/**
 * The text without what a fix or a renumbering may change: heading markers (after indentation), the
 * document's citations of itself (those with no 《title》 or with its own, 本方案 and any part added in
 * front included) and inline pinyin annotations. Citations of other plans and anything in comment
 * lines stay. Written from the grammar in core (`matchMarker`, `findReferences`), not from the fixes.
 */
export function withoutNumbering(text: string, ownTitle: string = OWN_TITLE): string {
  // The parser reads the text after a BOM, as do the cuts below.
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const body = text.slice(bom.length);
  const visible = blankCommentLines(body);
  const lines = splitLines(visible);
  // [start, end, whether a citation]
  const cuts: Array<[number, number, boolean]> = [];
  for (const line of lines) {
    const content = visible.slice(line.start, line.end);
    const indent = INDENT.exec(content)![0].length;
    const marker = matchMarker(content.slice(indent));
    if (marker !== undefined) cuts.push([line.start + indent, line.start + indent + marker.text.length, false]);
    for (const spot of findPinyinAnnotations(content)) cuts.push([line.start + spot.start, line.start + spot.end, false]);
  }
  for (const { range, document } of findReferences(visible)) {
    if (document !== null && document.title !== ownTitle) continue;
    cuts.push([lines[range.start.line]!.start + range.start.character, lines[range.end.line]!.start + range.end.character, true]);
  }
  cuts.sort((x, y) => x[0] - y[0]);
  let out = bom;
  let at = 0;
  let afterCitation = false;
  for (const [start, end, citation] of cuts) {
    // A separator between two citations goes with them: renumbering may split one into two (第1、3条 → 第1条、本方案第2条).
    const between = body.slice(at, start);
    if (start > at && !(afterCitation && citation && CHAIN_SEPARATOR.test(between))) out += between;
    afterCitation = citation;
    at = Math.max(at, end);
  }
  return out + body.slice(at);
}

/**
 * Which node each of the text's own citations points at, as its position in document order
 * (renumbering changes numbers, never the tree), or null where it points nowhere. A 第N条 in a
 * comment line is no citation, nor is one of another plan. A range counts by its first number: before renumbering, in a document
 * whose numbers restart, its last number may have been found in another part than its first.
 */
function citedNodes(text: string): Array<number | null> {
  const body = blankCommentLines(text.replace(/^\ufeff/, ''));
  const self = { id: undefined, plan: parsePlan(body), text: body };
  const nodes = [...walkNodes(self.plan)].map((e) => e.node);
  // 《own title》 names the plan itself only where its title lines say so (not once they are moved into its body).
  const titled = self.plan.titles.some((t) => t.text === OWN_TITLE);
  const own = findReferences(body).filter((r) => r.document === null || (titled && r.document.title === OWN_TITLE));
  return own.flatMap((reference) =>
    reference.targets.map((target) => {
      const r = resolveTarget({ ...target, through: undefined }, self);
      return r.kind === 'resolved' && r.node !== undefined ? nodes.indexOf(r.node) : null;
    }),
  );
}

/** The citations that resolved in `before` and point elsewhere, or nowhere, in `after`: `citation i: node → node`. */
export function redirectedCitations(before: string, after: string): string[] {
  const now = citedNodes(after);
  return citedNodes(before).flatMap((cited, i) => (cited === null || now[i] === cited ? [] : [`citation ${i}: node ${cited} → ${now[i]}`]));
}

/** The tree's shape: each node's kind and depth, in document order (what renumbering must not change). */
export function outline(plan: Plan): string[] {
  return [...walkNodes(plan)].map(({ node, ancestors }) => `${'  '.repeat(ancestors.length)}${node.kind}`);
}
