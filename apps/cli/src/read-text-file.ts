import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error.js';
import { message, type Locale } from './messages.js';

// Fatal: a file that is not UTF-8 must stop with a message, never be read with U+FFFD in it and,
// with --fix, written back mangled. The BOM is kept in the text so a fix writes it back.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a UTF-8 text file; a missing file, a directory, undecodable bytes or an I/O failure become a one-line CliError. */
export async function readTextFile(path: string, locale: Locale): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(message(locale, 'fileNotFound', path));
    if (code === 'EISDIR') throw new CliError(message(locale, 'isDirectory', path));
    throw new CliError(message(locale, 'cannotRead', path, code ?? String(error)));
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new CliError(message(locale, 'notUtf8', path));
  }
}
