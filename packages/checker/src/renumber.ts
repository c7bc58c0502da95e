import { CANONICAL_FORMS, formatMarker, type MarkerLevel, type NodeKind, type PlanNode } from '@policylint/core';
import type { TextEdit } from './finding.js';
import type { LevelAnalysis, NumberingAnalysis } from './numbering/analysis.js';

/** A node whose number renumbering changes; later the reference rules use these to update citations. */
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

/**
 * Renumbers every level by the conventions in `analysis` and gives each marker its level's form.
 * `moves` lists the nodes whose number changed, for updating citations of them.
 */
export function renumberPlan(analysis: NumberingAnalysis): RenumberResult {
  const edits: TextEdit[] = [];
  const moves: NumberMove[] = [];
  for (const kind of KINDS) {
    const level = analysis[kind];
    edits.push(...renumberLevelEdits(level, { normalizeForms: true }));
    for (const { node, ordinal } of level.entries) {
      if (node.number !== ordinal) moves.push({ kind, node, from: node.number, to: ordinal });
    }
  }
  return { edits, moves };
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
