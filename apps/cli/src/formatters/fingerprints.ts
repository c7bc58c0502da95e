import type { Finding } from '@policylint/checker';
import { sha256 } from '@policylint/checker/node';

/**
 * One fingerprint per finding of a file, stable when lines move: a hash of the rule, the file's
 * report path, the English message (so `--locale` does not change it) and, for findings that
 * share all three, which occurrence this is. CI systems use it to match findings across runs.
 */
export function fingerprints(path: string, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = [finding.ruleId, path, finding.message.en].join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return sha256(key, String(occurrence)).slice(0, 32);
  });
}
