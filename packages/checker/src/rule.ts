import type { Plan, PlanReference } from '@policylint/core';
import type { Corpus } from './corpus.js';
import type { MeasureUnit } from './overlap/units.js';
import type { Resolution } from './resolve-reference.js';
import * as z from 'zod';
import type { NumberingAnalysis } from './numbering/analysis.js';
import { SEVERITIES, type Localized, type RuleFinding } from './finding.js';
import type { ResolvedConfig } from './config.js';

/** What a rule sees: the parsed plan, its text, the resolved configuration and shared analyses. */
export interface RuleContext {
  plan: Plan;
  text: string;
  config: ResolvedConfig;
  /** Numbering conventions and expected numbers per level, computed once per check. */
  numbering(): NumberingAnalysis;
  /** Every citation in the text, found once per check. */
  references(): PlanReference[];
  /** What a citation points at, in this document or the corpus; computed once per citation. */
  resolve(reference: PlanReference): Resolution[];
  /** The plans in force; undefined when none was found, and cross-plan checks are skipped. */
  corpus: Corpus | undefined;
  /** The checked document's id in the corpus, when it is a corpus plan itself: it is not its own repeat. */
  documentId: string | undefined;
  /** The document's measures cut into sentences with their shingles, for overlap; computed once. */
  measureUnits(): MeasureUnit[];
}

export interface Rule {
  id: string;
  defaultSeverity: (typeof SEVERITIES)[number];
  description: Localized;
  /** True when some findings carry a fix. */
  fixable: boolean;
  check(context: RuleContext): RuleFinding[];
}

// Metadata is validated once at registration, so a typo in a rule module fails the tests, not a user.
// Built on first use (z.lazy): a run never parses against it, and each schema built is time at start.
export const RuleMetaSchema = z.lazy(() =>
  z.object({
    id: z.string().regex(/^[a-z]+(-[a-z]+)+$/),
    defaultSeverity: z.enum(SEVERITIES),
    description: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
    fixable: z.boolean(),
  }),
);

/** The citations that point into the checked document itself (no 《title》, or its own title). */
export function selfReferences(context: RuleContext): PlanReference[] {
  return context.references().filter((reference) => context.resolve(reference).some((r) => r.kind !== 'unknown-document' && r.target.id === undefined));
}

/** Where a rule's documentation lives; the one place that knows the docs address. */
export function ruleDocsUrl(ruleId: string): string {
  return `https://github.com/policylint/policylint/blob/main/docs/rules/${ruleId}.md`;
}
