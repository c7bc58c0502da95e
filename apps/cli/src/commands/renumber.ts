import { relative } from 'node:path';
import { renumberText, type Locale } from '@policylint/checker';
import { ConfigLoader } from '@policylint/checker/node';
import { createTwoFilesPatch } from 'diff';
import { message } from '../messages.js';
import { readTextFile } from '../read-text-file.js';
import { writeTextFile } from '../write-text-file.js';

/**
 * `policylint renumber FILE`: renumbers every level by the document's conventions and normalizes
 * markers. Prints a unified diff, or with `--write` rewrites the file.
 */
export async function renumber(
  file: string,
  options: { write: boolean; config: string | undefined; locale: Locale | undefined; cwd: string },
): Promise<{ stdout: string; stderr: string }> {
  const { config } = await new ConfigLoader(options.config).forFile(file);
  const locale = options.locale ?? config.locale;
  const { text, encoding } = await readTextFile(file, locale);
  const { text: renumbered } = renumberText(text, { config });
  const shown = relative(options.cwd, file) || file;
  if (renumbered === text) return { stdout: '', stderr: `${message(locale, 'unchanged', shown)}\n` };
  if (options.write) {
    await writeTextFile(file, renumbered, encoding, locale);
    return { stdout: '', stderr: `${message(locale, 'wrote', shown)}\n` };
  }
  return { stdout: createTwoFilesPatch(`a/${shown}`, `b/${shown}`, text, renumbered, undefined, undefined, { context: 1 }), stderr: '' };
}
