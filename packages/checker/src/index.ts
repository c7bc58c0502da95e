export { applyEdits, selectFixes } from './apply-edits.js';
export { checkText, fixText, renumberText, type CheckOptions, type CheckResult, type FixResult, type RenumberTextResult } from './check.js';
export {
  configSchema,
  DEFAULT_CORPUS,
  effectiveSeverity,
  MEASURE_NUMBERING,
  parseConfig,
  resolveConfig,
  RULE_SETTINGS,
  type Config,
  type ConfigIssue,
  type MeasureNumbering,
  type ResolvedConfig,
  type RuleSetting,
} from './config.js';
export {
  localized,
  LOCALES,
  SEVERITIES,
  type Finding,
  type Fix,
  type Locale,
  type Localized,
  type RelatedLocation,
  type RuleFinding,
  type Severity,
  type TextEdit,
} from './finding.js';
export { analyzeNumbering, type LevelAnalysis, type NumberingAnalysis, type Scope, type SequenceEntry } from './numbering/analysis.js';
export { citationEdits, levelMoves, renumberPlan, type NumberMove, type RenumberResult } from './renumber.js';
export { ruleDocsUrl, RuleMetaSchema, selfReferences, type Rule, type RuleContext } from './rule.js';
export { RULES } from './rules/index.js';
export { configJsonSchema } from './config-json-schema.js';
export { GLOB_LIMITS, TOO_MANY_GLOBS, unboundedGlobReason } from './bounded-glob.js';
export { CORPUS_GLOB_OUTSIDE, globLeavesBase, isAbsoluteGlob } from './corpus-glob.js';
export { Corpus, corpusTitles, CorpusPlan, type CorpusDocument, type CorpusTitles } from './corpus.js';
export { cleanText, findPath, resolveReference, resolveTarget, type PlanHandle, type ResolveContext, type Resolution } from './resolve-reference.js';
export { missingMessage, planLabel } from './resolution-messages.js';
export * from './overlap/index.js';
export { citationAt, citationsOf, contains, headingAt, renumberNodeEdits } from './citations.js';
export {
  baselineFingerprints,
  BaselineSchema,
  createBaseline,
  EMPTY_BASELINE,
  filterByBaseline,
  formatBaseline,
  parseBaseline,
  type Baseline,
  type BaselineFile,
  type BaselineFilter,
} from './baseline.js';
