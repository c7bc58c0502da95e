import { decodeText, type TextEncodingName } from '@policylint/checker/node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText } from '../src/encode-text.js';

const ENCODINGS: TextEncodingName[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'];

describe('encodeText', () => {
  it('writes the BOM each encoding was read with, and none for UTF-8 and GB18030', () => {
    const starts = Object.fromEntries(ENCODINGS.map((encoding) => [encoding, [...encodeText('一、', encoding)!.subarray(0, 3)]]));
    expect(starts).toEqual({
      'utf-8': [0xe4, 0xb8, 0x80],
      'utf-8-bom': [0xef, 0xbb, 0xbf],
      'utf-16le': [0xff, 0xfe, 0x00],
      'utf-16be': [0xfe, 0xff, 0x4e],
      gb18030: [0xd2, 0xbb, 0xa1],
    });
  });

  it('gives bytes that read back as the same text in the same encoding', () => {
    // Chinese text, as GB18030 files hold: anything shorter could happen to be valid UTF-8 too (below).
    const chinese = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)), minLength: 8 });
    const text = fc.tuple(chinese, fc.string({ unit: 'grapheme' })).map(([a, b]) => a + b.replace(/\0/g, ''));
    fc.assert(
      fc.property(text, fc.constantFrom(...ENCODINGS), (s, encoding) => {
        expect(decodeText(encodeText(s, encoding)!)).toEqual({ kind: 'text', text: s, encoding });
      }),
    );
  });

  it('refuses text that would not read back the same, rather than write it', () => {
    // A lone surrogate has no encoding at all.
    expect(encodeText('一、总体\ud800要求', 'utf-8')).toBeUndefined();
    expect(encodeText('一、总体\ud800要求', 'gb18030')).toBeUndefined();
    // 一 is D2 BB in GB18030, which is also valid UTF-8 (һ): the file would read back as other text.
    expect(encodeText('一', 'gb18030')).toBeUndefined();
    expect([...encodeText('一、', 'gb18030')!]).toEqual([0xd2, 0xbb, 0xa1, 0xa2]);
  });
});
