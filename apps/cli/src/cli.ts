import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '@policylint/checker/node';
import { DEFAULT_BASELINE_FILE } from './baseline-option.js';
import { CliError } from './cli-error.js';
import { defaultCacheFile } from './check/result-cache.js';
import type { Concurrency } from './check-pool.js';
import { check, type CheckFormat } from './commands/check.js';
import { checkCorpusGlobs, collectCorpus } from './corpus-option.js';
import { CHECK_FORMATS } from './formatters/index.js';
import { outline, type OutlineFormat } from './commands/outline.js';
import { renumber } from './commands/renumber.js';
import { show } from './commands/show.js';
import { similar } from './commands/similar.js';
import { LOCALES, type Locale } from './messages.js';
import { terminalLine, terminalText } from './terminal-text.js';

function localeOption(): Option {
  return new Option('--locale <locale>', 'message language (default: the config file’s, else zh-CN)').choices(LOCALES);
}

const CORPUS_HELP = 'the plans in force: a folder or a glob under the current folder, or an absolute path; repeatable (default: seeds/ by the config file, or the nearest seeds/)';

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError('expected a whole number, or -1 for no limit');
  return n;
}

interface CheckFlags {
  format: CheckFormat;
  output?: string;
  config?: string;
  locale?: Locale;
  corpus: string[];
  maxWarnings?: number;
  quiet?: boolean;
  fix?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  changed?: string | true;
  concurrency: Concurrency;
  color: boolean;
  baseline?: string;
  writeBaseline?: string | true;
}

function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a number of threads, auto or off');
  return n;
}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  setExitCode: (code: number) => void;
  cwd: string;
  isTTY: boolean;
  stderrIsTTY: boolean;
}

