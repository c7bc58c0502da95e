import { relative } from 'node:path';
import type { Locale, Severity } from '@policylint/checker';
import pc from 'picocolors';
import { totals, type FileResult } from '../file-result.js';
import { terminalLine } from '../terminal-text.js';
import { SEVERITY_LABELS as LABELS } from './severity-labels.js';

/**
 * ESLint's stylish look: a header per file, `line:col  severity  message  rule-id`, a summary line.
 * Messages and paths carry document text: their control characters are escaped (`terminalLine`).
 */
export function formatStylish(results: readonly FileResult[], locale: Locale, options: { color: boolean; cwd: string }): string {
  const c = pc.createColors(options.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  for (const { filePath, findings } of results) {
    if (findings.length === 0) continue;
    out.push('', c.underline(terminalLine(relative(options.cwd, filePath) || filePath)));
    const positions = findings.map(position);
    const width = Math.max(...positions.map((p) => p.length));
    const labelWidth = Math.max(...findings.map((f) => LABELS[locale][f.severity].length));
    findings.forEach((f, i) => {
      const label = LABELS[locale][f.severity];
      out.push(`  ${c.dim(positions[i]!.padEnd(width))}  ${paint[f.severity](label.padEnd(labelWidth))}  ${terminalLine(f.message[locale])}  ${c.dim(f.ruleId)}`);
    });
  }
  const sum = totals(results);
  const problems = sum.errors + sum.warnings + sum.infos;
  if (problems === 0) return out.join('\n');
  out.push('', (sum.errors > 0 ? c.red : c.yellow)(c.bold(summary(locale, sum.errors, sum.warnings, sum.infos))));
  if (sum.fixable > 0) out.push(c.dim(fixableLine(locale, sum.fixable)));
  return `${out.join('\n')}\n`;
}

function position(f: { range: { start: { line: number; character: number } } }): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

function summary(locale: Locale, errors: number, warnings: number, infos: number): string {
  const total = errors + warnings + infos;
  if (locale === 'zh-CN') return `✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示）`;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
}

function fixableLine(locale: Locale, fixable: number): string {
  return locale === 'zh-CN' ? `  其中 ${fixable} 个可用 \`--fix\` 自动修复。` : `  ${fixable} potentially fixable with the \`--fix\` option.`;
}
