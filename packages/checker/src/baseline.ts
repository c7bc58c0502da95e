import fnv1a from '@sindresorhus/fnv1a';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as z from 'zod';
import type { Finding } from './finding.js';

/**
 * A baseline lists the findings a project accepts for now (ESLint's suppressions file, phpstan's
 * baseline): per file (relative to the baseline's folder, with `/`), per rule, how many findings have
 * each fingerprint. A fingerprint hashes the text a finding covers and the line it starts on, never
 * the line number, so lines added or removed elsewhere in the file leave it quiet. Built on first use
 * (z.lazy), as most runs read no baseline.
 */
export const BaselineSchema = z.lazy(() =>
  z.strictObject({
    version: z.literal(1),
    files: z.record(z.string(), z.record(z.string(), z.record(z.string().regex(/^[0-9a-f]{16}$/, 'expected a 16-digit hex fingerprint'), z.int().positive()))),
  }),
);

export type Baseline = z.infer<typeof BaselineSchema>;

/** One checked file as the baseline sees it. */
export interface BaselineFile {
  /** The file's key: its path relative to the baseline's folder, with forward slashes. */
  path: string;
  /** The text the findings were made on (a leading BOM is skipped, as the checker does). */
  text: string;
  findings: readonly Finding[];
}

export const EMPTY_BASELINE: Baseline = { version: 1, files: {} };

const WHITE_SPACE = /\s+/g;

/**
 * The fingerprint of each finding: FNV-1a (64 bits, hex) of the text under its range and the text of
 * the line it starts on, both without white space (Chinese prose does not need it), so that
 * re-spacing or CRLF does not change it either. The line tells apart two findings on the same words
 * (two `3、` markers).
 */
export function baselineFingerprints(text: string, findings: readonly Finding[]): string[] {
  const document = TextDocument.create('text:', 'plaintext', 0, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const fold = (s: string): string => s.replace(WHITE_SPACE, '');
  return findings.map(({ range }) => {
    const covered = fold(document.getText(range));
    const line = fold(document.getText({ start: { line: range.start.line, character: 0 }, end: { line: range.start.line + 1, character: 0 } }));
    return fnv1a(`${covered}\u0000${line}`, { size: 64 }).toString(16).padStart(16, '0');
  });
}

/**
 * The baseline of `files` as they are now. Entries of `previous` for files not among `files` are
 * kept, so that writing a baseline for part of a project leaves the rest of it alone.
 */
export function createBaseline(files: readonly BaselineFile[], previous: Baseline = EMPTY_BASELINE): Baseline {
  const entries = new Map(Object.entries(previous.files));
  for (const file of files) entries.delete(file.path);
  for (const file of files) {
    // A rule that crashed is the tool's failure, not a finding to live with: never listed.
    const findings = file.findings.filter((finding) => finding.fatal === undefined);
    if (findings.length === 0) continue;
    const byRule: Record<string, Record<string, number>> = {};
    const prints = baselineFingerprints(file.text, findings);
    findings.forEach((finding, i) => {
      const counts = (byRule[finding.ruleId] ??= {});
      counts[prints[i]!] = (counts[prints[i]!] ?? 0) + 1;
    });
    entries.set(file.path, byRule);
  }
  return { version: 1, files: sortedRecord(Object.fromEntries(entries), (rules) => sortedRecord(rules, (counts) => sortedRecord(counts, (n) => n))) };
}

/**
 * Validates a baseline file's parsed JSON.
 * @returns the baseline, or the first problem as `key: what is wrong`.
 */
export function parseBaseline(json: unknown): { ok: true; baseline: Baseline } | { ok: false; issue: string } {
  const parsed = BaselineSchema.safeParse(json);
  if (parsed.success) return { ok: true, baseline: parsed.data };
  const issue = parsed.error.issues[0]!;
  // A bad fingerprint is a bad record key: say what a key should be, not just that it is invalid.
  const why = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return { ok: false, issue: `${issue.path.map(String).join('.') || '(root)'}: ${why}` };
}

/** The baseline as its file holds it: keys sorted, two-space indentation, so diffs stay small. */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export interface BaselineFilter {
  /** The findings of each file that the baseline does not list, in the order of `files`. */
  findings: Finding[][];
  /** How many findings the baseline hid. */
  hidden: number;
  /** How many of the baseline's findings in these files are gone (fixed): the baseline could be rewritten. */
  stale: number;
}

/**
 * Hides the findings the baseline lists. When a file now has more findings with a fingerprint than
 * the baseline counts, the first ones in the file stay hidden and the rest are reported as new.
 */
export function filterByBaseline(baseline: Baseline, files: readonly BaselineFile[]): BaselineFilter {
  let hidden = 0;
  let stale = 0;
  const findings = files.map((file) => {
    const left = new Map<string, number>();
    for (const [ruleId, counts] of Object.entries(baseline.files[file.path] ?? {})) {
      for (const [print, count] of Object.entries(counts)) left.set(`${ruleId}\u0000${print}`, count);
    }
    const prints = left.size === 0 ? [] : baselineFingerprints(file.text, file.findings);
    const kept = file.findings.filter((finding, i) => {
      const key = `${finding.ruleId}\u0000${prints[i]}`;
      const count = left.get(key) ?? 0;
      if (count === 0) return true;
      left.set(key, count - 1);
      hidden++;
      return false;
    });
    for (const count of left.values()) stale += count;
    return kept;
  });
  return { findings, hidden, stale };
}

function sortedRecord<T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, map(record[key]!)]),
  );
}
