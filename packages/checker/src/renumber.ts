import {
  CANONICAL_FORMS,
  formatMarker,
  toChineseNumeral,
  type MarkerLevel,
  type NodeKind,
  type NumeralStyle,
  type Plan,
  type PlanNode,
  type PlanReference,
  type Position,
  type ReferenceStep,
  type StepKind,
  walkNodes,
} from '@policylint/core';
import type { TextEdit } from './finding.js';
import type { LevelAnalysis, NumberingAnalysis } from './numbering/analysis.js';
import { findPath } from './resolve-reference.js';

/** A node whose number renumbering changes. */
export interface NumberMove {
  kind: NodeKind;
  node: PlanNode;
  from: number;
  to: number;
}

export interface RenumberResult {
  edits: TextEdit[];
  moves: NumberMove[];
}

const KINDS: readonly NodeKind[] = ['part', 'section', 'measure', 'item'];

/**
 * The edits that renumber one level by position in its scope. With `normalizeForms`, every marker
 * also takes the level's target form (`(二)` → `（二）`, `8、` → `8.`); without, each keeps its own.
 * Headings recovered from damaged text have no marker to edit and are left as they are.
 */
export function renumberLevelEdits(level: LevelAnalysis, options: { normalizeForms: boolean }): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const { node, ordinal } of level.entries) {
    if (node.marker.form === null) continue;
    const newText = markerFor(node, ordinal, options.normalizeForms ? level.targetForm : undefined);
    if (newText !== node.marker.text) edits.push({ range: node.marker.range, newText });
  }
  return edits;
}

/** The nodes of one level whose number renumbering changes. */
export function levelMoves(level: LevelAnalysis): NumberMove[] {
  return level.entries.flatMap(({ node, ordinal }) => (node.number === ordinal ? [] : [{ kind: level.kind, node, from: node.number, to: ordinal }]));
}

/**
 * Renumbers every level by the conventions in `analysis`, gives each marker its level's form, and
 * makes the document's citations of its own moved nodes (`selfReferences`) follow them.
 */
export function renumberPlan(plan: Plan, analysis: NumberingAnalysis, selfReferences: readonly PlanReference[]): RenumberResult {
  const edits: TextEdit[] = [];
  const moves: NumberMove[] = [];
  // Appended one at a time: spread into push, the edits of a plan of 200 000 headings overflow the stack.
  const append = <T>(to: T[], items: readonly T[]): void => {
    for (const item of items) to.push(item);
  };
  for (const kind of KINDS) {
    append(edits, renumberLevelEdits(analysis[kind], { normalizeForms: true }));
    append(moves, levelMoves(analysis[kind]));
  }
  append(edits, citationEdits(plan, selfReferences, moves));
  return { edits, moves };
}

/**
 * The edits that make citations of the document's own nodes follow a renumbering: `第5条` becomes
 * `第4条` when measure 5 moves to 4, in the citation's own numeral style (5, ５ or 五). Where numbers
 * restart in each part, a lone `第2条` could afterwards name an earlier measure 2; such a citation
 * gets its part as well (`第二部分第2条`), so it keeps pointing where it did, and a list it is in
 * breaks up around it (`第1、11条` → `第1条、第二部分第2条`). A path whose part no longer names
 * its measure gets the section too (`第三部分第1条` → `第三部分第（二）项第1条`, see `followPath`).
 * The parts and sections these prefixes name are added to `named`, when given.
 */
