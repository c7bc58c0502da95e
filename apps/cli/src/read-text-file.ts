import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error.js';
import { message, type Locale } from './messages.js';

/** Reads a UTF-8 text file; a missing file, a directory or an I/O failure becomes a one-line CliError. */
export async function readTextFile(path: string, locale: Locale): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(message(locale, 'fileNotFound', path));
    if (code === 'EISDIR') throw new CliError(message(locale, 'isDirectory', path));
    throw new CliError(message(locale, 'cannotRead', path, code ?? String(error)));
  }
}
