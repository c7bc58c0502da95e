import type { Locale } from '@policylint/checker';
import type { FileResult } from '../file-result.js';

/**
 * ESLint's JSON formatter shape, so existing CI tooling reads it: 1-based lines and columns,
 * severity 2 for errors and 1 for warnings and infos (ESLint has no info level).
 */
export function formatJson(results: readonly FileResult[], locale: Locale): string {
  const files = results.map(({ filePath, findings }) => {
    const messages = findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity === 'error' ? 2 : 1,
      message: f.message[locale],
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
    }));
    const count = (severity: string, fixable: boolean): number =>
      findings.filter((f) => f.severity === severity && (!fixable || f.fix !== undefined)).length;
    return {
      filePath,
      messages,
      errorCount: count('error', false),
      warningCount: count('warning', false),
      fixableErrorCount: count('error', true),
      fixableWarningCount: count('warning', true),
    };
  });
  return `${JSON.stringify(files)}\n`;
}
