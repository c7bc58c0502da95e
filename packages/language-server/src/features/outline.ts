import { headingLabel, headingRange, type Plan, type PlanNode } from '@policylint/core';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';

const KINDS: Readonly<Record<PlanNode['kind'], SymbolKind>> = {
  part: SymbolKind.Module,
  section: SymbolKind.Namespace,
  measure: SymbolKind.Function,
  item: SymbolKind.Field,
};

/** The plan as a hierarchical outline: parts → sections → measures → items, named `3.加强融资支持服务`. */
export function documentSymbols(plan: Plan): DocumentSymbol[] {
  const toSymbol = (node: PlanNode): DocumentSymbol => ({
    name: headingLabel(node) || String(node.number),
    kind: KINDS[node.kind],
    range: node.range,
    selectionRange: headingRange(node),
    children: node.children.map(toSymbol),
  });
  return plan.children.map(toSymbol);
}

/** Folding for every part, section and measure that runs over more than one line. */
export function foldingRanges(plan: Plan): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (node: PlanNode): void => {
    if (node.kind !== 'item' && node.range.end.line > node.range.start.line) out.push({ startLine: node.range.start.line, endLine: node.range.end.line, kind: 'region' });
    node.children.forEach(visit);
  };
  plan.children.forEach(visit);
  return out;
}
