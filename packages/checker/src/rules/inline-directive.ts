import { localized, type Localized, type RuleFinding } from '../finding.js';
import type { Rule } from '../rule.js';
import type { Directive, Suppression, UnknownDirective } from '../suppressions.js';

/**
 * Problems with `<!-- policylint-disable… -->` comments. Its findings are made by `checkText`, which
 * alone sees every other rule's findings (as ESLint reports unused disable directives in the linter,
 * not in a rule), so `check` finds nothing itself. They are never suppressed.
 */
export const inlineDirective: Rule = {
  id: 'inline-directive',
  defaultSeverity: 'warning',
  description: localized('屏蔽注释写错或多余：未知的指令或规则，或未屏蔽任何问题', 'a disable comment that names an unknown directive or rule, or suppresses nothing'),
  fixable: false,
  check: () => [],
};

export interface DirectiveReview {
  directives: readonly Directive[];
  unknown: readonly UnknownDirective[];
  suppression: Suppression;
  /** Every registered rule id. */
  knownRuleIds: readonly string[];
  /**
   * The rules that ran on every line, so that a directive for them that hid nothing is unused;
   * undefined: do not look for unused directives (some rules could not run, e.g. without a corpus).
   */
  ranRuleIds: ReadonlySet<string> | undefined;
}

/** Unknown directives, unknown rule ids, and `disable` directives that hid nothing. */
export function reviewDirectives(review: DirectiveReview): RuleFinding[] {
  const { directives, knownRuleIds, ranRuleIds, suppression } = review;
  const findings: RuleFinding[] = review.unknown.map(({ name, range }) => ({
    message: localized(
      `未知的指令“policylint-${name}”：可用 policylint-disable、policylint-enable、policylint-disable-next-line`,
      `unknown directive "policylint-${name}": use policylint-disable, policylint-enable or policylint-disable-next-line`,
    ),
    range,
  }));
  directives.forEach((directive, index) => {
    const disables = directive.kind !== 'enable';
    if (disables && directive.rules.length === 0 && ranRuleIds !== undefined && !suppression.used(index, '*')) {
      findings.push({ message: unusedMessage(undefined), range: directive.range });
    }
    for (const { id, range } of directive.rules) {
      if (!knownRuleIds.includes(id)) {
        findings.push({
          message: localized(`未知的规则“${id}”；已知规则：${knownRuleIds.join('、')}`, `unknown rule "${id}"; known rules: ${knownRuleIds.join(', ')}`),
          range,
        });
      } else if (disables && ranRuleIds?.has(id) === true && !suppression.used(index, id)) {
        findings.push({ message: unusedMessage(id), range });
      }
    }
  });
  return findings;
}

function unusedMessage(ruleId: string | undefined): Localized {
  return ruleId === undefined
    ? localized('此屏蔽注释未屏蔽任何问题，可以删除', 'unused disable comment: there is no problem here to suppress; remove it')
    : localized(`此屏蔽注释未屏蔽任何 ${ruleId} 问题，可删去该规则`, `unused disable comment: there is no ${ruleId} problem here to suppress; remove the rule id`);
}
