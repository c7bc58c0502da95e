import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliError } from './cli-error.js';
import type { FileResult } from './file-result.js';
import { formatReport, type CheckFormat, type ReportOptions } from './formatters/index.js';
import { message } from './messages.js';

/**
 * The report for stdout. With `--output FILE` the report in `format` goes to FILE (its folder
 * created, as ESLint's `--output-file` does) and stdout gets the stylish report, so a CI log stays
 * readable while a tool reads the file. A file that cannot be written is a one-line CliError.
 */
export async function emitReport(
  format: CheckFormat,
  results: readonly FileResult[],
  options: ReportOptions & { output: string | undefined },
): Promise<string> {
  const { output, ...report } = options;
  if (output === undefined) return formatReport(format, results, report);
  const text = formatReport(format, results, { ...report, color: false });
  try {
    await mkdir(dirname(output), { recursive: true });
    await writeFile(output, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'EISDIR' ? message(report.locale, 'isDirectory', output) : message(report.locale, 'cannotWrite', output, code ?? String(error)));
  }
  return formatReport('stylish', results, report);
}
