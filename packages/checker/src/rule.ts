import type { Plan } from '@policylint/core';
import { z } from 'zod';
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
export const RuleMetaSchema = z.object({
  id: z.string().regex(/^[a-z]+(-[a-z]+)+$/),
  defaultSeverity: z.enum(SEVERITIES),
  description: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
  fixable: z.boolean(),
});

/** Where a rule's documentation lives; the one place that knows the docs address. */
export function ruleDocsUrl(ruleId: string): string {
  return `https://github.com/policylint/policylint/blob/main/docs/rules/${ruleId}.md`;
}
