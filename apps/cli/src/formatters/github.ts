import type { Locale, Severity } from '@policylint/checker';
import type { FileResult } from '../file-result.js';
import { reportPath } from './report-paths.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one line per finding, which GitHub shows as annotations on
 * the changed lines: `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=rule-id::message`.
 * Columns are 1-based, end exclusive, in UTF-16 code units, and given only when the finding
 * stays on one line, since GitHub accepts columns only then.
 */
export function formatGithub(results: readonly FileResult[], options: { locale: Locale; cwd: string }): string {
  const lines: string[] = [];
  for (const { filePath, findings } of results) {
    const file = reportPath(options.cwd, filePath);
    for (const { ruleId, severity, message, range } of findings) {
      const properties: Array<[string, string | number]> = [
        ['file', file],
        ['line', range.start.line + 1],
        ['endLine', range.end.line + 1],
      ];
      if (range.start.line === range.end.line) properties.push(['col', range.start.character + 1], ['endColumn', range.end.character + 1]);
      properties.push(['title', ruleId]);
      const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
      lines.push(`::${COMMAND[severity]} ${props}::${escapeData(message[options.locale])}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** As GitHub's toolkit escapes a command's message: a draft's text can never end the line and start a command. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** As GitHub's toolkit escapes a property value: also `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
