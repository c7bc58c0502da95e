import type { Locale, Severity } from '@policylint/checker';
import type { FileResult } from '../file-result.js';
import { fingerprints } from './fingerprints.js';
import { reportPath } from './report-paths.js';

/** GitLab's severities, as ESLint's GitLab formatters map lint levels onto them. */
const SEVERITY: Readonly<Record<Severity, 'major' | 'minor' | 'info'>> = { error: 'major', warning: 'minor', info: 'info' };

/** A GitLab Code Quality report (`artifacts: reports: codequality`): one issue per finding. */
export function formatGitlab(results: readonly FileResult[], options: { locale: Locale; cwd: string }): string {
  const issues = results.flatMap(({ filePath, findings }) => {
    const path = reportPath(options.cwd, filePath);
    const prints = fingerprints(path, findings);
    return findings.map((finding, i) => ({
      description: finding.message[options.locale],
      check_name: finding.ruleId,
      fingerprint: prints[i]!,
      severity: SEVERITY[finding.severity],
      location: { path, lines: { begin: finding.range.start.line + 1 } },
    }));
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
