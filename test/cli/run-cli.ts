import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const cliPackage = require.resolve('@policylint/cli/package.json');
const bin = (require(cliPackage) as { bin: { policylint: string } }).bin.policylint;

/** The built `policylint` binary, as npm links it. */
export const CLI_PATH = join(dirname(cliPackage), bin);
export const ROOT = join(import.meta.dirname, '../..');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI binary in a child process, from the repository root unless `cwd` says otherwise. */
export function runCli(args: readonly string[], cwd: string = ROOT): CliResult {
  const result = spawnSync(CLI_PATH, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
