import { totals, type FileResult } from '../file-result.js';

export interface CheckRun {
  /** Whether a file could not be read, decoded or written back. */
  fileFailed: boolean;
  /** Every finding of the run, before a baseline hid any. */
  found: readonly FileResult[];
  /** What the report counts: the findings left after the baseline. */
  reported: readonly FileResult[];
  maxWarnings: number | undefined;
}

/**
 * `policylint check`'s exit code, as ESLint's: 2 when the run itself failed (a file it could not
 * handle, or a rule that crashed, which no baseline excuses), 1 for errors or more warnings than
 * `--max-warnings` allows, else 0.
 */
export function checkExitCode({ fileFailed, found, reported, maxWarnings }: CheckRun): 0 | 1 | 2 {
  if (fileFailed || found.some(({ findings }) => findings.some((finding) => finding.fatal === true))) return 2;
  const sum = totals(reported);
  const tooManyWarnings = maxWarnings !== undefined && maxWarnings >= 0 && sum.warnings > maxWarnings;
  return sum.errors > 0 || tooManyWarnings ? 1 : 0;
}
