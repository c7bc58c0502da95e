import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '@policylint/checker/node';
import { CliError } from './cli-error.js';
import { check, type CheckFormat } from './commands/check.js';
import { CHECK_FORMATS } from './formatters/index.js';
import { outline, type OutlineFormat } from './commands/outline.js';
import { renumber } from './commands/renumber.js';
import { show } from './commands/show.js';
import { similar } from './commands/similar.js';
import { LOCALES, type Locale } from './messages.js';

function localeOption(): Option {
  return new Option('--locale <locale>', 'message language (default: the config file’s, else zh-CN)').choices(LOCALES);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const CORPUS_HELP = 'the plans in force: a folder or a glob, repeatable (default: seeds/ by the config file, or the nearest seeds/)';

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError('expected a whole number, or -1 for no limit');
  return n;
}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  setExitCode: (code: number) => void;
  cwd: string;
  isTTY: boolean;
}

function buildProgram(io: Io): Command {
  const program = new Command('policylint')
    .description('Checks Chinese policy drafts: numbering, cross-references, overlap with plans in force.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const fromCwd = (path: string | undefined): string | undefined => (path === undefined ? undefined : resolve(io.cwd, path));

  program
    .command('check')
    .description('check plans: files, directories (every .txt and .md) or globs; default: the current directory')
    .argument('[paths...]', 'files, directories or globs')
    .addOption(new Option('--format <format>', 'report format').choices(CHECK_FORMATS).default('stylish'))
    .option('--output <file>', 'write the report to FILE (folders created); the terminal then gets the stylish report')
    .option('--config <file>', 'use this configuration file instead of the nearest policylint.config.json')
    .addOption(localeOption())
    .option('--corpus <dir|glob>', CORPUS_HELP, collect, [])
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--fix', 'apply every safe fix to the files, then report what is left')
    .option('--no-color', 'no colours in the report')
    .action(async (paths: string[], options: { format: CheckFormat; output?: string; config?: string; locale?: Locale; corpus: string[]; maxWarnings?: number; fix?: boolean; color: boolean }) => {
      const result = await check(paths, {
        format: options.format,
        output: fromCwd(options.output),
        config: fromCwd(options.config),
        locale: options.locale,
        maxWarnings: options.maxWarnings,
        fix: options.fix === true,
        corpus: options.corpus,
        color: options.color && io.isTTY && process.env['NO_COLOR'] === undefined,
        cwd: io.cwd,
      });
      for (const note of result.notes) io.stderr(`${note}\n`);
      io.stdout(result.report);
      io.setExitCode(result.exitCode);
    });

  program
    .command('renumber')
    .description('renumber every level of FILE by its own conventions; print a diff, or rewrite it with --write')
    .argument('<file>', 'a plan in .txt or .md')
    .option('--write', 'rewrite the file instead of printing a diff')
    .option('--config <file>', 'use this configuration file instead of the nearest policylint.config.json')
    .addOption(localeOption())
    .action(async (file: string, options: { write?: boolean; config?: string; locale?: Locale }) => {
      const { stdout, stderr } = await renumber(resolve(io.cwd, file), {
        write: options.write === true,
        config: fromCwd(options.config),
        locale: options.locale,
        cwd: io.cwd,
      });
      io.stdout(stdout);
      io.stderr(stderr);
    });

  program
    .command('show')
    .description('print what a citation points at, e.g. "《…行动方案》第3条", or "第3条" --in FILE')
    .argument('<ref>', 'a citation')
    .option('--in <file>', 'the plan the citation is read in (for 第3条 without 《title》); also locates the corpus')
    .option('--corpus <dir|glob>', CORPUS_HELP, collect, [])
    .option('--config <file>', 'use this configuration file instead of the nearest policylint.config.json')
    .addOption(localeOption())
    .action(async (ref: string, options: { in?: string; config?: string; locale?: Locale; corpus: string[] }) => {
      const result = await show(ref, {
        in: options.in,
        corpus: options.corpus,
        config: fromCwd(options.config),
        locale: options.locale,
        cwd: io.cwd,
      });
      io.stdout(result.stdout);
      io.setExitCode(result.exitCode);
    });

  program
    .command('similar')
    .description('list, for each measure of FILE, its closest measures in the corpus with their similarity (! marks a repeat)')
    .argument('<file>', 'a plan in .txt or .md')
    .option('--corpus <dir|glob>', CORPUS_HELP, collect, [])
    .option('--limit <n>', 'matches per measure (default: overlap.maxMatches, 3)', parseCount)
    .option('--config <file>', 'use this configuration file instead of the nearest policylint.config.json')
    .addOption(localeOption())
    .action(async (file: string, options: { corpus: string[]; limit?: number; config?: string; locale?: Locale }) => {
      io.stdout(
        await similar(resolve(io.cwd, file), {
          corpus: options.corpus,
          limit: options.limit,
          config: fromCwd(options.config),
          locale: options.locale,
          cwd: io.cwd,
        }),
      );
    });

  program
    .command('outline')
    .description('print the plan tree of FILE')
    .argument('<file>', 'a plan in .txt or .md')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(localeOption())
    .action(async (file: string, options: { format: OutlineFormat; locale?: Locale }) => {
      io.stdout(await outline(file, options.format, options.locale ?? 'zh-CN'));
    });
  return program;
}

/** Runs the CLI and returns the exit code: 0 success, 1 findings, 2 usage, config or I/O error. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram({
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    setExitCode: (code) => (exitCode = code),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; every other commander error is a usage error (exit 2).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError || error instanceof ConfigError) {
      for (const line of error.message.split('\n')) process.stderr.write(`policylint: ${line}\n`);
      return error instanceof CliError ? error.exitCode : 2;
    }
    const why = error instanceof Error ? error.message : String(error);
    process.stderr.write(`policylint: internal error: ${why}\n`);
    return 2;
  }
}

// A reader that stops early (`policylint outline x | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
