import { findReferences, parsePlan, type Plan, type PlanReference } from '@policylint/core';
import { applyEdits, selectFixes } from './apply-edits.js';
import { effectiveSeverity, resolveConfig, type ResolvedConfig } from './config.js';
import { localized, type Finding, type Fix } from './finding.js';
import { analyzeNumbering, type NumberingAnalysis } from './numbering/analysis.js';
import type { Corpus } from './corpus.js';
import { DEFAULT_OVERLAP_PARAMS } from './overlap/params.js';
import { measureUnits, type MeasureUnit } from './overlap/units.js';
import { renumberPlan, type NumberMove } from './renumber.js';
import { resolveReference, type Resolution } from './resolve-reference.js';
import { selfReferences, type Rule, type RuleContext } from './rule.js';
import { RULES } from './rules/index.js';

export interface CheckOptions {
  config?: ResolvedConfig;
  /** The rules to run; all registered rules by default. */
  rules?: readonly Rule[];
  /** The plans in force. Without one, citations of other plans (and overlap) are not checked. */
  corpus?: Corpus;
  /** The checked document's id (its path) when it may itself be in the corpus. */
  documentId?: string;
}

export interface CheckResult {
  plan: Plan;
  /** Sorted by position. Ranges count from after a leading BOM, as the plan's do. */
  findings: Finding[];
  /** The analyses the rules shared (citations and their resolution…), for editors to reuse. */
  context: RuleContext;
}

/**
 * Parses and checks one text. A rule that throws becomes one error finding at the top of the text;
 * the other rules still run.
 */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  const config = options.config ?? resolveConfig();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const plan = parsePlan(body);
  const context = createContext(plan, body, config, options.corpus, options.documentId);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    const severity = effectiveSeverity(config, rule.id, rule.defaultSeverity);
    if (severity === undefined) continue;
    try {
      for (const found of rule.check(context)) findings.push({ ...found, ruleId: rule.id, severity });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      findings.push({
        ruleId: rule.id,
        severity: 'error',
        message: localized(`规则 ${rule.id} 运行失败：${why}`, `rule ${rule.id} failed: ${why}`),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return { plan, findings, context };
}

/** The rule context of one check: shared analyses are computed on first use and then kept. */
function createContext(plan: Plan, text: string, config: ResolvedConfig, corpus: Corpus | undefined, documentId?: string): RuleContext {
  let numbering: NumberingAnalysis | undefined;
  let references: PlanReference[] | undefined;
  let units: MeasureUnit[] | undefined;
  const resolutions = new Map<PlanReference, Resolution[]>();
  const self = { id: undefined, plan, text };
  return {
    plan,
    text,
    config,
    corpus,
    documentId,
    measureUnits: () => (units ??= measureUnits(plan, DEFAULT_OVERLAP_PARAMS)),
    numbering: () => (numbering ??= analyzeNumbering(plan, config.measureNumbering)),
    references: () => (references ??= findReferences(text)),
    resolve(reference) {
      let found = resolutions.get(reference);
      if (found === undefined) {
        found = resolveReference(reference, { self, corpus });
        resolutions.set(reference, found);
      }
      return found;
    },
  };
}

export interface FixResult {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
  /** The check of the fixed text. */
  result: CheckResult;
}

const MAX_FIX_PASSES = 10;

/**
 * Applies every fix, checking again after each pass, until no fix is left or applies
 * (ESLint's approach: overlapping fixes wait for the next pass).
 */
export function fixText(text: string, options: CheckOptions = {}): FixResult {
  let current = text;
  let applied = 0;
  let result = checkText(current, options);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = result.findings.flatMap((f) => (f.fix === undefined ? [] : [f.fix]));
    const { edits, taken } = selectFixes(current, fixes);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    applied += taken;
    current = next;
    result = checkText(current, options);
  }
  return { text: current, applied, result };
}

export interface RenumberTextResult {
  text: string;
  moves: NumberMove[];
}

/**
 * Renumbers every level by the document's conventions, gives each marker its level's form, and makes
 * the document's citations of its own moved measures, sections and parts follow.
 */
export function renumberText(text: string, options: Pick<CheckOptions, 'config'> = {}): RenumberTextResult {
  const config = options.config ?? resolveConfig();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const context = createContext(parsePlan(body), body, config, undefined);
  const { edits, moves } = renumberPlan(context.plan, context.numbering(), selfReferences(context));
  return { text: applyEdits(text, edits), moves };
}

export type { Fix };
