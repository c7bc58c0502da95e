import { walkNodes, type PlanNode } from '@policylint/core';
import { localized, type RuleFinding } from '../finding.js';
import type { Rule } from '../rule.js';

const CLAUSE = '（GB/T 9704-2012 §7.3.3，GB/T 15834-2011 附录B.3.8）';
const CLAUSE_EN = ' (GB/T 9704-2012 §7.3.3, GB/T 15834-2011 B.3.8)';

export const numberingHierarchy: Rule = {
  id: 'numbering-hierarchy',
  defaultSeverity: 'warning',
  description: localized('层次序号未逐级使用（如“（1）”前没有所属的条）', 'levels out of order (an item with no measure, a section after loose measures)'),
  fixable: false,
  check({ plan }) {
    const findings: RuleFinding[] = [];
    const hasParts = plan.children.some((n) => n.kind === 'part');
    for (const { node, ancestors } of walkNodes(plan)) {
      const marker = shown(node);
      const parent = ancestors[ancestors.length - 1];
      if (node.kind === 'item' && parent?.kind !== 'measure') {
        findings.push({
          message: localized(`“${marker}”没有所属的条：序号应按“一、（一）1.（1）”逐级使用${CLAUSE}`, `"${marker}" has no measure above it: levels go 一、 （一） 1. （1） in order${CLAUSE_EN}`),
          range: node.marker.range,
        });
      } else if (node.kind !== 'part' && parent === undefined && hasParts) {
        findings.push({
          message: localized(`“${marker}”不属于任何部分：它出现在第一个“一、”级标题之前${CLAUSE}`, `"${marker}" belongs to no part: it comes before the first part heading${CLAUSE_EN}`),
          range: node.marker.range,
        });
      }
      if (node.kind === 'part' || node.kind === 'section') findings.push(...sectionsAfterLooseMeasures(node));
    }
    return findings;
  },
};

/** In one part, a section after measures that sit directly under the part mixes two levels. */
function sectionsAfterLooseMeasures(parent: PlanNode): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const firstLoose = parent.children.find((c) => c.kind === 'measure');
  if (firstLoose === undefined) return findings;
  for (const child of parent.children) {
    if (child.kind !== 'section' || compare(child, firstLoose) < 0) continue;
    const marker = shown(child);
    findings.push({
      message: localized(
        `“${marker}”出现在本部分直属的条之后：同一部分不应先列条再分项${CLAUSE}`,
        `"${marker}" follows measures that sit directly under the part: a part lists its sections before, not after, loose measures${CLAUSE_EN}`,
      ),
      range: child.marker.text === '' ? child.titleRange : child.marker.range,
      related: [{ message: localized('本部分直属的第一条', 'first measure directly under the part'), range: firstLoose.marker.range }],
    });
  }
  return findings;
}

function compare(a: PlanNode, b: PlanNode): number {
  return a.range.start.line - b.range.start.line;
}

function shown(node: PlanNode): string {
  return node.marker.text.trimEnd() || node.title.slice(0, 8);
}
