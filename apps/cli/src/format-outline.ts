import { headingLabel, stripPinyin, type Plan, type PlanNode } from '@policylint/core';
import { message, type Locale } from './messages.js';

/**
 * The plan as an indented tree, one heading a line: `二、推进…`, `  （一）建设…`, `    1.便利…`.
 * Titles lose their pinyin annotations; a heading recovered from damaged text shows the number its
 * place implies and a damage note.
 */
export function formatOutlineText(plan: Plan, locale: Locale): string {
  const lines: string[] = [];
  if (plan.title !== null) lines.push(`《${stripPinyin(plan.title)}》`);
  const visit = (node: PlanNode, depth: number): void => {
    const indent = '  '.repeat(depth);
    lines.push(`${indent}${headingLabel(node)}${node.damaged ? ` ${message(locale, 'damaged')}` : ''}`);
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const node of plan.children) visit(node, 0);
  if (plan.children.length === 0) lines.push(message(locale, 'noHeadings'));
  return `${lines.join('\n')}\n`;
}
