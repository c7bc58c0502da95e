import { blankMarkdownBlocks, blankNonPlanText, findReferences, parsePlan, type Plan, type PlanReference } from '@policylint/core';
import { applyEdits, selectFixes } from './apply-edits.js';
import { effectiveSeverity, resolveConfig, type ResolvedConfig } from './config.js';
import { localized, type Finding, type Fix, type RuleFinding, type Severity } from './finding.js';
import { analyzeNumbering, type NumberingAnalysis } from './numbering/analysis.js';
import type { Corpus } from './corpus.js';
import { DEFAULT_OVERLAP_PARAMS } from './overlap/params.js';
import { measureUnits, type MeasureUnit } from './overlap/units.js';
import { renumberPlan, type NumberMove } from './renumber.js';
import { resolveReference, type Resolution } from './resolve-reference.js';
import { selfReferences, type Rule, type RuleContext } from './rule.js';
import { inlineDirective, reviewDirectives } from './rules/inline-directive.js';
import { RULES } from './rules/index.js';
import { parseDirectives, suppress } from './suppressions.js';

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
  /** The findings that the text's disable comments hid. */
  suppressed: Finding[];
  /** The analyses the rules shared (citations and their resolution…), for editors to reuse. */
  context: RuleContext;
}

/**
 * Parses and checks one text. A rule that throws becomes one error finding at the top of the text;
 * the other rules still run. Findings that the text's `<!-- policylint-disable… -->` comments turn
 * off are left out, so neither reports nor `fixText` see them.
 */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  const config = options.config ?? resolveConfig();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Rules read the text without its comment lines, code blocks and front matter too: a 第3条 there is no citation.
  const visible = blankNonPlanText(body);
  const plan = parsePlan(visible);
  const context = createContext(plan, visible, config, options.corpus, options.documentId);
  const found: Finding[] = [];
  const failed: Finding[] = [];
  const ran = new Set<string>();
  for (const rule of options.rules ?? RULES) {
    const severity = effectiveSeverity(config, rule.id, rule.defaultSeverity);
    if (severity === undefined) continue;
    try {
      for (const finding of rule.check(context)) found.push(asFinding(finding, rule.id, severity));
      ran.add(rule.id);
    } catch (error) {
      failed.push(ruleFailure(rule.id, error));
    }
  }
  // A failed rule did not run: its disable comments are not unused, and its failure is not theirs to hide.
  const directed = applyDirectives(body, found, ran, config, options.corpus);
  const findings = [...failed, ...directed.findings];
  const suppressed = directed.suppressed;
  return { plan, findings: byPlaceAndRule(findings), suppressed, context };
}

/**
 * A rule's finding as the checker returns it: every key present, in one order (undefined where it has
 * none, which JSON leaves out). Findings in each rule's own shape slowed down the code that reads
 * thousands of them (sorting, counting, formatting): a comparator reading them directly was ~15 ms of
 * a 1 MB plan's check, counting them ~10 ms.
 */
function asFinding({ message, range, related, fix, suggestions }: RuleFinding, ruleId: string, severity: Severity, fatal?: true): Finding {
  return { ruleId, severity, message, range, related, fix, suggestions, fatal };
}

/**
 * Findings by place, then rule id. Rule ids are kebab-case ASCII (the registry checks), for which
 * code-unit order is collation order, without loading ICU's collation (~10–15 ms the first time).
 */
function byPlaceAndRule(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.ruleId === b.ruleId ? 0 : a.ruleId < b.ruleId ? -1 : 1),
  );
}

/** The one error finding that stands for a rule which threw, at the start of the text. */
function ruleFailure(ruleId: string, error: unknown): Finding {
  const why = error instanceof Error ? error.message : String(error);
  const message = localized(`规则 ${ruleId} 出错：${why}`, `rule ${ruleId} failed: ${why}`);
  return asFinding({ message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, ruleId, 'error', true);
}

/**
 * Drops the findings that disable comments turn off and, when `inline-directive` runs, adds the
 * comments' own problems. Unused comments are only looked for when every rule could run (a corpus is
 * there), and only for rules that ran.
 */
function applyDirectives(
  body: string,
  findings: Finding[],
  ran: ReadonlySet<string>,
  config: ResolvedConfig,
  corpus: Corpus | undefined,
): { findings: Finding[]; suppressed: Finding[] } {
  // A directive shown as code in a fenced block is an example, not a directive.
  const { directives, unknown } = parseDirectives(blankMarkdownBlocks(body));
  if (directives.length === 0 && unknown.length === 0) return { findings, suppressed: [] };
  const suppression = suppress(findings, directives);
  const severity = ran.has(inlineDirective.id) ? effectiveSeverity(config, inlineDirective.id, inlineDirective.defaultSeverity) : undefined;
  if (severity === undefined) return { findings: suppression.kept, suppressed: suppression.hidden };
  const problems = reviewDirectives({
    directives,
    unknown,
    suppression,
    knownRuleIds: RULES.map((rule) => rule.id),
    ranRuleIds: corpus === undefined ? undefined : ran,
  });
  return {
    findings: [...suppression.kept, ...problems.map((problem) => asFinding(problem, inlineDirective.id, severity))],
    suppressed: suppression.hidden,
  };
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
 * (ESLint's approach: overlapping fixes wait for the next pass). A fix that a suppressed finding
 * carries too (numbering-sequence gives every gap of a level one renumbering) is not applied.
 */
export function fixText(text: string, options: CheckOptions = {}): FixResult {
  let current = text;
  let applied = 0;
  let result = checkText(current, options);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = allowedFixes(result);
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

function allowedFixes({ findings, suppressed }: CheckResult): Fix[] {
  const fixes = findings.flatMap((f) => (f.fix === undefined ? [] : [f.fix]));
  if (suppressed.length === 0) return fixes;
  const key = (fix: Fix): string => JSON.stringify(fix.edits);
  const blocked = new Set(suppressed.flatMap((f) => (f.fix === undefined ? [] : [key(f.fix)])));
  return fixes.filter((fix) => !blocked.has(key(fix)));
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
  const body = blankNonPlanText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const context = createContext(parsePlan(body), body, config, undefined);
  const { edits, moves } = renumberPlan(context.plan, context.numbering(), selfReferences(context));
  return { text: applyEdits(text, edits), moves };
}

export type { Fix };
