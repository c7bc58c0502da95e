import { citationAt, citationsOf, headingAt, missingMessage, planLabel, resolveReference, type Locale, type Resolution } from '@policylint/checker';
import { findReferences, headingLabel, headingRange, stripPinyin, toSimplified, type PlanNode, type Position, type Range } from '@policylint/core';
import type { Hover, Location } from 'vscode-languageserver';
import { filePath, type Analysis } from '../analyses.js';
import { documentUri } from '../to-lsp.js';
import { markdownText } from './markdown-text.js';

const MAX_OVERLAPS = 3;

/** The node a position names: the measure (or part, section) a citation there points at, or the heading there. */
function targetAt(analysis: Analysis, position: Position): { resolution: Resolution; citation: Range } | undefined {
  const { context } = analysis.result;
  const at = citationAt(context, position);
  if (at === undefined) return undefined;
  const resolutions = context.resolve(at.reference);
  const resolution = resolutions[at.target ?? 0];
  if (resolution === undefined) return undefined;
  const range = at.target === undefined ? at.reference.range : at.reference.targets[at.target]!.range;
  return { resolution, citation: range };
}

/** Hover: on a citation, what it points at; on a measure heading, who cites it and what it repeats. */
export function hover(analysis: Analysis, position: Position, locale: Locale): Hover | undefined {
  const cited = targetAt(analysis, position);
  if (cited !== undefined) return { contents: { kind: 'markdown', value: describe(cited.resolution, analysis, position, locale) }, range: cited.citation };
  const node = headingAt(analysis.result.context, position);
  if (node === undefined || node.kind !== 'measure') return undefined;
  return { contents: { kind: 'markdown', value: aboutMeasure(analysis, node, locale) }, range: headingRange(node) };
}

function describe(resolution: Resolution, analysis: Analysis, position: Position, locale: Locale): string {
  if (resolution.kind === 'unknown-document') {
    const title = stripPinyin(resolution.title);
    return markdownText(locale === 'zh-CN' ? `《${title}》不在语料库中` : `《${title}》 is not in the corpus`);
  }
  if (resolution.kind === 'missing') {
    const at = citationAt(analysis.result.context, position)!;
    return markdownText(missingMessage(planLabel(at.reference), resolution)[locale]);
  }
  const title = resolution.target.plan.title === null ? '' : `《${stripPinyin(resolution.target.plan.title)}》 `;
  if (resolution.node === undefined) return `**${markdownText(title.trim())}**`;
  const uri = documentUri(resolution.target.id, analysis.uri);
  const line = resolution.range.start.line + 1;
  // The heading in simplified script, as the draft is written (corpus plans may be traditional); the text verbatim.
  const heading = markdownText(toSimplified(`${title}${headingLabel(resolution.node)}`));
  return `**${heading}**\n\n${markdownText(resolution.text)}\n\n[${markdownText(`${uri.split('/').pop()}:${line}`)}](${uri}#L${line})`;
}

function aboutMeasure(analysis: Analysis, node: PlanNode, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const lines = [`**${markdownText(headingLabel(node))}**`];
  const citations = citationsOf(analysis.result.context, node);
  lines.push(
    citations.length === 0
      ? zh ? '本文件中没有引用本条的地方。' : 'Nothing in this document cites this measure.'
      : `${zh ? '本文件中引用本条：' : 'Cited in this document at:'} ${citations.map((c) => `${zh ? '第' : 'line '}${c.reference.range.start.line + 1}${zh ? '行' : ''}`).join(zh ? '、' : ', ')}`,
  );
  const unit = analysis.result.context.measureUnits().find((u) => u.node === node);
  const matches = unit === undefined || analysis.corpus === undefined ? [] : analysis.corpus.overlap().query(unit, { limit: MAX_OVERLAPS, exclude: new Set(analysis.result.context.documentId === undefined ? [] : [analysis.result.context.documentId]) });
  if (matches.length > 0) {
    lines.push(zh ? '与现行措施最相近：' : 'Closest measures in force:');
    for (const match of matches) {
      const plan = analysis.corpus!.get(match.planId)?.title ?? '';
      lines.push(`- ${match.similarity.toFixed(2)} ${markdownText(`《${stripPinyin(plan)}》${match.measure.number}.${stripPinyin(match.measure.title)}`)}`);
    }
  }
  return lines.join('\n\n');
}

/** Go to definition: from a citation to the cited heading, in this document or a corpus file. */
export function definition(analysis: Analysis, position: Position): Location | undefined {
  const cited = targetAt(analysis, position);
  if (cited === undefined || cited.resolution.kind !== 'resolved') return undefined;
  const { target, node, range } = cited.resolution;
  return { uri: documentUri(target.id, analysis.uri), range: node === undefined ? range : headingRange(node) };
}

/**
 * Find references: every citation of the measure (or part, section) at a position — its heading, or a
 * citation of it — in this document, in the other open documents and in the corpus plans.
 */
export function references(analysis: Analysis, position: Position, includeDeclaration: boolean, others: readonly Analysis[]): Location[] {
  const { context } = analysis.result;
  const cited = targetAt(analysis, position);
  const self = filePath(analysis.uri);
  let target: { path: string | undefined; line: number; node: PlanNode } | undefined;
  if (cited?.resolution.kind === 'resolved' && cited.resolution.node !== undefined) {
    target = { path: cited.resolution.target.id ?? self, line: cited.resolution.node.range.start.line, node: cited.resolution.node };
  } else {
    const node = headingAt(context, position);
    if (node !== undefined) target = { path: self, line: node.range.start.line, node };
  }
  if (target === undefined) return [];
  const locations: Location[] = [];
  const isTarget = (r: Resolution, resolvedIn: string | undefined): boolean =>
    r.kind === 'resolved' && r.node !== undefined && (r.target.id ?? resolvedIn) === target.path && r.node.range.start.line === target.line;
  // Citations in the documents open in the editor, this one included.
  for (const other of [analysis, ...others.filter((o) => o.uri !== analysis.uri)]) {
    const otherPath = filePath(other.uri);
    for (const reference of other.result.context.references()) {
      other.result.context.resolve(reference).forEach((r, i) => {
        if (isTarget(r, otherPath)) locations.push({ uri: other.uri, range: reference.targets[i]!.range });
      });
    }
  }
  // Citations in corpus plans not open in the editor.
  const open = new Set([analysis, ...others].map((o) => filePath(o.uri)));
  for (const plan of analysis.corpus?.plans ?? []) {
    if (open.has(plan.id)) continue;
    const handle = { id: plan.id, plan: plan.plan, text: plan.text };
    for (const reference of findReferences(plan.text)) {
      resolveReference(reference, { self: handle, corpus: analysis.corpus }).forEach((r, i) => {
        if (isTarget(r, plan.id)) locations.push({ uri: documentUri(plan.id, ''), range: reference.targets[i]!.range });
      });
    }
  }
  if (includeDeclaration) locations.unshift({ uri: target.path === undefined ? analysis.uri : documentUri(target.path, analysis.uri), range: headingRange(target.node) });
  return locations;
}
