import type { Locale } from '@policylint/checker';
import type { FileResult } from '../file-result.js';
import { packageInfo } from '../package-info.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

/** The report formats of `policylint check --format`. */
export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface ReportOptions {
  locale: Locale;
  /** Files are named relative to it. */
  cwd: string;
  /** Colours, for stylish only. */
  color: boolean;
  /** One line per file that could not be checked (SARIF reports the run as unsuccessful). */
  failures?: readonly string[];
}

/** The report of `results` in `format`: the one place that knows which formatter writes which format. */
export function formatReport(format: CheckFormat, results: readonly FileResult[], options: ReportOptions): string {
  const { locale, cwd } = options;
  switch (format) {
    case 'stylish':
      return formatStylish(results, locale, { color: options.color, cwd });
    case 'json':
      return formatJson(results, locale);
    case 'sarif':
      return formatSarif(results, { locale, cwd, tool: packageInfo(), failures: options.failures ?? [] });
    case 'github':
      return formatGithub(results, { locale, cwd });
    case 'gitlab':
      return formatGitlab(results, { locale, cwd });
  }
}
