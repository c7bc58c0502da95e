import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh folder holding `files`, removed after the test: path → text, `{ copy: repoPath }`, or
 * `{ fixture: repoPath }` for a checker fixture with its ⟦rule-id⟧ expectation marks taken out.
 */
export function tempDir(files: Record<string, string | { copy: string } | { fixture: string }>, root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof content === 'string') writeFileSync(target, content);
    else if ('copy' in content) cpSync(join(root, content.copy), target);
    else writeFileSync(target, readFileSync(join(root, content.fixture), 'utf8').replace(/[ \t]*⟦[a-z,-]+⟧/g, ''));
  }
  return dir;
}
