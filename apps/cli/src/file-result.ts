import type { Finding } from '@policylint/checker';

/** The findings of one checked file, as every formatter receives them. */
export interface FileResult {
  /** Absolute path. */
  filePath: string;
  findings: Finding[];
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export function totals(results: readonly FileResult[]): Totals {
  const sum: Totals = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const { findings } of results) {
    for (const finding of findings) {
      if (finding.severity === 'error') sum.errors++;
      else if (finding.severity === 'warning') sum.warnings++;
      else sum.infos++;
      if (finding.fix !== undefined) sum.fixable++;
    }
  }
  return sum;
}