export function citationEdits(plan: Plan, selfReferences: readonly PlanReference[], moves: readonly NumberMove[], named?: Set<PlanNode>): TextEdit[] {
  if (moves.length === 0) return [];
  const moved = new Map(moves.map((m) => [m.node, m.to]));
  const renumbered = (node: PlanNode): number => moved.get(node) ?? node.number;
  const ancestorsOf = new Map<PlanNode, readonly PlanNode[]>();
  // The first node of each kind and new number in the plan and in each of its parts and sections, looked
  // up rather than searched for: a search per citation was quadratic in a plan citing itself throughout.
  const firsts = new Map<PlanNode | undefined, Map<string, PlanNode>>();
  const numberKey = (node: PlanNode): string => `${node.kind}:${renumbered(node)}`;
  for (const { node, ancestors } of walkNodes(plan)) {
    ancestorsOf.set(node, ancestors);
    for (const scope of [undefined, ...ancestors]) {
      let byNumber = firsts.get(scope);
      if (byNumber === undefined) firsts.set(scope, (byNumber = new Map()));
      if (!byNumber.has(numberKey(node))) byNumber.set(numberKey(node), node);
    }
  }
  // What a citation of `node` by its new number, inside `scope`, would name after renumbering.
  const firstAfter = (node: PlanNode, scope: PlanNode | undefined): PlanNode | undefined => firsts.get(scope)?.get(numberKey(node));

  const edits: TextEdit[] = [];
  const follow = (path: readonly ReferenceStep[]): void => {
    const node = findPath(plan, path);
    const to = node === undefined ? undefined : moved.get(node);
    const step = path[path.length - 1]!;
    if (to !== undefined) edits.push({ range: step.numberRange, newText: writeNumber(to, step.numeral) });
  };
  /**
   * A path (第三部分第1条) is read inside its part, where after renumbering another measure may be the
   * first with its number: where measures restart in each section, 第三部分第1条 then names the first
   * section's. Such a path gets its section (第三部分第（二）项第1条). A number that reads on from the
   * path before it (a list's 2 in 第三部分第1、2条, the 第2条 of 第三部分第1条和第2条) is written out in
   * full when it is taken too, or when that path was lengthened. The insertions, or undefined for none.
   */
  const followPath = (reference: PlanReference, i: number, node: PlanNode, afterLengthened: boolean): TextEdit[] | undefined => {
    const target = reference.targets[i]!;
    const last = target.steps[target.steps.length - 1]!;
    const taken = firstAfter(node, findPath(plan, target.steps.slice(0, -1))) !== node;
    // Its first step is written before its own text: it reads on from the number before it.
    const readsOn = target.steps[0]!.numberRange.start.character < target.range.start.character;
    if (readsOn && (taken || afterLengthened)) {
      const qualifier = firstAfter(node, undefined) === node ? undefined : qualify(node, ancestorsOf.get(node) ?? [], renumbered, firstAfter);
      for (const name of qualifier?.names ?? []) named?.add(name);
      const prefix = qualifier?.text ?? selfName(plan);
      if (target.listUnit === undefined) return [insert(target.range.start, prefix)];
      return [insert(reference.targets[i - 1]!.range.end, target.listUnit), insert(target.range.start, `${prefix}第`)];
    }
    if (!taken || readsOn || last.kind !== 'measure' || target.steps.length !== 2 || target.steps[0]!.kind !== 'part') return undefined;
    const section = (ancestorsOf.get(node) ?? []).find((a) => a.kind === 'section');
    if (section === undefined || firstAfter(node, section) !== node) return undefined;
    named?.add(section);
    // Before the measure's own 第.
    const at = { line: last.numberRange.start.line, character: last.numberRange.start.character - 1 };
    return [insert(at, `第（${chineseNumber(renumbered(section))}）项`)];
  };

  for (const reference of selfReferences) {
    // Numbers of the same kind after a qualifier are read inside its part (第二部分第2、3条,
    // 第二部分第2条和第3条), so once one is written, every later lone one gets its own 第, unit and
    // qualifier: 第1、11、3条 → 第1条、第二部分第2条、第一部分第3条.
    let qualifiedKind: StepKind | undefined;
    // Set once a path of this citation was given more of itself: the numbers that read on from it
    // (第三部分第1、2条, 第三部分第1条和第2条) would be read inside what it now names, so each states its own.
    let pathLengthened = false;
    reference.targets.forEach((target, i) => {
      const node = findPath(plan, target.steps);
      if (node !== undefined && target.steps.length > 1) {
        const lengthened = followPath(reference, i, node, pathLengthened);
        if (lengthened !== undefined) {
          edits.push(...lengthened);
          pathLengthened = true;
        }
      }
      const lone = target.steps.length === 1 && node !== undefined && node.kind !== 'part';
      const afterQualified = lone && target.steps[0]!.kind === qualifiedKind;
      const qualifier = lone && (afterQualified || firstAfter(node, undefined) !== node) ? qualify(node, ancestorsOf.get(node) ?? [], renumbered, firstAfter) : undefined;
      // A node before the first part has no part to be named by; after a qualified number it would be
      // read inside that part, so it starts a citation of its own (第二部分第1条、本方案第2条).
      const prefix = qualifier?.text ?? (afterQualified ? selfName(plan) : undefined);
      // Inserts go before the number's own edit: an insert and a replace at one point apply in that order.
      if (prefix !== undefined) {
        qualifiedKind = qualifier === undefined ? undefined : target.steps[0]!.kind;
        if (target.listUnit === undefined) edits.push(insert(target.range.start, prefix));
        else {
          // A later number of a list (the 11 of 第1、11条) stands alone: the number before it takes the unit.
          edits.push(insert(reference.targets[i - 1]!.range.end, target.listUnit), insert(target.range.start, `${prefix}第`));
        }
        for (const node of qualifier?.names ?? []) named?.add(node);
      }
      target.steps.forEach((_, depth) => follow(target.steps.slice(0, depth + 1)));
      if (target.through !== undefined) follow([...target.steps.slice(0, -1), target.through]);
    });
  }
  return edits;
}

