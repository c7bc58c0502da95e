import { Command, CommanderError, Option } from 'commander';
import { CliError } from './cli-error.js';
import { outline, type OutlineFormat } from './commands/outline.js';
import { isLocale, LOCALES, type Locale } from './messages.js';

function localeOption(): Option {
  return new Option('--locale <locale>', 'message language').choices(LOCALES).default('zh-CN');
}

function buildProgram(write: (text: string) => void): Command {
  const program = new Command('policylint')
    .description('Checks Chinese policy drafts: numbering, cross-references, overlap with plans in force.')
    .exitOverride()
    .showHelpAfterError(false);

  program
    .command('outline')
    .description('print the plan tree of FILE')
    .argument('<file>', 'a plan in .txt or .md')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(localeOption())
    .action(async (file: string, options: { format: OutlineFormat; locale: string }) => {
      const locale: Locale = isLocale(options.locale) ? options.locale : 'zh-CN';
      write(await outline(file, options.format, locale));
    });
  return program;
}

/** Runs the CLI and returns the exit code: 0 success, 1 findings, 2 usage, config or I/O error. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram((text) => process.stdout.write(text));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; every other commander error is a usage error (exit 2).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`policylint: ${error.message}\n`);
      return error.exitCode;
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
