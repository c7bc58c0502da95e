import { spawn, spawnSync } from 'node:child_process';
import { constants, openSync, closeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CLI_PATH, ROOT } from './run-cli.js';
import { tempDir } from './temp-dir.js';

const PLAN = '关于某项工作的实施方案\n一、总体要求\n1.推进改革。落实责任。\n2.加强监管。推动共享。\n';
// A progress line is drawn over the line before it: carriage return, erase to the end of the line.
const ERASE = '\r\x1b[K';

interface SlowRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `command` on a.txt, b.txt, c.txt where b.txt is a named pipe: the run stalls on it (like a
 * slow network drive) until, well over a second after the check reached it, the plan is written into it.
 */
async function slowRun(command: string, args: readonly string[]): Promise<SlowRun> {
  const dir = tempDir({ 'a.txt': PLAN, 'c.txt': PLAN, 'seeds/plan.txt': PLAN }, ROOT);
  const fifo = join(dir, 'b.txt');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const started = performance.now();
  const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

  // Opening the pipe for writing returns once the check opens it for reading.
  const writer = open(fifo, 'w');
  const opened = await Promise.race([writer, exited.then(() => undefined)]);
  if (opened === undefined) {
    closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK)); // lets the pending open return
    await (await writer).close();
    throw new Error(`the check ended without reading b.txt: ${stderr}`);
  }
  // The stall that makes the run slow: longer than the second before a progress line may appear.
  await delay(1200);
  await opened.writeFile(PLAN);
  await opened.close();
  const status = await exited;
  return { status, stdout, stderr, ms: performance.now() - started };
}

describe('policylint check: the progress line', () => {
  it('never reaches a stderr that is not a terminal, even in a run of over a second', async () => {
    const { status, stdout, stderr, ms } = await slowRun(CLI_PATH, ['check', 'a.txt', 'b.txt', 'c.txt', '--format', 'json']);
    expect(ms).toBeGreaterThan(1200);
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as Array<{ filePath: string }>).map((f) => f.filePath.slice(-5))).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(stderr).toBe('');
  });

  it('is drawn on a terminal in the same run, and erased before the report', async () => {
    // script(1) gives the CLI a pseudo-terminal for stdout and stderr; its own output is what the terminal shows.
    const { status, stdout } = await slowRun('script', ['-qefc', `'${CLI_PATH}' check a.txt b.txt c.txt --format json`, '/dev/null']);
    expect(status).toBe(0);
    const drawn = stdout.indexOf(`${ERASE}policylint：`);
    expect(drawn).toBeGreaterThanOrEqual(0);
    expect(stdout.slice(drawn + ERASE.length)).toMatch(/^policylint：已检查 [1-3]\/3 个文件…/);
    const report = stdout.indexOf('[{');
    // Nothing but the erase between the last line drawn and the report.
    const erased = stdout.lastIndexOf(ERASE, report);
    expect(erased).toBeGreaterThan(drawn);
    expect(stdout.slice(erased, report)).toBe(ERASE);
  });
});
