import type { Range } from '@policylint/core';

/** The languages messages are written in. zh-CN is the default: drafters read Chinese. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every supported language; edges pick one, so findings stay locale-free and cacheable. */
export type Localized = Readonly<Record<Locale, string>>;

export function localized(zh: string, en: string): Localized {
  return { 'zh-CN': zh, en };
}

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Replace `range` (0-based LSP range in the checked text) with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A safe change that resolves a finding: data, applied by `applyEdits`, shared by `--fix` and quick fixes. */
export interface Fix {
  description: Localized;
  edits: TextEdit[];
}

/** Another place that explains a finding: the first occurrence of a duplicate, a corpus measure. */
export interface RelatedLocation {
  message: Localized;
  range: Range;
  /** Which document, when not the checked one: an id the edge maps to a path or URI. */
  document?: string;
}

/**
 * What a rule reports; the runner adds the rule id and the configured severity. Findings are data that
 * nothing changes: findings that say the same may share their message, related locations or fix.
 */
export interface RuleFinding {
  message: Localized;
  range: Range;
  related?: RelatedLocation[];
  fix?: Fix;
  /** Changes a drafter may choose (an editor offers them); never applied by `--fix`. */
  suggestions?: Fix[];
}

/** A finding as the checker returns it: one rule, one place, one message in every language. */
export interface Finding extends RuleFinding {
  ruleId: string;
  severity: Severity;
  /**
   * Set on the finding that stands for a rule which threw: the check is incomplete, the text is not
   * at fault. No comment or baseline hides it, and the CLI exits 2 for it, as ESLint does when a rule crashes.
   */
  fatal?: true;
}
