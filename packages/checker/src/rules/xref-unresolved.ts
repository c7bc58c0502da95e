import { localized, type RuleFinding } from '../finding.js';
import { missingMessage, planLabel } from '../resolution-messages.js';
import type { Rule } from '../rule.js';

export const xrefUnresolved: Rule = {
  id: 'xref-unresolved',
  defaultSeverity: 'error',
  description: localized('引用的部分、项或条在所指文件中不存在', 'a reference to a part/section/measure that does not exist in its target plan'),
  fixable: false,
  check({ references, resolve }) {
    const findings: RuleFinding[] = [];
    for (const reference of references()) {
      const resolutions = resolve(reference);
      resolutions.forEach((resolution, i) => {
        if (resolution.kind !== 'missing') return;
        findings.push({ message: missingMessage(planLabel(reference), resolution), range: reference.targets[i]?.range ?? reference.range });
      });
    }
    return findings;
  },
};

