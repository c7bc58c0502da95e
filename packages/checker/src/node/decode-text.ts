/**
 * The encodings a plan file is read in. UTF-16 is only recognized by its BOM, so `utf-16le` and
 * `utf-16be` always mean "with a BOM"; `utf-8-bom` is UTF-8 that starts with one. GB18030 covers
 * GBK and GB2312, which is what drafts saved on Windows without a BOM usually are.
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** What a file's bytes are: text in an encoding, or not a text file, or text in no encoding we read. */
export type DecodedText =
  | { kind: 'text'; text: string; encoding: TextEncodingName }
  | { kind: 'binary' }
  | { kind: 'undecodable' };

// Like git and grep, look for NUL in the first few KB only: text never has one, binaries almost always do early.
const SNIFF_BYTES = 8000;

// Formats a drafter might hand over by mistake (an image, a PDF, a Word or WPS document, an archive).
// Most have a NUL early anyway; the signatures make the verdict certain.
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // ZIP: .docx, .xlsx, .wps of newer versions
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2: .doc, .xls, older .wps
  [0x1f, 0x8b], // gzip
];

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

// Fatal: a file in another encoding must be reported, never read with U+FFFD in it and, with
// --fix, written back mangled. The decoders drop the BOM; the encoding name remembers it.
const decoders = {
  'utf-8': new TextDecoder('utf-8', { fatal: true }),
  'utf-16le': new TextDecoder('utf-16le', { fatal: true }),
  'utf-16be': new TextDecoder('utf-16be', { fatal: true }),
  gb18030: new TextDecoder('gb18030', { fatal: true }),
};

/**
 * Decodes a text file's bytes. A BOM decides UTF-8 or UTF-16; without one, UTF-8 is tried first and
 * GB18030 second (every ASCII or UTF-8 file stays UTF-8). The text never carries the BOM, so
 * positions are the same whatever the encoding. (A few GB18030 characters are valid UTF-8 bytes too,
 * 一 is D2 BB, also һ, so a very short GB18030 file can read as UTF-8; a whole draft practically never does.)
 * @returns the text and its encoding; `binary` when a NUL or a known binary signature shows it is
 * not text; `undecodable` when it is neither valid UTF-8 nor GB18030 (nor valid UTF-16 after a UTF-16 BOM).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = startsWith(bytes, UTF16LE_BOM) ? 'utf-16le' : startsWith(bytes, UTF16BE_BOM) ? 'utf-16be' : undefined;
  if (utf16 !== undefined) {
    const text = tryDecode(utf16, bytes);
    if (text === undefined) return { kind: 'undecodable' };
    return text.slice(0, SNIFF_BYTES / 2).includes('\0') ? { kind: 'binary' } : { kind: 'text', text, encoding: utf16 };
  }
  if (BINARY_SIGNATURES.some((signature) => startsWith(bytes, signature)) || bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    return { kind: 'binary' };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { kind: 'text', text: utf8, encoding: startsWith(bytes, UTF8_BOM) ? 'utf-8-bom' : 'utf-8' };
  // A UTF-8 BOM says what the file means to be: broken UTF-8 after it is not GB18030.
  const gb18030 = startsWith(bytes, UTF8_BOM) ? undefined : tryDecode('gb18030', bytes);
  return gb18030 === undefined ? { kind: 'undecodable' } : { kind: 'text', text: gb18030, encoding: 'gb18030' };
}

function tryDecode(encoding: keyof typeof decoders, bytes: Uint8Array): string | undefined {
  try {
    return decoders[encoding].decode(bytes);
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}
