import { CANONICAL_FORMS, walkNodes, type MarkerLevel, type NodeKind, type Plan, type PlanNode } from '@policylint/core';
import type { MeasureNumbering } from '../config.js';

/** Where a level's numbers restart: never, or under each part / section / measure. */
export type Scope = 'document' | 'part' | 'section' | 'measure';

/** One numbered node in its level's sequence. */
export interface SequenceEntry {
  node: PlanNode;
  ancestors: readonly PlanNode[];
  /** The node whose numbers this one continues (same level, same scope), if any. */
  previous: SequenceEntry | undefined;
  /** Its position in its scope, from 1: the number renumbering gives it. */
  ordinal: number;
}

export interface LevelAnalysis {
  kind: NodeKind;
  scope: Scope;
  /** Whether the scope came from the document's own numbers (true) or from configuration or defaults. */
  detected: boolean;
  entries: SequenceEntry[];
  /** The marker form this level should use, e.g. `1.`, or `1．` where most of the document uses that. */
  targetForm: string | undefined;
}

export type NumberingAnalysis = Readonly<Record<NodeKind, LevelAnalysis>>;

const SCOPE_RANK: Readonly<Record<Scope, number>> = { document: 0, part: 1, section: 2, measure: 3 };
const KIND_RANK: Readonly<Record<NodeKind, number>> = { part: 1, section: 2, measure: 3, item: 4 };

// Candidate scopes per level, the default first (DESIGN §1: parts and measures count through,
// sections restart per part, items per measure).
const CANDIDATES: Readonly<Record<NodeKind, readonly Scope[]>> = {
  part: ['document'],
  section: ['part', 'document'],
  measure: ['document', 'part', 'section'],
  item: ['measure', 'document'],
};

/**
 * Works out, per level, where numbers restart and which marker form is right, and places every
 * node in its level's sequence. Detection follows the document's own transitions: a node that
 * starts a new parent and is numbered 1 votes for restarting, one that continues the previous
 * number votes for counting through; the convention with more votes wins, the default on a tie.
 */
export function analyzeNumbering(plan: Plan, measureNumbering: MeasureNumbering = 'auto'): NumberingAnalysis {
  const byKind: Record<NodeKind, Array<{ node: PlanNode; ancestors: readonly PlanNode[] }>> = { part: [], section: [], measure: [], item: [] };
  for (const entry of walkNodes(plan)) byKind[entry.node.kind].push(entry);
  const analyze = (kind: NodeKind): LevelAnalysis => {
    const nodes = byKind[kind];
    const pinned = kind === 'measure' && measureNumbering !== 'auto' ? measureNumbering : undefined;
    const scope = pinned ?? bestScope(nodes, CANDIDATES[kind]);
    return {
      kind,
      scope,
      detected: pinned === undefined && CANDIDATES[kind].length > 1,
      entries: sequence(nodes, scope),
      targetForm: targetForm(nodes.map((n) => n.node)),
    };
  };
  return { part: analyze('part'), section: analyze('section'), measure: analyze('measure'), item: analyze('item') };
}

/** The node that bounds `node`'s numbering under `scope`: its nearest ancestor at or above that rank. */
function scopeOwner(ancestors: readonly PlanNode[], scope: Scope): PlanNode | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    if (KIND_RANK[ancestors[i]!.kind] <= SCOPE_RANK[scope]) return ancestors[i];
  }
  return undefined;
}

function sequence(nodes: ReadonlyArray<{ node: PlanNode; ancestors: readonly PlanNode[] }>, scope: Scope): SequenceEntry[] {
  const entries: SequenceEntry[] = [];
  let last: SequenceEntry | undefined;
  let lastOwner: PlanNode | undefined;
  for (const { node, ancestors } of nodes) {
    const owner = scopeOwner(ancestors, scope);
    const previous = last !== undefined && owner === lastOwner ? last : undefined;
    const entry: SequenceEntry = { node, ancestors, previous, ordinal: previous === undefined ? 1 : previous.ordinal + 1 };
    entries.push(entry);
    last = entry;
    lastOwner = owner;
  }
  return entries;
}

function bestScope(nodes: ReadonlyArray<{ node: PlanNode; ancestors: readonly PlanNode[] }>, candidates: readonly Scope[]): Scope {
  let best = candidates[0]!;
  let bestVotes = -1;
  for (const scope of candidates) {
    // Damaged headings carry inferred numbers: they must not vote.
    const votes = sequence(nodes, scope).filter(
      (e) => !e.node.damaged && e.node.number === (e.previous === undefined ? 1 : e.previous.node.number + 1),
    ).length;
    if (votes > bestVotes) {
      best = scope;
      bestVotes = votes;
    }
  }
  return best;
}

/**
 * The canonical form of the level's markers. For `1.` the full-width point `1．` is accepted too
 * (DESIGN §1): where most markers of the level use it, it is the form the rest should follow.
 */
function targetForm(nodes: readonly PlanNode[]): string | undefined {
  const marked = nodes.filter((n) => n.marker.form !== null);
  const first = marked[0];
  if (first === undefined) return undefined;
  const canonical = CANONICAL_FORMS[first.marker.level as MarkerLevel];
  if (canonical !== '1.') return canonical;
  const fullWidth = marked.filter((n) => n.marker.form === '1．').length;
  const halfWidth = marked.filter((n) => n.marker.form === '1.').length;
  return fullWidth > halfWidth ? '1．' : canonical;
}
