import { decodeText, type TextEncodingName } from '@policylint/checker/node';
import iconv from 'iconv-lite';

// iconv-lite's name for each encoding, and whether the file starts with a BOM (UTF-16 is only ever read with one).
const ICONV: Record<TextEncodingName, { name: string; addBOM: boolean }> = {
  'utf-8': { name: 'utf8', addBOM: false },
  'utf-8-bom': { name: 'utf8', addBOM: true },
  'utf-16le': { name: 'utf16le', addBOM: true },
  'utf-16be': { name: 'utf16be', addBOM: true },
  gb18030: { name: 'gb18030', addBOM: false },
};

/**
 * Encodes `text` in a file's own encoding, BOM included, so a fix leaves the encoding as it was.
 * @returns the bytes, or undefined when they would not read back as exactly `text` (a character
 * the encoding cannot hold, or GB18030 bytes that happen to be valid UTF-8): writing them would lose text.
 */
export function encodeText(text: string, encoding: TextEncodingName): Uint8Array | undefined {
  const { name, addBOM } = ICONV[encoding];
  const bytes = iconv.encode(text, name, { addBOM });
  const back = decodeText(bytes);
  return back.kind === 'text' && back.text === text ? bytes : undefined;
}
