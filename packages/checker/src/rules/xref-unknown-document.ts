import { looksLikePlanTitle, stripPinyin } from '@policylint/core';
import { localized, type RuleFinding } from '../finding.js';
import type { Rule } from '../rule.js';

export const xrefUnknownDocument: Rule = {
  id: 'xref-unknown-document',
  defaultSeverity: 'info',
  description: localized('引用的《文件》不在语料库中', '《title》 that is not in the corpus'),
  fixable: false,
  check({ references, resolve }) {
    const findings: RuleFinding[] = [];
    for (const reference of references()) {
      // Laws and books (《公司法》, 《条例》) are cited too, but the corpus holds plans: only plan-like titles count.
      if (reference.document === null || !looksLikePlanTitle(reference.document.title)) continue;
      if (!resolve(reference).some((r) => r.kind === 'unknown-document')) continue;
      const title = stripPinyin(reference.document.title);
      findings.push({
        message: localized(`《${title}》不在语料库中，无法核对引用`, `《${title}》 is not in the corpus; the citation cannot be checked`),
        range: reference.document.range,
      });
    }
    return findings;
  },
};