/**
 * The shortest prefix that makes a lone citation of `node` name it again: its part (第二部分), or its
 * part and section (第二部分第（一）项), with the nodes it names. Undefined when neither does.
 */
function qualify(
  node: PlanNode,
  ancestors: readonly PlanNode[],
  renumbered: (node: PlanNode) => number,
  firstAfter: (node: PlanNode, scope: PlanNode | undefined) => PlanNode | undefined,
): { text: string; names: PlanNode[] } | undefined {
  const part = ancestors.find((a) => a.kind === 'part');
  const section = node.kind === 'measure' ? ancestors.find((a) => a.kind === 'section') : undefined;
  const cn = (n: PlanNode): string => chineseNumber(renumbered(n));
  if (part !== undefined && firstAfter(node, part) === node) return { text: `第${cn(part)}部分`, names: [part] };
  if (section !== undefined && firstAfter(node, section) === node) {
    return part === undefined
      ? { text: `第（${cn(section)}）项`, names: [section] }
      : { text: `第${cn(part)}部分第（${cn(section)}）项`, names: [part, section] };
  }
  return undefined;
}

/** 3 as a part's or section's number is written in a citation: 三. */
function chineseNumber(n: number): string {
  return toChineseNumeral(n) ?? String(n);
}

/** What the document calls itself in a citation (本方案, 本措施…): the kind of document its title names. */
function selfName(plan: Plan): string {
  const kind = /(方案|措施|意见|办法|细则|规定|计划|规划)(?:[（(][^）)]*[）)])?$/.exec(plan.title ?? '');
  return `本${kind?.[1] ?? '方案'}`;
}

function insert(at: Position, newText: string): TextEdit {
  return { range: { start: at, end: at }, newText };
}

/** A number in a citation's own style: 5, ５ or 五. */
export function writeNumber(n: number, style: NumeralStyle): string {
  if (style === 'chinese') return toChineseNumeral(n) ?? String(n);
  const digits = String(n);
  return style === 'fullwidth' ? digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : digits;
}

function markerFor(node: PlanNode, n: number, targetForm: string | undefined): string {
  const ownForm = node.marker.form!;
  if (targetForm !== undefined) return formatMarker(targetForm, n) ?? fallback(node, n);
  // Keep the writer's own spacing after the marker: only the number changes.
  const trailing = /[ \t\u3000]*$/.exec(node.marker.text)![0];
  const marker = formatMarker(ownForm.trimEnd(), n);
  return marker === undefined ? fallback(node, n) : marker + trailing;
}

/** An enclosed form (㈠…㈩) cannot hold every number: fall back to the level's canonical form. */
function fallback(node: PlanNode, n: number): string {
  return formatMarker(CANONICAL_FORMS[node.marker.level as MarkerLevel], n) ?? String(n);
}
