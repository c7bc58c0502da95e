import { readFileSync } from 'node:fs';
import { decodeText, type TextEncodingName } from '@policylint/checker/node';
import { CliError } from './cli-error.js';
import { message, type Locale } from './messages.js';

/** A text file's content without its BOM, and the encoding to write it back in (`writeTextFile`). */
export interface TextFile {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Reads a text file in UTF-8, UTF-8 or UTF-16 with a BOM, or GB18030 (see `decodeText`). A missing
 * file, a directory, a binary file, undecodable bytes or an I/O failure become a one-line CliError.
 * Read synchronously: an asynchronous read waits for a libuv worker thread and a turn of the event
 * loop, and nothing else runs meanwhile (checker's load-corpus.ts).
 */
export async function readTextFile(path: string, locale: Locale): Promise<TextFile> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(message(locale, 'fileNotFound', path));
    if (code === 'EISDIR') throw new CliError(message(locale, 'isDirectory', path));
    throw new CliError(message(locale, 'cannotRead', path, code ?? String(error)));
  }
  const decoded = decodeText(bytes);
  if (decoded.kind === 'binary') throw new CliError(message(locale, 'notText', path));
  if (decoded.kind === 'undecodable') throw new CliError(message(locale, 'cannotDecode', path));
  return { text: decoded.text, encoding: decoded.encoding };
}
