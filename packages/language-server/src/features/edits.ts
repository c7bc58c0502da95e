import { citationAt, fixText, headingAt, renumberNodeEdits, renumberText, type Finding, type Locale, type ResolvedConfig, type TextEdit } from '@policylint/checker';
import { CANONICAL_FORMS, formatMarker, parseChineseNumeral, type MarkerLevel, type PlanNode, type Position, type Range } from '@policylint/core';
import { CodeActionKind, CodeActionTriggerKind, ResponseError, type CodeAction, type CodeActionContext, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analyses.js';
import { RENUMBER_ACTION_KIND } from '../protocol.js';

export const RENUMBER_KIND = RENUMBER_ACTION_KIND;
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.policylint`;

const TITLES = {
  renumber: { 'zh-CN': '重新编号全文', en: 'Renumber document' },
  fixAll: { 'zh-CN': '修复全部可自动修复的问题', en: 'Fix all auto-fixable problems' },
} as const;

/**
 * The quick fixes of the diagnostics in the request, taken from the findings of the document's analysis
 * that have the same `code` and range (a diagnostic of an older text finds none), and the source actions.
 */
export function codeActions(document: TextDocument, findings: readonly Finding[], context: CodeActionContext, locale: Locale, config: ResolvedConfig): CodeAction[] {
  const { diagnostics, only, triggerKind } = context;
  const wanted = (kind: string): boolean => only === undefined || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  // The source actions check or renumber the whole text again: offered when asked for by kind or by
  // the user, not on the automatic requests that come with every cursor move (82 s each on a 20 MB plan).
  const sourceWanted = (kind: string): boolean => (only === undefined ? triggerKind !== CodeActionTriggerKind.Automatic : wanted(kind));
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix) && diagnostics.length > 0) {
    const byPlace = new Map<string, Finding[]>();
    for (const finding of findings) {
      const key = placeKey(finding.ruleId, finding.range);
      const here = byPlace.get(key);
      if (here === undefined) byPlace.set(key, [finding]);
      else here.push(finding);
    }
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'policylint') continue;
      for (const finding of byPlace.get(placeKey(String(diagnostic.code), diagnostic.range)) ?? []) {
        for (const [choice, preferred] of [...(finding.fix === undefined ? [] : [[finding.fix, true] as const]), ...(finding.suggestions ?? []).map((s) => [s, false] as const)]) {
          actions.push({ title: choice.description[locale], kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: editOf(document, choice.edits) });
        }
      }
    }
  }
  const text = document.getText();
  if (sourceWanted(RENUMBER_KIND)) {
    const renumbered = renumberText(text, { config }).text;
    if (renumbered !== text) actions.push({ title: TITLES.renumber[locale], kind: RENUMBER_KIND, edit: replaceAll(document, renumbered) });
  }
  if (sourceWanted(FIX_ALL_KIND)) {
    const fixed = fixText(text, { config }).text;
    if (fixed !== text) actions.push({ title: TITLES.fixAll[locale], kind: FIX_ALL_KIND, edit: replaceAll(document, fixed) });
  }
  return actions;
}

function placeKey(code: string, range: Range): string {
  return `${code}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function editOf(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [document.uri]: edits } };
}

/** A whole-document change as one edit: simple and exact, since the new text came from `applyEdits`. */
function replaceAll(document: TextDocument, text: string): WorkspaceEdit {
  const end = document.positionAt(document.getText().length);
  return { changes: { [document.uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: text }] } };
}

/** The number a rename acts on: a heading's marker, or a number in a citation of this document. */
function numberAt(analysis: Analysis, position: Position): { node: PlanNode; range: Range } | undefined {
  const { context } = analysis.result;
  const at = citationAt(context, position);
  if (at !== undefined && at.target !== undefined) {
    const resolution = context.resolve(at.reference)[at.target];
    const steps = at.reference.targets[at.target]!.steps;
    const step = steps[steps.length - 1]!;
    if (resolution?.kind === 'resolved' && resolution.target.id === undefined && resolution.node !== undefined) return { node: resolution.node, range: step.numberRange };
    return undefined;
  }
  const node = headingAt(context, position);
  if (node === undefined || node.marker.form === null || !within(node.marker.range, position)) return undefined;
  return { node, range: node.marker.range };
}

function within(range: Range, p: Position): boolean {
  return p.line === range.start.line && p.character >= range.start.character && p.character <= range.end.character;
}

const REFUSAL = {
  'zh-CN': '只能重命名本文件中条、项、部分的序号，或引用本文件的条款中的数字',
  en: 'Only the number of a part, section or measure of this document, or of a citation of one, can be renamed',
} as const;

export function prepareRename(analysis: Analysis, position: Position, locale: Locale): { range: Range; placeholder: string } {
  const found = numberAt(analysis, position);
  if (found === undefined) throw new ResponseError(0, REFUSAL[locale]);
  return { range: found.range, placeholder: String(found.node.number) };
}

/** Rename a number: the heading takes it, and every citation of the heading in the document follows. */
export function rename(analysis: Analysis, document: TextDocument, position: Position, newName: string, locale: Locale): WorkspaceEdit {
  const found = numberAt(analysis, position);
  if (found === undefined) throw new ResponseError(0, REFUSAL[locale]);
  const to = /^\d+$/.test(newName.trim()) ? Number(newName.trim()) : parseChineseNumeral(newName.trim());
  if (to === undefined || to < 1) throw new ResponseError(0, locale === 'zh-CN' ? `“${newName}”不是序号` : `"${newName}" is not a number`);
  const edits = renumberNodeEdits(analysis.result.context, found.node, to, (node, n) => formatMarker(node.marker.form!.trimEnd(), n) ?? formatMarker(CANONICAL_FORMS[node.marker.level as MarkerLevel], n));
  if (edits === undefined) throw new ResponseError(0, REFUSAL[locale]);
  return editOf(document, edits);
}
