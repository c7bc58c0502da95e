import type { Corpus } from '@policylint/checker';
import { headingLabel, nodesOfKind, normalizeForMatch, stripPinyin, type Plan, type Position } from '@policylint/core';
import { CompletionItemKind, InlayHintKind, SymbolKind, type CompletionItem, type InlayHint, type Range, type SymbolInformation } from 'vscode-languageserver';
import type { Analysis } from '../analyses.js';
import { documentUri } from '../to-lsp.js';

/** After each resolved citation of a measure or section, its title: 第3条‹加强融资支持服务›. */
export function inlayHints(analysis: Analysis, range: Range): InlayHint[] {
  const { context } = analysis.result;
  const hints: InlayHint[] = [];
  for (const reference of context.references()) {
    if (reference.range.end.line < range.start.line || reference.range.start.line > range.end.line) continue;
    context.resolve(reference).forEach((resolution, i) => {
      const target = reference.targets[i];
      if (target === undefined || resolution.kind !== 'resolved' || resolution.node === undefined || resolution.node.kind === 'part') return;
      hints.push({ position: target.range.end, label: `‹${stripPinyin(resolution.node.title)}›`, kind: InlayHintKind.Type, paddingLeft: false });
    });
  }
  return hints;
}

/**
 * Completion: after 第, the plan's measures (`3条` with the title beside it); after 《, the titles of
 * the plans in force, closed with 》.
 */
export function completions(analysis: Analysis, text: string, position: Position): CompletionItem[] {
  const line = text.split(/\r\n|\r|\n/)[position.line] ?? '';
  const before = line.slice(0, position.character);
  const open = before.lastIndexOf('《');
  if (open !== -1 && !before.slice(open).includes('》')) {
    return (analysis.corpus?.plans ?? []).flatMap(({ title }) =>
      title === null ? [] : [{ label: stripPinyin(title), kind: CompletionItemKind.File, insertText: `${stripPinyin(title)}》` }],
    );
  }
  if (!before.endsWith('第')) return [];
  return nodesOfKind(analysis.result.plan, 'measure').map((measure, i) => ({
    label: `${measure.number}条`,
    kind: CompletionItemKind.Reference,
    detail: headingLabel(measure),
    sortText: String(i).padStart(5, '0'),
  }));
}

/** Workspace symbols: measures of the open plans and of the corpus whose number or title match the query. */
export function workspaceSymbols(query: string, open: ReadonlyArray<{ uri: string; plan: Plan }>, corpus: Corpus | undefined): SymbolInformation[] {
  const key = normalizeForMatch(query);
  const plans = [...open, ...(corpus?.plans ?? []).map((p) => ({ uri: documentUri(p.id, ''), plan: p.plan }))];
  const seen = new Set<string>();
  const out: SymbolInformation[] = [];
  for (const { uri, plan } of plans) {
    if (seen.has(uri)) continue;
    seen.add(uri);
    for (const measure of nodesOfKind(plan, 'measure')) {
      const label = headingLabel(measure);
      if (key !== '' && !normalizeForMatch(label).includes(key) && String(measure.number) !== query.trim()) continue;
      out.push({ name: label, kind: SymbolKind.Function, location: { uri, range: measure.range }, containerName: plan.title === null ? undefined : stripPinyin(plan.title) });
    }
  }
  return out;
}
