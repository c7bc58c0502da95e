import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '@policylint/checker';
import { sha256, writeAtomically } from '@policylint/checker/node';
import { packageInfo } from '../package-info.js';

/** A remembered check of one file: valid while its key is; `findings` undefined for a file that is not a plan. */
export interface CachedResult {
  key: string;
  findings: Finding[] | undefined;
}

/** Where `--cache` keeps its results unless `--cache-location` says otherwise. */
export function defaultCacheFile(cwd: string): string {
  return join(cwd, '.policylint', 'cache', 'check.json');
}

// Results of another version of policylint are never reused: its rules may say otherwise.
let version: string | undefined;
function currentVersion(): string {
  return (version ??= packageInfo().version);
}

/** The key a result is valid under: the file's text, its configuration, its corpus, and this version of policylint. */
export function contentHash(parts: readonly string[]): string {
  return sha256(currentVersion(), ...parts);
}

interface CacheFile {
  version: string;
  results: Record<string, CachedResult>;
}

/**
 * `--cache`: the results of earlier runs by file path. A file whose key still matches is not checked
 * again. A missing, unreadable or foreign cache file is simply an empty cache, never an error.
 */
export class ResultCache {
  private constructor(
    private readonly file: string,
    private readonly results: Map<string, CachedResult>,
  ) {}

  static async open(file: string): Promise<ResultCache> {
    const results = new Map<string, CachedResult>();
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
      if (parsed.version === currentVersion() && typeof parsed.results === 'object' && parsed.results !== null) {
        for (const [path, result] of Object.entries(parsed.results)) results.set(path, result);
      }
    } catch {
      // No cache yet, or one we cannot read: start empty.
    }
    return new ResultCache(file, results);
  }

  lookup(filePath: string, key: string): CachedResult | undefined {
    const result = this.results.get(filePath);
    return result?.key === key ? result : undefined;
  }

  remember(filePath: string, result: CachedResult): void {
    this.results.set(filePath, result);
  }

  /** Writes the cache; a folder that cannot be written is not an error (the cache only saves time). */
  async save(): Promise<void> {
    await writeAtomically(this.file, JSON.stringify({ version: currentVersion(), results: Object.fromEntries(this.results) } satisfies CacheFile));
  }
}
