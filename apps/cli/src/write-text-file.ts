import { writeFile } from 'node:fs/promises';
import type { TextEncodingName } from '@policylint/checker/node';
import { CliError } from './cli-error.js';
import { message, type Locale } from './messages.js';

const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030',
};

/**
 * Writes `text` back in the encoding the file was read in (see `readTextFile`). Text the encoding
 * cannot hold, or an I/O failure, becomes a one-line CliError, and then the file is left as it was.
 */
export async function writeTextFile(path: string, text: string, encoding: TextEncodingName, locale: Locale): Promise<void> {
  // Loaded here, not at start-up: iconv-lite's tables are a third of the CLI bundle, and only --fix needs them.
  const { encodeText } = await import('./encode-text.js');
  const bytes = encodeText(text, encoding);
  if (bytes === undefined) throw new CliError(message(locale, 'cannotEncode', path, ENCODING_LABELS[encoding]));
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw new CliError(message(locale, 'cannotWrite', path, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
}
