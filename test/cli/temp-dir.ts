import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder holding `files` (path → text, or `{ copy: repoPath }`), removed after the test. */
export function tempDir(files: Record<string, string | { copy: string }>, root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof content === 'string') writeFileSync(target, content);
    else cpSync(join(root, content.copy), target);
  }
  return dir;
}