function buildProgram(io: Io): Command {
  const program = new Command('policylint')
    .description('Checks Chinese policy drafts: numbering, cross-references, overlap with plans in force.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const fromCwd = (path: string | undefined): string | undefined => (path === undefined ? undefined : resolve(io.cwd, path));
  // `--corpus` globs are checked once the command line is read, to speak its `--locale`.
  program.hook('preAction', async (_program, command) => {
    const { corpus, locale } = command.opts<{ corpus?: string[]; locale?: Locale }>();
    if (corpus !== undefined) await checkCorpusGlobs(corpus, io.cwd, locale ?? 'zh-CN');
  });

  program
    .command('check')
    .description('check plans: files, directories (every .txt and .md) or globs; default: the current directory')
    .argument('[paths...]', 'files, directories or globs')
    .addOption(new Option('--format <format>', 'report format').choices(CHECK_FORMATS).default('stylish'))
    .option('--output <file>', 'write the report to FILE (folders created); the terminal then gets the stylish report')
    .option('--config <file>', 'use this configuration file instead of the nearest policylint.config.json')
    .addOption(localeOption())
    .option('--corpus <dir|glob>', CORPUS_HELP, collectCorpus, [])
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--quiet', 'report errors only (warnings still count for --max-warnings)')
    .option('--fix', 'apply every safe fix to the files, then report what is left')
    .option('--cache', 'skip files whose content, configuration and corpus did not change since the last run')
    .option('--cache-location <file>', 'where --cache keeps its results (default: .policylint/cache/check.json)')
    .option('--changed [base]', 'check only files changed against base (default: the merge base with main), committed or not')
    .addOption(new Option('--concurrency <n>', 'worker threads: a number, auto (many files: one per core) or off').default('auto').argParser(parseConcurrency))
    .option('--baseline <file>', 'hide the findings listed in this baseline file; report only new ones')
    .option('--write-baseline [file]', `list the current findings in a baseline file (default: ${DEFAULT_BASELINE_FILE}) and report none`)
    .option('--no-color', 'no colours in the report')
    .action(async (paths: string[], options: CheckFlags) => {
      const result = await check(paths, {
        format: options.format,
        output: fromCwd(options.output),
        config: fromCwd(options.config),
        locale: options.locale,
        maxWarnings: options.maxWarnings,
        quiet: options.quiet === true,
        fix: options.fix === true,
        corpus: options.corpus,
        color: options.color && io.isTTY && process.env['NO_COLOR'] === undefined,
        cache: options.cache === true || options.cacheLocation !== undefined ? (fromCwd(options.cacheLocation) ?? defaultCacheFile(io.cwd)) : undefined,
        changed: options.changed,
        concurrency: options.concurrency,
        progress: { isTTY: io.stderrIsTTY, write: io.stderr },
        baseline: {
          use: fromCwd(options.baseline),
          write: options.writeBaseline === undefined ? undefined : resolve(io.cwd, options.writeBaseline === true ? DEFAULT_BASELINE_FILE : options.writeBaseline),
          cwd: io.cwd,
        },
        cwd: io.cwd,
      });
      for (const note of result.notes) io.stderr(`${terminalLine(note)}\n`);
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
      // The diff is a patch: it stays byte for byte what `git apply` needs.
      io.stdout(stdout);
      io.stderr(terminalText(stderr));
    });

  program
    .command('show')
    .description('print what a citation points at, e.g. "《…行动方案》第3条", or "第3条" --in FILE')
    .argument('<ref>', 'a citation')
    .option('--in <file>', 'the plan the citation is read in (for 第3条 without 《title》); also locates the corpus')
    .option('--corpus <dir|glob>', CORPUS_HELP, collectCorpus, [])
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
      io.stdout(terminalText(result.stdout));
      io.setExitCode(result.exitCode);
    });

  program
    .command('similar')
    .description('list, for each measure of FILE, its closest measures in the corpus with their similarity (! marks a repeat)')
    .argument('<file>', 'a plan in .txt or .md')
    .option('--corpus <dir|glob>', CORPUS_HELP, collectCorpus, [])
    .option('--limit <n>', 'matches per measure (default: overlap.maxMatches, 3)', parseCount)
    .option('--config <file>', 'use this configuration file instead of the nearest policylint.config.json')
    .addOption(localeOption())
    .action(async (file: string, options: { corpus: string[]; limit?: number; config?: string; locale?: Locale }) => {
      io.stdout(terminalText(
        await similar(resolve(io.cwd, file), {
          corpus: options.corpus,
          limit: options.limit,
          config: fromCwd(options.config),
          locale: options.locale,
          cwd: io.cwd,
        }),
      ));
    });

  program
    .command('outline')
    .description('print the plan tree of FILE')
    .argument('<file>', 'a plan in .txt or .md')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(localeOption())
    .action(async (file: string, options: { format: OutlineFormat; locale?: Locale }) => {
      const printed = await outline(file, options.format, options.locale ?? 'zh-CN');
      io.stdout(options.format === 'text' ? terminalText(printed) : printed);
    });
  return program;
}

/** The --locale given to the command that ran, if any. */
function commandLocale(program: Command): Locale | undefined {
  return program.commands.map((command) => (command.opts() as { locale?: Locale }).locale).find((locale) => locale !== undefined);
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
    stderrIsTTY: process.stderr.isTTY === true,
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
      // A configuration that cannot be read cannot say its locale: --locale, else zh-CN.
      const message = error instanceof ConfigError ? error.localized[commandLocale(program) ?? 'zh-CN'] : error.message;
      for (const line of message.split('\n')) process.stderr.write(`policylint: ${terminalLine(line)}\n`);
      return error instanceof CliError ? error.exitCode : 2;
    }
    const why = error instanceof Error ? error.message : String(error);
    process.stderr.write(`policylint: internal error: ${terminalLine(why)}\n`);
    return 2;
  }
}

/**
 * Runs the CLI on this process's arguments and sets its exit code: what `bin/policylint.cjs` calls
 * once it has loaded the bundle (a worker thread of a parallel check calls `serveChecks` instead).
 */
export function runCli(): Promise<void> {
  // A reader that stops early (`policylint outline x | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

export { serveChecks } from './check-worker.js';
