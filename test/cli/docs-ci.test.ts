import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const page = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
const FLAG = /--[a-z][a-z-]*/g;

/** `policylint check --help` of the built binary, one line: commander wraps its columns. */
function checkHelp(): string {
  const { status, stdout } = runCli(['check', '--help']);
  expect(status).toBe(0);
  return stdout.replaceAll(/\s+/g, ' ');
}

/** What docs/ci.md passes to `policylint check`: the rest of every line that runs it. */
function documentedInvocations(): string[] {
  return page.split('\n').flatMap((line) => {
    const at = line.indexOf('policylint check');
    return at === -1 ? [] : [line.slice(at + 'policylint check'.length).split('`')[0]!.split('#')[0]!];
  });
}

describe('docs/ci.md against the built CLI', () => {
  const help = checkHelp();
  const flags = new Set(help.match(FLAG));

  it('runs `policylint check` only with flags the CLI has', () => {
    const used = documentedInvocations().flatMap((args) => args.match(FLAG) ?? []);
    expect(used).toEqual(expect.arrayContaining(['--format', '--output', '--changed', '--cache']));
    expect(used.filter((flag) => !flags.has(flag))).toEqual([]);
  });

  it('lists only flags the CLI has in its flag table', () => {
    const table = page.split('\n').filter((line) => line.startsWith('| `--'));
    const listed = table.map((line) => line.split(' | ')[0]!.match(FLAG)![0]);
    expect(listed.length).toBeGreaterThan(5);
    expect(listed.filter((flag) => !flags.has(flag))).toEqual([]);
  });

  it('names only report formats the CLI has', () => {
    const formats = [...page.matchAll(/--format ([a-z|\\]+)/g)].flatMap((m) => m[1]!.split(/\\?\|/));
    expect(formats).toEqual(expect.arrayContaining(['sarif', 'github', 'gitlab']));
    const choices = /--format <format> .*?\(choices: ([^)]*)/.exec(help)![1]!;
    for (const format of formats) expect(choices, format).toContain(`"${format}"`);
  });
});
